package dev.rebound.kafka.outbox;

import dev.rebound.kafka.ReboundKafkaProperties;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Publishes the outbox on its own thread: at once when a pipeline has staged events ({@link #wake()}), so that
 * consuming the next batch overlaps with the broker acknowledging this one, and on a timer for what a crash or
 * a broker outage left behind. Also forgets consumed event ids older than the deduplication retention.
 */
public final class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration PRUNE_INTERVAL = Duration.ofHours(1);

    private final Outbox outbox;
    private final JdbcTemplate jdbc;
    private final ReboundKafkaProperties properties;
    private final Semaphore wakeUps = new Semaphore(0);
    private Thread thread;
    private volatile boolean running;
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

    /** Asks for a pass now: a pipeline has staged events. */
    public void wake() {
        wakeUps.release();
    }

    private void run() {
        long interval = properties.outbox().relayInterval().toMillis();
        while (running) {
            boolean woken;
            try {
                woken = wakeUps.tryAcquire(interval, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            wakeUps.drainPermits(); // one pass publishes everything staged so far
            tick(woken);
        }
    }

    private void tick(boolean woken) {
        try {
            if (woken) {
                outbox.publishPending();
            } else {
                relayOnce();
            }
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
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
        outbox.publishWith(this::wake);
    }

    /** Stops after the pipelines (a lower phase stops later), with a last pass for what they staged. */
    @Override
    public synchronized void stop() {
        if (thread == null) {
            return;
        }
        outbox.publishWith(null);
        running = false;
        wakeUps.release();
        try {
            thread.join(properties.outbox().relayInterval().toMillis() + 30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
        tick(true);
    }

    @Override
    public synchronized boolean isRunning() {
        return thread != null;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 200;
    }
}
