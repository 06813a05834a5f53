package dev.rebound.retry.policy;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.SplittableRandom;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How often and how soon a transient failure is retried ({@code rebound.retry.*}): exponential backoff from
 * {@code initialDelay}, multiplied per attempt, capped at {@code maxDelay}, spread by ± {@code jitter}.
 * Immutable; bound and validated once at start-up.
 *
 * @param maxAttempts  attempts in all, the first run included
 * @param initialDelay the wait before the first retry
 * @param multiplier   growth per retry
 * @param maxDelay     the cap
 * @param jitter       the spread, as a fraction of the delay (0 to 1)
 */
@Validated
@ConfigurationProperties("rebound.retry")
public record RetryPolicy(
        @Min(1) @Max(100) @DefaultValue("3") int maxAttempts,
        @NotNull @DefaultValue("5s") Duration initialDelay,
        @DecimalMin("1.0") @DefaultValue("2.0") double multiplier,
        @NotNull @DefaultValue("60s") Duration maxDelay,
        @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.2") double jitter) {

    /** The name under which retry commands report this policy. */
    public static final String NAME = "default";

    /** Whether a failed attempt (1 for the first run) leaves attempts to make. */
    public boolean allowsRetryAfter(int failedAttempt) {
        return failedAttempt < maxAttempts;
    }

    /**
     * The wait before {@code nextAttempt} (2 for the first retry). The jitter is drawn from {@code seed}, so
     * the same operation and attempt always get the same delay; a server's Retry-After is a floor.
     */
    public Duration delayBefore(int nextAttempt, long seed, Long retryAfterMs) {
        double base = Math.min(initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, nextAttempt - 2)),
                maxDelay.toMillis());
        double spread = base * jitter * (new SplittableRandom(seed).nextDouble() * 2 - 1);
        long delay = Math.round(Math.min(Math.max(0, base + spread), maxDelay.toMillis()));
        return Duration.ofMillis(retryAfterMs == null ? delay : Math.max(delay, retryAfterMs));
    }
}
