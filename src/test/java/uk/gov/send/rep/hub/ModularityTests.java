package uk.gov.send.rep.hub;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Feature boundaries: no cycles, no reaching into another feature's internals. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(HubApplication.class);

    @Test
    void shouldKeepFeatureBoundaries() {
        modules.verify();
    }

    @Test
    void shouldDocumentModules() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
