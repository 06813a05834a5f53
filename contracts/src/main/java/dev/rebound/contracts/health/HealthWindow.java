package dev.rebound.contracts.health;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Instant;

/**
 * The aggregated window a verdict was decided on.
 *
 * @param start        the window's first sample time
 * @param end          the window's last sample time
 * @param samples      how many samples it holds
 * @param requests     total requests, if counts were reported
 * @param errors       total errors, if counts were reported
 * @param errorRate    errors per request over the window, 0 to 1
 * @param availability fraction of successful checks, 0 to 1
 * @param latencyP95Ms the worst 95th percentile latency in the window, milliseconds
 */
public record HealthWindow(
        @NotNull Instant start,
        @NotNull Instant end,
        @NotNull @PositiveOrZero Integer samples,
        @PositiveOrZero Long requests,
        @PositiveOrZero Long errors,
        @DecimalMin("0") @DecimalMax("1") Double errorRate,
        @DecimalMin("0") @DecimalMax("1") Double availability,
        @PositiveOrZero Double latencyP95Ms) {
}
