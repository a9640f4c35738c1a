package uk.gov.send.rep.hub.transfer;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every property type the format encodes comes back as the same type and value. */
class TypedJsonTests {

    @Test
    void shouldRoundTripEveryTypeAndTellIntegersFromWholeFloats() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("text", "St Mary's \"C of E\" \u00e9");
        properties.put("flag", true);
        properties.put("count", 2011L);
        properties.put("whole", 20.0);
        properties.put("tiny", 1.5e-7);
        properties.put("nan", Double.NaN);
        properties.put("infinite", Double.NEGATIVE_INFINITY);
        properties.put("day", LocalDate.of(2024, 9, 1));
        properties.put("at", ZonedDateTime.of(2026, 12, 1, 6, 49, 4, 123_000_000, ZoneOffset.UTC));
        properties.put("zoned", ZonedDateTime.of(2026, 6, 1, 9, 0, 0, 0, ZoneId.of("Europe/London")));
        properties.put("local", LocalDateTime.of(2024, 9, 1, 8, 30));
        properties.put("time", OffsetTime.of(8, 30, 0, 0, ZoneOffset.ofHours(1)));
        properties.put("localTime", LocalTime.of(8, 30, 15));
        properties.put("duration", Values.isoDuration(1, 2, 3, 4).asIsoDuration());
        properties.put("years", List.of(2023L, 2024L));

        String json = JsonLines.MAPPER.writeValueAsString(TypedJson.encode(properties));
        assertThat(json).contains("\"count\":2011,").contains("\"whole\":20.0,").contains("\"day\":{\"$date\":\"2024-09-01\"}")
            .contains("\"at\":{\"$datetime\":\"2026-12-01T06:49:04.123Z\"}").contains("\"nan\":{\"$float\":\"NaN\"}");
        Map<String, Object> back = TypedJson.decode(JsonLines.MAPPER.readTree(json));
        assertThat(back).isEqualTo(properties);
        assertThat(back.get("count")).isInstanceOf(Long.class);
        assertThat(back.get("whole")).isInstanceOf(Double.class);
    }

    @Test
    void shouldRoundTripBytesAndRefuseWhatIsNotAValue() {
        Map<String, Object> back = TypedJson.decode(JsonLines.MAPPER.readTree(
            JsonLines.MAPPER.writeValueAsString(TypedJson.encode(Map.of("bytes", new byte[] {1, 2, (byte) 255})))));
        assertThat((byte[]) back.get("bytes")).containsExactly(1, 2, 255);
        assertThatThrownBy(() -> TypedJson.decode(JsonLines.MAPPER.readTree("{\"issued\":{\"$date\":\"2024-13-01\"}}")))
            .hasMessageStartingWith("property issued: $date value \"2024-13-01\" is not valid");
        assertThatThrownBy(() -> TypedJson.decode(JsonLines.MAPPER.readTree("{\"where\":{\"x\":1,\"y\":2}}")))
            .hasMessageStartingWith("property where: ");
        assertThatThrownBy(() -> TypedJson.encode(Map.of("where", Values.point(7203, 1, 2).asPoint())))
            .hasMessageContaining("property where has a value of type");
    }
}
