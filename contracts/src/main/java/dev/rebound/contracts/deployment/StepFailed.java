package dev.rebound.contracts.deployment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * A step failed: {@code rebound.step.failed.v1}. The details of the failure go to {@code rebound.error-events}.
 *
 * @param operationId  the operation the step belongs to (as in error events)
 * @param step         the step name
 * @param deploymentId the deployment, if any
 * @param service      the service
 * @param environment  where the step ran
 * @param version      the version the step worked on, if any
 * @param reason       why it failed
 * @param occurredAt   when it happened
 */
public record StepFailed(
        @NotBlank String operationId,
        String step,
        String deploymentId,
        @NotBlank String service,
        @NotBlank String environment,
        String version,
        String reason,
        @NotNull Instant occurredAt) implements DeploymentEvent {
}
