package dev.rebound.contracts.health;

import dev.rebound.contracts.EventData;
import dev.rebound.contracts.ServiceKey;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Instant;

/**
 * One measurement of a release's health: {@code rebound.health.sampled.v1} on
 * {@code rebound.health-samples}, keyed by {@code service@environment}. Pushed by services and agents,
 * or produced by the health-monitor's own probes.
 *
 * @param service      the measured service
 * @param environment  where it runs
 * @param version      the release measured
 * @param timestamp    when the measurement was taken (the end of its interval)
 * @param deploymentId the deployment the release belongs to, if known
 * @param stage        the rollout stage, if progressive
 * @param track        canary or stable, if progressive
 * @param requests     requests over the sample's interval (preferred over {@code errorRate})
 * @param errors       failed requests over the interval
 * @param errorRate    errors per request, 0 to 1, when counts are unknown
 * @param availability the fraction of successful checks, 0 to 1
 * @param latencyP95Ms 95th percentile response time in milliseconds
 * @param status       what the service says of itself
 * @param source       {@code push}, {@code probe:<name>} or {@code prometheus:<name>}
 */
public record HealthSample(
        @NotBlank String service,
        @NotBlank String environment,
        String version,
        @NotNull Instant timestamp,
        String deploymentId,
        String stage,
        Track track,
        @PositiveOrZero Long requests,
        @PositiveOrZero Long errors,
        @DecimalMin("0") @DecimalMax("1") Double errorRate,
        @DecimalMin("0") @DecimalMax("1") Double availability,
        @PositiveOrZero Double latencyP95Ms,
        HealthStatus status,
        String source) implements EventData {

    @Override
    public String key() {
        return ServiceKey.of(service, environment);
    }
}
