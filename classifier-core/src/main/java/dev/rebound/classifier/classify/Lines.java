package dev.rebound.classifier.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A log normalised for matching: ANSI colour codes (also with the ESC byte lost), CI section markers
 * (GitHub Actions, GitLab, Travis) and carriage-return progress redraws removed, blank lines dropped, very
 * long lines cut. Keeps the lower-cased text for the literal prefilter and which lines carry an error marker.
 */
final class Lines {

    /** No line is longer than this for matching; evidence never needs more. */
    static final int MAX_LINE = 2_000;

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]|\u001B[()][A-Z0-9]|\u001B[=>]");
    private static final Pattern ANSI_WITHOUT_ESC = Pattern.compile("\\[(?:[0-9]{1,3}(?:;[0-9]{0,3}){0,5}|;[0-9;]{1,12})m");
    private static final Pattern CI_MARKER = Pattern.compile(
            "##\\[(?:group|endgroup|section|command|debug|notice|warning|error)\\]"
                    + "|section_(?:start|end):\\d+:[A-Za-z0-9_.\\-]+(?:\\[[^\\]]*\\])?"
                    + "|travis_(?:fold|time):(?:start|end):[^\\s]*"
                    + "|\\[0K|\\[K");
    /** GitHub Actions' error annotation: the line reports an error whatever it says. */
    private static final String GITHUB_ERROR = "##[error]";
    /** Words that mark a line as reporting an error (matched at word starts, lower-cased). */
    private static final List<String> ERROR_WORDS = List.of("error", "err!", "fatal", "failed", "failure", "fail:",
            "exception", "panic", "traceback", "denied", "refused", "timed out", "timeout", "killed", "abort",
            "cannot", "can't", "could not", "unable to", "not found", "errno", "##[error]");

    /**
     * Boilerplate that tools print around every failure (Maven's "re-run with -e", Gradle's "* Try:", npm's
     * "a complete log", the runners' "exit code N"): never the cause, so never matched and not counted as
     * lines when weighing position.
     */
    private static final List<String> NOISE = List.of("to see the full stack trace of the errors",
            "re-run maven using the -x switch", "for more information about the errors and possible solutions",
            "[help 1] http", "[help 2] http", "run with --stacktrace option", "run with --info or --debug",
            "get more help at https://help.gradle.org", "actionable task", "actionable tasks",
            "a complete log of this run can be found in", "process completed with exit code", "job failed: exit code",
            "[info] build failure", "[info] total time:", "[info] finished at:", "* try:", "build failed in ",
            "npm warn unknown user config", "npm warn config", "[info] ------------",
            "please refer to dump files", "to override `-d warnings`");
    /**
     * A row of Kubernetes events whose type is {@code Warning}: {@code   Warning  Failed  12s (x3 over 50s)  kubelet  …}
     * ({@code kubectl describe}) or {@code 12s  Warning  BackOff  pod/web-1  …} ({@code kubectl get events}): the type
     * column, then a capitalised reason, in columns.
     */
    private static final java.util.regex.Pattern KUBERNETES_WARNING_EVENT =
            java.util.regex.Pattern.compile("^\\s*(?:[0-9][0-9a-z]*\\s+)?Warning\\s{2,}[A-Z][A-Za-z]+\\s{2,}\\S");
    private static final List<String> WARNING_WORDS = List.of("warn ", "warn:", "warning", "warnings:", "[warn]",
            "deprecat");
    /**
     * What a line is marked by: error words, noise phrases, warning words, then the cues of targets, of waits, of
     * secrets and of a test's assertion. A {@link Scan} looks for them together with a rule set's literals, in one
     * pass.
     */
    static final List<String> MARK_WORDS = java.util.stream.Stream.of(ERROR_WORDS, NOISE, WARNING_WORDS,
            Targets.CUES, RetryAfter.CUES, Redactor.TRIGGER_WORDS, RuleSet.ASSERTION_CUES).flatMap(List::stream)
            .toList();
    private static final int FIRST_NOISE = ERROR_WORDS.size();
    private static final int FIRST_WARNING = FIRST_NOISE + NOISE.size();
    private static final int FIRST_HOST_CUE = FIRST_WARNING + WARNING_WORDS.size();
    private static final int FIRST_WAIT_CUE = FIRST_HOST_CUE + Targets.CUES.size();
    private static final int FIRST_SECRET_CUE = FIRST_WAIT_CUE + RetryAfter.CUES.size();
    private static final int FIRST_ASSERTION_CUE = FIRST_SECRET_CUE + Redactor.TRIGGER_WORDS.size();

    /**
     * The one pass over a text: an automaton whose first {@code firstMark} literals are a rule set's (their
     * hits are kept, in text order, for {@link RuleSet#match}) and whose others are {@link #MARK_WORDS}.
     */
    record Scan(AhoCorasick automaton, int firstMark) {

        /** An automaton of the literals, then the mark words. */
        static Scan of(List<String> literals) {
            List<String> all = new ArrayList<>(literals);
            all.addAll(MARK_WORDS);
            return new Scan(new AhoCorasick(all), literals.size());
        }
    }

    /** The marks alone, for lines read without a rule set. */
    private static final Scan MARKS_ONLY = Scan.of(List.of());

    final List<String> lines;
    /**
     * The lines lower-cased as the prefilters read them, each followed by a newline: one byte a character, those
     * beyond ASCII all 0x7F (offsets are those of {@link #lowerText()}).
     */
    final byte[] folded;
    /** The lower-cased text when some line is not ASCII; else null, since {@link #folded} is that text. */
    private final String lowerNonAscii;
    final int[] lineStarts;
    final boolean[] errorMarked;
    /** Boilerplate lines, skipped by matching. */
    final boolean[] noise;
    /** Warning lines: earlier warnings are often noise, so they weigh less than errors. */
    final boolean[] warning;
    /**
     * Lines that may name a host ({@link Targets#CUES}), a time to wait ({@link RetryAfter#CUES}) or hold a
     * secret ({@link Redactor#TRIGGER_WORDS}).
     */
    final boolean[] hostCue;
    final boolean[] waitCue;
    final boolean[] secretCue;
    /** Lines that may be a test's assertion ({@link RuleSet#ASSERTION_CUES}). */
    final boolean[] assertionCue;
    /** The scan that read these lines, and the hits of its rule literals: (literal, end) pairs in text order. */
    final Scan scan;
    final int[] ruleHits;
    final int ruleHitCount;
    /** Each line's position among the lines that are not noise, from 0; and how many those are. */
    final int[] rank;
    final int ranked;
    /**
     * The line that starts the last command of the log (a runner's echo of it: {@code $ cmd}), or -1: a job stops
     * at its first failing command, so what came before it had not failed the job.
     */
    final int lastCommand;
    /**
     * Lines a passing test printed: in {@code go test -v} output, those between a test's {@code === RUN   Name}
     * and its {@code --- PASS: Name}, when no other test's line comes between (parallel tests interleave; their
     * lines are left alone). What a test that passed logged did not fail the job.
     */
    final boolean[] passedTest;

    /** Whether every line is ASCII: known from the text they came from. */
    private final boolean ascii;

    private Lines(List<String> lines, boolean[] errorMarked, Scan scan, boolean asciiLines) {
        this.lines = lines;
        this.errorMarked = errorMarked;
        this.scan = scan;
        this.ascii = asciiLines;
        lineStarts = new int[lines.size()];
        int length = placed(lines, lineStarts);
        if (asciiLines) {
            folded = foldedAscii(lines, length);
            lowerNonAscii = null;
        } else {
            lowerNonAscii = lowerCased(lines, length, lineStarts);
            folded = AhoCorasick.fold(lowerNonAscii, false);
        }
        noise = new boolean[lines.size()];
        warning = new boolean[lines.size()];
        hostCue = new boolean[lines.size()];
        waitCue = new boolean[lines.size()];
        secretCue = new boolean[lines.size()];
        assertionCue = new boolean[lines.size()];
        int firstMark = scan.firstMark();
        // a 4 KiB log has about 170 hits of a shipped rule set's literals
        int[][] hits = {new int[512]};
        int[] count = {0};
        int[] cursor = {0};
        scan.automaton().scan(folded, (literal, end) -> {
            if (literal < firstMark) {
                if (count[0] + 2 > hits[0].length) {
                    hits[0] = java.util.Arrays.copyOf(hits[0], hits[0].length * 2);
                }
                hits[0][count[0]++] = literal;
                hits[0][count[0]++] = end;
                return;
            }
            int mark = literal - firstMark;
            // hits come in text order: the line only moves forward
            int line = cursor[0];
            while (line + 1 < lineStarts.length && lineStarts[line + 1] <= end - 1) {
                line++;
            }
            cursor[0] = line;
            if (mark >= FIRST_ASSERTION_CUE) {
                assertionCue[line] = true;
            } else if (mark >= FIRST_SECRET_CUE) {
                secretCue[line] = true;
            } else if (mark >= FIRST_WAIT_CUE) {
                waitCue[line] = true;
            } else if (mark >= FIRST_HOST_CUE) {
                hostCue[line] = true;
            } else if (mark >= FIRST_WARNING) {
                if (atWordStart(end - WARNING_WORDS.get(mark - FIRST_WARNING).length())) {
                    warning[line] = true;
                }
            } else if (mark >= FIRST_NOISE) {
                noise[line] = true;
            } else if (atWordStart(end - ERROR_WORDS.get(mark).length())) {
                errorMarked[line] = true;
            }
        });
        for (int i = 0; i < warning.length; i++) {
            if (warning[i] && KUBERNETES_WARNING_EVENT.matcher(lines.get(i)).find()) {
                // the type column of a Kubernetes event (kubectl describe, kubectl get events): such an event is
                // what went wrong with the pod or the rollout (a failed pull, a kill, no room to schedule)
                warning[i] = false;
                errorMarked[i] = true;
            }
        }
        ruleHits = hits[0];
        ruleHitCount = count[0];
        rank = new int[lines.size()];
        int r = 0;
        for (int i = 0; i < lines.size(); i++) {
            rank[i] = r;
            if (!noise[i]) {
                r++;
            }
        }
        ranked = Math.max(1, r);
        int last = -1;
        for (int i = lines.size() - 1; i > 0 && last < 0; i--) {
            if (lines.get(i).startsWith("$ ")) {
                last = i;
            }
        }
        lastCommand = last;
        passedTest = passedGoTests(lines);
    }

    /** {@link #passedTest}: the lines of each Go test that passed and whose block holds no other test's line. */
    private static boolean[] passedGoTests(List<String> lines) {
        boolean[] passed = new boolean[lines.size()];
        int run = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("=== ")) {
                run = line.startsWith("=== RUN ") ? i : -1;
            } else if (line.startsWith("--- ")) {
                if (run >= 0 && line.startsWith("--- PASS: ")
                        && line.startsWith(testName(lines.get(run), "=== RUN ") + " (", "--- PASS: ".length())) {
                    java.util.Arrays.fill(passed, run + 1, i, true);
                }
                run = -1;
            }
        }
        return passed;
    }

    /** The test's name after a Go test event's prefix ({@code === RUN   TestX} gives {@code TestX}). */
    private static String testName(String line, String prefix) {
        return line.substring(prefix.length()).strip();
    }

    /** Where each line starts when the lines are joined, each followed by a newline; returns the joined length. */
    private static int placed(List<String> lines, int[] lineStarts) {
        int length = 0;
        for (int i = 0; i < lines.size(); i++) {
            lineStarts[i] = length;
            length += lines.get(i).length() + 1;
        }
        return length;
    }

    /**
     * The lines, all ASCII, lower-cased as the automaton reads them, each followed by a newline (the bytes are
     * also the lower-cased text): each line's bytes are copied as they are, then lower-cased eight at a time
     * ({@link #lowerAscii}; measured on 2026-12-03: a fifth of the time of a loop through a table, which had
     * measured half the time of a branch-free computation a byte).
     */
    @SuppressWarnings("deprecation") // the copy of a string's low bytes: exact for ASCII, and one array copy
    private static byte[] foldedAscii(List<String> lines, int length) {
        byte[] folded = new byte[length];
        int at = 0;
        for (String line : lines) {
            line.getBytes(0, line.length(), folded, at);
            at += line.length();
            folded[at++] = '\n';
        }
        int i = 0;
        for (; i + Long.BYTES <= folded.length; i += Long.BYTES) {
            LONGS.set(folded, i, lowerAscii((long) LONGS.get(folded, i)));
        }
        for (; i < folded.length; i++) {
            folded[i] = (byte) (folded[i] >= 'A' && folded[i] <= 'Z' ? folded[i] + ('a' - 'A') : folded[i]);
        }
        return folded;
    }

    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long EACH_BYTE = 0x0101010101010101L;

    /**
     * Eight ASCII characters (each byte below 0x80) with A–Z lower-cased: a byte's top bit is set after adding
     * 0x80 - 'A' when it is 'A' or more, and after adding 0x80 - 'Z' - 1 when it is past 'Z'; no sum carries into
     * the next byte, since each byte stays below 0x100. Where the first is set and the second is not, 0x20 is added.
     */
    static long lowerAscii(long eight) {
        long fromA = eight + (0x80 - 'A') * EACH_BYTE;
        long pastZ = eight + (0x80 - 'Z' - 1) * EACH_BYTE;
        long upper = fromA & ~pastZ & 0x80 * EACH_BYTE;
        return eight | upper >>> 2;
    }

    /**
     * Whether the text is all ASCII. A Latin-1 string without a byte of 0x80 or more encodes to UTF-8 as one
     * vectorised check and a copy, so this costs a small part of a per-character loop; other texts are rare.
     */
    private static boolean isAscii(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length == text.length();
    }

    /**
     * The lines lower-cased, each followed by a newline; {@code length} is their joined length as
     * {@link #placed} found it. Where lower-casing changes a line's length, moves the line starts accordingly.
     */
    private static String lowerCased(List<String> lines, int length, int[] lineStarts) {
        StringBuilder joined = new StringBuilder(length);
        for (String line : lines) {
            joined.append(line).append('\n');
        }
        String lower = joined.toString().toLowerCase(Locale.ROOT);
        if (lower.length() == length) {
            return lower;
        }
        // some character lower-cases to more or fewer characters: place each line by its lower-cased length
        StringBuilder each = new StringBuilder(length);
        for (int i = 0; i < lines.size(); i++) {
            lineStarts[i] = each.length();
            each.append(lines.get(i).toLowerCase(Locale.ROOT)).append('\n');
        }
        return each.toString();
    }

    static Lines of(String text) {
        return of(text, MARKS_ONLY);
    }

    /**
     * The lines of a text, read in one pass that also finds the scan's rule literals; secrets on them are then
     * redacted, so that nothing matched or quoted holds one.
     */
    static Lines of(String text, Scan scan, Redactor redactor) {
        return of(text, scan).redacted(redactor);
    }

    /** The lines of a text, read in one pass that also finds the scan's rule literals. */
    static Lines of(String text, Scan scan) {
        // log lines are rarely shorter than this on average: the lists seldom grow
        int expected = text == null ? 0 : Math.min(text.length() / 24 + 16, 4_096);
        List<String> lines = new ArrayList<>(expected);
        boolean[] marks = new boolean[expected];
        if (text != null) {
            int from = 0;
            int ghError = text.indexOf(GITHUB_ERROR);
            int present = present(text);
            while (from <= text.length()) {
                int newline = text.indexOf('\n', from);
                int to = newline < 0 ? text.length() : newline;
                boolean marked = ghError >= from && ghError < to;
                if (ghError >= 0 && ghError < to) {
                    ghError = text.indexOf(GITHUB_ERROR, to);
                }
                String line = clean(text, from, to, present);
                if (line != null) {
                    if (lines.size() == marks.length) {
                        marks = java.util.Arrays.copyOf(marks, Math.max(16, marks.length * 2));
                    }
                    marks[lines.size()] = marked;
                    lines.add(line);
                }
                from = to + 1;
            }
        }
        return new Lines(java.util.Collections.unmodifiableList(lines), java.util.Arrays.copyOf(marks, lines.size()),
                scan, text == null || isAscii(text));
    }

    /**
     * These lines with secrets redacted: the lines holding a secret's trigger are redacted (with the next line,
     * where a {@code password:} may have its value), and only if one changes are the lines read again. A
     * private key block, which spans lines, has the whole text redacted.
     */
    Lines redacted(Redactor redactor) {
        List<String> copy = null;
        for (int i = 0; i < lines.size(); i++) {
            if (!secretCue[i]) {
                continue;
            }
            if (lower(i).contains("-----begin")) {
                String joined = String.join("\n", lines);
                String redacted = redactor.redact(joined);
                return redacted.equals(joined) ? this : of(redacted, scan);
            }
            boolean pair = i + 1 < lines.size();
            String text = pair ? lines.get(i) + "\n" + lines.get(i + 1) : lines.get(i);
            String redacted = redactor.redact(text);
            if (!redacted.equals(text)) {
                copy = copy == null ? new ArrayList<>(lines) : copy;
                int newline = pair ? redacted.lastIndexOf('\n') : -1;
                copy.set(i, pair ? redacted.substring(0, Math.max(0, newline)) : redacted);
                if (pair) {
                    copy.set(i + 1, redacted.substring(newline + 1));
                }
            }
        }
        // a redaction marker is ASCII: redacted ASCII lines stay ASCII
        return copy == null ? this : new Lines(List.copyOf(copy), errorMarked.clone(), scan, ascii);
    }

    private static final int HAS_CR = 1;
    private static final int HAS_ESC = 2;
    private static final int HAS_BRACKET = 4;
    private static final int HAS_WORD_MARKER = 8;

    /**
     * Which of the characters and markers {@link #clean} removes occur anywhere in the text: looked for once in
     * the whole text (a vectorised search) rather than once a line, where most lines have none of them.
     */
    private static int present(String text) {
        return (text.indexOf('\r') >= 0 ? HAS_CR : 0) | (text.indexOf('\u001B') >= 0 ? HAS_ESC : 0)
                | (text.indexOf('[') >= 0 ? HAS_BRACKET : 0)
                | (text.contains("section_") || text.contains("travis_") ? HAS_WORD_MARKER : 0);
    }

    /**
     * The line text[from, to) without progress redraws, colour codes and CI markers, stripped; null if blank.
     * {@code present} says which of them the whole text has ({@link #present}).
     */
    private static String clean(String text, int from, int to, int present) {
        String line = text.substring(from, to);
        // a carriage return is rare
        int cr = (present & HAS_CR) == 0 || line.indexOf('\r') < 0 ? -1 : line.lastIndexOf('\r');
        if (cr >= 0) {
            // a carriage return mid-line redraws it: only what came last is visible
            line = cr < line.length() - 1 ? line.substring(cr + 1) : line.replace("\r", "");
        }
        // a colour code removed may join a marker's parts: then the line is looked at whatever the text has
        boolean recoloured = false;
        if ((present & HAS_ESC) != 0 && line.indexOf('\u001B') >= 0) {
            line = ANSI.matcher(line).replaceAll("");
            recoloured = true;
        }
        int codes = (present & HAS_BRACKET) == 0 ? 0 : bracketCodes(line);
        if ((codes & LOST_ANSI) != 0) {
            line = ANSI_WITHOUT_ESC.matcher(line).replaceAll("");
            recoloured = true;
        }
        if ((codes & CI_MARK) != 0 || ((present & HAS_WORD_MARKER) != 0 || recoloured) && line.indexOf('_') >= 0
                && (line.contains("section_") || line.contains("travis_"))) {
            line = CI_MARKER.matcher(line).replaceAll("");
        }
        line = withoutTimestamp(line.strip());
        if (line.isEmpty()) {
            return null;
        }
        return line.length() > MAX_LINE ? line.substring(0, MAX_LINE) : line;
    }

    /**
     * The line without the timestamp a runner put before it: GitHub Actions' raw logs start every line with one
     * ({@code 2026-12-03T14:22:01.1234567Z }), Jenkins' timestamper with a bracketed one
     * ({@code [2026-12-03T14:22:01.123Z] }). The tool's own line follows, and patterns anchored at its start must see
     * it there.
     */
    static String withoutTimestamp(String line) {
        int at = line.startsWith("[") ? 1 : 0;
        if (line.length() < at + TIMESTAMP.length() + 2) {
            return line;
        }
        // most lines differ at their first character
        for (int i = 0; i < TIMESTAMP.length(); i++) {
            char want = TIMESTAMP.charAt(i);
            char c = line.charAt(at + i);
            if (want == 'd' ? !Fingerprints.isDigit(c) : c != want) {
                return line;
            }
        }
        int end = at + TIMESTAMP.length();
        if (line.charAt(end) == '.') {
            do {
                end++;
            } while (end < line.length() && Fingerprints.isDigit(line.charAt(end)));
        }
        String closing = at == 1 ? "Z]" : "Z";
        if (!line.startsWith(closing, end)) {
            return line;
        }
        end += closing.length();
        return end == line.length() ? "" : line.charAt(end) == ' ' ? line.substring(end).strip() : line;
    }

    /** A runner's timestamp up to its seconds: d is a digit. */
    private static final String TIMESTAMP = "dddd-dd-ddTdd:dd:dd";

    private static final int LOST_ANSI = 1;
    private static final int CI_MARK = 2;

    /**
     * What the line's '[' characters may start, in one look at each: a colour code that lost its ESC ('[' then a
     * digit or ';', and an 'm' later), a CI marker ("##[", "[0K", "[K").
     */
    private static int bracketCodes(String line) {
        int codes = 0;
        int lastM = -2;
        for (int i = line.indexOf('['); i >= 0; i = line.indexOf('[', i + 1)) {
            char next = i + 1 < line.length() ? line.charAt(i + 1) : ' ';
            if ((next >= '0' && next <= '9' || next == ';') && (codes & LOST_ANSI) == 0) {
                // an 'm' after it: looked for once per line, not once per '['
                lastM = lastM == -2 ? line.lastIndexOf('m') : lastM;
                if (lastM >= i + 2) {
                    codes |= LOST_ANSI;
                }
            }
            if (next == 'K' || next == '0' && line.startsWith("K", i + 2) || i >= 2 && line.startsWith("##", i - 2)) {
                codes |= CI_MARK;
            }
        }
        return codes;
    }

    private boolean atWordStart(int offset) {
        return offset == 0 || !Character.isLetterOrDigit(
                lowerNonAscii == null ? (char) folded[offset - 1] : lowerNonAscii.charAt(offset - 1));
    }

    /** All the lines, lower-cased, each followed by a newline. */
    String lowerText() {
        return lowerNonAscii == null ? new String(folded, java.nio.charset.StandardCharsets.ISO_8859_1) : lowerNonAscii;
    }

    /** Whether line {@code i} lower-cased has its length, so that offsets in one are offsets in the other. */
    boolean lowerKeepsOffsets(int i) {
        int end = i + 1 < lineStarts.length ? lineStarts[i + 1] - 1 : folded.length - 1;
        return end - lineStarts[i] == lines.get(i).length();
    }

    /** Line {@code i}, lower-cased. */
    String lower(int i) {
        int end = i + 1 < lineStarts.length ? lineStarts[i + 1] - 1 : folded.length - 1;
        return lowerNonAscii == null
                ? new String(folded, lineStarts[i], end - lineStarts[i], java.nio.charset.StandardCharsets.ISO_8859_1)
                : lowerNonAscii.substring(lineStarts[i], end);
    }

    int size() {
        return lines.size();
    }

    /** The line an offset of {@link #folded} falls in. */
    int lineAt(int offset) {
        int low = 0;
        int high = lineStarts.length - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }
}
