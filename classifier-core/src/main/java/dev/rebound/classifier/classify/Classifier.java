package dev.rebound.classifier.classify;

import dev.rebound.contracts.error.Action;
import dev.rebound.contracts.error.Category;
import dev.rebound.contracts.error.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides what a failure is, reading like the sentence that describes it:
 * redact → normalize → match → score → fingerprint. Plain Java: no Spring, Kafka or database; thread-safe.
 * For speed, normalizing and finding every rule's literals, the line marks and the secrets' triggers is one
 * pass over the text; the lines that hold a trigger are then redacted before anything is matched or quoted.
 */
public final class Classifier {

    /** The rule id of a failure nothing recognised. */
    public static final String NO_RULE = "unknown";
    /** Evidence lines kept per classification. */
    static final int MAX_EVIDENCE = 3;
    static final int MAX_EVIDENCE_CHARS = 500;

    private final RuleSet rules;
    private final Redactor redactor = new Redactor();

    public Classifier(RuleSet rules) {
        this.rules = rules;
    }

    public RuleSet rules() {
        return rules;
    }

    public Verdict classify(Failure failure) {
        Lines lines = rules.read(failure.text(), redactor);
        List<RuleSet.Hit> hits = rules.match(lines, failure);
        if (hits.isEmpty()) {
            List<Category> hinted = rules.hintedBy(failure.stepName(), Budget.standard());
            return hinted.isEmpty() ? unknown(failure, lines) : byStepName(failure, lines, hinted.get(0));
        }
        RuleSet.Hit winner = hits.get(0);
        Rule rule = winner.rule();
        List<String> evidence = evidence(lines, winner, failure);
        return new Verdict(rule.category(), rule.transientFailure(), rule.severity(), confidence(winner, hits),
                rule.action(), rule.remediation(), rule.id(), evidence, Fingerprints.of(rule.id(), evidence),
                Targets.find(failure.target(), rule.category(), lines, winner.line()),
                RetryAfter.find(lines, failure.occurredAt()));
    }

    /** Nothing in the text decided, but the step's name says what it does: a weak verdict, better than none. */
    private Verdict byStepName(Failure failure, Lines lines, Category category) {
        Guidance guidance = rules.guidance(category).orElseThrow();
        List<String> evidence = List.of("step " + failure.stepName());
        String ruleId = "step-hint." + category.wireName();
        return new Verdict(category, guidance.transientFailure(), guidance.severity(), 0.35, guidance.action(),
                guidance.remediation(), ruleId, evidence, Fingerprints.of(ruleId, evidence),
                Targets.find(failure.target(), category, lines, -1), RetryAfter.find(lines, failure.occurredAt()));
    }

    /** The rules that matched, best first, with their scores and decisive lines: for rule authors. */
    public List<String> explain(Failure failure) {
        Lines lines = rules.read(failure.text(), redactor);
        return rules.match(lines, failure).stream()
                .map(h -> String.format("%.3f %s (%s) line %d: %s", h.score(), h.rule().id(),
                        h.rule().category().wireName(), h.line(), h.line() < 0 ? "-" : trim(lines.lines.get(h.line()))))
                .toList();
    }

    /** Redacts secrets from text, as everything stored or sent is. */
    public String redact(String text) {
        return redactor.redact(text);
    }

    /**
     * Nothing recognised the failure. When the log says something went wrong in words no rule knows, the category's
     * guidance decides (shipped: retried, since the rules know how code, tests, builds and configuration fail, and
     * what they leave over is more often the environment's doing; the retry-service escalates when the retry fails
     * too). When it says nothing but that a command failed (an exit status, make's summary, a command's echo), the
     * job gave no reason a retry could remove: it is escalated for a person to read ({@link #SILENT}).
     */
    private Verdict unknown(Failure failure, Lines lines) {
        Guidance guidance = rules.guidance(Category.UNKNOWN).orElse(
                new Guidance(Category.UNKNOWN, "", false, Severity.MEDIUM, Action.INVESTIGATE, "Look at the log."));
        List<String> evidence = new ArrayList<>();
        for (int i = lines.size() - 1; i >= 0 && evidence.isEmpty(); i--) {
            if (lines.errorMarked[i]) {
                evidence.add(trim(lines.lines.get(i)));
            }
        }
        if (evidence.isEmpty() && lines.size() > 0) {
            evidence.add(trim(lines.lines.get(lines.size() - 1)));
        }
        boolean said = saysWhatFailed(lines);
        String ruleId = said ? NO_RULE : SILENT;
        boolean retried = said && guidance.transientFailure();
        // an operator who made unknown failures permanent need not also change the action
        Action action = retried || guidance.action() != Action.RETRY ? guidance.action() : Action.INVESTIGATE;
        return new Verdict(Category.UNKNOWN, retried, guidance.severity(),
                said ? UNPLACED_CONFIDENCE : 0.0, said ? action : Action.INVESTIGATE,
                said ? guidance.remediation() : SILENT_REMEDIATION, ruleId, evidence, Fingerprints.of(ruleId, evidence),
                Targets.find(failure.target(), Category.UNKNOWN, lines, -1),
                RetryAfter.find(lines, failure.occurredAt()));
    }

