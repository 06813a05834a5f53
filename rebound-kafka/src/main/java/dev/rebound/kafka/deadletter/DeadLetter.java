package dev.rebound.kafka.deadletter;

import java.time.Instant;

/**
 * A dead letter as {@code GET /dlt} lists it.
 *
 * @param dltTopic        the dead-letter topic
 * @param partition       its partition
 * @param offset          its offset there
 * @param key             the record key
 * @param reason          why it was refused
 * @param kind            the kind of refusal
 * @param field           the offending field, if known
 * @param sourceTopic     where it was consumed from
 * @param sourcePartition the source partition
 * @param sourceOffset    the source offset
 * @param consumerGroup   the group that refused it
 * @param failedAt        when it was refused
 * @param eventType       its {@code ce_type} header, if any
 * @param eventId         its {@code ce_id} header, if any
 * @param valueBytes      the size of its value
 * @param valuePreview    the start of its value as UTF-8 (up to 2 KiB)
 * @param replayedAt      when it was replayed, if it was
 * @param replayedBy      who replayed it
 */
public record DeadLetter(
        String dltTopic,
        int partition,
        long offset,
        String key,
        String reason,
        String kind,
        String field,
        String sourceTopic,
        Integer sourcePartition,
        Long sourceOffset,
        String consumerGroup,
        Instant failedAt,
        String eventType,
        String eventId,
        int valueBytes,
        String valuePreview,
        Instant replayedAt,
        String replayedBy) {

    DeadLetter replayed(Instant at, String by) {
        return new DeadLetter(dltTopic, partition, offset, key, reason, kind, field, sourceTopic, sourcePartition,
                sourceOffset, consumerGroup, failedAt, eventType, eventId, valueBytes, valuePreview, at, by);
    }
}
