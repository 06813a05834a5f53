package dev.rebound.classifier.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What every match of a regular expression must contain, found conservatively (less rather than wrong):
 * its literal runs (groups, classes, alternations, anchors and optional characters end a run), the run a
 * match must start with when the expression is anchored with {@code ^}, the run it must end with when anchored
 * with {@code $}, and whether case matters. The longest run feeds the Aho–Corasick prefilter; the rest let a
 * line that cannot match skip the regular expression.
 */
final class RequiredLiteral {

    static final int MIN_LENGTH = 3;
    /** Shorter runs are not worth a check. */
    private static final int MIN_CHECKED = 2;
    private static final java.util.regex.Pattern IGNORE_CASE = java.util.regex.Pattern.compile("\\(\\?[a-zA-Z]*i");

    /**
     * The requirements of one expression. Runs are lower-cased unless {@code caseSensitive}.
     *
     * @param literal       the longest run, lower-cased, for the prefilter; null when none has {@link #MIN_LENGTH}
     * @param runs          every run of at least two characters
     * @param prefix        the run a match starts with at the start of the line, or null
     * @param suffix        the run a match ends with at the end of the line, or null
     * @param lead          the run every match starts with (anchored or not), or null: a search can start where
     *                      it first occurs
     * @param caseSensitive whether the expression never ignores case
     * @param anyOf         for each group of alternatives a match must pass through, a run of each alternative:
     *                      a line must hold at least one of them ({@code (?:attach|detach)})
     * @param triggers      the prefilter's literals, lower-cased, one of which every match holds: the
     *                      {@code literal}, or a run followed by each character of the small class that must come
     *                      next ({@code Failures: [1-9]} gives {@code failures: 1} to {@code failures: 9}, so that
     *                      a line with {@code Failures: 0} does not run the expression); empty when none
     */
    record Requirement(String literal, List<String> runs, String prefix, String suffix, String lead,
                       boolean caseSensitive, List<List<String>> anyOf, List<String> triggers) {

        /** Nothing required: every line is tried. */
        static Requirement none(boolean caseSensitive) {
            return new Requirement(null, List.of(), null, null, null, caseSensitive, List.of(), List.of());
        }

        /**
         * The runs a line need still be checked for when it is known to hold {@code found} (lower-cased, ASCII: a
         * prefilter's literal found in the lower-cased line): in a caseless expression, the runs {@code found}
         * contains are there already.
         */
        List<String> runsBesides(String found) {
            return caseSensitive ? runs : runs.stream().filter(run -> !found.contains(run)).toList();
        }

        /** Whether a line (and its lower-cased form) can match at all; false means the expression need not run. */
        boolean admits(String line, String lowerLine) {
            return admits(line, lowerLine, runs);
        }

        /**
         * As {@link #admits(String, String)}, checking only {@code runs} of this requirement's runs: those the
         * caller does not already know the line holds ({@link #runsBesides}).
         */
        boolean admits(String line, String lowerLine, List<String> runs) {
            String subject = caseSensitive ? line : lowerLine;
            for (String run : runs) {
                if (!subject.contains(run)) {
                    return false;
                }
            }
            for (List<String> alternatives : anyOf) {
                if (!containsAny(subject, alternatives)) {
                    return false;
                }
            }
            return (prefix == null || subject.startsWith(prefix)) && (suffix == null || subject.endsWith(suffix));
        }
    }

    private RequiredLiteral() {
    }

    /** Whether the text contains any of the strings. */
    static boolean containsAny(String text, List<String> strings) {
        for (String string : strings) {
            if (text.contains(string)) {
                return true;
            }
        }
        return false;
    }

    /** The lower-cased required literal, or null when there is none of at least {@link #MIN_LENGTH} characters. */
    static String of(String regex) {
        return analyze(regex).literal();
    }

