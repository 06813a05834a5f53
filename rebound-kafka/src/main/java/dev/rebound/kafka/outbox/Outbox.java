package dev.rebound.kafka.outbox;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.rebound.contracts.WireJson;
import dev.rebound.kafka.cloudevents.CloudEventCodec;
import dev.rebound.kafka.cloudevents.OutboundEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The transactional outbox: events are written to the {@code outbox} table in the same transaction as the
 * effect that caused them, then published and deleted. A crash between the commit and the publish leaves
 * the rows for {@link OutboxRelay}, so an effect's events are never lost.
 */
public final class Outbox {

    private static final TypeReference<LinkedHashMap<String, String>> HEADERS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final CloudEventCodec codec;
    private final RecordSender sender;

    public Outbox(JdbcTemplate jdbc, CloudEventCodec codec, RecordSender sender) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.sender = sender;
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

    /** Publishes staged events after their transaction committed, then forgets them. */
    public void publish(List<OutboundEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        sender.sendAll(events.stream().map(codec::encode).toList());
        jdbc.update("delete from outbox where event_id = any(?)",
                (Object) events.stream().map(OutboundEvent::id).toArray(String[]::new));
    }

    /**
     * Publishes and deletes the oldest rows older than {@code grace}, locking them so that concurrent relays
     * skip them. Call inside a transaction. Returns how many were published.
     */
    int relay(Duration grace, int limit) {
        List<Pending> pending = jdbc.query("select id, topic, record_key, headers, payload from outbox "
                        + "where created_at < now() - make_interval(secs => ?) order by id limit ? for update skip locked",
                (rs, i) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBytes(5)),
                grace.toMillis() / 1000.0, limit);
        if (pending.isEmpty()) {
            return 0;
        }
        sender.sendAll(pending.stream().map(Pending::record).toList());
        jdbc.update("delete from outbox where id = any(?)", (Object) pending.stream().map(Pending::id).toArray(Long[]::new));
        return pending.size();
    }

    /** How many events wait in the outbox. */
    public long backlog() {
        Long count = jdbc.queryForObject("select count(*) from outbox", Long.class);
        return count == null ? 0 : count;
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
