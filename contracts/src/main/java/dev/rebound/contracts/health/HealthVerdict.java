package dev.rebound.contracts.health;

import dev.rebound.contracts.EventData;
import dev.rebound.contracts.ServiceKey;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;

/**
 * The health-monitor's judgement of a release: {@code rebound.health.evaluated.v1} on
 * {@code rebound.health-verdicts}, keyed by {@code service@environment}.
 *
 * @param service         the judged service
 * @param environment     where it runs
 * @param version         the release judged
 * @param deploymentId    the deployment, if known
 * @param stage           the rollout stage, if progressive
 * @param verdict         healthy, degraded, unhealthy or inconclusive
 * @param previousVerdict the verdict before this one, absent for the first
 * @param window          the aggregated window the verdict was decided on
 * @param breaches        the thresholds crossed, empty when healthy
 * @param decidedAt       when the verdict was decided
 */
public record HealthVerdict(
        @NotBlank String service,
        @NotBlank String environment,
        String version,
        String deploymentId,
        String stage,
        @NotNull Verdict verdict,
        Verdict previousVerdict,
        @NotNull @Valid HealthWindow window,
        List<@Valid Breach> breaches,
        @NotNull Instant decidedAt) implements EventData {

    public HealthVerdict {
        breaches = breaches == null ? null : List.copyOf(breaches);
    }

    @Override
    public String key() {
        return ServiceKey.of(service, environment);
    }
}
