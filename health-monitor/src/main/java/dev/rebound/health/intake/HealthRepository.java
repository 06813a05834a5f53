package dev.rebound.health.intake;

import dev.rebound.contracts.health.HealthSample;
import dev.rebound.contracts.health.Verdict;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Stores samples and the latest verdict per release. */
@Repository
class HealthRepository {

    /** A release has no version when the sample does not say; its verdict is kept under this name. */
    static final String UNVERSIONED = "";

    private final JdbcTemplate jdbc;

    HealthRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insertSamples(List<String> eventIds, List<HealthSample> samples) {
        Object[][] rows = new Object[samples.size()][];
        for (int i = 0; i < samples.size(); i++) {
            HealthSample s = samples.get(i);
            rows[i] = new Object[] {eventIds.get(i), s.service(), s.environment(), s.version(), s.deploymentId(),
                    s.stage(), s.track() == null ? null : s.track().wireName(), Timestamp.from(s.timestamp()),
                    s.requests(), s.errors(), s.errorRate(), s.availability(), s.latencyP95Ms(),
                    s.status() == null ? null : s.status().wireName(), s.source()};
        }
        jdbc.batchUpdate("insert into samples (event_id, service, environment, version, deployment_id, stage, track, "
                + "sampled_at, requests, errors, error_rate, availability, latency_p95_ms, status, source) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing",
                Arrays.asList(rows));
    }

    Optional<Verdict> latestVerdict(String service, String environment, String version) {
        return jdbc.query("select verdict from release_verdicts where service = ? and environment = ? and version = ?",
                        (rs, i) -> rs.getString(1), service, environment, version(version)).stream().findFirst()
                .map(name -> Arrays.stream(Verdict.values()).filter(v -> v.wireName().equals(name)).findFirst()
                        .orElseThrow());
    }

    void saveVerdict(String service, String environment, String version, Verdict verdict, Instant at) {
        jdbc.update("insert into release_verdicts (service, environment, version, verdict, decided_at) "
                + "values (?, ?, ?, ?, ?) on conflict (service, environment, version) "
                + "do update set verdict = excluded.verdict, decided_at = excluded.decided_at",
                service, environment, version(version), verdict.wireName(), Timestamp.from(at));
    }

    private static String version(String version) {
        return version == null ? UNVERSIONED : version;
    }
}
