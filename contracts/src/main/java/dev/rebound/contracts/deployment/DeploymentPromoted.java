package dev.rebound.contracts.deployment;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * A release was promoted to stable, the marker a rollback returns to: {@code rebound.deployment.promoted.v1}.
 *
 * @param deploymentId    the deployment
 * @param service         the deployed service
 * @param environment     where it is deployed
 * @param version         the version being deployed
 * @param previousVersion the version it replaces
 * @param commit          the source commit
 * @param strategy        direct, canary or blue-green
 * @param stage           the stage it was promoted from, if progressive
 * @param trafficPercent  the traffic share it now takes, 0 to 100
 * @param occurredAt      when it happened
 */
public record DeploymentPromoted(
        @NotBlank String deploymentId,
        @NotBlank String service,
        @NotBlank String environment,
        @NotBlank String version,
        String previousVersion,
        String commit,
        Strategy strategy,
        String stage,
        @DecimalMin("0") @DecimalMax("100") Double trafficPercent,
        @NotNull Instant occurredAt) implements DeploymentEvent {
}
