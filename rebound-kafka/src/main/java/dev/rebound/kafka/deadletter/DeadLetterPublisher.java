package dev.rebound.kafka.deadletter;

import dev.rebound.contracts.DeadLetterHeaders;
import dev.rebound.contracts.Topics;
import dev.rebound.kafka.cloudevents.Rejection;
import dev.rebound.kafka.outbox.RecordSender;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends refused records to {@code <topic>.dlt}, same partition, with their key, headers and value unchanged
 * and the {@code dlt-*} headers saying why and where from. Waits for the broker's acknowledgement.
 */
public final class DeadLetterPublisher {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterPublisher.class);

    private final RecordSender sender;
    private final String consumerGroup;
    private final Clock clock;
    private final MeterRegistry meters;

    public DeadLetterPublisher(RecordSender sender, String consumerGroup, Clock clock, MeterRegistry meters) {
        this.sender = sender;
        this.consumerGroup = consumerGroup;
        this.clock = clock;
        this.meters = meters;
    }

    public void publish(List<Rejection> rejections) {
        if (rejections.isEmpty()) {
            return;
        }
        sender.sendAll(rejections.stream().map(this::deadLetter).toList());
        for (Rejection r : rejections) {
            log.warn("dead-lettered {}-{}@{} to {}: {}", r.record().topic(), r.record().partition(),
                    r.record().offset(), Topics.deadLetterOf(r.record().topic()), r.reason());
            meters.counter("rebound.dlt.records", "topic", r.record().topic(), "kind", r.kind()).increment();
        }
    }

    private ProducerRecord<String, byte[]> deadLetter(Rejection rejection) {
        ConsumerRecord<String, byte[]> source = rejection.record();
        RecordHeaders headers = new RecordHeaders();
        for (Header header : source.headers()) {
            if (!header.key().startsWith("dlt-")) {
                headers.add(header);
            }
        }
        add(headers, DeadLetterHeaders.REASON, rejection.reason());
        add(headers, DeadLetterHeaders.ERROR_KIND, rejection.kind());
        if (rejection.field() != null) {
            add(headers, DeadLetterHeaders.FIELD, rejection.field());
        }
        add(headers, DeadLetterHeaders.SOURCE_TOPIC, source.topic());
        add(headers, DeadLetterHeaders.SOURCE_PARTITION, Integer.toString(source.partition()));
        add(headers, DeadLetterHeaders.SOURCE_OFFSET, Long.toString(source.offset()));
        add(headers, DeadLetterHeaders.CONSUMER_GROUP, consumerGroup);
        add(headers, DeadLetterHeaders.FAILED_AT, clock.instant().toString());
        String deadLetterTopic = Topics.deadLetterOf(source.topic());
        // same partition as the source; a dead-letter topic with fewer partitions than its source still takes it
        int partition = source.partition() % sender.partitionCount(deadLetterTopic);
        return new ProducerRecord<>(deadLetterTopic, partition, source.key(), source.value(), headers);
    }

    private static void add(RecordHeaders headers, String key, String value) {
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
