package dev.rebound.retry.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(5), 2.0, Duration.ofSeconds(60), 0.2);

    @Test
    void threeAttemptsMeanTwoRetries() {
        assertThat(policy.allowsRetryAfter(1)).isTrue();
        assertThat(policy.allowsRetryAfter(2)).isTrue();
        assertThat(policy.allowsRetryAfter(3)).isFalse();
    }

    @Test
    void delaysGrowExponentiallyWithinTheJitter() {
        for (long seed = 0; seed < 200; seed++) {
            assertThat(policy.delayBefore(2, seed, null).toMillis()).isBetween(4_000L, 6_000L);
            assertThat(policy.delayBefore(3, seed, null).toMillis()).isBetween(8_000L, 12_000L);
        }
    }

    @Test
    void theCapHoldsEvenWithJitter() {
        for (long seed = 0; seed < 200; seed++) {
            assertThat(policy.delayBefore(20, seed, null)).isLessThanOrEqualTo(Duration.ofSeconds(60));
        }
    }

    @Test
    void theSameSeedGivesTheSameDelayAndJitterSpreadsSeeds() {
        assertThat(policy.delayBefore(2, 42, null)).isEqualTo(policy.delayBefore(2, 42, null));
        assertThat(java.util.stream.LongStream.range(0, 50).mapToObj(s -> policy.delayBefore(2, s, null)).distinct())
                .hasSizeGreaterThan(10);
    }

    @Test
    void aServersRetryAfterIsAFloor() {
        assertThat(policy.delayBefore(2, 1, 30_000L)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.delayBefore(2, 1, 10L).toMillis()).isGreaterThanOrEqualTo(4_000L);
    }
}
