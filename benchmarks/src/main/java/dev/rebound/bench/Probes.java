package dev.rebound.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches the output topics: when the output of an event arrives (named by a header: the hop keeps
 * {@code ce_id}, the service sets {@code ce_causationid}), the time since the event was sent is recorded in its
 * run's histogram. A second output for the same event (a redelivery) is not counted twice.
 */
final class Probes implements AutoCloseable {

    private final Map<String, Sent> pending = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    Probes(String bootstrap, List<String> topics) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // the end now, not at the first poll
        Map<String, String> causeHeaders = Map.of(
                EndToEndBenchmark.Route.RAW.output, EndToEndBenchmark.Route.RAW.causeHeader,
                EndToEndBenchmark.Route.SERVICE.output, EndToEndBenchmark.Route.SERVICE.causeHeader);
        thread = new Thread(() -> watch(causeHeaders), "bench-probes");
        thread.setDaemon(true);
        thread.start();
    }

    /** Expects the output of the event with this id, sent now, as part of the run. */
    void sent(String id, Run run) {
        pending.put(id, new Sent(run, System.nanoTime()));
    }

    private void watch(Map<String, String> causeHeaders) {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    Header cause = record.headers().lastHeader(causeHeaders.get(record.topic()));
                    Sent sent = cause == null ? null : pending.remove(new String(cause.value(), StandardCharsets.UTF_8));
                    if (sent != null) {
                        sent.run().arrived(now, now - sent.nanos());
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
    }

    private record Sent(Run run, long nanos) {
    }

    /** One timed run: how many outputs it waits for, their latencies, and when the last arrived. */
    static final class Run {

        private final Histogram latencies = new Histogram(TimeUnit.MINUTES.toNanos(10), 3);
        private final CountDownLatch remaining;
        private volatile long lastArrival;

        Run(int expected) {
            remaining = new CountDownLatch(expected);
        }

        /** Called by the probe thread only. */
        private void arrived(long now, long latencyNanos) {
            latencies.recordValue(Math.min(latencyNanos, latencies.getHighestTrackableValue()));
            lastArrival = now;
            remaining.countDown();
        }

        /** Whether every output arrived within the time given. */
        boolean await(long timeout, TimeUnit unit) throws InterruptedException {
            return remaining.await(timeout, unit);
        }

        long missing() {
            return remaining.getCount();
        }

        /** When the last output arrived ({@link System#nanoTime()}); read after {@link #await}. */
        long lastArrival() {
            return lastArrival;
        }

        /** The latencies; read after {@link #await}, which orders it after the probe thread's writes. */
        Histogram latencies() {
            return latencies;
        }
    }
}
