package dev.rebound.contracts.error;

import dev.rebound.contracts.EventData;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * A transient failure for the retry-service to handle: {@code rebound.retry.requested.v1} on
 * {@code rebound.retry-requests}, keyed by {@code operationId}. The classifier sends every transient
 * failure; the retry-service alone decides attempts, budgets, exhaustion and escalation.
 *
 * @param classification the classification of the failure
 * @param error          the original error event, as received
 */
public record RetryRequest(
        @NotNull @Valid Classification classification,
        @NotNull @Valid ErrorEvent error) implements EventData {

    @Override
    public String key() {
        return classification.operationId();
    }
}
