package dev.rebound.contracts.breaker;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.rebound.contracts.EventData;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Instant;

/**
 * The state of one target's circuit breaker (internal): {@code rebound.breaker.changed.v1} on the
 * compacted {@code rebound.breaker-states}, keyed by {@code target}, so that the latest state per target
 * survives and every retry-service instance agrees.
 *
 * @param target        the protected dependency (registry host, API, cluster)
 * @param state         closed, open, half_open, forced_open or disabled
 * @param previousState the state before the transition
 * @param failureRate   failures per call over the breaker's window, 0 to 1, if measured
 * @param bufferedCalls calls in the window
 * @param failedCalls   failed calls in the window
 * @param openUntil     when an open breaker lets a trial call through
 * @param changedAt     when the transition happened
 */
public record BreakerState(
        @NotBlank String target,
        @NotNull State state,
        State previousState,
        @DecimalMin("0") @DecimalMax("1") Double failureRate,
        @PositiveOrZero Integer bufferedCalls,
        @PositiveOrZero Integer failedCalls,
        Instant openUntil,
        @NotNull Instant changedAt) implements EventData {

    @Override
    public String key() {
        return target;
    }

    /** A circuit breaker's state, named as in resilience4j. */
    public enum State {
        CLOSED("closed"),
        OPEN("open"),
        HALF_OPEN("half_open"),
        FORCED_OPEN("forced_open"),
        DISABLED("disabled");

        private final String wireName;

        State(String wireName) {
            this.wireName = wireName;
        }

        @JsonValue
        public String wireName() {
            return wireName;
        }
    }
}
