package dev.rebound.contracts.retry;

import dev.rebound.contracts.EventData;
import dev.rebound.contracts.error.Category;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Run the failed operation again: {@code rebound.retry.due.v1} on {@code rebound.retry-commands},
 * keyed by {@code operationId}. Published by the retry-service when an attempt is due and the
 * target's circuit breaker lets it through; platforms obey it.
 *
 * @param operationId     the operation to retry
 * @param attempt         the number of the attempt to run (2 for the first retry)
 * @param service         the service the operation belongs to
 * @param environment     where it runs
 * @param pipeline        the pipeline, as in the error event
 * @param step            the step, as in the error event
 * @param labels          the error event's labels
 * @param category        the failure's category
 * @param policy          the name of the retry policy that scheduled the attempt
 * @param delayMs         the backoff that was waited before this attempt
 * @param scheduledFor    when the attempt was due
 * @param recoveryActions what to do before retrying (e.g. {@code clear-cache}), possibly empty
 * @param reason          why this retry is issued
 * @param issuedAt        when the command was issued
 */
public record RetryCommand(
        @NotBlank String operationId,
        @NotNull @Min(2) Integer attempt,
        @NotBlank String service,
        @NotBlank String environment,
        String pipeline,
        String step,
        Map<String, String> labels,
        @NotNull Category category,
        @NotBlank String policy,
        @NotNull @PositiveOrZero Long delayMs,
        @NotNull Instant scheduledFor,
        List<String> recoveryActions,
        String reason,
        @NotNull Instant issuedAt) implements EventData {

    public RetryCommand {
        labels = labels == null ? null : Map.copyOf(labels);
        recoveryActions = recoveryActions == null ? null : List.copyOf(recoveryActions);
    }

    @Override
    public String key() {
        return operationId;
    }
}
