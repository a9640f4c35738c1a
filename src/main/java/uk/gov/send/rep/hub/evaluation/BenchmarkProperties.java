package uk.gov.send.rep.hub.evaluation;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Area benchmarking (README "Area benchmarking", ADR 0014).
 *
 * @param neighbourCharacteristics codes of the area-level measures statistical neighbours are
 *     chosen on; by default {@link #DEFAULT_CHARACTERISTICS}. Codes that name no area-level
 *     measure are not used (each answer lists the characteristics it used).
 */
@Validated
@ConfigurationProperties("hub.evaluation")
record BenchmarkProperties(
        @NotEmpty(message = "names no measure: statistical neighbours need at least one area-level measure code")
        List<@NotBlank(message = "holds a blank measure code") String> neighbourCharacteristics) {

    /**
     * What describes an area's SEND system rather than the outcomes a reform sets out to change:
     * spending, financial pressure, where children with plans are taught, health-service waits and
     * the attainment of its pupils with SEN; all per head or per pupil, so that size does not decide.
     */
    static final List<String> DEFAULT_CHARACTERISTICS = List.of("HIGH_NEEDS_SPEND_PER_HEAD", "DSG_CUMULATIVE_BALANCE",
        "PCT_SEN_IN_MAINSTREAM", "AUTISM_WAIT_WEEKS", "KS2_RWM_EXPECTED");

    BenchmarkProperties {
        neighbourCharacteristics = neighbourCharacteristics == null ? DEFAULT_CHARACTERISTICS
            : List.copyOf(neighbourCharacteristics);
    }
}
