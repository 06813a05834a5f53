package dev.rebound.kafka.outbox;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.rebound.contracts.WireJson;
import dev.rebound.kafka.cloudevents.CloudEventCodec;
import dev.rebound.kafka.cloudevents.OutboundEvent;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transactional outbox: events are written to the {@code outbox} table in the same transaction as the
 * effect that caused them; {@link #publishPending()} then publishes every pending event, oldest first, and
 * deletes it. {@link OutboxRelay} calls it on its own thread, woken by the consuming pipeline after each batch
 * ({@link #requestPublish()}) and on a timer, so what a crash or a broker outage left behind goes out before
 * anything newer, and one lock per process keeps a single publisher at a time (row locks keep instances apart). An event the broker refuses for good (too
 * large, invalid topic) is parked with its error instead of blocking the others.
 */
public final class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    private static final TypeReference<LinkedHashMap<String, String>> HEADERS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final CloudEventCodec codec;
    private final RecordSender sender;
    private final int batchSize;
    private final MeterRegistry meters;
    private final ReentrantLock publishing = new ReentrantLock();
    /** What {@link #requestPublish()} does: publish in the caller, until a relay takes the work on its thread. */
    private volatile Runnable publisher = this::publishPending;

    public Outbox(JdbcTemplate jdbc, TransactionTemplate transactions, CloudEventCodec codec, RecordSender sender,
                  int batchSize, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.codec = codec;
        this.sender = sender;
        this.batchSize = batchSize;
        this.meters = meters;
    }

    /** Writes the events to the outbox; call inside the transaction of their cause. */
    public void stage(List<OutboundEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(events.size());
        for (OutboundEvent event : events) {
            ProducerRecord<String, byte[]> record = codec.encode(event);
            rows.add(new Object[] {event.id(), record.topic(), record.key(), headersJson(record), record.value()});
        }
        jdbc.batchUpdate("insert into outbox (event_id, topic, record_key, headers, payload) "
                + "values (?, ?, ?, cast(? as jsonb), ?) on conflict (event_id) do nothing", rows);
    }

    /**
     * Publishes events straight away, not staged (for a {@link dev.rebound.kafka.pipeline.RepublishingHandler},
     * which can rebuild them after a crash), and waits for the acknowledgements. An event the broker refuses for
     * good is parked in the outbox with its error, like a staged one, so that it is not lost and shows in
     * {@link #parked()}.
     *
     * @throws KafkaException when the broker does not acknowledge them (an outage)
     */
    public void publishNow(List<OutboundEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<ProducerRecord<String, byte[]>> records = events.stream().map(codec::encode).toList();
        List<RecordSender.Outcome> outcomes = sender.sendEach(records);
        for (int i = 0; i < records.size(); i++) {
            Throwable failure = outcomes.get(i).failure();
            if (failure == null) {
                continue;
            }
            if (!RecordSender.isPermanent(failure)) {
                throw new KafkaException("publishing " + events.get(i).id() + " to " + records.get(i).topic()
                        + " failed: " + failure.getMessage(), failure);
            }
            ProducerRecord<String, byte[]> record = records.get(i);
            String error = refusedForGood("event " + events.get(i).id(), record.topic(), failure);
            jdbc.update("insert into outbox (event_id, topic, record_key, headers, payload, parked_at, error) "
                    + "values (?, ?, ?, cast(? as jsonb), ?, now(), ?) on conflict (event_id) do nothing",
                    events.get(i).id(), record.topic(), record.key(), headersJson(record), record.value(), error);
        }
    }

    /**
     * Has what was just staged published: by the relay's thread once one runs ({@link #publishWith}), so the
     * consumer goes on with the next batch while the broker acknowledges this one; else at once, in the caller.
     * Either way the events are already durable in the outbox.
     */
    public void requestPublish() {
        publisher.run();
    }

    /** Hands publishing to {@code publisher} (the relay's wake-up); null hands it back to the caller. */
    public void publishWith(Runnable publisher) {
        this.publisher = publisher == null ? this::publishPending : publisher;
    }

    /**
     * Publishes every pending event, oldest first, waiting for the acknowledgements, and deletes them.
     * Returns how many were published.
     *
     * @throws KafkaException when the broker does not acknowledge them; they stay pending
     */
    public int publishPending() {
        publishing.lock();
        try {
            int total = 0;
            int published;
            do {
                Integer count = transactions.execute(status -> publishOldest());
                published = count == null ? 0 : count;
                total += published;
            } while (published == batchSize);
            return total;
        } finally {
            publishing.unlock();
        }
    }

    private int publishOldest() {
        List<Pending> pending = jdbc.query("select id, topic, record_key, headers, payload from outbox "
                        + "where parked_at is null order by id limit ? for update skip locked",
                (rs, i) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBytes(5)),
                batchSize);
        if (pending.isEmpty()) {
            return 0;
        }
        List<RecordSender.Outcome> outcomes = sender.sendEach(pending.stream().map(Pending::record).toList());
        List<Long> done = new ArrayList<>(pending.size());
        for (int i = 0; i < pending.size(); i++) {
            RecordSender.Outcome outcome = outcomes.get(i);
            Pending row = pending.get(i);
            if (outcome.sent()) {
                done.add(row.id());
            } else if (RecordSender.isPermanent(outcome.failure())) {
                String error = refusedForGood("outbox row " + row.id(), row.topic(), outcome.failure());
                jdbc.update("update outbox set parked_at = now(), error = ? where id = ?", error, row.id());
            } else {
                // an outage: roll back, everything stays pending (the acknowledged ones are re-sent with their ids)
                throw new KafkaException("publishing outbox row " + row.id() + " to " + row.topic() + " failed: "
                        + outcome.failure().getMessage(), outcome.failure());
            }
        }
        jdbc.update("delete from outbox where id = any(?)", (Object) done.toArray(Long[]::new));
        return done.size();
    }

    /** How old the oldest pending event is, if any is pending. */
    public Optional<Duration> oldestPendingAge() {
        Double seconds = jdbc.queryForObject(
                "select extract(epoch from now() - min(created_at)) from outbox where parked_at is null", Double.class);
        return seconds == null ? Optional.empty() : Optional.of(Duration.ofMillis((long) (seconds * 1000)));
    }

    /** How many events wait in the outbox, parked ones included. */
    public long backlog() {
        Long count = jdbc.queryForObject("select count(*) from outbox", Long.class);
        return count == null ? 0 : count;
    }

    /** How many events are parked because the broker refuses them. */
    public long parked() {
        Long count = jdbc.queryForObject("select count(*) from outbox where parked_at is not null", Long.class);
        return count == null ? 0 : count;
    }

    /** Logs and counts an event the broker refuses for good, about to be parked; returns the error to keep. */
    private String refusedForGood(String what, String topic, Throwable failure) {
        String error = rootCause(failure).toString();
        log.error("parked {} for {}: the broker refuses it for good: {}", what, topic, error);
        meters.counter("rebound.outbox.parked", "topic", topic).increment();
        return error;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String headersJson(ProducerRecord<String, byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return WireJson.writeString(headers);
    }

    private record Pending(long id, String topic, String key, String headers, byte[] payload) {
        ProducerRecord<String, byte[]> record() {
            try {
                Map<String, String> map = WireJson.mapper().readValue(headers, HEADERS);
                List<Header> kafkaHeaders = map.entrySet().stream()
                        .map(e -> (Header) new RecordHeader(e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8)))
                        .toList();
                return new ProducerRecord<>(topic, null, key, payload, kafkaHeaders);
            } catch (IOException e) {
                throw new UncheckedIOException("unreadable outbox headers of row " + id, e);
            }
        }
    }
}
