package dev.rebound.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rebound.contracts.WireJson;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The yardstick: one thread that consumes, parses each record's JSON, produces it again with its headers,
 * waits for the acknowledgements and commits the offsets; the same delivery guarantee as the service (at
 * least once, nothing lost) and the same client settings, without the database, the classifier or the
 * second derived event.
 */
final class RawHop implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final String output;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Exception failure;

    RawHop(String bootstrap, String input, String output) {
        this.output = output;
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-hop",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500),
                new StringDeserializer(), new ByteArrayDeserializer());
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.LINGER_MS_CONFIG, 2),
                new StringSerializer(), new ByteArraySerializer());
        consumer.subscribe(List.of(input));
        thread = new Thread(this::hop, "bench-raw-hop");
        thread.setDaemon(true);
        thread.start();
    }

    private void hop() {
        try {
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
                if (records.isEmpty()) {
                    continue;
                }
                List<Future<RecordMetadata>> acks = new ArrayList<>(records.count());
                for (ConsumerRecord<String, byte[]> record : records) {
                    JsonNode data = WireJson.mapper().readTree(record.value());
                    acks.add(producer.send(new ProducerRecord<>(output, null, record.key(),
                            WireJson.mapper().writeValueAsBytes(data), record.headers())));
                }
                producer.flush();
                for (Future<RecordMetadata> ack : acks) {
                    ack.get();
                }
                consumer.commitSync();
            }
        } catch (WakeupException e) {
            // closing
        } catch (IOException | ExecutionException | RuntimeException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close();
            producer.close();
        }
    }

    /** Throws if the hop failed: the comparison would be void. */
    void check() {
        if (failure != null) {
            throw new IllegalStateException("the raw hop failed", failure);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
    }
}
