package dev.rebound.kafka.deadletter;

import dev.rebound.contracts.DeadLetterHeaders;
import dev.rebound.contracts.Topics;
import dev.rebound.kafka.outbox.RecordSender;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * This service's dead letters: read straight from the dead-letter topics (only the records its own consumer
 * group refused) and replayed into their source topic, once each. Replays are remembered in the database.
 */
public final class DeadLetterStore {

    private static final int PREVIEW_BYTES = 2048;
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration READ_LIMIT = Duration.ofSeconds(10);

    /** A dead letter's address. */
    public record Ref(String topic, int partition, long offset) {
        @Override
        public String toString() {
            return topic + "/" + partition + "/" + offset;
        }
    }

    /** A replayed dead letter and where its copy went. */
    public record Replayed(Ref deadLetter, Ref replayedTo) {
    }

    /** A dead letter that was not replayed, and why. */
    public record Skipped(Ref deadLetter, String reason) {
    }

    /** What a replay did; {@code complete} is false when the dead-letter topics could not be read to their end. */
    public record ReplayResult(List<Replayed> replayed, List<Skipped> skipped, boolean complete) {
    }

    /** A page of dead letters, newest first; {@code complete} is false when the topics were not read to their end. */
    public record Page(List<DeadLetter> deadLetters, boolean complete) {
    }

    private final Supplier<Consumer<String, byte[]>> consumers;
    private final RecordSender sender;
    private final JdbcTemplate jdbc;
    private final String consumerGroup;
    private final Supplier<Collection<String>> sourceTopics;

    public DeadLetterStore(Supplier<Consumer<String, byte[]>> consumers, RecordSender sender, JdbcTemplate jdbc,
                           String consumerGroup, Supplier<Collection<String>> sourceTopics) {
        this.consumers = consumers;
        this.sender = sender;
        this.jdbc = jdbc;
        this.consumerGroup = consumerGroup;
        this.sourceTopics = sourceTopics;
    }

    public String consumerGroup() {
        return consumerGroup;
    }

    /** The dead-letter topics this service may have written to. */
    public List<String> deadLetterTopics() {
        return sourceTopics.get().stream().map(Topics::deadLetterOf).sorted().toList();
    }

    /**
     * This service's dead letters, newest first.
     *
     * @param topic           a source or dead-letter topic to restrict to, or null for all
     * @param includeReplayed whether to list replayed ones too
     * @param limit           at most this many
     */
    public Page list(String topic, boolean includeReplayed, int limit) {
        Map<Ref, Replay> replays = replays();
        Comparator<DeadLetter> newestFirst = Comparator
                .comparing((DeadLetter d) -> d.failedAt() == null ? Instant.EPOCH : d.failedAt())
                .thenComparing(DeadLetter::offset).reversed();
        // keep only the newest `limit` while reading: a large dead-letter topic must not fill the heap
        PriorityQueue<DeadLetter> newest = new PriorityQueue<>(newestFirst.reversed());
        boolean complete = readAll(topicsMatching(topic), record -> {
            Ref ref = new Ref(record.topic(), record.partition(), record.offset());
            Replay replay = replays.get(ref);
            if (replay == null || includeReplayed) {
                DeadLetter letter = toDeadLetter(record);
                newest.add(replay == null ? letter : letter.replayed(replay.at(), replay.by()));
                if (newest.size() > limit) {
                    newest.poll();
                }
            }
        });
        List<DeadLetter> letters = new ArrayList<>(newest);
        letters.sort(newestFirst);
        return new Page(letters, complete);
    }

    /**
     * Replays the given dead letters, or with {@code all} every one not replayed yet, into their source topics.
     * Each dead letter is claimed in the database before it is sent, so concurrent replays send it once.
     */
    public ReplayResult replay(List<Ref> refs, boolean all, String topic, String requestedBy) {
        List<Replayed> replayed = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        boolean complete = true;
        if (all) {
            complete = readAll(topicsMatching(topic), record -> replayOne(record, requestedBy, replayed, null));
        } else {
            for (ConsumerRecord<String, byte[]> record : read(refs, skipped)) {
                replayOne(record, requestedBy, replayed, skipped);
            }
        }
        return new ReplayResult(replayed, skipped, complete);
    }

    private void replayOne(ConsumerRecord<String, byte[]> record, String requestedBy, List<Replayed> replayed,
                           List<Skipped> skipped) {
        Ref ref = new Ref(record.topic(), record.partition(), record.offset());
        boolean claimed = !jdbc.queryForList("insert into dead_letter_replays (dlt_topic, dlt_partition, dlt_offset, "
                        + "replayed_by) values (?, ?, ?, ?) on conflict do nothing returning dlt_offset", Long.class,
                ref.topic(), ref.partition(), ref.offset(), requestedBy).isEmpty();
        if (!claimed) {
            if (skipped != null) {
                Replay previous = replays().get(ref);
                skipped.add(new Skipped(ref, "already replayed" + (previous == null ? ""
                        : " at " + previous.at() + " by " + previous.by())));
            }
            return;
        }
        RecordMetadata sent;
        try {
            sent = sender.sendAll(List.of(copyForSource(record, ref))).get(0).getRecordMetadata();
        } catch (RuntimeException e) {
            jdbc.update("delete from dead_letter_replays where dlt_topic = ? and dlt_partition = ? and dlt_offset = ?",
                    ref.topic(), ref.partition(), ref.offset());
            throw e;
        }
        jdbc.update("update dead_letter_replays set replay_offset = ? where dlt_topic = ? and dlt_partition = ? "
                + "and dlt_offset = ?", sent.offset(), ref.topic(), ref.partition(), ref.offset());
        replayed.add(new Replayed(ref, new Ref(sent.topic(), sent.partition(), sent.offset())));
    }

