package dev.rebound.health.evaluation;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Warning and critical thresholds of a release's health ({@code rebound.health.thresholds.*}). Crossing a
 * warning threshold makes a release {@code degraded}; crossing a critical one makes it {@code unhealthy}.
 *
 * @param errorRateWarning       errors per request (0 to 1) at or above which a release is degraded
 * @param errorRateCritical      … unhealthy
 * @param availabilityWarning    availability (0 to 1) below which a release is degraded
 * @param availabilityCritical   … unhealthy
 * @param latencyP95WarningMs    95th percentile latency above which a release is degraded
 * @param latencyP95CriticalMs   … unhealthy
 */
@Validated
@ConfigurationProperties("rebound.health.thresholds")
public record Thresholds(
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.03") double errorRateWarning,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.05") double errorRateCritical,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.995") double availabilityWarning,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.99") double availabilityCritical,
        @Positive @DefaultValue("1500") double latencyP95WarningMs,
        @Positive @DefaultValue("2000") double latencyP95CriticalMs) {

    /** A warning threshold must come before its critical one. */
    @AssertTrue(message = "each warning threshold must be less severe than its critical threshold "
            + "(error-rate-warning <= error-rate-critical, availability-warning >= availability-critical, "
            + "latency-p95-warning-ms <= latency-p95-critical-ms)")
    public boolean isWarningBeforeCritical() {
        return errorRateWarning <= errorRateCritical && availabilityWarning >= availabilityCritical
                && latencyP95WarningMs <= latencyP95CriticalMs;
    }
}
