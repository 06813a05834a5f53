package dev.rebound.classifier.batch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rebound.classifier.classify.Classifier;
import dev.rebound.classifier.classify.Failure;
import dev.rebound.classifier.classify.Verdict;
import dev.rebound.contracts.error.Category;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The classifier's figures on labelled and unlabelled items, computed by plain code so that tests can assert them. */
public final class Evaluation {

    private Evaluation() {
    }

    public record Outcome(JsonNode item, Verdict verdict) {
        public String id() {
            return item.path("id").asText();
        }
    }

    public record Labelled(List<Outcome> outcomes) {
        public long correct() {
            return outcomes.stream().filter(o -> o.verdict().category().wireName()
                    .equals(o.item().path("category").asText())).count();
        }

        public double accuracy() {
            return outcomes.isEmpty() ? 0 : (double) correct() / outcomes.size();
        }

        public List<Outcome> misses() {
            return outcomes.stream().filter(o -> !o.verdict().category().wireName()
                    .equals(o.item().path("category").asText())).toList();
        }

        /** Precision and recall of {@code transient} (true is the positive class). */
        public double[] transientPrecisionRecall() {
            long tp = 0, fp = 0, fn = 0;
            for (Outcome o : outcomes) {
                boolean truth = o.item().path("transient").asBoolean();
                boolean said = o.verdict().transientFailure();
                if (said && truth) {
                    tp++;
                } else if (said) {
                    fp++;
                } else if (truth) {
                    fn++;
                }
            }
            return new double[] {tp + fp == 0 ? 0 : (double) tp / (tp + fp), tp + fn == 0 ? 0 : (double) tp / (tp + fn)};
        }

        public long unknownWithClearCause() {
            return outcomes.stream().filter(o -> o.verdict().category() == Category.UNKNOWN
                    && !o.item().path("category").asText().equals("unknown")).count();
        }

        public String report(boolean showMisses) {
            StringBuilder r = new StringBuilder();
            double[] pr = transientPrecisionRecall();
            r.append(String.format("labelled examples: %d%n", outcomes.size()));
            r.append(String.format("  category accuracy      %.1f %% (%d/%d)%n", 100 * accuracy(), correct(), outcomes.size()));
            r.append(String.format("  transient precision    %.1f %%%n", 100 * pr[0]));
            r.append(String.format("  transient recall       %.1f %%%n", 100 * pr[1]));
            r.append(String.format("  unknown with a clear cause: %d%n", unknownWithClearCause()));
            r.append("  per category (labelled n, precision, recall):\n");
            for (Category c : Category.values()) {
                long n = outcomes.stream().filter(o -> o.item().path("category").asText().equals(c.wireName())).count();
                long said = outcomes.stream().filter(o -> o.verdict().category() == c).count();
                long right = outcomes.stream().filter(o -> o.verdict().category() == c
                        && o.item().path("category").asText().equals(c.wireName())).count();
                r.append(String.format("    %-20s %4d  %6.1f %%  %6.1f %%%n", c.wireName(), n,
                        said == 0 ? 0.0 : 100.0 * right / said, n == 0 ? 0.0 : 100.0 * right / n));
            }
            if (showMisses) {
                r.append("  misses:\n");
                for (Outcome o : misses()) {
                    r.append(String.format("    %-45s labelled %-20s got %-20s by %s%n", o.id(),
                            o.item().path("category").asText(), o.verdict().category().wireName(), o.verdict().ruleId()));
                }
            }
            return r.toString();
        }
    }

    public record Unlabelled(List<Outcome> outcomes) {
        public double share(java.util.function.Predicate<Verdict> predicate) {
            return outcomes.isEmpty() ? 0 : (double) outcomes.stream().filter(o -> predicate.test(o.verdict())).count()
                    / outcomes.size();
        }

        public String report(String title) {
            StringBuilder r = new StringBuilder();
            r.append(String.format("%s: %d items%n", title, outcomes.size()));
            r.append(String.format("  transient   %.1f %%%n", 100 * share(Verdict::transientFailure)));
            r.append(String.format("  unknown     %.1f %%%n", 100 * share(v -> v.category() == Category.UNKNOWN)));
            Map<Category, Integer> counts = new EnumMap<>(Category.class);
            outcomes.forEach(o -> counts.merge(o.verdict().category(), 1, Integer::sum));
            r.append("  categories ").append(counts.entrySet().stream()
                    .map(e -> e.getKey().wireName() + " " + e.getValue()).toList()).append('\n');
            Map<String, Integer> rules = new TreeMap<>();
            outcomes.forEach(o -> rules.merge(o.verdict().ruleId(), 1, Integer::sum));
            r.append("  rules      ").append(rules).append('\n');
            return r.toString();
        }
    }

    public static Labelled labelled(Classifier classifier, List<JsonNode> items) {
        return new Labelled(items.stream().map(i -> new Outcome(i, classifier.classify(failure(i)))).toList());
    }

    public static Unlabelled unlabelled(Classifier classifier, List<JsonNode> items) {
        return new Unlabelled(items.stream().map(i -> new Outcome(i, classifier.classify(failure(i)))).toList());
    }

    public static Failure failure(JsonNode item) {
        JsonNode exitCode = item.path("exit_code");
        return new Failure(item.path("text").asText(null), item.path("step_name").isTextual()
                ? item.path("step_name").asText() : null, exitCode.canConvertToInt() ? exitCode.asInt() : null,
                null, null, null);
    }
}

