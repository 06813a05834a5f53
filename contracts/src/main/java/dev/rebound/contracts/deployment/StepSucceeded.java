package dev.rebound.contracts.deployment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * A step succeeded: {@code rebound.step.succeeded.v1}. A success after a retry closes the retry and counts as a success for the target's breaker.
 *
 * @param operationId  the operation the step belongs to (as in error events)
 * @param step         the step name
 * @param deploymentId the deployment, if any
 * @param service      the service
 * @param environment  where the step ran
 * @param version      the version the step worked on, if any
 * @param occurredAt   when it happened
 */
public record StepSucceeded(
        @NotBlank String operationId,
        String step,
        String deploymentId,
        @NotBlank String service,
        @NotBlank String environment,
        String version,
        @NotNull Instant occurredAt) implements DeploymentEvent {
}
