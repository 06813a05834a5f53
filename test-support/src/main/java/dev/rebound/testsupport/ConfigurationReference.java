package dev.rebound.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rebound.contracts.WireJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Checks that {@code docs/configuration.md} documents every configuration key a module declares. */
public final class ConfigurationReference {

    private static final Path REFERENCE = Path.of("..", "docs", "configuration.md");
    private static final Path METADATA = Path.of("target", "classes", "META-INF", "spring-configuration-metadata.json");

    private ConfigurationReference() {
    }

    /** Every {@code rebound.*} key in this module's configuration metadata appears, in backticks, in the reference. */
    public static void assertDocumentsThisModule() throws IOException {
        JsonNode metadata = WireJson.mapper().readTree(METADATA.toFile());
        List<String> keys = new ArrayList<>();
        metadata.path("properties").forEach(p -> keys.add(p.path("name").asText()));
        String reference = Files.readString(REFERENCE);

        assertThat(keys).as("configuration keys of this module").isNotEmpty();
        assertThat(keys).allSatisfy(key -> assertThat(reference)
                .as("docs/configuration.md documents `%s`", key).contains("`" + key + "`"));
    }
}
