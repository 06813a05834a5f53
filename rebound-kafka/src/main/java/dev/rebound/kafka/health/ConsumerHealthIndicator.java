package dev.rebound.kafka.health;

import dev.rebound.kafka.ReboundKafkaProperties;
import dev.rebound.kafka.outbox.Outbox;
import dev.rebound.kafka.pipeline.EventPipelines;
import dev.rebound.kafka.pipeline.PipelineHealth;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The service's pipelines get their batches through and their events out: DOWN while a consumer retries
 * after an outage, while a listener container has stopped, or while an event has waited in the outbox longer
 * than {@code rebound.kafka.outbox.stale-after}.
 */
public class ConsumerHealthIndicator implements HealthIndicator {

    private final PipelineHealth pipelines;
    private final EventPipelines containers;
    private final Outbox outbox;
    private final Duration staleAfter;

    public ConsumerHealthIndicator(PipelineHealth pipelines, EventPipelines containers, Outbox outbox,
                                   ReboundKafkaProperties properties) {
        this.pipelines = pipelines;
        this.containers = containers;
        this.outbox = outbox;
        this.staleAfter = properties.outbox().staleAfter();
    }

    @Override
    public Health health() {
        Health.Builder builder = Health.up();
        pipelines.states().forEach((consumer, state) -> {
            if (state.failing()) {
                builder.down();
            }
            builder.withDetail(consumer, state);
        });
        List<String> stopped = containers.stoppedTopics();
        if (!stopped.isEmpty()) {
            builder.down().withDetail("stoppedConsumers", stopped);
        }
        try {
            Optional<Duration> oldest = outbox.oldestPendingAge();
            oldest.ifPresent(age -> builder.withDetail("outboxOldestPendingMs", age.toMillis()));
            if (oldest.isPresent() && oldest.get().compareTo(staleAfter) > 0) {
                builder.down();
            }
            long parked = outbox.parked();
            if (parked > 0) {
                builder.withDetail("outboxParked", parked);
            }
        } catch (RuntimeException e) {
            builder.down().withDetail("outbox", "unreadable: " + e.getClass().getSimpleName());
        }
        return builder.build();
    }
}
