package dev.rebound.contracts;

import java.time.Duration;
import java.util.Objects;

/**
 * The declaration of one Kafka topic: everything needed to create it and to document it.
 *
 * @param name        the topic name
 * @param key         what the record key holds (documentation; it decides ordering)
 * @param partitions  partition count; a dead-letter topic has the same count as its source
 * @param retention   how long records are kept ({@code retention.ms}); ignored when compacted
 * @param compacted   {@code cleanup.policy=compact} instead of delete
 */
public record TopicSpec(String name, String key, int partitions, Duration retention, boolean compacted) {

    /** Suffix of every dead-letter topic: {@code <topic>.dlt}. */
    public static final String DLT_SUFFIX = ".dlt";

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(retention, "retention");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1 for " + name);
        }
    }

    /** The dead-letter topic of this topic, created with the same partition count and retention. */
    public TopicSpec deadLetter() {
        return new TopicSpec(name + DLT_SUFFIX, key + " (as the source)", partitions, retention, false);
    }

    /** Whether this declaration is a dead-letter topic. */
    public boolean isDeadLetter() {
        return name.endsWith(DLT_SUFFIX);
    }

    /** Topic-level configuration for creating the topic. */
    public java.util.Map<String, String> config() {
        return compacted
                ? java.util.Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "0")
                : java.util.Map.of("cleanup.policy", "delete", "retention.ms", Long.toString(retention.toMillis()));
    }
}
