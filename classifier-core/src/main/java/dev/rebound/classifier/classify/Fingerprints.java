package dev.rebound.classifier.classify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A stable hash of the deciding rule and the decisive lines with only their volatile parts removed
 * (timestamps, UUIDs, long hex ids, IP addresses and ports, workspace path prefixes, line:column positions,
 * durations, counters): status codes, exit codes, file base names and test names stay, so that a 503 and a
 * 404, or Cart.java and Order.java, stay apart while the same failure across a thousand runs is one group.
 */
public final class Fingerprints {

    private record Replacement(Pattern pattern, String with) {
    }

    private static final List<Replacement> VOLATILE = List.of(
            // timestamps and dates
            new Replacement(Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?"), "<ts>"),
            new Replacement(Pattern.compile("\\d{4}[/-]\\d{2}[/-]\\d{2}"), "<date>"),
            new Replacement(Pattern.compile("\\b\\d{1,2}:\\d{2}:\\d{2}(?:[.,]\\d+)?\\b"), "<time>"),
            // ids
            new Replacement(Pattern.compile("(?i)\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b"), "<uuid>"),
            new Replacement(Pattern.compile("(?i)\\b(?:sha256:)?[0-9a-f]{12,}\\b"), "<hex>"),
            new Replacement(Pattern.compile("\\b0x[0-9a-fA-F]+\\b"), "<hex>"),
            // addresses
            new Replacement(Pattern.compile("\\b(?:\\d{1,3}\\.){3}\\d{1,3}(?::\\d{1,5})?\\b"), "<ip>"),
            new Replacement(Pattern.compile("(?i)\\[?\\b(?:[0-9a-f]{1,4}:){2,7}[0-9a-f]{1,4}\\b\\]?(?::\\d{1,5})?"), "<ip>"),
            new Replacement(Pattern.compile("(?<=[A-Za-z0-9\\]]):\\d{2,5}\\b(?=[/\\s)\"',;]|$)"), ":<port>"),
            new Replacement(Pattern.compile("\\b(?:port|PORT) \\d{2,5}\\b"), "port <port>"),
            // workspace prefixes: keep the file's base name
            new Replacement(Pattern.compile("(?:[A-Za-z]:)?(?:[/\\\\][\\w.@+\\-]+)*[/\\\\](?=[\\w.@+\\-]+\\.\\w{1,6}\\b)"), ""),
            new Replacement(Pattern.compile("(?:/home/[\\w.\\-]+|/Users/[\\w.\\-]+|/builds|/tmp|/var/lib/jenkins/workspace|/github/workspace|/__w)(?:/[\\w.@+\\-]+)*"), "<path>"),
            // positions: file.java:12:5, [42,17], line 42, (x.js:10:3)
            new Replacement(Pattern.compile(":\\d+(?::\\d+)?(?=[\\s:)\\]]|$)"), ":<n>"),
            new Replacement(Pattern.compile("\\[\\d+,\\d+\\]"), "[<n>]"),
            new Replacement(Pattern.compile("(?i)\\b(line|col|column|offset|position|pos)\\s+\\d+"), "$1 <n>"),
            // durations
            new Replacement(Pattern.compile("(?i)\\b\\d+(?:\\.\\d+)?\\s?(?:ms|msec|milliseconds?|s|sec|secs|seconds?|m|min|mins|minutes?|h|hours?)\\b"), "<duration>"),
            new Replacement(Pattern.compile("(?i)\\b\\d+m\\d+(?:\\.\\d+)?s\\b"), "<duration>"),
            // counters that are not status or exit codes
            new Replacement(Pattern.compile("(?i)\\b(attempt|retry|retries|try|run|build|job|pid|thread|#)\\s*#?\\d+"), "$1 <n>"),
            new Replacement(Pattern.compile("(?i)\\b(tests? run|failures|errors|skipped|passed|failed|pending|warnings?):?\\s*\\d+"), "$1 <n>"),
            new Replacement(Pattern.compile("\\b\\d+/\\d+\\b"), "<n>/<n>"),
            new Replacement(Pattern.compile("\\b\\d{5,}\\b"), "<n>"),
            new Replacement(Pattern.compile("[ \\t]+"), " "));

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
            result = replacement.pattern().matcher(result).replaceAll(replacement.with());
        }
        return result.strip();
    }
}
