package dev.rebound.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rebound.contracts.EventType;
import dev.rebound.contracts.WireJson;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The error events both paths receive: CloudEvents in binary mode, as a platform publishes them, each with a
 * fresh id and operation id and a log excerpt taken in turn from the corpus. The same event goes to either
 * path; only the topic differs.
 */
final class Payloads {

    private static final URI SOURCE = URI.create("/bench/platform");

    private final List<String> logs;
    private long next;

    Payloads(List<String> logs) {
        if (logs.isEmpty()) {
            throw new IllegalArgumentException("no logs");
        }
        this.logs = List.copyOf(logs);
    }

    int size() {
        return logs.size();
    }

    long meanLogBytes() {
        return (long) logs.stream().mapToInt(l -> l.getBytes(StandardCharsets.UTF_8).length).average().orElse(0);
    }

    /** The next error event, for the topic given. */
    Event next(String topic) {
        long n = next++;
        String id = UUID.randomUUID().toString();
        String operation = "bench-" + n;
        ObjectNode error = WireJson.mapper().createObjectNode()
                .put("operationId", operation)
                .put("service", "bench-" + (n % 17))
                .put("environment", "ci")
                .put("pipeline", "build")
                .put("step", "build")
                .put("exitCode", 1)
                .put("log", logs.get((int) (n % logs.size())))
                .put("occurredAt", Instant.now().toString());
        ProducerRecord<String, byte[]> record = KafkaMessageFactory.<String>createWriter(topic, null, null, operation)
                .writeBinary(CloudEventBuilder.v1()
                        .withId(id)
                        .withSource(SOURCE)
                        .withType(EventType.ERROR_REPORTED.type())
                        .withTime(OffsetDateTime.now())
                        .withDataContentType("application/json")
                        .withData(WireJson.write(error))
                        .build());
        return new Event(id, record);
    }

    record Event(String id, ProducerRecord<String, byte[]> record) {
    }
}