    /** The rule id of a failure whose log says only that a command failed. */
    public static final String SILENT = "unknown.silent";
    /** How sure an unplaced failure's transient call is: a prior, not a reading. */
    static final double UNPLACED_CONFIDENCE = 0.2;
    private static final String SILENT_REMEDIATION = "The job failed without saying why (only an exit status or the "
            + "command it ran): a check that failed quietly, such as grep -q or test -f, fails the same way again. Run "
            + "the step with more output, or read its script.";
    /**
     * Lines that only say a command failed, show the command, or are a runner's or tool's frame around it: exit
     * statuses (also Travis' "exited with 1", tox's "exit 1", systemd's "code=exited, status=1"), make's recipe
     * summary and directory changes, npm's and yarn's lifecycle summaries, the echo of a command (npm's "&gt; ", a
     * shell's "+ " or "$ ", GitHub Actions' "Run …" header with its shell and env lines), GitLab's and Jenkins' stage
     * and result lines, a CDEvent's made-up "… finished with outcome failure", and lines with no letter or digit.
     * These are the alternatives found anywhere in a line; {@link #STATUS_AT_START} has those that start one.
     */
    private static final java.util.regex.Pattern STATUS_ANYWHERE = java.util.regex.Pattern.compile("(?i)"
            + "\\bexit(?:ed)?(?: with)?(?: code| status| value)?[: ]*-?\\d+"
            + "|\\breturned (?:a )?non-zero exit (?:status|code|value)"
            + "|\\bfinished with non-zero exit value"
            + "|\\bcode=exited, status=\\d+|\\bfailed with result 'exit-code'|\\bfail code \\d+");
    /** The words one of {@link #STATUS_ANYWHERE}'s alternatives holds, lower-cased. */
    private static final List<String> STATUS_WORDS = List.of("exit", "fail code");
    /** The status-only lines' alternatives that start a line: tried there once, not at every position. */
    private static final java.util.regex.Pattern STATUS_AT_START = java.util.regex.Pattern.compile("(?i)"
            + "^make(?:\\[\\d+\\])?: (?:\\*\\*\\* .*\\berror \\d+|(?:entering|leaving) directory)"
            + "|^npm (?:err!|error)(?:$| (?:code |errno|exit status|failed at the|this is probably not a problem"
            + "|a complete log|lifecycle script|command failed|command sh -c|path |workspace |location |command$))"
            + "|^error command failed with exit code|^info visit https://yarnpkg\\.com"
            + "|^(?:> |\\++ (?!echo\\b)|\\$ )"
            + "|^run \\S|^shell: \\S|^env:$"
            + "|^(?:executing \"\\w+\" stage|cleaning up (?:project directory|file based variables)|running with gitlab-runner"
            + "|preparing (?:the \"|environment)|getting source from git|fetching changes|checking out |skipping git submodules"
            + "|using docker executor|using docker image)"
            + "|^\\[pipeline\\]|^finished: (?:failure|unstable|aborted)|^build step '.*' marked build as failure"
            + "|^(?:pipelinerun|taskrun) finished with outcome \\w+$"
            + "|^[^\\p{L}\\p{N}]*$");

    /** Whether some line, not boilerplate, says more than that a command failed. */
    private static boolean saysWhatFailed(Lines lines) {
        // GitHub Actions echoes a step's script, indented, under its "Run <first line>" header
        java.util.Set<String> echoed = new java.util.HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.lines.get(i);
            if (line.startsWith("Run ") && line.length() > 4) {
                echoed.add(line.substring(4).strip());
            }
        }
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.lines.get(i);
            if (!lines.noise[i] && !echoed.contains(line) && !statusOnly(lines.lower(i), line)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a line only says a command failed, in two parts: the alternatives that start a line are tried
     * there, the others only on a line with one of their words. A long line is looked at only when it holds an exit
     * status' word (a frame line is short, and a search of every 2,000-character line costs more than the rest of an
     * unknown verdict).
     */
    private static boolean statusOnly(String lower, String line) {
        return (line.length() <= 300 || lower.contains("exit")) && (STATUS_AT_START.matcher(line).lookingAt()
                || RequiredLiteral.containsAny(lower, STATUS_WORDS) && STATUS_ANYWHERE.matcher(line).find());
    }

    /** The decisive line first, then up to two more lines the same rule matched, nearest the end. */
    private static List<String> evidence(Lines lines, RuleSet.Hit winner, Failure failure) {
        List<String> evidence = new ArrayList<>();
        if (winner.line() >= 0) {
            evidence.add(trim(lines.lines.get(winner.line())));
            List<Integer> others = winner.lines();
            for (int i = others.size() - 1; i >= 0 && evidence.size() < MAX_EVIDENCE; i--) {
                String line = trim(lines.lines.get(others.get(i)));
                if (!evidence.contains(line)) {
                    evidence.add(line);
                }
            }
        } else {
            if (failure.exitCode() != null) {
                evidence.add("exit code " + failure.exitCode());
            }
            if (failure.signal() != null) {
                evidence.add("signal " + Signals.normalize(failure.signal()));
            }
            if (failure.stepName() != null && evidence.isEmpty()) {
                evidence.add("step " + failure.stepName());
            }
        }
        return evidence;
    }

    /** The rule's confidence, lowered when another category scored almost as high or only an exit code spoke. */
    private static double confidence(RuleSet.Hit winner, List<RuleSet.Hit> hits) {
        double confidence = winner.rule().confidence();
        if (winner.line() < 0) {
            confidence *= 0.8;
        }
        for (int i = 1; i < hits.size(); i++) {
            RuleSet.Hit other = hits.get(i);
            if (other.rule().category() != winner.rule().category()) {
                if (other.score() >= 0.9 * winner.score()) {
                    confidence *= 0.75;
                }
                break;
            }
        }
        return Math.round(Math.max(0.05, Math.min(0.99, confidence)) * 100) / 100.0;
    }

    private static String trim(String line) {
        return line.length() <= MAX_EVIDENCE_CHARS ? line : line.substring(0, MAX_EVIDENCE_CHARS) + "…";
    }
}
