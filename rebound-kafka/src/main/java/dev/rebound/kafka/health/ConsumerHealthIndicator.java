package dev.rebound.kafka.health;

import dev.rebound.kafka.pipeline.PipelineHealth;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** The service's pipelines get their batches through: DOWN while one retries after an outage. */
public class ConsumerHealthIndicator implements HealthIndicator {

    private final PipelineHealth pipelines;

    public ConsumerHealthIndicator(PipelineHealth pipelines) {
        this.pipelines = pipelines;
    }

    @Override
    public Health health() {
        Health.Builder builder = Health.up();
        pipelines.states().forEach((topic, state) -> {
            if (state.failing()) {
                builder.down();
            }
            builder.withDetail(topic, state);
        });
        return builder.build();
    }
}
