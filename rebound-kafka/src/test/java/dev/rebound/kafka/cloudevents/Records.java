package dev.rebound.kafka.cloudevents;

import dev.rebound.contracts.EventType;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/** Consumer records as a broker would hand them over, for codec tests without a broker. */
public final class Records {

    private Records() {
    }

    public static ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> sent) {
        return new ConsumerRecord<>(sent.topic(), 0, 42L, 0L, TimestampType.CREATE_TIME, 0, 0, sent.key(),
                sent.value(), new RecordHeaders(sent.headers().toArray()), Optional.empty());
    }

    public static ConsumerRecord<String, byte[]> consumed(String topic, CloudEvent event) {
        return consumed(KafkaMessageFactory.<String>createWriter(topic, "key").writeBinary(event));
    }

    public static ConsumerRecord<String, byte[]> raw(String topic, byte[] value, Map<String, String> headers) {
        RecordHeaders recordHeaders = new RecordHeaders();
        headers.forEach((k, v) -> recordHeaders.add(k, v.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return new ConsumerRecord<>(topic, 0, 7L, 0L, TimestampType.CREATE_TIME, 0, 0, "key", value, recordHeaders,
                Optional.empty());
    }

    /** Headers of a binary-mode Rebound event of the given type. */
    public static Map<String, String> ceHeaders(EventType type) {
        return Map.of("ce_specversion", "1.0", "ce_id", "e-1", "ce_source", "/test", "ce_type", type.type(),
                "content-type", "application/json");
    }
}
