package dev.rebound.classifier.classify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A stable hash of the deciding rule and the decisive lines with only their volatile parts removed
 * (timestamps, UUIDs, long hex ids, IP addresses and ports, workspace path prefixes, line:column positions,
 * durations, counters): status codes, exit codes, file base names and test names stay, so that a 503 and a
 * 404, or Cart.java and Order.java, stay apart while the same failure across a thousand runs is one group.
 */
public final class Fingerprints {

    /**
     * A volatile part, its placeholder, and a cheap test that a line may hold one: a necessary condition, so
     * that the expression, which would try every position of the line, runs only where it can match.
     */
    private record Replacement(Pattern pattern, String with, Predicate<String> mayMatch) {
    }

    /** What every workspace path the placeholder replaces starts with. */
    private static final List<String> WORKSPACE_ROOTS = List.of("/home/", "/Users/", "/builds", "/tmp",
            "/var/lib/jenkins/workspace", "/github/workspace", "/__w");

    /** Words a position number follows ({@code line 42}), a counter's ({@code attempt #3}) and a tally's ({@code Failures: 1}). */
    private static final List<String> POSITION_WORDS = List.of("line", "col", "offset", "pos");
    private static final List<String> COUNTER_WORDS = List.of("attempt", "retr", "try", "run", "build", "job", "pid",
            "thread", "#");
    private static final List<String> TALLY_WORDS = List.of("run", "failures", "errors", "skipped", "passed", "failed",
            "pending", "warning");

    /** No character between a word and its number. */
    private static final char NONE = 0;

