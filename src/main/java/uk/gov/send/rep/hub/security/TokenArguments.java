package uk.gov.send.rep.hub.security;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code token} command's arguments: {@code --role ROLE [--partnership CODE]
 * [--local-area CODE] [--ttl DURATION] [--subject NAME]} (each also as {@code --name=value}),
 * and Spring properties ({@code --hub.neo4j.embedded.data-dir=DIR}) passed on to the context.
 * Codes are checked for format only: the command has no database; the hub checks that they
 * exist when the token is used.
 *
 * @param role the role
 * @param partnership the partnership code (lead only)
 * @param localArea the ONS or DfE code (local area only)
 * @param ttl the token's life, or null for {@code hub.security.local.default-ttl}
 * @param subject the token's subject
 * @param springArguments the arguments that are Spring properties
 */
record TokenArguments(HubRole role, String partnership, String localArea, Duration ttl, String subject,
        List<String> springArguments) {

    static final String USAGE = "usage: token --role ROLE [--partnership CODE] [--local-area CODE] [--ttl DURATION] [--subject NAME]";

    private static final Set<String> OPTIONS = Set.of("role", "partnership", "local-area", "ttl", "subject");

    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d{1,9})([smhd])");

    private static final Pattern SUBJECT = Pattern.compile("[\\p{L}\\p{N}._@:+-]{1,200}");

    /** A wrong argument: the message names it. */
    static final class BadArgument extends RuntimeException {
        BadArgument(String message) {
            super(message);
        }
    }

    static TokenArguments parse(String[] args, String defaultSubject) {
        String role = null;
        String partnership = null;
        String localArea = null;
        String ttl = null;
        String subject = null;
        List<String> spring = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new BadArgument("unexpected argument '" + arg + "' (" + USAGE + ")");
            }
            String name = arg.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (!OPTIONS.contains(name)) {
                if (name.contains(".") && value != null) {
                    spring.add(arg);
                    continue;
                }
                throw new BadArgument("unknown option --" + name + " (" + USAGE
                    + "; Spring properties as --name.of.property=value)");
            }
            if (value == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new BadArgument("--" + name + " needs a value");
                }
                value = args[++i];
            }
            switch (name) {
                case "role" -> role = once(name, role, value);
                case "partnership" -> partnership = once(name, partnership, value);
                case "local-area" -> localArea = once(name, localArea, value);
                case "ttl" -> ttl = once(name, ttl, value);
                default -> subject = once(name, subject, value);
            }
        }
        if (role == null) {
            throw new BadArgument("--role is required: one of " + HubRole.names());
        }
        HubRole parsedRole = HubRole.named(role.toUpperCase(Locale.ROOT));
        if (parsedRole == null) {
            throw new BadArgument("--role " + role + " is not a role: one of " + HubRole.names());
        }
        if (parsedRole.needs() == HubRole.Needs.PARTNERSHIP) {
            if (partnership == null) {
                throw new BadArgument("--role " + parsedRole + " needs --partnership CODE (e.g. CPP-NE)");
            }
            if (!Codes.isPartnership(partnership)) {
                throw new BadArgument("--partnership " + partnership + " is not " + Codes.PARTNERSHIP_FORMAT);
            }
        }
        else if (partnership != null) {
            throw new BadArgument("--partnership is only for --role PARTNERSHIP_LEAD, not " + parsedRole);
        }
        if (parsedRole.needs() == HubRole.Needs.LOCAL_AREA) {
            if (localArea == null) {
                throw new BadArgument("--role " + parsedRole + " needs --local-area CODE (" + Codes.LOCAL_AREA_FORMAT + ")");
            }
            if (!Codes.isLocalArea(localArea)) {
                throw new BadArgument("--local-area " + localArea + " is not " + Codes.LOCAL_AREA_FORMAT);
            }
        }
        else if (localArea != null) {
            throw new BadArgument("--local-area is only for --role LOCAL_AREA, not " + parsedRole);
        }
        if (subject == null) {
            subject = defaultSubject;
        }
        if (!SUBJECT.matcher(subject).matches()) {
            throw new BadArgument("--subject " + subject
                + " must be 1 to 200 letters, digits and . _ @ : + - (no spaces)");
        }
        return new TokenArguments(parsedRole, partnership, localArea, ttl == null ? null : duration(ttl), subject,
            List.copyOf(spring));
    }

    private static String once(String name, String previous, String value) {
        if (previous != null) {
            throw new BadArgument("--" + name + " is given twice");
        }
        return value;
    }

    /** {@code duration} as the simple form when it is whole days, hours, minutes or seconds ({@code 30d}), else ISO-8601. */
    static String format(Duration duration) {
        if (duration.toSeconds() > 0 && duration.toNanosPart() == 0) {
            long seconds = duration.toSeconds();
            if (seconds % 86_400 == 0) {
                return seconds / 86_400 + "d";
            }
            if (seconds % 3_600 == 0) {
                return seconds / 3_600 + "h";
            }
            return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
        }
        return duration.toString();
    }

    /** {@code PT8H}, {@code P7D} (ISO-8601) or {@code 30s}, {@code 30m}, {@code 8h}, {@code 7d}; more than zero. */
    static Duration duration(String text) {
        Duration duration;
        Matcher simple = SIMPLE_DURATION.matcher(text);
        if (simple.matches()) {
            long amount = Long.parseLong(simple.group(1));
            duration = switch (simple.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        else {
            try {
                duration = Duration.parse(text);
            }
            catch (DateTimeParseException e) {
                throw new BadArgument("--ttl " + text + " is not a duration: use e.g. 30m, 8h, 7d or ISO-8601 PT8H");
            }
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new BadArgument("--ttl " + text + " must be longer than zero");
        }
        return duration;
    }
}
