package uk.gov.send.rep.hub.evaluation;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.gov.send.rep.hub.period.Period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The EES tidy-data writer: numbers, symbols, quoting and line ends. */
class TidyCsvTests {

    @Test
    void shouldWriteNumbersInPlainDecimalThatReadBackExactly() {
        assertThat(TidyCsv.number(12L)).isEqualTo("12");
        assertThat(TidyCsv.number(0)).isEqualTo("0");
        assertThat(TidyCsv.number(1.0)).isEqualTo("1");
        assertThat(TidyCsv.number(100.0)).isEqualTo("100");
        assertThat(TidyCsv.number(-0.0)).isEqualTo("0");
        assertThat(TidyCsv.number(0.1)).isEqualTo("0.1");
        assertThat(TidyCsv.number(1.0E-7)).isEqualTo("0.0000001");
        assertThat(TidyCsv.number(-2.5E21)).isEqualTo("-2500000000000000000000");
        assertThat(TidyCsv.number(1.0 / 3)).isEqualTo("0.3333333333333333");
        for (double value : new double[] {Math.PI, 1.0 / 3, 8.571428571428571, 4.9E-324, Double.MAX_VALUE, -1.2345678901234567E-8}) {
            String text = TidyCsv.number(value);
            assertThat(text).as("%s", value).matches("-?\\d+(\\.\\d+)?");
            assertThat(Double.parseDouble(text)).isEqualTo(value);
        }
        assertThat(TidyCsv.number(null)).isEqualTo("x");
        assertThat(TidyCsv.number(Double.NaN)).isEqualTo("x");
        assertThat(TidyCsv.number(Double.POSITIVE_INFINITY)).isEqualTo("x");
    }

    @Test
    void shouldWriteEesColumnsWithGssSymbolsAndRfc4180LineEnds() {
        TidyCsv table = new TidyCsv(List.of("time_period", "time_identifier", "geographic_level", "country_code",
            "country_name", "note", "count", "value", "open", "flag", "unused"));
        table.row().time(Period.term(2023, "Autumn term")).national().text("note", "a, \"quoted\" note")
            .count("count", 12L).figure("value", 1.5, false).date("open", LocalDate.of(2024, 1, 1)).flag("flag", true);
        table.row().time(null).national().text("note", null).count("count", "c").figure("value", 1.5, true)
            .date("open", null).flag("flag", null);
        assertThat(new String(table.bytes(), StandardCharsets.UTF_8)).isEqualTo(
            "time_period,time_identifier,geographic_level,country_code,country_name,note,count,value,open,flag,unused\r\n"
                + "202324,Autumn term,National,E92000001,England,\"a, \"\"quoted\"\" note\",12,1.5,2024-01-01,TRUE,z\r\n"
                + "x,x,National,E92000001,England,x,c,c,z,x,z\r\n");
    }

    @Test
    void shouldRefuseUndeclaredOrRepeatedCells() {
        assertThatThrownBy(() -> new TidyCsv(List.of("Value"))).hasMessageContaining("snake_case");
        assertThatThrownBy(() -> new TidyCsv(List.of("value", "value"))).hasMessageContaining("distinct");
        TidyCsv table = new TidyCsv(List.of("value"));
        assertThatThrownBy(() -> table.row().text("other", "1")).hasMessageContaining("no column other");
        assertThatThrownBy(() -> table.row().text("value", "1").text("value", "2")).hasMessageContaining("set twice");
    }
}
