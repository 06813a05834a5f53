package dev.rebound.contracts.deployment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * A deployment finished and its release is live: {@code rebound.deployment.succeeded.v1}. Closes pending retries of its operations.
 *
 * @param deploymentId    the deployment
 * @param service         the deployed service
 * @param environment     where it is deployed
 * @param version         the version being deployed
 * @param previousVersion the version it replaces
 * @param commit          the source commit
 * @param strategy        direct, canary or blue-green
 * @param occurredAt      when it happened
 */
public record DeploymentSucceeded(
        @NotBlank String deploymentId,
        @NotBlank String service,
        @NotBlank String environment,
        @NotBlank String version,
        String previousVersion,
        String commit,
        Strategy strategy,
        @NotNull Instant occurredAt) implements DeploymentEvent {
}
