package dev.rebound.kafka;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a service uses Kafka ({@code rebound.kafka.*}), bound once at start-up; a bad value fails start-up
 * naming the key.
 *
 * @param source         CloudEvents {@code source} of the events this service publishes
 * @param createTopics   create the declared topics that are missing at start-up
 * @param retry          backoff while the database or the broker is unavailable
 * @param outbox         the relay that publishes what a crash left in the outbox
 * @param dedupRetention how long consumed event ids are remembered to drop redeliveries; at least the
 *                       retention of the consumed topics, so that a replay from their start has no second effect
 * @param healthTimeout  how long the broker health check waits for the cluster to answer
 */
@Validated
@ConfigurationProperties("rebound.kafka")
public record ReboundKafkaProperties(
        @NotBlank String source,
        @DefaultValue("true") boolean createTopics,
        @NotNull @Valid @DefaultValue Retry retry,
        @NotNull @Valid @DefaultValue Outbox outbox,
        @NotNull @DefaultValue("31d") Duration dedupRetention,
        @NotNull @DefaultValue("2s") Duration healthTimeout) {

    /**
     * Capped exponential backoff for a batch that failed because a dependency is down. It never gives up:
     * a valid record is never dead-lettered because PostgreSQL or the broker blinked.
     *
     * @param initialInterval the first wait
     * @param multiplier      growth per attempt
     * @param maxInterval     the cap
     */
    public record Retry(
            @NotNull @DefaultValue("200ms") Duration initialInterval,
            @DecimalMin("1.0") @DefaultValue("2.0") double multiplier,
            @NotNull @DefaultValue("10s") Duration maxInterval) {
    }

    /**
     * @param relayInterval how often the relay, otherwise woken by each batch, looks for what a crash or an outage left
     * @param batchSize     rows per publishing pass
     * @param staleAfter    readiness is DOWN while an event has waited longer than this to be published
     */
    public record Outbox(
            @NotNull @DefaultValue("1s") Duration relayInterval,
            @Min(1) @Max(10_000) @DefaultValue("500") int batchSize,
            @NotNull @DefaultValue("30s") Duration staleAfter) {
    }
}
