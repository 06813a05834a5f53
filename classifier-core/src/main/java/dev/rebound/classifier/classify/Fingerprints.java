package dev.rebound.classifier.classify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A stable hash of the deciding rule and the decisive lines with only their volatile parts removed
 * (timestamps, UUIDs, long hex ids, IP addresses and ports, workspace path prefixes, line:column positions,
 * durations, counters): status codes, exit codes, file base names and test names stay, so that a 503 and a
 * 404, or Cart.java and Order.java, stay apart while the same failure across a thousand runs is one group.
 */
public final class Fingerprints {

    /** A volatile part, its placeholder, and what a line must hold for the pattern to be worth running. */
    private record Replacement(Pattern pattern, String with, Predicate<String> mayMatch) {

        Replacement(Pattern pattern, String with) {
            this(pattern, with, line -> true);
        }
    }

    private static final Predicate<String> DIGIT = Fingerprints::hasDigit;

    private static boolean hasDigit(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private static Predicate<String> digitAnd(String anyOf) {
        return line -> {
            if (!hasDigit(line)) {
                return false;
            }
            for (int i = 0; i < anyOf.length(); i++) {
                if (line.indexOf(anyOf.charAt(i)) >= 0) {
                    return true;
                }
            }
            return false;
        };
    }

    private static final List<Replacement> VOLATILE = List.of(
            // timestamps and dates
            new Replacement(Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?"), "<ts>", digitAnd(":")),
            new Replacement(Pattern.compile("\\d{4}[/-]\\d{2}[/-]\\d{2}"), "<date>", digitAnd("-/")),
            new Replacement(Pattern.compile("\\b\\d{1,2}:\\d{2}:\\d{2}(?:[.,]\\d+)?\\b"), "<time>", digitAnd(":")),
            // ids
            new Replacement(Pattern.compile("(?i)\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b"), "<uuid>", digitAnd("-")),
            new Replacement(Pattern.compile("(?i)\\b(?:sha256:)?[0-9a-f]{12,}\\b"), "<hex>"),
            new Replacement(Pattern.compile("\\b0x[0-9a-fA-F]+\\b"), "<hex>", line -> line.contains("0x")),
            // addresses
            new Replacement(Pattern.compile("\\b(?:\\d{1,3}\\.){3}\\d{1,3}(?::\\d{1,5})?\\b"), "<ip>", digitAnd(".")),
            new Replacement(Pattern.compile("(?i)\\[?\\b(?:[0-9a-f]{1,4}:){2,7}[0-9a-f]{1,4}\\b\\]?(?::\\d{1,5})?"), "<ip>", line -> line.indexOf(':') >= 0),
            new Replacement(Pattern.compile("(?<=[A-Za-z0-9\\]]):\\d{2,5}\\b(?=[/\\s)\"',;]|$)"), ":<port>", digitAnd(":")),
            new Replacement(Pattern.compile("\\b(?:port|PORT) \\d{2,5}\\b"), "port <port>", DIGIT),
            // workspace prefixes: keep the file's base name
            new Replacement(Pattern.compile("(?:[A-Za-z]:)?(?:[/\\\\][\\w.@+\\-]+)*[/\\\\](?=[\\w.@+\\-]+\\.\\w{1,6}\\b)"), "",
                    line -> line.indexOf('/') >= 0 || line.indexOf('\\') >= 0),
            new Replacement(Pattern.compile("(?:/home/[\\w.\\-]+|/Users/[\\w.\\-]+|/builds|/tmp|/var/lib/jenkins/workspace|/github/workspace|/__w)(?:/[\\w.@+\\-]+)*"), "<path>",
                    line -> line.indexOf('/') >= 0),
            // positions: file.java:12:5, [42,17], line 42, (x.js:10:3)
            new Replacement(Pattern.compile(":\\d+(?::\\d+)?(?=[\\s:)\\]]|$)"), ":<n>", digitAnd(":")),
            new Replacement(Pattern.compile("\\[\\d+,\\d+\\]"), "[<n>]", digitAnd("[")),
            new Replacement(Pattern.compile("(?i)\\b(line|col|column|offset|position|pos)\\s+\\d+"), "$1 <n>", DIGIT),
            // durations
            new Replacement(Pattern.compile("(?i)\\b\\d+(?:\\.\\d+)?\\s?(?:ms|msec|milliseconds?|s|sec|secs|seconds?|m|min|mins|minutes?|h|hours?)\\b"), "<duration>", DIGIT),
            new Replacement(Pattern.compile("(?i)\\b\\d+m\\d+(?:\\.\\d+)?s\\b"), "<duration>", DIGIT),
            // counters that are not status or exit codes
            new Replacement(Pattern.compile("(?i)\\b(attempt|retry|retries|try|run|build|job|pid|thread|#)\\s*#?\\d+"), "$1 <n>", DIGIT),
            new Replacement(Pattern.compile("(?i)\\b(tests? run|failures|errors|skipped|passed|failed|pending|warnings?):?\\s*\\d+"), "$1 <n>", DIGIT),
            new Replacement(Pattern.compile("\\b\\d+/\\d+\\b"), "<n>/<n>", digitAnd("/")),
            new Replacement(Pattern.compile("\\b\\d{5,}\\b"), "<n>", DIGIT),
            new Replacement(Pattern.compile("[ \\t]+"), " ", line -> line.contains("  ") || line.indexOf('\t') >= 0));

    private Fingerprints() {
    }

    /** The fingerprint of a failure decided by {@code ruleId} on {@code lines}. */
    public static String of(String ruleId, List<String> lines) {
        StringBuilder text = new StringBuilder(ruleId);
        for (String line : lines) {
            text.append('\n').append(normalize(line));
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** A line with its volatile parts replaced by placeholders. */
    static String normalize(String line) {
        String result = line;
        for (Replacement replacement : VOLATILE) {
            if (replacement.mayMatch().test(result)) {
                result = replacement.pattern().matcher(result).replaceAll(replacement.with());
            }
        }
        return result.strip();
    }
}
