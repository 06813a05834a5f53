package dev.rebound.contracts.error;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.rebound.contracts.EventData;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the classifier decided about one error event: {@code rebound.error.classified.v1} on
 * {@code rebound.classifications}, keyed by {@code operationId}. Carries the error event's identity
 * fields so that analysts need no join.
 *
 * @param operationId   from the error event
 * @param service       from the error event
 * @param environment   from the error event
 * @param pipeline      from the error event
 * @param step          from the error event
 * @param attempt       from the error event
 * @param labels        from the error event
 * @param category      the kind of failure
 * @param transientFailure whether the same job would likely pass if retried with no change
 *                      (JSON {@code transient})
 * @param severity      how bad it is
 * @param confidence    how sure the classifier is, 0 to 1
 * @param action        what to do about it
 * @param remediation   a short text saying how
 * @param ruleId        the rule (or operator override) that decided
 * @param evidence      the decisive log lines, secrets redacted
 * @param fingerprint   a stable hash grouping the same failure across runs
 * @param target        the dependency that failed: given by the event or extracted from the log
 * @param retryAfterMs  a Retry-After or rate-limit reset found in the log, in milliseconds
 * @param logTruncated  whether the log was cut to its last 65,536 bytes
 * @param classifiedAt  when the classification was made
 */
public record Classification(
        @NotBlank String operationId,
        @NotBlank String service,
        @NotBlank String environment,
        String pipeline,
        String step,
        @Min(1) Integer attempt,
        Map<String, String> labels,
        @NotNull Category category,
        @JsonProperty("transient") @NotNull Boolean transientFailure,
        @NotNull Severity severity,
        @NotNull @DecimalMin("0") @DecimalMax("1") Double confidence,
        @NotNull Action action,
        String remediation,
        @NotBlank String ruleId,
        List<String> evidence,
        @NotBlank String fingerprint,
        String target,
        @PositiveOrZero Long retryAfterMs,
        Boolean logTruncated,
        @NotNull Instant classifiedAt) implements EventData {

    public Classification {
        labels = labels == null ? null : Map.copyOf(labels);
        evidence = evidence == null ? null : List.copyOf(evidence);
    }

    @Override
    public String key() {
        return operationId;
    }
}
