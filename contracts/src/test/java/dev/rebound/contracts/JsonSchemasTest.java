package dev.rebound.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The committed JSON Schemas are exactly what the records generate. */
class JsonSchemasTest {

    private static final boolean WRITE = Boolean.getBoolean("contracts.write-schemas");

    @ParameterizedTest
    @EnumSource(EventType.class)
    void committedSchemaMatchesTheRecord(EventType type) throws IOException {
        // re-read, so that numbers compare as parsed JSON numbers
        JsonNode generated = WireJson.mapper().readTree(JsonSchemas.generate(type).toString());
        if (WRITE) {
            JsonSchemas.write(type, generated);
        }
        try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource())) {
            assertThat(in).as("schema resource %s (generate it with -Dcontracts.write-schemas=true)",
                    type.schemaResource()).isNotNull();
            JsonNode committed = WireJson.mapper().readTree(in);
            assertThat(committed)
                    .as("%s differs from %s; regenerate with -Dcontracts.write-schemas=true and update asyncapi.yaml",
                            type.schemaResource(), type.dataClass().getSimpleName())
                    .isEqualTo(generated);
        }
    }
}
