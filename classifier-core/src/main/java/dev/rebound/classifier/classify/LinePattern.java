package dev.rebound.classifier.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule's line pattern, compiled for speed and bounded in time. It is written in RE2 syntax (checked when the
 * rule file loads: no back-references, no look-around) and runs one of two ways:
 * <ul>
 * <li>when it denotes a small finite set of strings ({@code (?i)No (?:such|matching) (?:module|package)},
 * optionally with {@code ^}, {@code $} or {@code \b} at its ends), it never runs as a regular expression: the
 * rule set's Aho–Corasick scan finds those strings and {@link #matchesAt} checks case, anchors and word
 * boundaries;</li>
 * <li>otherwise it runs on {@link java.util.regex} over the line, only when the line holds what every match
 * must contain ({@link RequiredLiteral}), under a {@link Budget} of characters examined, so that a pattern that
 * backtracks badly gives up (counts as no match) instead of hanging the classifier.</li>
 * </ul>
 */
public final class LinePattern {

    /** A finite pattern expands to at most this many strings; beyond, it runs as a regular expression. */
    static final int MAX_EXPANSIONS = 64;

    private final String source;
    private final Pattern compiled;
    private final ThreadLocal<Reused> reused;
    private final RequiredLiteral.Requirement requirement;
    private final List<String> expansions;
    private final boolean ignoreCase;
    private final boolean lineStart;
    private final boolean lineEnd;
    private final boolean wordStart;
    private final boolean wordEnd;

    private LinePattern(String source, Pattern compiled, Finite finite) {
        this.source = source;
        this.compiled = compiled;
        this.reused = ThreadLocal.withInitial(() -> new Reused(compiled.matcher(""), new Budget.Guarded()));
        this.requirement = RequiredLiteral.analyze(source);
        this.expansions = finite == null ? null : List.copyOf(finite.strings);
        this.ignoreCase = finite != null && finite.ignoreCase;
        this.lineStart = finite != null && finite.lineStart;
        this.lineEnd = finite != null && finite.lineEnd;
        this.wordStart = finite != null && finite.wordStart;
        this.wordEnd = finite != null && finite.wordEnd;
    }

    /**
     * Compiles a pattern already checked to be valid RE2 syntax.
     *
     * @throws IllegalArgumentException when Java's engine reads it differently or not at all (POSIX classes,
     *                                  {@code (?P<name>)}, the {@code U} flag), with the reason
     */
    static LinePattern compile(String source) {
        if (source.contains("[[:") || source.contains("[^[:")) {
            throw new IllegalArgumentException("POSIX classes such as [[:alpha:]] are not supported; use \\p{Alpha}");
        }
        if (source.contains("(?P<")) {
            throw new IllegalArgumentException("named groups are not needed in line patterns; use (?:...)");
        }
        if (source.matches("(?s).*\\(\\?[a-zA-Z]*U.*")) {
            throw new IllegalArgumentException("the U (ungreedy) flag is not supported; use lazy quantifiers");
        }
        Pattern compiled;
        try {
            compiled = Pattern.compile(source);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new IllegalArgumentException(e.getDescription(), e);
        }
        return new LinePattern(source, compiled, Finite.of(source));
    }

    /** The pattern as written. */
    public String source() {
        return source;
    }

    /** What every match contains: lets lines that cannot match skip the regular expression. */
    RequiredLiteral.Requirement requirement() {
        return requirement;
    }

    /** The strings this pattern denotes when it is finite (lower-cased if it ignores case), else null. */
    List<String> expansions() {
        return expansions;
    }

