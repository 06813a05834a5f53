package dev.rebound.kafka.outbox;

import dev.rebound.kafka.ReboundKafkaProperties;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Publishes what a crash or a broker outage left in the outbox when no new batch comes to do it, and forgets
 * consumed event ids older than the deduplication retention. Runs on its own thread.
 */
public final class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration PRUNE_INTERVAL = Duration.ofHours(1);

    private final Outbox outbox;
    private final JdbcTemplate jdbc;
    private final ReboundKafkaProperties properties;
    private ScheduledExecutorService executor;
    private long lastPrune;

    public OutboxRelay(Outbox outbox, JdbcTemplate jdbc, ReboundKafkaProperties properties) {
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** One relay pass; returns how many events it published. */
    public int relayOnce() {
        int published = outbox.publishPending();
        if (published > 0) {
            log.info("relayed {} event(s) left in the outbox", published);
        }
        return published;
    }

    private void tick() {
        try {
            relayOnce();
            if (System.currentTimeMillis() - lastPrune > PRUNE_INTERVAL.toMillis()) {
                int pruned = jdbc.update("delete from processed_events where processed_at < now() - make_interval(secs => ?)",
                        properties.dedupRetention().toSeconds());
                lastPrune = System.currentTimeMillis();
                log.debug("forgot {} consumed event id(s)", pruned);
            }
        } catch (RuntimeException e) {
            // the database or the broker is down: the next tick tries again
            log.warn("outbox relay pass failed: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "outbox-relay"));
        long interval = properties.outbox().relayInterval().toMillis();
        executor.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
