package dev.rebound.contracts.deployment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * A deployment began: {@code rebound.deployment.started.v1}. The health-monitor starts watching {@code version}.
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
public record DeploymentStarted(
        @NotBlank String deploymentId,
        @NotBlank String service,
        @NotBlank String environment,
        @NotBlank String version,
        String previousVersion,
        String commit,
        Strategy strategy,
        @NotNull Instant occurredAt) implements DeploymentEvent {
}
