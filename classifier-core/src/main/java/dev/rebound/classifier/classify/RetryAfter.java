package dev.rebound.classifier.classify;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds how long a server asked to wait: a Retry-After header, "try again in 30s", a rate-limit reset time. */
final class RetryAfter {

    private static final Pattern HEADER = Pattern.compile("(?i)retry-after\\W{0,3}(\\d{1,6})\\b");
    private static final Pattern PHRASE = Pattern.compile(
            "(?i)(?:retry|try again|wait|resets?|reset in|available again)\\s+(?:after|in)\\s+(\\d{1,6}(?:\\.\\d+)?)\\s*"
                    + "(ms|milliseconds?|s|secs?|seconds?|m|mins?|minutes?|h|hours?)\\b");
    private static final List<String> PHRASE_WORDS = List.of("retry", "try again", "wait", "reset",
            "available again");
    /** Words one of which a line holds if it says how long to wait (the header and reset names included). */
    static final List<String> CUES = PHRASE_WORDS;
    private static final Pattern RESET_EPOCH = Pattern.compile("(?i)(?:x-)?rate-?limit-reset\\W{0,3}(\\d{10})\\b");

    private RetryAfter() {
    }

    /** Milliseconds to wait, or null when the log does not say. */
    static Long find(Lines lines, Instant reference) {
        List<String> all = lines.lines;
        for (int i = all.size() - 1; i >= 0; i--) {
            if (!lines.waitCue[i]) {
                continue;
            }
            String line = all.get(i);
            String lower = lines.lower(i);
            Matcher header = HEADER.matcher(line);
            if (lower.contains("retry-after") && header.find()) {
                return Long.parseLong(header.group(1)) * 1000;
            }
            Matcher phrase = PHRASE.matcher(line);
            if (RequiredLiteral.containsAny(lower, PHRASE_WORDS) && phrase.find()) {
                return (long) (Double.parseDouble(phrase.group(1)) * unitMillis(phrase.group(2)));
            }
            Matcher epoch = RESET_EPOCH.matcher(line);
            if (lower.contains("limit-reset") && epoch.find() && reference != null) {
                long wait = Long.parseLong(epoch.group(1)) * 1000 - reference.toEpochMilli();
                return wait > 0 ? wait : null;
            }
        }
        return null;
    }

    private static long unitMillis(String unit) {
        String u = unit.toLowerCase(Locale.ROOT);
        if (u.startsWith("ms") || u.startsWith("milli")) {
            return 1;
        }
        if (u.startsWith("h")) {
            return 3_600_000;
        }
        if (u.startsWith("m")) {
            return 60_000;
        }
        return 1_000;
    }
}
