package dev.rebound.bench;

import dev.rebound.bench.EndToEndBenchmark.Route;
import dev.rebound.stack.ServiceProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Sends the error events, as a burst or at a steady rate, and waits for every output. */
final class Load implements AutoCloseable {

    private static final long PATIENCE_SECONDS = 600;

    private final KafkaProducer<String, byte[]> producer;
    private final Payloads payloads;
    private final Probes probes;
    private final Map<Route, Long> sent = new EnumMap<>(Route.class);

    Load(String bootstrap, Payloads payloads, Probes probes) {
        this.payloads = payloads;
        this.probes = probes;
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.LINGER_MS_CONFIG, 2,
                ProducerConfig.BATCH_SIZE_CONFIG, 262_144),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** How many events went to a path so far. */
    long sent(Route route) {
        return sent.getOrDefault(route, 0L);
    }

    /** {@code events} sent as fast as the producer takes them; timed from the first send to the last output. */
    Outcome burst(Route route, int events, ServiceProcess service) throws InterruptedException {
        List<Payloads.Event> batch = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            batch.add(payloads.next(route.input));
        }
        Probes.Run run = new Probes.Run(events);
        long start = System.nanoTime();
        for (Payloads.Event event : batch) {
            probes.sent(event.id(), run);
            producer.send(event.record());
        }
        producer.flush();
        return await(route, run, events, start, service);
    }

    /** {@code rate} events a second for the duration, each sent on its schedule. */
    Outcome steady(Route route, int rate, Duration duration, ServiceProcess service) throws InterruptedException {
        int events = (int) Math.max(1, rate * duration.toSeconds());
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        Probes.Run run = new Probes.Run(events);
        long start = System.nanoTime();
        for (int i = 0; i < events; i++) {
            Payloads.Event event = payloads.next(route.input);
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            probes.sent(event.id(), run);
            producer.send(event.record());
        }
        producer.flush();
        return await(route, run, events, start, service);
    }

    private Outcome await(Route route, Probes.Run run, int events, long start, ServiceProcess service)
            throws InterruptedException {
        sent.merge(route, (long) events, Long::sum);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (!run.await(1, TimeUnit.SECONDS)) {
            if (route == Route.SERVICE && !service.isAlive()) {
                throw new IllegalStateException("the classifier service died:\n" + service.tail(40));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(route.label + ": " + run.missing() + " of " + events
                        + " outputs missing after " + PATIENCE_SECONDS + " s");
            }
        }
        return new Outcome(events, run.lastArrival() - start, run.latencies());
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }

    /** What a run measured. */
    record Outcome(int events, long elapsedNanos, Histogram latencies) {

        double perSecond() {
            return events / (elapsedNanos / 1e9);
        }

        long elapsedMillis() {
            return TimeUnit.NANOSECONDS.toMillis(elapsedNanos);
        }

        double percentileMillis(double percentile) {
            return latencies.getValueAtPercentile(percentile) / 1e6;
        }

        String latency() {
            return String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms", percentileMillis(50), percentileMillis(99),
                    latencies.getMaxValue() / 1e6);
        }
    }
}