    private static final List<Replacement> VOLATILE = List.of(
            // timestamps and dates
            new Replacement(Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?"), "<ts>", Fingerprints::hasDate),
            new Replacement(Pattern.compile("\\d{4}[/-]\\d{2}[/-]\\d{2}"), "<date>", Fingerprints::hasDate),
            new Replacement(Pattern.compile("\\b\\d{1,2}:\\d{2}:\\d{2}(?:[.,]\\d+)?\\b"), "<time>", Fingerprints::hasTime),
            // ids
            new Replacement(Pattern.compile("(?i)\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b"), "<uuid>", Fingerprints::hasUuid),
            new Replacement(Pattern.compile("(?i)\\b(?:sha256:)?[0-9a-f]{12,}\\b"), "<hex>", line -> longestRun(line, Fingerprints::isHex) >= 12),
            new Replacement(Pattern.compile("\\b0x[0-9a-fA-F]+\\b"), "<hex>", line -> line.contains("0x")),
            // addresses
            new Replacement(Pattern.compile("\\b(?:\\d{1,3}\\.){3}\\d{1,3}(?::\\d{1,5})?\\b"), "<ip>", line -> mostInRun(line, Fingerprints::isDigitOrDot, '.') >= 3),
            new Replacement(Pattern.compile("(?i)\\[?\\b(?:[0-9a-f]{1,4}:){2,7}[0-9a-f]{1,4}\\b\\]?(?::\\d{1,5})?"), "<ip>", Fingerprints::hasHexGroups),
            new Replacement(Pattern.compile("(?<=[A-Za-z0-9\\]]):\\d{2,5}\\b(?=[/\\s)\"',;]|$)"), ":<port>", Fingerprints::hasPort),
            new Replacement(Pattern.compile("\\b(?:port|PORT) \\d{2,5}\\b"), "port <port>", line -> line.contains("port ") || line.contains("PORT ")),
            // workspace prefixes: keep the file's base name
            new Replacement(Pattern.compile("(?:[A-Za-z]:)?(?:[/\\\\][\\w.@+\\-]+)*[/\\\\](?=[\\w.@+\\-]+\\.\\w{1,6}\\b)"), "", Fingerprints::hasPathToFile),
            new Replacement(Pattern.compile("(?:/home/[\\w.\\-]+|/Users/[\\w.\\-]+|/builds|/tmp|/var/lib/jenkins/workspace|/github/workspace|/__w)(?:/[\\w.@+\\-]+)*"), "<path>",
                    line -> RequiredLiteral.containsAny(line, WORKSPACE_ROOTS)),
            // positions: file.java:12:5, [42,17], line 42, (x.js:10:3)
            new Replacement(Pattern.compile(":\\d+(?::\\d+)?(?=[\\s:)\\]]|$)"), ":<n>", line -> hasDigitAfter(line, ':')),
            new Replacement(Pattern.compile("\\[\\d+,\\d+\\]"), "[<n>]", line -> hasDigitAfter(line, '[')),
            new Replacement(Pattern.compile("(?i)\\b(line|col|column|offset|position|pos)\\s+\\d+"), "$1 <n>", line -> numbered(line, POSITION_WORDS, NONE, true)),
            // durations
            new Replacement(Pattern.compile("(?i)\\b\\d+(?:\\.\\d+)?\\s?(?:ms|msec|milliseconds?|s|sec|secs|seconds?|m|min|mins|minutes?|h|hours?)\\b"), "<duration>", Fingerprints::hasDigitThenUnit),
            new Replacement(Pattern.compile("(?i)\\b\\d+m\\d+(?:\\.\\d+)?s\\b"), "<duration>", Fingerprints::hasDigitThenUnit),
            // counters that are not status or exit codes
            new Replacement(Pattern.compile("(?i)\\b(attempt|retry|retries|try|run|build|job|pid|thread|#)\\s*#?\\d+"), "$1 <n>",
                    line -> numbered(line, COUNTER_WORDS, '#', false)),
            new Replacement(Pattern.compile("(?i)\\b(tests? run|failures|errors|skipped|passed|failed|pending|warnings?):?\\s*\\d+"), "$1 <n>",
                    line -> numbered(line, TALLY_WORDS, ':', false)),
            new Replacement(Pattern.compile("\\b\\d+/\\d+\\b"), "<n>/<n>", line -> hasDigitsAround(line, '/')),
            new Replacement(Pattern.compile("\\b\\d{5,}\\b"), "<n>", line -> longestRun(line, Fingerprints::isDigit) >= 5),
            new Replacement(Pattern.compile("[ \\t]+"), " ", line -> line.contains("  ") || line.indexOf('\t') >= 0));

    private Fingerprints() {
    }

    /** The fingerprint of a failure decided by {@code ruleId} on {@code lines}. */
    public static String of(String ruleId, List<String> lines) {
        StringBuilder text = new StringBuilder(ruleId);
        for (String line : lines) {
            text.append('\n').append(normalize(line));
        }
        byte[] hash = SHA_256.get().digest(text.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hash, 0, 8);
    }

    /** One digest per thread: looking the algorithm up costs more than hashing a few lines. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    });

    /** A line with its volatile parts replaced by placeholders. */
    static String normalize(String line) {
        return normalize(line, true);
    }

    /** As {@link #normalize(String)}; without the cheap tests every expression runs (they must agree). */
    static String normalize(String line, boolean prefiltered) {
        String result = line;
        for (Replacement replacement : VOLATILE) {
            if (!prefiltered || replacement.mayMatch().test(result)) {
                result = replacement.pattern().matcher(result).replaceAll(replacement.with());
            }
        }
        return result.strip();
    }

    // the cheap tests: each holds for every line its expression can match in

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(char c) {
        return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static boolean isDigitOrDot(char c) {
        return isDigit(c) || c == '.';
    }

    private static boolean digitAt(String line, int i) {
        return i >= 0 && i < line.length() && isDigit(line.charAt(i));
    }

    private static boolean digitsAt(String line, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (!digitAt(line, i)) {
                return false;
            }
        }
        return true;
    }

    /** The longest run of characters of a kind. */
    private static int longestRun(String line, CharKind kind) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < line.length(); i++) {
            run = kind.is(line.charAt(i)) ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    /** The most {@code separator} characters in one run of characters of a kind. */
    private static int mostInRun(String line, CharKind kind, char separator) {
        int most = 0;
        int count = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (!kind.is(c)) {
                count = 0;
            } else if (c == separator) {
                most = Math.max(most, ++count);
            }
        }
        return most;
    }

    private interface CharKind {
        boolean is(char c);
    }

    /** dddd-dd-dd or dddd/dd/dd somewhere. */
    private static boolean hasDate(String line) {
        for (int i = 4; i + 5 < line.length(); i++) {
            char c = line.charAt(i);
            if ((c == '-' || c == '/') && digitsAt(line, i - 4, 4) && digitsAt(line, i + 1, 2)
                    && (line.charAt(i + 3) == '-' || line.charAt(i + 3) == '/') && digitsAt(line, i + 4, 2)) {
                return true;
            }
        }
        return false;
    }

    /** d:dd:dd somewhere. */
    private static boolean hasTime(String line) {
        for (int i = line.indexOf(':'); i >= 0; i = line.indexOf(':', i + 1)) {
            if (digitAt(line, i - 1) && digitsAt(line, i + 1, 2) && i + 3 < line.length() && line.charAt(i + 3) == ':'
                    && digitsAt(line, i + 4, 2)) {
                return true;
            }
        }
        return false;
    }

