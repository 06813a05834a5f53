package dev.rebound.classifier.classify;

import java.util.Locale;

/**
 * The longest literal text every match of a regular expression must contain, found conservatively (no
 * literal rather than a wrong one): groups, classes, alternations, anchors and optional characters end a run.
 */
final class RequiredLiteral {

    static final int MIN_LENGTH = 3;

    private RequiredLiteral() {
    }

    /** The lower-cased required literal, or null when there is none of at least {@link #MIN_LENGTH} characters. */
    static String of(String regex) {
        if (hasTopLevelAlternation(regex)) {
            return null;
        }
        StringBuilder run = new StringBuilder();
        String best = "";
        int i = 0;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            int atomEnd;
            char literal = 0;
            if (c == '\\') {
                if (i + 1 < regex.length() && isEscapedLiteral(regex.charAt(i + 1))) {
                    literal = regex.charAt(i + 1);
                }
                atomEnd = Math.min(regex.length(), i + 2);
                if (literal == 0 && i + 1 < regex.length() && (regex.charAt(i + 1) == 'p' || regex.charAt(i + 1) == 'P')
                        && atomEnd < regex.length() && regex.charAt(atomEnd) == '{') {
                    int close = regex.indexOf('}', atomEnd);
                    atomEnd = close < 0 ? regex.length() : close + 1; // \p{Lu}
                }
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
            if (literal != 0 && !optional) {
                run.append(literal);
                if (repeated) { // required, but what follows need not be adjacent to it
                    best = longer(best, run);
                    run.setLength(0);
                }
            } else {
                best = longer(best, run);
                run.setLength(0);
            }
            i = quantifierEnd;
        }
        best = longer(best, run);
        String lower = best.toLowerCase(Locale.ROOT);
        return lower.length() >= MIN_LENGTH ? lower : null;
    }

    private static boolean isEscapedLiteral(char c) {
        return "\\.[](){}*+?^$|/-:#@!%&=,<>'\"~`_ ".indexOf(c) >= 0;
    }

    private static boolean hasTopLevelAlternation(String regex) {
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return true;
            }
        }
        return false;
    }

    private static int skipGroup(String regex, int open) {
        int depth = 0;
        boolean inClass = false;
        for (int i = open; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
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

    private static String longer(String best, StringBuilder run) {
        return run.length() > best.length() ? run.toString() : best;
    }
}
