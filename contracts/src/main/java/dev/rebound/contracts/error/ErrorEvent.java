package dev.rebound.contracts.error;

import dev.rebound.contracts.EventData;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.Map;

/**
 * A step of a pipeline or a deployment failed: {@code rebound.error.reported.v1} on
 * {@code rebound.error-events}, keyed by {@code operationId}. Published by platforms and pipelines,
 * read by the classifier.
 *
 * @param operationId stable across attempts of the same step; the record key
 * @param service     the service the operation belongs to
 * @param environment where it ran
 * @param pipeline    the pipeline or workflow name
 * @param step        the step, job or task name
 * @param attempt     which attempt this was, 1 for the first (absent means 1)
 * @param exitCode    the process exit code, if any
 * @param signal      the signal that ended the process, if any (e.g. {@code SIGKILL})
 * @param target      the dependency that failed, if known (a registry host, an API, a cluster)
 * @param message     a one-line summary
 * @param log         the log excerpt; consumers keep its last 65,536 UTF-8 bytes
 * @param occurredAt  when the failure happened
 * @param labels      free-form string labels
 */
public record ErrorEvent(
        @NotBlank String operationId,
        @NotBlank String service,
        @NotBlank String environment,
        String pipeline,
        String step,
        @Min(1) Integer attempt,
        Integer exitCode,
        String signal,
        String target,
        String message,
        String log,
        @NotNull Instant occurredAt,
        Map<String, String> labels) implements EventData {

    public ErrorEvent {
        attempt = attempt == null ? 1 : attempt;
        labels = labels == null ? null : Map.copyOf(labels);
    }

    @Override
    public String key() {
        return operationId;
    }
}
