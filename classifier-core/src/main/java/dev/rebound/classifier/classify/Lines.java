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
    /** Words that mark a line as reporting an error (matched at word starts, lower-cased). */
    private static final List<String> ERROR_WORDS = List.of("error", "err!", "fatal", "failed", "failure", "fail:",
            "exception", "panic", "traceback", "denied", "refused", "timed out", "timeout", "killed", "abort",
            "cannot", "can't", "could not", "unable to", "not found", "errno", "##[error]");
    private static final AhoCorasick ERROR_MARKS = new AhoCorasick(ERROR_WORDS);

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
    private static final AhoCorasick NOISE_MARKS = new AhoCorasick(NOISE);
    private static final List<String> WARNING_WORDS = List.of("warn ", "warn:", "warning", "warnings:", "[warn]",
            "deprecat");
    private static final AhoCorasick WARNING_MARKS = new AhoCorasick(WARNING_WORDS);

    final List<String> lines;
    final String lowerText;
    final int[] lineStarts;
    final boolean[] errorMarked;
    /** Boilerplate lines, skipped by matching. */
    final boolean[] noise;
    /** Warning lines: earlier warnings are often noise, so they weigh less than errors. */
    final boolean[] warning;
    /** Each line's position among the lines that are not noise, from 0; and how many those are. */
    final int[] rank;
    final int ranked;

    private Lines(List<String> lines, boolean[] errorMarked) {
        this.lines = lines;
        this.errorMarked = errorMarked;
        StringBuilder lower = new StringBuilder();
        lineStarts = new int[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            lineStarts[i] = lower.length();
            lower.append(lines.get(i).toLowerCase(Locale.ROOT)).append('\n');
        }
        lowerText = lower.toString();
        noise = new boolean[lines.size()];
        NOISE_MARKS.scan(lowerText, (phrase, end) -> noise[lineAt(end - 1)] = true);
        warning = new boolean[lines.size()];
        WARNING_MARKS.scan(lowerText, (word, end) -> {
            int start = end - WARNING_WORDS.get(word).length();
            if (start == 0 || !Character.isLetterOrDigit(lowerText.charAt(start - 1))) {
                warning[lineAt(start)] = true;
            }
        });
        rank = new int[lines.size()];
        int r = 0;
        for (int i = 0; i < lines.size(); i++) {
            rank[i] = r;
            if (!noise[i]) {
                r++;
            }
        }
        ranked = Math.max(1, r);
    }

    static Lines of(String text) {
        List<String> lines = new ArrayList<>();
        List<Boolean> marks = new ArrayList<>();
        if (text != null) {
            for (String raw : text.split("\r?\n", -1)) {
                int cr = raw.lastIndexOf('\r');
                String line = cr >= 0 && cr < raw.length() - 1 ? raw.substring(cr + 1) : raw.replace("\r", "");
                boolean ghError = line.contains("##[error]");
                if (line.indexOf('\u001B') >= 0) {
                    line = ANSI.matcher(line).replaceAll("");
                }
                if (line.indexOf('[') >= 0) {
                    line = ANSI_WITHOUT_ESC.matcher(line).replaceAll("");
                }
                if (line.contains("##[") || line.contains("section_") || line.contains("travis_")
                        || line.contains("[0K") || line.contains("[K")) {
                    line = CI_MARKER.matcher(line).replaceAll("");
                }
                line = line.strip();
                if (line.isEmpty()) {
                    continue;
                }
                if (line.length() > MAX_LINE) {
                    line = line.substring(0, MAX_LINE);
                }
                lines.add(line);
                marks.add(ghError);
            }
        }
        boolean[] errorMarked = new boolean[marks.size()];
        for (int i = 0; i < errorMarked.length; i++) {
            errorMarked[i] = marks.get(i);
        }
        Lines result = new Lines(List.copyOf(lines), errorMarked);
        ERROR_MARKS.scan(result.lowerText, (word, end) -> {
            int start = end - ERROR_WORDS.get(word).length();
            if (start == 0 || !Character.isLetterOrDigit(result.lowerText.charAt(start - 1))) {
                result.errorMarked[result.lineAt(start)] = true;
            }
        });
        return result;
    }

    int size() {
        return lines.size();
    }

    /** The line an offset of {@link #lowerText} falls in. */
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