    /** 8 hex digits, '-', 4 hex digits, '-' somewhere. */
    private static boolean hasUuid(String line) {
        for (int i = line.indexOf('-'); i >= 0; i = line.indexOf('-', i + 1)) {
            if (i >= 8 && i + 5 < line.length() && line.charAt(i + 5) == '-') {
                boolean hex = true;
                for (int j = i - 8; j < i + 5 && hex; j++) {
                    hex = j == i || isHex(line.charAt(j));
                }
                if (hex) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * ':' after a letter, digit or ']', then two to five digits, then the end or one of {@code /\s)"',;} (or a line
     * terminator, before which {@code $} matches too). The letter test is wider than the expression's ASCII one: a
     * cheap test may pass more lines, never fewer.
     */
    private static boolean hasPort(String line) {
        for (int i = line.indexOf(':'); i >= 0; i = line.indexOf(':', i + 1)) {
            if (i > 0 && (Character.isLetterOrDigit(line.charAt(i - 1)) || line.charAt(i - 1) == ']')) {
                int end = i + 1;
                while (digitAt(line, end)) {
                    end++;
                }
                int digits = end - i - 1;
                if (digits >= 2 && digits <= 5 && (end == line.length() || isSpace(line.charAt(end))
                        || "/)\"',;\u0085\u2028\u2029".indexOf(line.charAt(end)) >= 0)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A hex digit, ':', one to four hex digits, ':', a hex digit: the least of two groups of an IPv6 address. */
    private static boolean hasHexGroups(String line) {
        for (int i = line.indexOf(':'); i >= 0; i = line.indexOf(':', i + 1)) {
            if (i == 0 || !isHex(line.charAt(i - 1))) {
                continue;
            }
            int end = i + 1;
            while (end < line.length() && end - i <= 5 && isHex(line.charAt(end))) {
                end++;
            }
            int hex = end - i - 1;
            if (hex >= 1 && hex <= 4 && end + 1 < line.length() && line.charAt(end) == ':' && isHex(line.charAt(end + 1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether one of the (lower-case ASCII) words, in any case, is followed, after any letters (the rest of a longer
     * word of the expression), by a number as the expression allows it: optionally {@code between} (a tally's ':'
     * or a counter's '#'), then whitespace (at least one character of it if {@code spaceNeeded}), then, for a
     * counter, optionally a '#', then a digit.
     */
    private static boolean numbered(String line, List<String> words, char between, boolean spaceNeeded) {
        String lower = line.toLowerCase(Locale.ROOT);
        if (lower.length() != line.length()) {
            return true;
        }
        for (String word : words) {
            for (int at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
                int i = at + word.length();
                while (i < lower.length() && lower.charAt(i) >= 'a' && lower.charAt(i) <= 'z') {
                    i++;
                }
                if (between != NONE && i < lower.length() && lower.charAt(i) == between) {
                    i++;
                }
                int spaces = 0;
                while (i < lower.length() && isSpace(lower.charAt(i))) {
                    i++;
                    spaces++;
                }
                if (between == '#' && i < lower.length() && lower.charAt(i) == '#') {
                    i++;
                }
                if ((spaces > 0 || !spaceNeeded) && digitAt(lower, i)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whitespace as the expressions' {@code \s} reads it. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** A path separator followed by a name with a dot and a word character after it. */
    private static boolean hasPathToFile(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '/' && c != '\\') {
                continue;
            }
            for (int j = i + 1; j + 1 < line.length(); j++) {
                char d = line.charAt(j);
                if (d == '.' && LinePattern.isWord(line.charAt(j + 1))) {
                    return true;
                }
                if (!LinePattern.isWord(d) && d != '.' && d != '@' && d != '+' && d != '-') {
                    break;
                }
            }
        }
        return false;
    }

    private static boolean hasDigitAfter(String line, char c) {
        for (int i = line.indexOf(c); i >= 0; i = line.indexOf(c, i + 1)) {
            if (digitAt(line, i + 1)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDigitsAround(String line, char c) {
        for (int i = line.indexOf(c); i >= 0; i = line.indexOf(c, i + 1)) {
            if (digitAt(line, i - 1) && digitAt(line, i + 1)) {
                return true;
            }
        }
        return false;
    }

    /** A digit followed, maybe after one whitespace character, by m, s or h in either case. */
    private static boolean hasDigitThenUnit(String line) {
        for (int i = 0; i + 1 < line.length(); i++) {
            if (isDigit(line.charAt(i))) {
                char next = line.charAt(i + 1);
                if (isUnit(next) || Character.isWhitespace(next) && i + 2 < line.length() && isUnit(line.charAt(i + 2))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isUnit(char c) {
        return c == 'm' || c == 's' || c == 'h' || c == 'M' || c == 'S' || c == 'H';
    }
}
