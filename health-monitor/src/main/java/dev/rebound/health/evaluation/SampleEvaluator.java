package dev.rebound.health.evaluation;

import dev.rebound.contracts.health.Breach;
import dev.rebound.contracts.health.HealthSample;
import dev.rebound.contracts.health.HealthWindow;
import dev.rebound.contracts.health.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges health samples against thresholds. Plain Java.
 *
 * <p>Foundation scope: a window of one sample. Sliding windows per release, consecutive failures and
 * rollback commands come with the health-monitor issue.
 */
public final class SampleEvaluator {

    /** A verdict with the window and breaches it was decided on. */
    public record Evaluation(Verdict verdict, HealthWindow window, List<Breach> breaches) {
    }

    private final Thresholds thresholds;

    public SampleEvaluator(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    public Evaluation evaluate(HealthSample sample) {
        Double errorRate = errorRate(sample);
        HealthWindow window = new HealthWindow(sample.timestamp(), sample.timestamp(), 1, sample.requests(),
                sample.errors(), errorRate, sample.availability(), sample.latencyP95Ms());
        List<Breach> breaches = new ArrayList<>();
        if (errorRate != null) {
            check(breaches, "errorRate", errorRate, errorRate >= thresholds.errorRateCritical(),
                    thresholds.errorRateCritical(), errorRate >= thresholds.errorRateWarning(),
                    thresholds.errorRateWarning());
        }
        if (sample.availability() != null) {
            double availability = sample.availability();
            check(breaches, "availability", availability, availability < thresholds.availabilityCritical(),
                    thresholds.availabilityCritical(), availability < thresholds.availabilityWarning(),
                    thresholds.availabilityWarning());
        }
        if (sample.latencyP95Ms() != null) {
            double latency = sample.latencyP95Ms();
            check(breaches, "latencyP95Ms", latency, latency > thresholds.latencyP95CriticalMs(),
                    thresholds.latencyP95CriticalMs(), latency > thresholds.latencyP95WarningMs(),
                    thresholds.latencyP95WarningMs());
        }
        Verdict verdict;
        if (errorRate == null && sample.availability() == null && sample.latencyP95Ms() == null) {
            verdict = Verdict.INCONCLUSIVE;
        } else if (breaches.stream().anyMatch(b -> b.level() == Breach.Level.CRITICAL)) {
            verdict = Verdict.UNHEALTHY;
        } else if (!breaches.isEmpty()) {
            verdict = Verdict.DEGRADED;
        } else {
            verdict = Verdict.HEALTHY;
        }
        return new Evaluation(verdict, window, breaches);
    }

    /** Errors per request from the counts when there are requests, else the reported rate. */
    static Double errorRate(HealthSample sample) {
        if (sample.requests() != null && sample.errors() != null && sample.requests() > 0) {
            return Math.min(1.0, (double) sample.errors() / sample.requests());
        }
        return sample.errorRate();
    }

    private static void check(List<Breach> breaches, String metric, double value, boolean critical,
                              double criticalThreshold, boolean warning, double warningThreshold) {
        if (critical) {
            breaches.add(new Breach(metric, value, criticalThreshold, Breach.Level.CRITICAL));
        } else if (warning) {
            breaches.add(new Breach(metric, value, warningThreshold, Breach.Level.WARNING));
        }
    }
}
