package dev.rebound.health.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rebound.contracts.EventType;
import dev.rebound.contracts.ServiceKey;
import dev.rebound.contracts.Topics;
import dev.rebound.contracts.WireJson;
import dev.rebound.testsupport.ServiceEdgeContract;
import org.junit.jupiter.api.Test;

/** The health-monitor at its edges: samples in, verdicts out, on the real broker and database. */
class HealthMonitorEdgeIT extends ServiceEdgeContract {

    @Test
    void theDeploymentStreamTellsWhichReleasesAreLive() {
        String version = marker();
        ObjectNode started = WireJson.mapper().createObjectNode().put("deploymentId", "dep-" + version)
                .put("service", "checkout").put("environment", "staging").put("version", version)
                .put("strategy", "canary").put("occurredAt", "2026-11-23T20:20:00Z");
        ObjectNode succeeded = started.deepCopy().put("occurredAt", "2026-11-23T20:28:00Z");
        events.publish(Topics.DEPLOYMENT_EVENTS, 1, "checkout@staging", EventType.DEPLOYMENT_STARTED, started);
        events.publish(Topics.DEPLOYMENT_EVENTS, 1, "checkout@staging", EventType.DEPLOYMENT_SUCCEEDED, succeeded);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select status from releases where version = ?", String.class, version)).isEqualTo("live"));
    }

    @Override
    protected String inputTopic() {
        return Topics.HEALTH_SAMPLES;
    }

    @Override
    protected EventType inputType() {
        return EventType.HEALTH_SAMPLED;
    }

    @Override
    protected ObjectNode validData(String marker) {
        return WireJson.mapper().createObjectNode()
                .put("service", "checkout").put("environment", "staging").put("version", marker)
                .put("timestamp", "2026-11-23T20:30:00Z").put("requests", 1000).put("errors", 70)
                .put("latencyP95Ms", 420.0).put("source", "push");
    }

    @Override
    protected void putNulInStoredText(ObjectNode data) {
        data.put("source", "probe:\u0000");
    }

    @Override
    protected String requiredField() {
        return "timestamp";
    }

    @Override
    protected String keyOf(JsonNode data) {
        return ServiceKey.of(data.path("service").asText(), data.path("environment").asText());
    }

    @Override
    protected int storedRows(String marker) {
        Integer rows = jdbc.queryForObject("select count(*) from samples where version = ?", Integer.class, marker);
        return rows == null ? 0 : rows;
    }

    @Override
    protected String outputTopic() {
        return Topics.HEALTH_VERDICTS;
    }

    @Override
    protected String outputEventType() {
        return EventType.HEALTH_EVALUATED.type();
    }
}