    /**
     * For a finite pattern: whether expansion {@code expansion}, found (case-insensitively) at
     * {@code line[start, start + length)}, is a match: its case, anchors and word boundaries hold.
     */
    boolean matchesAt(String line, int start, int expansion) {
        String text = expansions.get(expansion);
        int end = start + text.length();
        if (start < 0 || end > line.length()) {
            return false;
        }
        if (!line.regionMatches(ignoreCase, start, text, 0, text.length())) {
            return false;
        }
        if (lineStart && start != 0 || lineEnd && end != line.length()) {
            return false;
        }
        // \b next to a word character (the only kind a finite pattern has at a \b): no word character outside
        if (wordStart && start > 0 && isWord(line.charAt(start - 1))) {
            return false;
        }
        return !wordEnd || end == line.length() || !isWord(line.charAt(end));
    }

    /** A word character as {@code \w} and {@code \b} see it (ASCII letters, digits, underscore). */
    static boolean isWord(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    /** Whether the pattern matches somewhere in the line, examining at most what the budget allows. */
    boolean find(String line, Budget budget) {
        return find(line, null, budget);
    }

    /**
     * Whether the pattern matches in the line. Given the line lower-cased as well, a pattern whose every match
     * starts with a literal run is tried only where that run occurs, not at every position of the line.
     */
    boolean find(String line, String lowerLine, Budget budget) {
        if (budget.exhausted()) {
            return false;
        }
        String lead = requirement.lead();
        String subject = lead == null ? null : requirement.caseSensitive() ? line : lowerLine;
        boolean byLead = subject != null && subject.length() == line.length();
        Reused reused = this.reused.get();
        Budget.Guarded guarded = budget.guard(reused.guarded, line);
        try {
            // reset keeps the bounds' settings of the run before: each run sets its own
            Matcher matcher = reused.matcher.reset(guarded).useTransparentBounds(byLead).useAnchoringBounds(!byLead);
            if (!byLead) {
                return matcher.find();
            }
            for (int at = subject.indexOf(lead); at >= 0; at = subject.indexOf(lead, at + 1)) {
                if (matcher.region(at, line.length()).lookingAt()) {
                    return true;
                }
            }
            return false;
        } catch (Budget.Exceeded e) {
            return false;
        } finally {
            budget.settle(guarded);
            // the line is not kept past the run: the next run replaces it
            guarded.release();
        }
    }

    /**
     * A matcher and a counting line kept per thread for this pattern: creating them costs more than most runs,
     * which fail at once. A run takes them and gives them back before it returns, so nothing else shares them.
     */
    private record Reused(Matcher matcher, Budget.Guarded guarded) {
    }

    @Override
    public String toString() {
        return source;
    }

    /**
     * A finite pattern's strings and end conditions. Understood: literal characters and escapes, groups of
     * alternatives (nested), {@code ?} after a character or group, a leading {@code (?i)}, {@code ^} and a
     * leading {@code \b} at the start, {@code $} and a trailing {@code \b} at the end. Anything else (classes,
     * repetition, dots, other escapes) makes the pattern infinite or too complex: null.
     */
    private static final class Finite {

        final List<String> strings;
        final boolean ignoreCase;
        final boolean lineStart;
        final boolean lineEnd;
        final boolean wordStart;
        final boolean wordEnd;

        private Finite(List<String> strings, boolean ignoreCase, boolean lineStart, boolean lineEnd,
                       boolean wordStart, boolean wordEnd) {
            this.strings = strings;
            this.ignoreCase = ignoreCase;
            this.lineStart = lineStart;
            this.lineEnd = lineEnd;
            this.wordStart = wordStart;
            this.wordEnd = wordEnd;
        }

        static Finite of(String source) {
            String body = source;
            boolean ignoreCase = false;
            if (body.startsWith("(?i)")) {
                ignoreCase = true;
                body = body.substring(4);
            }
            boolean lineStart = body.startsWith("^");
            if (lineStart) {
                body = body.substring(1);
            }
            boolean wordStart = body.startsWith("\\b");
            if (wordStart) {
                body = body.substring(2);
            }
            boolean lineEnd = body.endsWith("$") && !body.endsWith("\\$");
            if (lineEnd) {
                body = body.substring(0, body.length() - 1);
            }
            boolean wordEnd = body.endsWith("\\b") && !body.endsWith("\\\\b");
            if (wordEnd) {
                body = body.substring(0, body.length() - 2);
            }
            Parser parser = new Parser(body);
            List<String> strings = parser.alternatives();
            if (strings == null || parser.at < body.length() || strings.isEmpty()
                    || strings.stream().anyMatch(s -> s.isEmpty() || s.length() < RequiredLiteral.MIN_LENGTH)) {
                return null;
            }
            List<String> folded = ignoreCase ? strings.stream().map(s -> s.toLowerCase(Locale.ROOT)).distinct().toList()
                    : strings.stream().distinct().toList();
            if ((wordStart || wordEnd) && folded.stream().anyMatch(s -> !isWord(s.charAt(0)) && wordStart
                    || !isWord(s.charAt(s.length() - 1)) && wordEnd)) {
                return null; // \b next to a non-word character: keep the exact semantics of the engine
            }
            return new Finite(folded, ignoreCase, lineStart, lineEnd, wordStart, wordEnd);
        }
    }

    /** A recursive-descent reader of the finite subset; null from any method means "not finite". */
    private static final class Parser {

        private final String text;
        int at;

        Parser(String text) {
            this.text = text;
        }

        /** alternatives := sequence ('|' sequence)* */
        List<String> alternatives() {
            List<String> all = new ArrayList<>();
            while (true) {
                List<String> sequence = sequence();
                if (sequence == null) {
                    return null;
                }
                all.addAll(sequence);
                if (all.size() > MAX_EXPANSIONS) {
                    return null;
                }
                if (at < text.length() && text.charAt(at) == '|') {
                    at++;
                } else {
                    return all;
                }
            }
        }

        /** sequence := (atom '?'?)* */
        private List<String> sequence() {
            List<String> strings = new ArrayList<>(List.of(""));
            while (at < text.length() && text.charAt(at) != '|' && text.charAt(at) != ')') {
                List<String> atom = atom();
                if (atom == null) {
                    return null;
                }
                if (at < text.length() && text.charAt(at) == '?') {
                    at++;
                    if (at < text.length() && (text.charAt(at) == '?' || text.charAt(at) == '+')) {
                        at++; // lazy or possessive: the same strings
                    }
                    atom = new ArrayList<>(atom);
                    atom.add("");
                }
                if (at < text.length() && "*+{".indexOf(text.charAt(at)) >= 0) {
                    return null;
                }
                List<String> next = new ArrayList<>(strings.size() * atom.size());
                for (String prefix : strings) {
                    for (String suffix : atom) {
                        next.add(prefix + suffix);
                    }
                }
                if (next.size() > MAX_EXPANSIONS) {
                    return null;
                }
                strings = next;
            }
            return strings;
        }

        /** atom := literal | '\' escaped-literal | '(' ('?:')? alternatives ')' */
        private List<String> atom() {
            char c = text.charAt(at);
            if (c == '(') {
                at++;
                if (text.startsWith("?:", at)) {
                    at += 2;
                } else if (at < text.length() && text.charAt(at) == '?') {
                    return null; // flags or named groups
                }
                List<String> inner = alternatives();
                if (inner == null || at >= text.length() || text.charAt(at) != ')') {
                    return null;
                }
                at++;
                return inner;
            }
            if (c == '\\') {
                if (at + 1 < text.length() && "\\.[](){}*+?^$|/-:#@!%&=,<>'\"~`_ ".indexOf(text.charAt(at + 1)) >= 0) {
                    at += 2;
                    return List.of(String.valueOf(text.charAt(at - 1)));
                }
                return null; // \d, \s, \b inside, \p{...}: not a literal
            }
            if (".[]{}^$*+?|".indexOf(c) >= 0) {
                return null;
            }
            at++;
            return List.of(String.valueOf(c));
        }
    }
}
