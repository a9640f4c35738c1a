package uk.gov.send.rep.hub.seed;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import uk.gov.send.rep.hub.database.DatabaseReady;

/**
 * Seeds the hub as it starts (web mode: no {@code hub.command}): reference data always, then the
 * {@code hub.seed.scale} graph unless a COMPLETE SeedRun already exists (a LOADING one is
 * resumed), so a restart never seeds twice.
 *
 * <p>Seeding starts in the background as soon as this bean exists (its dependencies, the
 * database among them, are ready) and overlaps the rest of the context's start-up. As a
 * {@link SmartInitializingSingleton} the bean then waits for it once every singleton exists,
 * which is before the context's lifecycle starts the web server: the hub takes no traffic until
 * the graph is there (an {@code ApplicationRunner} would run only after the server listens). A
 * failed seed fails the start-up.
 */
@Component
class SeedStartup implements InitializingBean, SmartInitializingSingleton {

    private final Seeder seeder;
    private final SeedProperties properties;
    private final boolean command;
    private CompletableFuture<Seeder.Result> startupSeed;

    // The one place seeding waits for the database: DatabaseReady exists only once the
    // connection is verified and the constraints and indexes are migrated. The seed command goes
    // through this bean too.
    SeedStartup(DatabaseReady databaseReady, Seeder seeder, SeedProperties properties, Environment environment) {
        this.seeder = seeder;
        this.properties = properties;
        this.command = environment.containsProperty("hub.command");
    }

    @Override
    public void afterPropertiesSet() {
        if (!command) {
            startupSeed = CompletableFuture.supplyAsync(() -> seed(properties.scale(), properties.seed(), false),
                task -> Thread.ofPlatform().name("seed-startup").start(task));
        }
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (startupSeed != null) {
            try {
                startupSeed.join();
            }
            catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
    }

    /** Seeds {@code scale}; see {@link Seeder#seed(String, long, boolean)}. */
    Seeder.Result seed(String scale, long seed, boolean strict) {
        return seeder.seed(scale, seed, strict);
    }
}
