package uk.gov.send.rep.hub.seed;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import uk.gov.send.rep.hub.database.DatabaseReady;

/**
 * Seeds the hub as it starts (web mode: no {@code hub.command}): reference data always, then the
 * {@code hub.seed.scale} graph unless a COMPLETE SeedRun already exists (a LOADING one is
 * resumed), so a restart never seeds twice.
 *
 * <p>A {@link SmartInitializingSingleton} rather than an {@code ApplicationRunner}: it runs once
 * every singleton exists and before the context's lifecycle starts the web server, so the hub
 * takes no traffic until the graph is there. Runners run only after the server is listening.
 */
@Component
class SeedStartup implements SmartInitializingSingleton {

    private final Seeder seeder;
    private final SeedProperties properties;
    private final boolean command;

    // The one place seeding waits for the database: DatabaseReady exists only once the
    // connection is verified and the constraints and indexes are migrated. The seed command goes
    // through this bean too.
    SeedStartup(DatabaseReady databaseReady, Seeder seeder, SeedProperties properties, Environment environment) {
        this.seeder = seeder;
        this.properties = properties;
        this.command = environment.containsProperty("hub.command");
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!command) {
            seed(properties.scale(), properties.seed(), false);
        }
    }

    /** Seeds {@code scale}; see {@link Seeder#seed(String, long, boolean)}. */
    Seeder.Result seed(String scale, long seed, boolean strict) {
        return seeder.seed(scale, seed, strict);
    }
}
