package dev.rebound.contracts.deployment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * The rollback-service began a rollback: {@code rebound.rollback.started.v1}.
 *
 * @param commandId       the rollback command this belongs to
 * @param deploymentId    the deployment rolled back, if known
 * @param service         the service
 * @param environment     where it runs
 * @param version         the version being restored
 * @param previousVersion the version rolled back from
 * @param reason          why
 * @param occurredAt      when it happened
 */
public record RollbackStarted(
        @NotBlank String commandId,
        String deploymentId,
        @NotBlank String service,
        @NotBlank String environment,
        String version,
        String previousVersion,
        String reason,
        @NotNull Instant occurredAt) implements DeploymentEvent {
}