    /** What every match of the expression contains; nothing at all when it alternates at the top. */
    static Requirement analyze(String regex) {
        boolean caseSensitive = !IGNORE_CASE.matcher(regex).find();
        if (hasTopLevelAlternation(regex)) {
            return Requirement.none(caseSensitive);
        }
        java.util.function.UnaryOperator<String> fold = caseSensitive ? t -> t : t -> t == null ? null
                : t.toLowerCase(Locale.ROOT);
        List<List<String>> anyOf = new ArrayList<>();
        List<String> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        int runStart = 0;
        int anchoredAt = -1;
        String prefix = null;
        String suffix = null;
        // a leading \b does not move where a match starts
        int leadAt = firstAtom(regex) + (regex.startsWith("\\b", firstAtom(regex)) ? 2 : 0);
        String lead = null;
        // the longest run a small class must follow at once, and the class' characters
        String extended = null;
        List<Character> extendedBy = null;
        int i = 0;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '^' && i == firstAtom(regex)) {
                anchoredAt = i + 1;
            }
            if (c == '$' && i == regex.length() - 1 && run.length() > 0) {
                suffix = run.toString();
            }
            int atomEnd;
            char literal = 0;
            if (c == '\\') {
                if (regex.startsWith("\\Q", i)) {
                    // quoted text: what it requires is not worth reading right; require nothing
                    return Requirement.none(caseSensitive);
                }
                if (i + 1 < regex.length() && isEscapedLiteral(regex.charAt(i + 1))) {
                    literal = regex.charAt(i + 1);
                }
                atomEnd = escapeEnd(regex, i);
            } else if (c == '(') {
                atomEnd = skipGroup(regex, i);
            } else if (c == '[') {
                atomEnd = skipClass(regex, i);
            } else if (".^$)|*+?{".indexOf(c) >= 0) {
                atomEnd = i + 1;
            } else {
                literal = c;
                atomEnd = i + 1;
            }
            int quantifierEnd = skipQuantifier(regex, atomEnd);
            String quantifier = regex.substring(atomEnd, quantifierEnd);
            boolean optional = quantifier.startsWith("*") || quantifier.startsWith("?") || quantifier.startsWith("{0");
            boolean repeated = !quantifier.isEmpty() && !optional;
            if (c == '[' && !optional && run.length() > 0) {
                List<Character> next = smallClass(regex.substring(i, atomEnd));
                if (next != null && (extended == null || run.length() > extended.length())) {
                    extended = run.toString();
                    extendedBy = next;
                }
            }
            if (c == '(' && !optional) {
                List<String> alternatives = alternativeRuns(regex.substring(i, atomEnd));
                if (alternatives != null) {
                    anyOf.add(alternatives.stream().map(fold).distinct().toList());
                }
            }
            if (literal != 0 && !optional) {
                if (run.length() == 0) {
                    runStart = i;
                }
                run.append(literal);
                if (repeated) { // required, but what follows need not be adjacent to it
                    prefix = prefixOf(run, runStart, anchoredAt, prefix);
                    lead = prefixOf(run, runStart, leadAt, lead);
                    add(runs, run);
                }
            } else {
                prefix = prefixOf(run, runStart, anchoredAt, prefix);
                lead = prefixOf(run, runStart, leadAt, lead);
                add(runs, run);
            }
            i = quantifierEnd;
        }
        prefix = prefixOf(run, runStart, anchoredAt, prefix);
        lead = prefixOf(run, runStart, leadAt, lead);
        add(runs, run);
        String longest = longest(runs);
        String literal = longest.length() >= MIN_LENGTH ? longest.toLowerCase(Locale.ROOT) : null;
        List<String> triggers = literal == null ? List.of() : List.of(literal);
        // a class of a few characters narrows more than a few more characters of literal would
        if (extended != null && extended.length() >= MIN_EXTENDED
                && extended.length() + 1 + CLASS_WORTH > longest.length()) {
            String before = extended.toLowerCase(Locale.ROOT);
            triggers = extendedBy.stream().map(ch -> before + Character.toLowerCase(ch)).distinct().toList();
        }
        return new Requirement(literal, runs.stream().filter(r -> r.length() >= MIN_CHECKED).map(fold).toList(),
                fold.apply(prefix), fold.apply(suffix), lead == null || lead.length() < MIN_CHECKED ? null : fold.apply(lead),
                caseSensitive, List.copyOf(anyOf), triggers);
    }

    /** The shortest run a class extends: a shorter one ({@code ": "}) is common whatever follows it. */
    private static final int MIN_EXTENDED = 4;
    /** How many characters of literal a small class after a run is worth as a prefilter. */
    private static final int CLASS_WORTH = 3;
    /** A class with more characters than this ({@code \d} has ten) does not narrow a trigger enough. */
    private static final int SMALL_CLASS = 9;

    /**
     * The characters of a plain class ({@code [1-9]}, {@code [EWF]}): ASCII characters and ranges, not negated,
     * without escapes, at most {@link #SMALL_CLASS}; null for any other.
     */
    static List<Character> smallClass(String cls) {
        if (cls.length() < 3 || cls.charAt(0) != '[' || cls.charAt(cls.length() - 1) != ']') {
            return null;
        }
        String body = cls.substring(1, cls.length() - 1);
        if (body.isEmpty() || body.charAt(0) == '^' || body.indexOf('\\') >= 0 || body.indexOf('[') >= 0
                || body.indexOf('&') >= 0) {
            return null;
        }
        List<Character> chars = new ArrayList<>();
        for (int i = 0; i < body.length(); i++) {
            char from = body.charAt(i);
            char to = from;
            if (i + 2 < body.length() && body.charAt(i + 1) == '-') {
                to = body.charAt(i + 2);
                i += 2;
            }
            if (from >= 128 || to >= 128 || to < from || chars.size() + (to - from + 1) > SMALL_CLASS) {
                return null;
            }
            for (char ch = from; ch <= to; ch++) {
                chars.add(ch);
            }
        }
        return chars;
    }

    /**
     * For a plain group of alternatives ({@code (?:a|b)} or {@code (a|b)}), the longest run every match of each
     * alternative holds (as written); null when the group does not alternate, carries flags, or an alternative
     * has no run of {@link #MIN_CHECKED} characters (an empty or all-class alternative: anything passes).
     */
    private static List<String> alternativeRuns(String group) {
        String body;
        if (group.startsWith("(?:") && group.endsWith(")")) {
            body = group.substring(3, group.length() - 1);
        } else if (group.length() > 1 && group.charAt(1) != '?' && group.endsWith(")")) {
            body = group.substring(1, group.length() - 1);
        } else {
            return null;
        }
        List<String> alternatives = splitTopLevel(body);
        if (alternatives.size() < 2) {
            return null;
        }
        List<String> runs = new ArrayList<>();
        for (String alternative : alternatives) {
            String longest = longest(analyze(alternative).runs());
            if (longest.length() < MIN_CHECKED) {
                return null;
            }
            runs.add(longest);
        }
        return runs;
    }

    /** The longest of the runs; empty when there are none. */
    private static String longest(List<String> runs) {
        return runs.stream().max(java.util.Comparator.comparingInt(String::length)).orElse("");
    }

    /** The expression cut at its top-level '|'. */
    private static List<String> splitTopLevel(String regex) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int bar = walk(regex, 0, '|'); bar < regex.length(); bar = walk(regex, from, '|')) {
            parts.add(regex.substring(from, bar));
            from = bar + 1;
        }
        parts.add(regex.substring(from));
        return parts;
    }

    /**
     * Where the escape at {@code i} ends: {@code \\p{Lu}} and {@code \\pL}, {@code \\x{263a}} and {@code \\x41},
     * octal {@code \\101}, Java's {@code \\u00e9} and {@code \\cX}; otherwise the backslash and one character.
     */
    private static int escapeEnd(String regex, int i) {
        int n = regex.length();
        char e = i + 1 < n ? regex.charAt(i + 1) : 0;
        int end;
        if ((e == 'p' || e == 'P' || e == 'x') && i + 2 < n && regex.charAt(i + 2) == '{') {
            int close = regex.indexOf('}', i + 2);
            end = close < 0 ? n : close + 1;
        } else if (e == 'p' || e == 'P' || e == 'c') {
            end = i + 3;
        } else if (e == 'x') {
            end = i + 4;
        } else if (e == 'u') {
            end = i + 6;
        } else if (e >= '0' && e <= '7') {
            end = i + 2;
            while (end < n && end < i + 5 && regex.charAt(end) >= '0' && regex.charAt(end) <= '7') {
                end++;
            }
        } else {
            end = i + 2;
        }
        return Math.min(n, end);
    }

    /** Where the first atom is: after leading inline flags such as {@code (?i)}. */
    private static int firstAtom(String regex) {
        int i = 0;
        while (regex.startsWith("(?", i) && i + 2 < regex.length() && Character.isLetter(regex.charAt(i + 2))) {
            int close = regex.indexOf(')', i);
            if (close < 0 || regex.substring(i + 2, close).chars().anyMatch(ch -> !Character.isLetter(ch) && ch != '-')) {
                return i;
            }
            i = close + 1;
        }
        return i;
    }

    private static String prefixOf(StringBuilder run, int runStart, int anchoredAt, String prefix) {
        return prefix == null && run.length() > 0 && runStart == anchoredAt ? run.toString() : prefix;
    }

    private static void add(List<String> runs, StringBuilder run) {
        if (run.length() > 0) {
            runs.add(run.toString());
            run.setLength(0);
        }
    }

    private static boolean isEscapedLiteral(char c) {
        return "\\.[](){}*+?^$|/-:#@!%&=,<>'\"~`_ ".indexOf(c) >= 0;
    }

    private static boolean hasTopLevelAlternation(String regex) {
        return splitTopLevel(regex).size() > 1;
    }

    private static int skipGroup(String regex, int open) {
        int close = walk(regex, open + 1, ')');
        return close < regex.length() ? close + 1 : regex.length();
    }

    /**
     * Where {@code stop} ('|' or ')') first occurs from {@code from} outside escapes, classes and the groups
     * that open after {@code from}; the expression's length when it does not.
     */
    private static int walk(String regex, int from, char stop) {
        int depth = 0;
        for (int i = from; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = skipClass(regex, i) - 1;
            } else if (c == stop && depth == 0) {
                return i;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
        }
        return regex.length();
    }

    private static int skipClass(String regex, int open) {
        int i = open + 1;
        if (i < regex.length() && regex.charAt(i) == '^') {
            i++;
        }
        if (i < regex.length() && regex.charAt(i) == ']') {
            i++;
        }
        for (; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == ']') {
                return i + 1;
            }
        }
        return regex.length();
    }

    private static int skipQuantifier(String regex, int i) {
        if (i >= regex.length()) {
            return i;
        }
        char c = regex.charAt(i);
        if (c == '*' || c == '+' || c == '?') {
            i++;
        } else if (c == '{' && i + 1 < regex.length() && Character.isDigit(regex.charAt(i + 1))) {
            int close = regex.indexOf('}', i);
            i = close < 0 ? regex.length() : close + 1;
        } else {
            return i;
        }
        if (i < regex.length() && (regex.charAt(i) == '?' || regex.charAt(i) == '+')) {
            i++; // lazy or possessive
        }
        return i;
    }

}
