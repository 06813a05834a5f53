package dev.rebound.classifier.errors;

import dev.rebound.classifier.config.ClassifierProperties;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Deletes classifications older than {@code rebound.classifier.retention} (90 days by default), hourly. */
@Component
class RetentionJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final ErrorQueries queries;
    private final ClassifierProperties properties;
    private final Clock clock;
    private ScheduledExecutorService executor;

    RetentionJob(ErrorQueries queries, ClassifierProperties properties, Clock clock) {
        this.queries = queries;
        this.properties = properties;
        this.clock = clock;
    }

    /** One pass; returns how many classifications it deleted. */
    int purge() {
        int deleted = queries.purgeOlderThan(clock.instant().minus(properties.retention()));
        if (deleted > 0) {
            log.info("deleted {} classification(s) older than {}", deleted, properties.retention());
        }
        return deleted;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "classification-retention"));
        executor.scheduleWithFixedDelay(() -> {
            try {
                purge();
            } catch (RuntimeException e) {
                log.warn("retention pass failed: {}", e.getMessage());
            }
        }, 1, 60, TimeUnit.MINUTES);
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
