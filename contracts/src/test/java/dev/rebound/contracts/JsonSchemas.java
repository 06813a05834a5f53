package dev.rebound.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Generates the JSON Schema of each event type from its record: the records are the source of truth.
 * Run {@code ./mvnw -pl contracts test -Dtest=JsonSchemasTest -Dcontracts.write-schemas=true} to rewrite
 * the committed schemas after changing a record (then update {@code asyncapi.yaml} to match).
 */
final class JsonSchemas {

    static final Path COMMITTED = Path.of("src/main/resources/schemas");

    private static final SchemaGenerator GENERATOR = generator();

    private JsonSchemas() {
    }

    static ObjectNode generate(EventType type) {
        ObjectNode schema = GENERATOR.generateSchema(type.dataClass());
        ObjectNode ordered = schema.objectNode();
        ordered.set("$schema", schema.remove("$schema"));
        ordered.put("$id", "https://rebound.dev/schemas/" + type.type() + ".json");
        ordered.put("title", type.type());
        ordered.setAll(schema);
        return ordered;
    }

    static void write(EventType type, JsonNode schema) throws IOException {
        Files.createDirectories(COMMITTED);
        Files.writeString(COMMITTED.resolve(type.type() + ".json"),
                WireJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(schema) + "\n");
    }

    private static SchemaGenerator generator() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(
                WireJson.newMapper(), SchemaVersion.DRAFT_7, OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(
                        JacksonOption.RESPECT_JSONPROPERTY_REQUIRED,
                        JacksonOption.FLATTENED_ENUMS_FROM_JSONVALUE,
                        JacksonOption.RESPECT_JSONPROPERTY_ORDER))
                .with(new JakartaValidationModule(
                        JakartaValidationOption.NOT_NULLABLE_FIELD_IS_REQUIRED,
                        JakartaValidationOption.INCLUDE_PATTERN_EXPRESSIONS))
                // self-contained schemas that paste into AsyncAPI unchanged
                .with(Option.INLINE_ALL_SCHEMAS)
                .with(Option.NULLABLE_FIELDS_BY_DEFAULT)
                .with(Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES);
        config.forTypesInGeneral().withCustomDefinitionProvider((javaType, context) -> {
            if (javaType.getErasedType() == Instant.class) {
                ObjectNode dateTime = context.getGeneratorConfig().createObjectNode()
                        .put("type", "string").put("format", "date-time");
                return new com.github.victools.jsonschema.generator.CustomDefinition(dateTime);
            }
            if (javaType.getErasedType() == JsonNode.class) {
                return new com.github.victools.jsonschema.generator.CustomDefinition(
                        context.getGeneratorConfig().createObjectNode().put("type", "object"));
            }
            return null;
        });
        return new SchemaGenerator(config.build());
    }
}
