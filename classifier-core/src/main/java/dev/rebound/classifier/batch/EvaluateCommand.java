package dev.rebound.classifier.batch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rebound.classifier.classify.Classifier;
import dev.rebound.classifier.classify.Failure;
import dev.rebound.classifier.classify.RuleLoader;
import dev.rebound.classifier.classify.Verdict;
import dev.rebound.contracts.WireJson;
import dev.rebound.contracts.error.Category;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rebound evaluate}: how the rules do on labelled examples (category accuracy, precision and recall of
 * {@code transient}, per-category figures, the misses) and on the shared datasets (the share the OpenStack
 * gate signatures classify transient, the share of LogChunks texts left {@code unknown}).
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Measure the classifier on labelled examples and on the shared datasets.")
final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--labelled", paramLabel = "FILE",
            description = "Labelled JSON Lines: {id, text, step_name?, exit_code?, category, transient}.")
    Path labelled;

    @Option(names = "--datasets", paramLabel = "DIR",
            description = "The shared datasets folder (elastic-recheck-transient.jsonl, logchunks-dev.jsonl).")
    Path datasets;

    @Option(names = "--rules", paramLabel = "FILE", description = "A rule file extending and overriding the shipped rules.")
    Path rules;

    @Option(names = "--show-misses", description = "List every labelled example classified wrongly.")
    boolean showMisses;

    @Option(names = "--explain", description = "With --show-misses: the rules that matched each miss, best first.")
    boolean explain;

    @Override
    public Integer call() throws IOException {
        Classifier classifier = new Classifier(RuleLoader.load(rules));
        PrintStream out = System.out;
        if (labelled != null) {
            Evaluation.Labelled result = Evaluation.labelled(classifier, read(labelled));
            out.println(result.report(showMisses));
            if (showMisses && explain) {
                for (Evaluation.Outcome miss : result.misses()) {
                    out.println(miss.id() + " (labelled " + miss.item().path("category").asText() + ")");
                    classifier.explain(Evaluation.failure(miss.item())).stream().limit(4)
                            .forEach(line -> out.println("    " + line));
                }
            }
        }
        if (datasets != null) {
            Path recheck = datasets.resolve("elastic-recheck-transient.jsonl");
            if (Files.exists(recheck)) {
                out.println(Evaluation.unlabelled(classifier, read(recheck)).report(
                        "elastic-recheck (OpenStack gate signatures, all known transient)"));
            }
            Path logchunks = datasets.resolve("logchunks-dev.jsonl");
            if (Files.exists(logchunks)) {
                out.println(Evaluation.unlabelled(classifier, read(logchunks)).report("LogChunks (Travis CI failure chunks)"));
            }
        }
        if (labelled == null && datasets == null) {
            out.println("nothing to evaluate: give --labelled FILE and/or --datasets DIR");
            return 2;
        }
        return 0;
    }

    static List<JsonNode> read(Path file) throws IOException {
        List<JsonNode> items = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                items.add(WireJson.mapper().readTree(line));
            }
        }
        return items;
    }
}
