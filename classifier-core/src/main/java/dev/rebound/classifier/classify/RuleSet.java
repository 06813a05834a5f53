package dev.rebound.classifier.classify;

import com.google.re2j.Pattern;
import dev.rebound.contracts.error.Category;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
    private final List<PatternRef> filtered = new ArrayList<>();
    private final List<PatternRef> unfiltered = new ArrayList<>();
    private final AhoCorasick prefilter;

    private record PatternRef(int rule, Pattern pattern) {
    }

    /** A rule's best hit. */
    record Hit(Rule rule, int line, double score, List<Integer> lines) {
    }

    /** How much a step name that suggests a hit's category strengthens the hit. */
    static final double STEP_HINT_BOOST = 1.25;

    private final Map<Category, List<Pattern>> stepHints;

    RuleSet(List<Rule> rules, Map<Category, Guidance> guidance, Map<Category, List<Pattern>> stepHints) {
        this.rules = List.copyOf(rules);
        this.guidance = new EnumMap<>(guidance);
        this.stepHints = new EnumMap<>(Category.class);
        this.stepHints.putAll(stepHints);
        List<String> literals = new ArrayList<>();
        for (int r = 0; r < this.rules.size(); r++) {
            for (Pattern pattern : this.rules.get(r).patterns()) {
                String literal = RequiredLiteral.of(pattern.pattern());
                if (literal == null) {
                    unfiltered.add(new PatternRef(r, pattern));
                } else {
                    literals.add(literal);
                    filtered.add(new PatternRef(r, pattern));
                }
            }
        }
        prefilter = new AhoCorasick(literals);
    }

    public List<Rule> rules() {
        return rules;
    }

    public Optional<Guidance> guidance(Category category) {
        return Optional.ofNullable(guidance.get(category));
    }

    /** Patterns that have no required literal and so run on every examined line (slower; for rule authors). */
    public List<String> unfilteredPatterns() {
        return unfiltered.stream().map(p -> rules.get(p.rule()).id() + ": " + p.pattern().pattern()).toList();
    }

    /** The categories the step's name suggests (a step called "lint" hints quality_gate), in rule-file order. */
    List<Category> hintedBy(String stepName) {
        if (stepName == null || stepName.isBlank()) {
            return List.of();
        }
        List<Category> hinted = new ArrayList<>();
        stepHints.forEach((category, patterns) -> {
            if (patterns.stream().anyMatch(p -> p.matcher(stepName).find())) {
                hinted.add(category);
            }
        });
        return hinted;
    }

    /** Every rule that matches, best first (score, then rule order). */
    List<Hit> match(Lines lines, Failure failure) {
        List<Category> hinted = hintedBy(failure.stepName());
        int ruleCount = rules.size();
        boolean[] admitted = new boolean[ruleCount];
        for (int r = 0; r < ruleCount; r++) {
            admitted[r] = rules.get(r).admits(failure);
        }
        double[] best = new double[ruleCount];
        int[] bestLine = new int[ruleCount];
        List<List<Integer>> hitLines = new ArrayList<>(ruleCount);
        for (int r = 0; r < ruleCount; r++) {
            bestLine[r] = Integer.MIN_VALUE;
            hitLines.add(null);
        }
        Set<Long> tried = new HashSet<>();
        int n = lines.size();
        prefilter.scan(lines.lowerText, (literal, end) -> {
            PatternRef ref = filtered.get(literal);
            if (!admitted[ref.rule()]) {
                return;
            }
            int line = lines.lineAt(end - 1);
            if (!lines.noise[line] && tried.add(((long) literal << 32) | line)
                    && ref.pattern().matcher(lines.lines.get(line)).find()) {
                record(ref.rule(), line, lines, best, bestLine, hitLines);
            }
        });
        for (PatternRef ref : unfiltered) {
            if (!admitted[ref.rule()]) {
                continue;
            }
            for (int line = Math.max(0, n - UNFILTERED_LINES); line < n; line++) {
                if (!lines.noise[line] && ref.pattern().matcher(lines.lines.get(line)).find()) {
                    record(ref.rule(), line, lines, best, bestLine, hitLines);
                }
            }
        }
        List<Hit> hits = new ArrayList<>();
        for (int r = 0; r < ruleCount; r++) {
            Rule rule = rules.get(r);
            double boost = hinted.contains(rule.category()) ? STEP_HINT_BOOST : 1.0;
            if (bestLine[r] != Integer.MIN_VALUE) {
                List<Integer> matched = hitLines.get(r);
                matched.sort(Comparator.naturalOrder());
                hits.add(new Hit(rule, bestLine[r], best[r] * boost, List.copyOf(matched)));
            } else if (admitted[r] && rule.patterns().isEmpty()) {
                // decided by exit code, signal or step alone: weaker than a line that says what happened
                hits.add(new Hit(rule, -1, rule.weight() * 0.7 * boost, List.of()));
            }
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparingInt(h -> h.rule().order()));
        return hits;
    }

    private void record(int rule, int line, Lines lines, double[] best, int[] bestLine,
                        List<List<Integer>> hitLines) {
        double position = 0.8 + 0.2 * (lines.rank[line] + 1) / (double) lines.ranked;
        double marked = lines.warning[line] ? 0.6 : lines.errorMarked[line] ? 1.0 : 0.85;
        double score = rules.get(rule).weight() * position * marked;
        if (score > best[rule] || (score == best[rule] && line > bestLine[rule])) {
            best[rule] = score;
            bestLine[rule] = line;
        }
        if (hitLines.get(rule) == null) {
            hitLines.set(rule, new ArrayList<>());
        }
        if (!hitLines.get(rule).contains(line)) {
            hitLines.get(rule).add(line);
        }
    }
}