    private List<String> topicsMatching(String topic) {
        if (topic == null || topic.isBlank()) {
            return deadLetterTopics();
        }
        String dlt = topic.endsWith(".dlt") ? topic : Topics.deadLetterOf(topic);
        if (!deadLetterTopics().contains(dlt)) {
            throw new IllegalArgumentException("topic " + topic + " is not consumed by this service; its dead-letter "
                    + "topics are " + deadLetterTopics());
        }
        return List.of(dlt);
    }

    private List<ConsumerRecord<String, byte[]>> read(List<Ref> refs, List<Skipped> skipped) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (Consumer<String, byte[]> consumer = consumers.get()) {
            for (Ref ref : refs) {
                if (!deadLetterTopics().contains(ref.topic())) {
                    skipped.add(new Skipped(ref, "not a dead-letter topic of this service: " + deadLetterTopics()));
                    continue;
                }
                Optional<ConsumerRecord<String, byte[]>> record = readOne(consumer, ref);
                if (record.isEmpty()) {
                    skipped.add(new Skipped(ref, "no such record"));
                } else if (!consumerGroup.equals(header(record.get(), DeadLetterHeaders.CONSUMER_GROUP))) {
                    skipped.add(new Skipped(ref, "dead-lettered by another consumer group: "
                            + header(record.get(), DeadLetterHeaders.CONSUMER_GROUP)));
                } else {
                    found.add(record.get());
                }
            }
        }
        return found;
    }

    private static Optional<ConsumerRecord<String, byte[]>> readOne(Consumer<String, byte[]> consumer, Ref ref) {
        TopicPartition partition = new TopicPartition(ref.topic(), ref.partition());
        consumer.assign(List.of(partition));
        long end = consumer.endOffsets(List.of(partition)).get(partition);
        if (ref.offset() >= end || ref.offset() < consumer.beginningOffsets(List.of(partition)).get(partition)) {
            return Optional.empty();
        }
        consumer.seek(partition, ref.offset());
        long deadline = System.nanoTime() + READ_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL).records(partition)) {
                if (record.offset() == ref.offset()) {
                    return Optional.of(record);
                }
                if (record.offset() > ref.offset()) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Hands every record of this consumer group in the given dead-letter topics to {@code sink}; returns
     * whether it read them to their end within the time limit.
     */
    private boolean readAll(List<String> topics, java.util.function.Consumer<ConsumerRecord<String, byte[]>> sink) {
        try (Consumer<String, byte[]> consumer = consumers.get()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic);
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
            }
            if (partitions.isEmpty()) {
                return true;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            end.entrySet().removeIf(e -> e.getValue() == 0);
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            while (!end.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (end.containsKey(new TopicPartition(record.topic(), record.partition()))
                            && record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))
                            && consumerGroup.equals(header(record, DeadLetterHeaders.CONSUMER_GROUP))) {
                        sink.accept(record);
                    }
                }
                end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
            return end.isEmpty();
        }
    }

    private ProducerRecord<String, byte[]> copyForSource(ConsumerRecord<String, byte[]> record, Ref ref) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith("dlt-") && !header.key().equals(DeadLetterHeaders.REPLAYED_FROM)) {
                headers.add(header);
            }
        }
        headers.add(DeadLetterHeaders.REPLAYED_FROM, ref.toString().getBytes(StandardCharsets.UTF_8));
        String source = header(record, DeadLetterHeaders.SOURCE_TOPIC);
        if (source == null) {
            source = record.topic().substring(0, record.topic().length() - ".dlt".length());
        }
        String partition = header(record, DeadLetterHeaders.SOURCE_PARTITION);
        return new ProducerRecord<>(source, partition == null ? null : Integer.valueOf(partition), record.key(),
                record.value(), headers);
    }

    private DeadLetter toDeadLetter(ConsumerRecord<String, byte[]> record) {
        byte[] value = record.value() == null ? new byte[0] : record.value();
        String preview = new String(value, 0, Math.min(value.length, PREVIEW_BYTES), StandardCharsets.UTF_8);
        return new DeadLetter(record.topic(), record.partition(), record.offset(), record.key(),
                header(record, DeadLetterHeaders.REASON), header(record, DeadLetterHeaders.ERROR_KIND),
                header(record, DeadLetterHeaders.FIELD), header(record, DeadLetterHeaders.SOURCE_TOPIC),
                number(header(record, DeadLetterHeaders.SOURCE_PARTITION)) == null ? null
                        : number(header(record, DeadLetterHeaders.SOURCE_PARTITION)).intValue(),
                number(header(record, DeadLetterHeaders.SOURCE_OFFSET)),
                header(record, DeadLetterHeaders.CONSUMER_GROUP), instant(header(record, DeadLetterHeaders.FAILED_AT)),
                header(record, "ce_type"), header(record, "ce_id"), value.length, preview, null, null);
    }

    private record Replay(Instant at, String by) {
    }

    private Map<Ref, Replay> replays() {
        Map<Ref, Replay> replays = new HashMap<>();
        jdbc.query("select dlt_topic, dlt_partition, dlt_offset, replayed_at, replayed_by from dead_letter_replays",
                rs -> {
                    replays.put(new Ref(rs.getString(1), rs.getInt(2), rs.getLong(3)),
                            new Replay(rs.getTimestamp(4).toInstant(), rs.getString(5)));
                });
        return replays;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Long number(String text) {
        try {
            return text == null ? null : Long.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
