package dev.rebound.classifier.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rebound.classifier.classify.Classifier;
import dev.rebound.classifier.classify.Failure;
import dev.rebound.classifier.classify.RuleLoader;
import dev.rebound.classifier.classify.Verdict;
import dev.rebound.contracts.WireJson;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rebound classify --input IN.jsonl --output OUT.jsonl}: one output line per input line, in order.
 * Input lines are {@code {id, text, step_name?, exit_code?}}; output lines are
 * {@code {id, category, transient, confidence, severity, action, fingerprint, rule, target}}. A line that
 * cannot be read gives {@code {id, error}} in its place, and the exit code is 1.
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Classify failures in a JSON Lines file, without Kafka or a database.")
final class ClassifyCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, paramLabel = "IN.jsonl",
            description = "JSON Lines: {id, text, step_name?, exit_code?} per line.")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "OUT.jsonl",
            description = "JSON Lines: {id, category, transient, confidence, severity, action, fingerprint, rule, target}.")
    Path output;

    @Option(names = "--rules", paramLabel = "FILE", description = "A rule file extending and overriding the shipped rules.")
    Path rules;

    @Override
    public Integer call() throws IOException {
        Classifier classifier = new Classifier(RuleLoader.load(rules));
        int lines = 0;
        int errors = 0;
        try (BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8);
             BufferedWriter out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                lines++;
                ObjectNode result;
                try {
                    result = classify(classifier, WireJson.mapper().readTree(line));
                } catch (IOException | IllegalArgumentException e) {
                    errors++;
                    result = WireJson.mapper().createObjectNode().putNull("id")
                            .put("error", "line " + lines + ": " + e.getMessage());
                    System.err.println("line " + lines + ": " + e.getMessage());
                }
                out.write(WireJson.mapper().writeValueAsString(result));
                out.newLine();
            }
        }
        System.err.printf("classified %d line(s) from %s into %s%s%n", lines - errors, input, output,
                errors == 0 ? "" : "; " + errors + " line(s) could not be read");
        return errors == 0 ? 0 : 1;
    }

    static ObjectNode classify(Classifier classifier, JsonNode item) {
        if (item == null || !item.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonNode exitCode = item.path("exit_code");
        Failure failure = new Failure(text(item, "text"), text(item, "step_name"),
                exitCode.canConvertToInt() ? exitCode.asInt() : null, text(item, "signal"), text(item, "target"), null);
        Verdict verdict = classifier.classify(failure);
        ObjectNode result = WireJson.mapper().createObjectNode();
        result.set("id", item.get("id") == null ? WireJson.mapper().nullNode() : item.get("id"));
        result.put("category", verdict.category().wireName());
        result.put("transient", verdict.transientFailure());
        result.put("confidence", verdict.confidence());
        result.put("severity", verdict.severity().wireName());
        result.put("action", verdict.action().wireName());
        result.put("fingerprint", verdict.fingerprint());
        result.put("rule", verdict.ruleId());
        if (verdict.target() == null) {
            result.putNull("target");
        } else {
            result.put("target", verdict.target());
        }
        return result;
    }

    private static String text(JsonNode item, String field) {
        JsonNode value = item.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
