package dev.rebound.classifier.classify;

import dev.rebound.contracts.error.Category;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An ordered set of rules with the guidance of each category, compiled for speed: an Aho–Corasick scan
 * over the text finds the lines that contain a pattern's required literal, and only there does the pattern's
 * regular expression run. Patterns without such a literal run on the last {@link #UNFILTERED_LINES} lines.
 */
public final class RuleSet {

    /** Lines a pattern without a required literal examines, from the end. */
    static final int UNFILTERED_LINES = 400;

    private final List<Rule> rules;
    private final Map<Category, Guidance> guidance;
    private final List<Trigger> triggers = new ArrayList<>();
    private final List<PatternRef> unfiltered = new ArrayList<>();
    private final AhoCorasick prefilter;
    /** The prefilter's literals and the line marks in one automaton: {@link #read} needs a single pass. */
    private final Lines.Scan scan;
    private int patternCount;

    /** A line pattern of rule {@code rule}; {@code index} numbers the set's patterns. */
    private record PatternRef(int rule, int index, LinePattern pattern) {
    }

    /**
     * A literal of the prefilter: one of a finite pattern's strings ({@code expansion} ≥ 0, the literal is the
     * match) or the required literal of a pattern that runs as a regular expression ({@code expansion} = -1), with
     * the runs of the pattern's requirement that a line holding the literal must still be checked for.
     */
    private record Trigger(PatternRef ref, int expansion, int length, List<String> runsToCheck) {
    }

    /** A rule's best hit. */
    record Hit(Rule rule, int line, double score, List<Integer> lines) {
    }

    /** Hits by score, highest first, then by rule order. */
    private static final Comparator<Hit> BEST_FIRST = Comparator.comparingDouble(Hit::score).reversed()
            .thenComparingInt(h -> h.rule().order());

    /** How much a step name that suggests a hit's category strengthens the hit, when the hit is a near-tie. */
    static final double STEP_HINT_BOOST = 1.25;
    /**
     * How close to the best hit a hit must score for the step's name to strengthen it: the name breaks near-ties,
     * it does not outrank a line that says what happened (a certificate that failed to verify in a step called
     * "Install dependencies" is still a certificate that failed to verify).
     */
    static final double STEP_HINT_TIE = 0.9;

    private final Map<Category, List<LinePattern>> stepHints;
    private final ThreadLocal<Tried> tried = ThreadLocal.withInitial(() -> new Tried(patternCount));

    /**
     * The line each pattern last ran on, per thread, kept from one classification to the next rather than allocated
     * each time (with 2,000 patterns, 8 KB a classification): each classification numbers its lines from a new
     * base above every number the ones before it wrote, so no entry needs clearing until the numbers run out.
     */
    private static final class Tried {
        final int[] lines;
        private int next = 1;

        Tried(int patterns) {
            lines = new int[patterns];
        }

        /** The base of this classification's line numbers: {@code base + line} for lines 0 to {@code count - 1}. */
        int next(int count) {
            if (next > Integer.MAX_VALUE - count) {
                java.util.Arrays.fill(lines, 0);
                next = 1;
            }
            int base = next;
            next += count;
            return base;
        }
    }

    RuleSet(List<Rule> rules, Map<Category, Guidance> guidance, Map<Category, List<LinePattern>> stepHints) {
        this.rules = List.copyOf(rules);
        this.guidance = new EnumMap<>(guidance);
        this.stepHints = new EnumMap<>(Category.class);
        this.stepHints.putAll(stepHints);
        List<String> literals = new ArrayList<>();
        for (int r = 0; r < this.rules.size(); r++) {
            for (LinePattern pattern : this.rules.get(r).patterns()) {
                PatternRef ref = new PatternRef(r, patternCount++, pattern);
                if (pattern.expansions() != null) {
                    for (int e = 0; e < pattern.expansions().size(); e++) {
                        String literal = pattern.expansions().get(e).toLowerCase(Locale.ROOT);
                        literals.add(literal);
                        triggers.add(new Trigger(ref, e, literal.length(), pattern.requirement().runs()));
                    }
                } else if (!pattern.requirement().triggers().isEmpty()) {
                    for (String literal : pattern.requirement().triggers()) {
                        literals.add(literal);
                        // the scan reads characters beyond ASCII as one: only an ASCII literal is known to be there
                        boolean exact = literal.chars().allMatch(c -> c < 0x80 && c != '\n');
                        triggers.add(new Trigger(ref, -1, literal.length(), exact
                                ? pattern.requirement().runsBesides(literal) : pattern.requirement().runs()));
                    }
                } else {
                    unfiltered.add(ref);
                }
            }
        }
        prefilter = new AhoCorasick(literals);
        scan = Lines.Scan.of(literals);
    }

    public List<Rule> rules() {
        return rules;
    }

    public Optional<Guidance> guidance(Category category) {
        return Optional.ofNullable(guidance.get(category));
    }

    /** Patterns that have no required literal and so run on every examined line (slower; for rule authors). */
    public List<String> unfilteredPatterns() {
        return unfiltered.stream().map(p -> rules.get(p.rule()).id() + ": " + p.pattern().source()).toList();
    }

    /** The categories the step's name suggests (a step called "lint" hints quality_gate), in rule-file order. */
    List<Category> hintedBy(String stepName, Budget budget) {
        if (stepName == null || stepName.isBlank()) {
            return List.of();
        }
        List<Category> hinted = new ArrayList<>();
        stepHints.forEach((category, patterns) -> {
            if (patterns.stream().anyMatch(p -> p.find(stepName, budget))) {
                hinted.add(category);
            }
        });
        return hinted;
    }

    /**
     * The lines of a failure's text, read in the one pass that also finds this rule set's literals, with secrets
     * redacted.
     */
    Lines read(String text, Redactor redactor) {
        return Lines.of(text, scan, redactor);
    }

    /** Every rule that matches, best first (score, then rule order). */
    List<Hit> match(Lines lines, Failure failure) {
        Budget budget = Budget.standard();
        List<Category> hinted = hintedBy(failure.stepName(), budget);
        int ruleCount = rules.size();
        boolean[] admitted = new boolean[ruleCount];
        for (int r = 0; r < ruleCount; r++) {
            admitted[r] = rules.get(r).admits(failure, budget);
        }
        double[] best = new double[ruleCount];
        int[] bestLine = new int[ruleCount];
        List<List<Integer>> hitLines = new ArrayList<>(ruleCount);
        for (int r = 0; r < ruleCount; r++) {
            bestLine[r] = Integer.MIN_VALUE;
            hitLines.add(null);
        }
        int n = lines.size();
        String[] lower = new String[n];
        byte[] assertion = new byte[n];
        // the line a pattern last ran on: hits come in text order, so this is all "tried" needs
        Tried tried = this.tried.get();
        int[] lastTried = tried.lines;
        int base = tried.next(n);
        int[] cursor = {0};
        AhoCorasick.Hits onHit = (literal, end) -> {
            Trigger trigger = triggers.get(literal);
            PatternRef ref = trigger.ref();
            if (!admitted[ref.rule()]) {
                return;
            }
            int line = cursor[0];
            while (line + 1 < n && lines.lineStarts[line + 1] <= end - 1) {
                line++;
            }
            cursor[0] = line;
            if (lines.noise[line]) {
                return;
            }
            boolean hit;
            if (trigger.expansion() >= 0 && lines.lowerKeepsOffsets(line)) {
                int start = end - trigger.length() - lines.lineStarts[line];
                hit = ref.pattern().matchesAt(lines.lines.get(line), start, trigger.expansion());
            } else if (lastTried[ref.index()] != base + line) {
                lastTried[ref.index()] = base + line;
                hit = matches(ref, trigger.runsToCheck(), lines, line, lower, budget);
            } else {
                hit = false;
            }
            if (hit) {
                record(ref.rule(), line, lines, best, bestLine, hitLines, assertion);
            }
        };
        if (lines.scan == scan) {
            // the lines were read with this rule set's literals: their hits are already there
            for (int h = 0; h < lines.ruleHitCount; h += 2) {
                onHit.hit(lines.ruleHits[h], lines.ruleHits[h + 1]);
            }
        } else {
            prefilter.scan(lines.folded, onHit);
        }
        for (PatternRef ref : unfiltered) {
            if (!admitted[ref.rule()]) {
                continue;
            }
            for (int line = Math.max(0, n - UNFILTERED_LINES); line < n; line++) {
                if (!lines.noise[line] && matches(ref, ref.pattern().requirement().runs(), lines, line, lower, budget)) {
                    record(ref.rule(), line, lines, best, bestLine, hitLines, assertion);
                }
            }
        }
        List<Hit> hits = new ArrayList<>();
        for (int r = 0; r < ruleCount; r++) {
            Rule rule = rules.get(r);
            if (bestLine[r] != Integer.MIN_VALUE) {
                List<Integer> matched = hitLines.get(r);
                hits.add(new Hit(rule, bestLine[r], best[r], List.copyOf(matched)));
            } else if (admitted[r] && rule.patterns().isEmpty()) {
                // decided by exit code, signal or step alone: weaker than a line that says what happened
                hits.add(new Hit(rule, -1, rule.weight() * 0.7, List.of()));
            }
        }
        if (!hinted.isEmpty()) {
            hits = hintedNearTies(hits, hinted);
        }
        hits.sort(BEST_FIRST);
        return hits;
    }

    /** The hits, those of the hinted categories that score within {@link #STEP_HINT_TIE} of the best one boosted. */
    private static List<Hit> hintedNearTies(List<Hit> hits, List<Category> hinted) {
        double top = 0;
        for (Hit hit : hits) {
            top = Math.max(top, hit.score());
        }
        List<Hit> weighed = new ArrayList<>(hits.size());
        for (Hit hit : hits) {
            boolean near = hit.score() >= STEP_HINT_TIE * top && hinted.contains(hit.rule().category());
            weighed.add(near ? new Hit(hit.rule(), hit.line(), hit.score() * STEP_HINT_BOOST, hit.lines()) : hit);
        }
        return weighed;
    }

    /**
     * Whether the pattern matches the line: its regular expression runs only if the line holds what it needs, of
     * which {@code runs} are not known to be there yet.
     */
    private static boolean matches(PatternRef ref, List<String> runs, Lines lines, int line, String[] lower,
                                   Budget budget) {
        if (lower[line] == null) {
            lower[line] = lines.lower(line);
        }
        String text = lines.lines.get(line);
        return ref.pattern().requirement().admits(text, lower[line], runs)
                && ref.pattern().find(text, lower[line], budget);
    }

    /**
     * How much a transient rule's hit weighs on a line that quotes a blip rather than reports one ({@link #ASSERTION}:
     * a test's assertion, a test that passed, a retry that went on), unless the rule is written for such lines
     * ({@link Rule#inAssertions}): there, a timeout or a refused connection is more often what the test expected or
     * got, a test's name, or a blip a later line shows was or was not the end, than what stopped the job.
     */
    static final double QUOTED = 0.4;
    /**
     * How much a hit weighs before the log's last command (a runner's {@code $ cmd} echo): a job stops at its first
     * failing command, so an earlier command's blip, retried or logged by a passing test, had not failed it.
     */
    static final double BEFORE_LAST_COMMAND = 0.75;

    /**
     * A line that quotes a blip: a test's assertion, quoting values (Python's and Java's assertion errors and
     * asserts, JUnit's "expected: &lt;x&gt; but was", any assert call such as assertEqual, assertThat, assert_eq!,
     * Go's "expected error …, got", Jest's "Expected substring:" and "Received message:", Rust's "left:"/"right:",
     * RSpec's and Chai's "expected … to equal", node:assert's "+ 'actual'" and "- 'expected'" diff lines); a line
     * reporting a test that passed; a line saying the tool will try again; a line saying its blip was expected or
     * simulated by the test ("connection refused (expected)").
     */
    private static final java.util.regex.Pattern ASSERTION = java.util.regex.Pattern.compile("(?i)"
            + "\\bAssertion(?:Failed)?Error\\b|\\bComparisonFailure\\b|\\bMismatchError\\b"
            + "|\\bassert\\w*[ (!]"
            + "|\\bexpected:? ?[<\\[(\"'`]|\\bexpected (?:an? )?(?:error|exception|message|substring|string|value|output"
            + "|response|result|status)\\b|^(?:expected|received|actual)(?: substring| message| value| string)?: "
            + "|\\bexpected\\b.{0,200}?\\b(?:but (?:was|got|received)|to (?:equal|be|throw|contain|include|match|raise))\\b"
            + "|^ *(?:left|right): |^[+-] '.*'$"
            // a line that reports a test that passed: its words are the test's name or output
            // (pytest's PASSED in capitals only: "the deadline passed" is prose that may report the blip itself)
            + "|^(?:\u2714|\u2713|\u221A) |(?-i:\\bPASSED\\b)|^--- PASS: |^ok \\d+ |\\[ +OK \\]| \\.\\.\\. ok$"
            // a line that says the tool will try again: a blip that a later line shows was, or was not, the end
            + "|\\bretrying\\b|\\bwill retry\\b|\\btrying again\\b"
            // a line that says its blip was expected or made up by the test
            + "|\\((?:expected|simulated)(?: by (?:the )?tests?)?\\)");
    /** What every line {@link #ASSERTION} finds holds one of, lower-cased: lines without any are not tried. */
    static final List<String> ASSERTION_CUES = List.of("assert", "comparisonfailure", "mismatcherror", "expected",
            "received", "actual", "left:", "right:", "+ '", "- '",
            "\u2714 ", "\u2713 ", "\u221a ", "passed", "--- pass: ", "ok ", "[ ", " ... ok", "retrying", "will retry",
            "trying again", "(simulated");
    private static final byte NOT_ASSERTION = 1;
    private static final byte IS_ASSERTION = 2;

    private void record(int rule, int line, Lines lines, double[] best, int[] bestLine,
                        List<List<Integer>> hitLines, byte[] assertion) {
        double position = (0.8 + 0.2 * (lines.rank[line] + 1) / (double) lines.ranked)
                * (line < lines.lastCommand ? BEFORE_LAST_COMMAND : 1.0);
        double marked = lines.warning[line] ? 0.6 : lines.errorMarked[line] ? 1.0 : 0.85;
        Rule decided = rules.get(rule);
        double score = decided.weight() * position * marked;
        if (lines.passedTest[line]) {
            score *= QUOTED;
        } else if (decided.transientFailure() && !decided.inAssertions()) {
            if (assertion[line] == 0) {
                assertion[line] = lines.assertionCue[line] && ASSERTION.matcher(lines.lines.get(line)).find()
                        ? IS_ASSERTION : NOT_ASSERTION;
            }
            if (assertion[line] == IS_ASSERTION) {
                score *= QUOTED;
            }
        }
        if (score > best[rule] || (score == best[rule] && line > bestLine[rule])) {
            best[rule] = score;
            bestLine[rule] = line;
        }
        List<Integer> matched = hitLines.get(rule);
        if (matched == null) {
            matched = new ArrayList<>();
            hitLines.set(rule, matched);
        }
        // kept sorted: the prefilter's hits come in text order, so a line is most often past the rule's last one and
        // needs no search of the list (a rule that matches every line of a long stack trace made that quadratic); a
        // pattern without a literal runs afterwards, from an earlier line
        if (matched.isEmpty() || line > matched.get(matched.size() - 1)) {
            matched.add(line);
        } else {
            int at = java.util.Collections.binarySearch(matched, line);
            if (at < 0) {
                matched.add(-at - 1, line);
            }
        }
    }
}
