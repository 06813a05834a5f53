package dev.rebound.contracts.health;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * One threshold a window crossed.
 *
 * @param metric    {@code errorRate}, {@code availability}, {@code latencyP95Ms} or {@code consecutiveFailures}
 * @param value     the window's value
 * @param threshold the threshold it crossed
 * @param level     {@code warning} or {@code critical}
 */
public record Breach(
        @NotBlank String metric,
        @NotNull Double value,
        @NotNull Double threshold,
        @NotNull Level level) {

    /** Which threshold was crossed. */
    public enum Level {
        WARNING("warning"),
        CRITICAL("critical");

        private final String wireName;

        Level(String wireName) {
            this.wireName = wireName;
        }

        @JsonValue
        public String wireName() {
            return wireName;
        }
    }
}
