package dev.rebound.contracts.deployment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * A deployment failed: {@code rebound.deployment.failed.v1}.
 *
 * @param deploymentId    the deployment
 * @param service         the deployed service
 * @param environment     where it is deployed
 * @param version         the version being deployed
 * @param previousVersion the version it replaces
 * @param commit          the source commit
 * @param strategy        direct, canary or blue-green
 * @param reason          why it failed
 * @param occurredAt      when it happened
 */
public record DeploymentFailed(
        @NotBlank String deploymentId,
        @NotBlank String service,
        @NotBlank String environment,
        @NotBlank String version,
        String previousVersion,
        String commit,
        Strategy strategy,
        String reason,
        @NotNull Instant occurredAt) implements DeploymentEvent {
}
