package dev.rebound.health.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebound.contracts.health.Breach;
import dev.rebound.contracts.health.HealthSample;
import dev.rebound.contracts.health.Verdict;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SampleEvaluatorTest {

    private final SampleEvaluator evaluator = new SampleEvaluator(new Thresholds(0.03, 0.05, 0.995, 0.99, 1500, 2000));

    private static HealthSample sample(Long requests, Long errors, Double errorRate, Double availability, Double p95) {
        return new HealthSample("checkout", "production", "2.14.0", Instant.parse("2026-11-23T20:30:00Z"), null, null,
                null, requests, errors, errorRate, availability, p95, null, "push");
    }

    @Test
    void withinEveryWarningThresholdIsHealthy() {
        assertThat(evaluator.evaluate(sample(1000L, 10L, null, 0.999, 300.0)).verdict()).isEqualTo(Verdict.HEALTHY);
    }

    @Test
    void countsArePreferredOverTheReportedRate() {
        SampleEvaluator.Evaluation evaluation = evaluator.evaluate(sample(1000L, 60L, 0.0, null, null));

        assertThat(evaluation.verdict()).isEqualTo(Verdict.UNHEALTHY);
        assertThat(evaluation.window().errorRate()).isEqualTo(0.06);
        assertThat(evaluation.breaches()).singleElement().satisfies(b -> {
            assertThat(b.metric()).isEqualTo("errorRate");
            assertThat(b.level()).isEqualTo(Breach.Level.CRITICAL);
            assertThat(b.threshold()).isEqualTo(0.05);
        });
    }

    @Test
    void aWarningThresholdMakesItDegraded() {
        assertThat(evaluator.evaluate(sample(null, null, 0.04, null, null)).verdict()).isEqualTo(Verdict.DEGRADED);
        assertThat(evaluator.evaluate(sample(null, null, null, 0.993, null)).verdict()).isEqualTo(Verdict.DEGRADED);
        assertThat(evaluator.evaluate(sample(null, null, null, null, 1600.0)).verdict()).isEqualTo(Verdict.DEGRADED);
    }

    @Test
    void lowAvailabilityOrSlowResponsesAreUnhealthy() {
        assertThat(evaluator.evaluate(sample(null, null, null, 0.98, null)).verdict()).isEqualTo(Verdict.UNHEALTHY);
        assertThat(evaluator.evaluate(sample(null, null, null, null, 2500.0)).verdict()).isEqualTo(Verdict.UNHEALTHY);
    }

    @Test
    void aSampleWithoutMetricsIsInconclusive() {
        assertThat(evaluator.evaluate(sample(0L, 0L, null, null, null)).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void warningThresholdsMustComeBeforeCriticalOnes() {
        assertThat(new Thresholds(0.03, 0.05, 0.995, 0.99, 1500, 2000).isWarningBeforeCritical()).isTrue();
        assertThat(new Thresholds(0.08, 0.05, 0.995, 0.99, 1500, 2000).isWarningBeforeCritical()).isFalse();
        assertThat(new Thresholds(0.03, 0.05, 0.98, 0.99, 1500, 2000).isWarningBeforeCritical()).isFalse();
    }
}
