package uk.gov.send.rep.hub.security;

import java.util.regex.Pattern;

/**
 * The formats of the codes a token may carry. A token (or the {@code token} command) can only be
 * checked for format; whether the code exists is checked against the graph per request.
 */
final class Codes {

    /** An ONS local authority code: a letter and eight digits, e.g. E06000047. */
    static final Pattern ONS = Pattern.compile("[EWSN]\\d{8}");

    /** A DfE local authority number: three digits, e.g. 840. */
    static final Pattern DFE = Pattern.compile("\\d{3}");

    /** A partnership code: upper-case letters, digits and dashes, e.g. CPP-NE. */
    static final Pattern PARTNERSHIP = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,31}");

    static final String LOCAL_AREA_FORMAT = "an ONS code (a letter and 8 digits, e.g. E06000047) or a DfE code (3 digits, e.g. 840)";

    static final String PARTNERSHIP_FORMAT = "a partnership code (upper-case letters, digits and dashes, e.g. CPP-NE)";

    private Codes() {
    }

    static boolean isLocalArea(String code) {
        return code != null && (ONS.matcher(code).matches() || DFE.matcher(code).matches());
    }

    static boolean isDfe(String code) {
        return code != null && DFE.matcher(code).matches();
    }

    static boolean isPartnership(String code) {
        return code != null && PARTNERSHIP.matcher(code).matches();
    }
}
