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
    private static final Pattern RESET_EPOCH = Pattern.compile("(?i)(?:x-)?rate-?limit-reset\\W{0,3}(\\d{10})\\b");

    private RetryAfter() {
    }

    /** Milliseconds to wait, or null when the log does not say. */
    static Long find(Lines lines, Instant reference) {
        if (!lines.lowerText.contains("retry") && !lines.lowerText.contains("reset")
                && !lines.lowerText.contains("try again") && !lines.lowerText.contains("wait")) {
            return null;
        }
        List<String> all = lines.lines;
        for (int i = all.size() - 1; i >= 0; i--) {
            String line = all.get(i);
            Matcher header = HEADER.matcher(line);
            if (header.find()) {
                return Long.parseLong(header.group(1)) * 1000;
            }
            Matcher phrase = PHRASE.matcher(line);
            if (phrase.find()) {
                return (long) (Double.parseDouble(phrase.group(1)) * unitMillis(phrase.group(2)));
            }
            Matcher epoch = RESET_EPOCH.matcher(line);
            if (epoch.find() && reference != null) {
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
