package uk.gov.send.rep.hub.query;

import java.time.LocalDate;
import java.util.Map;

/** Reads typed values out of a stored node's property map (the driver gives longs and doubles). */
public final class Props {

    private Props() {
    }

    public static String str(Map<String, Object> properties, String name) {
        Object value = properties.get(name);
        return value == null ? null : value.toString();
    }

    public static Integer integer(Map<String, Object> properties, String name) {
        Object value = properties.get(name);
        return value == null ? null : ((Number) value).intValue();
    }

    public static Double decimal(Map<String, Object> properties, String name) {
        Object value = properties.get(name);
        return value == null ? null : ((Number) value).doubleValue();
    }

    public static Boolean bool(Map<String, Object> properties, String name) {
        return (Boolean) properties.get(name);
    }

    public static LocalDate date(Map<String, Object> properties, String name) {
        return (LocalDate) properties.get(name);
    }
}
