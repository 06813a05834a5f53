package dev.rebound.kafka.cloudevents;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record that cannot be accepted: it goes to the dead-letter topic with these reasons.
 *
 * @param record the record as consumed
 * @param kind   one of the {@code DeadLetterHeaders.KIND_*} values
 * @param reason why, for people
 * @param field  the offending field, or null
 */
public record Rejection(ConsumerRecord<String, byte[]> record, String kind, String reason, String field) {
}
