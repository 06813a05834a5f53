package dev.rebound.contracts.deployment;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * A progressive rollout moved to another stage: {@code rebound.deployment.stage-changed.v1}.
 *
 * @param deploymentId   the deployment
 * @param service        the deployed service
 * @param environment    where it is deployed
 * @param version        the version being rolled out
 * @param stage          the new stage name
 * @param trafficPercent the traffic share the new version takes in this stage, 0 to 100
 * @param occurredAt     when it happened
 */
public record DeploymentStageChanged(
        @NotBlank String deploymentId,
        @NotBlank String service,
        @NotBlank String environment,
        String version,
        @NotBlank String stage,
        @NotNull @DecimalMin("0") @DecimalMax("100") Double trafficPercent,
        @NotNull Instant occurredAt) implements DeploymentEvent {
}
