package dev.rebound.classifier.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rebound.contracts.WireJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rebound classify --input IN.jsonl --output OUT.jsonl}: one line out per line in, in order. */
class ClassifyCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesOneLinePerInputLineInOrder() throws Exception {
        Path in = dir.resolve("in.jsonl");
        Path out = dir.resolve("out.jsonl");
        Files.write(in, List.of(
                "{\"id\":\"a\",\"text\":\"curl: (6) Could not resolve host: example.org\",\"exit_code\":6}",
                "{\"id\":\"b\",\"text\":\"Error: Process completed with exit code 1.\",\"step_name\":\"lint\"}",
                "{\"id\":7,\"text\":\"[ERROR] src/main/java/acme/Cart.java:[42,17] cannot find symbol\"}"));

        int exit = ClassifierCli.run(new String[] {"classify", "--input", in.toString(), "--output", out.toString()});

        assertThat(exit).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(3);
        JsonNode first = WireJson.mapper().readTree(lines.get(0));
        assertThat(first.path("id").asText()).isEqualTo("a");
        assertThat(first.path("category").asText()).isEqualTo("network");
        assertThat(first.path("transient").isBoolean()).isTrue();
        assertThat(first.path("transient").asBoolean()).isTrue();
        assertThat(first.path("target").asText()).isEqualTo("example.org");
        assertThat(first.fieldNames()).toIterable().containsExactly("id", "category", "transient", "confidence",
                "severity", "action", "fingerprint", "rule", "target");
        assertThat(WireJson.mapper().readTree(lines.get(1)).path("category").asText()).isEqualTo("quality_gate");
        JsonNode third = WireJson.mapper().readTree(lines.get(2));
        assertThat(third.path("id").asInt()).isEqualTo(7);
        assertThat(third.path("category").asText()).isEqualTo("compilation");
        assertThat(third.path("transient").asBoolean()).isFalse();
        assertThat(third.path("target").isNull()).isTrue();
    }

    @Test
    void anUnreadableLineKeepsItsPlaceAndFailsTheRun() throws Exception {
        Path in = dir.resolve("in.jsonl");
        Path out = dir.resolve("out.jsonl");
        Files.write(in, List.of("{\"id\":\"a\",\"text\":\"ok\"}", "not json", "{\"id\":\"c\",\"text\":\"ok\"}"));

        int exit = ClassifierCli.run(new String[] {"classify", "--input", in.toString(), "--output", out.toString()});

        assertThat(exit).isEqualTo(1);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(3);
        assertThat(WireJson.mapper().readTree(lines.get(1)).path("error").asText()).startsWith("line 2");
        assertThat(WireJson.mapper().readTree(lines.get(2)).path("id").asText()).isEqualTo("c");
    }
}
