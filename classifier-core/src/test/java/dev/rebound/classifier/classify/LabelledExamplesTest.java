package dev.rebound.classifier.classify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rebound.classifier.batch.Evaluation;
import dev.rebound.contracts.WireJson;
import dev.rebound.contracts.error.Category;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The labelled examples (real tool output made on this machine, and named public sources; see their README):
 * category accuracy of at least 95 %, and nothing with a clear cause left unknown.
 */
class LabelledExamplesTest {

    private static Evaluation.Labelled result;
    private static List<JsonNode> examples;

    @BeforeAll
    static void classifyAll() throws IOException {
        examples = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/labelled/examples.jsonl"))) {
            if (!line.isBlank()) {
                examples.add(WireJson.mapper().readTree(line));
            }
        }
        result = Evaluation.labelled(new Classifier(RuleLoader.defaults()), examples);
    }

    @Test
    void thereAreAtLeast200ExamplesOverEveryCategoryEachWithItsSource() {
        assertThat(examples).hasSizeGreaterThanOrEqualTo(200);
        Set<String> categories = new java.util.HashSet<>();
        for (JsonNode example : examples) {
            categories.add(example.path("category").asText());
            assertThat(example.path("source").asText()).as(example.path("id").asText()).matches("(ran|public): .+");
        }
        EnumSet.allOf(Category.class).forEach(c -> assertThat(categories).contains(c.wireName()));
    }

    @Test
    void categoryAccuracyIsAtLeast95Percent() {
        assertThat(result.accuracy()).as(result.report(true)).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void nothingWithAClearCauseIsUnknown() {
        assertThat(result.unknownWithClearCause()).as(result.report(true)).isZero();
    }

    @Test
    void transientIsRarelyCalledWrongly() {
        double[] precisionRecall = result.transientPrecisionRecall();
        assertThat(precisionRecall[0]).as("transient precision").isGreaterThanOrEqualTo(0.85);
        assertThat(precisionRecall[1]).as("transient recall").isGreaterThanOrEqualTo(0.85);
    }
}
