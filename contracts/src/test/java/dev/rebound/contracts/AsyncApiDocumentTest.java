package dev.rebound.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code asyncapi.yaml} describes exactly the contracts in code: every event type's payload equals its
 * generated schema (descriptions aside), travels on its declared topic, and every declared topic is a
 * channel with its partitions and cleanup policy.
 */
class AsyncApiDocumentTest {

    private static final Set<String> PROSE = Set.of("description", "title", "examples", "$schema", "$id");
    private static JsonNode doc;

    @BeforeAll
    static void readDocument() throws IOException {
        doc = new ObjectMapper(new YAMLFactory()).readTree(Path.of("asyncapi.yaml").toFile());
    }

    @Test
    void isAnAsyncApi3Document() {
        assertThat(doc.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(doc.at("/servers/local/protocol").asText()).isEqualTo("kafka");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void payloadSchemaEqualsTheGeneratedSchema(EventType type) throws IOException {
        JsonNode documented = doc.at("/components/schemas/" + escape(type.type()));
        assertThat(documented.isMissingNode()).as("components.schemas.%s", type.type()).isFalse();

        try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource())) {
            JsonNode generated = WireJson.mapper().readTree(in);
            assertThat(withoutProse(documented))
                    .as("asyncapi.yaml components.schemas.%s drifted from %s (fields, types, required)",
                            type.type(), type.schemaResource())
                    .isEqualTo(withoutProse(generated));
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void eachEventTypeIsAMessageOnItsTopic(EventType type) {
        JsonNode channel = channelWithAddress(type.topic());
        List<String> names = new ArrayList<>();
        channel.path("messages").forEach(ref -> names.add(resolve(ref).path("name").asText()));
        assertThat(names).as("messages of channel %s", type.topic()).contains(type.type());

        JsonNode message = messageNamed(type.type());
        assertThat(message.at("/payload/$ref").asText()).isEqualTo("#/components/schemas/" + type.type());
        assertThat(message.at("/headers/$ref").asText()).isEqualTo("#/components/schemas/CloudEventHeaders");
    }

    static List<TopicSpec> topics() {
        return Topics.ALL;
    }

    @ParameterizedTest
    @MethodSource("topics")
    void everyDeclaredTopicIsAChannelWithItsConfiguration(TopicSpec topic) {
        JsonNode kafka = channelWithAddress(topic.name()).at("/bindings/kafka");

        assertThat(kafka.path("partitions").asInt()).isEqualTo(topic.partitions());
        assertThat(kafka.at("/topicConfiguration/cleanup.policy/0").asText())
                .isEqualTo(topic.config().get("cleanup.policy"));
        if (!topic.compacted()) {
            assertThat(kafka.at("/topicConfiguration/retention.ms").asLong()).isEqualTo(topic.retention().toMillis());
        }
    }

    @Test
    void deadLetterHeadersAreDocumented() {
        JsonNode headers = doc.at("/components/schemas/DeadLetterHeaders/properties");
        assertThat(headers.has("dlt-reason")).isTrue();
        assertThat(headers.has("dlt-source-topic")).isTrue();
        assertThat(headers.has("dlt-source-partition")).isTrue();
        assertThat(headers.has("dlt-source-offset")).isTrue();
    }

    private static JsonNode channelWithAddress(String address) {
        return StreamSupport.stream(doc.path("channels").spliterator(), false)
                .filter(c -> c.path("address").asText().equals(address))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no channel with address " + address));
    }

    private static JsonNode messageNamed(String name) {
        return StreamSupport.stream(doc.at("/components/messages").spliterator(), false)
                .filter(m -> m.path("name").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no message named " + name));
    }

    private static JsonNode resolve(JsonNode ref) {
        String pointer = ref.path("$ref").asText();
        assertThat(pointer).startsWith("#/");
        return doc.at(pointer.substring(1));
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static JsonNode withoutProse(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy, false);
        return copy;
    }

    /** Removes prose keywords; the keys of a {@code properties} map are field names and stay. */
    private static void strip(JsonNode node, boolean fieldNames) {
        if (node instanceof ObjectNode object) {
            if (!fieldNames) {
                object.properties().removeIf(e -> PROSE.contains(e.getKey()));
            }
            object.properties().forEach(e -> strip(e.getValue(), !fieldNames && e.getKey().equals("properties")));
        } else {
            node.forEach(child -> strip(child, false));
        }
    }
}
