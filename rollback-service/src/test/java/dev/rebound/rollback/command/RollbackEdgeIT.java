package dev.rebound.rollback.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rebound.contracts.EventType;
import dev.rebound.contracts.ServiceKey;
import dev.rebound.contracts.Topics;
import dev.rebound.contracts.WireJson;
import dev.rebound.testsupport.ServiceEdgeContract;
import dev.rebound.testsupport.TestEvents;
import org.junit.jupiter.api.Test;

/** The rollback-service at its edges: commands in, rollback events out, on the real broker and database. */
class RollbackEdgeIT extends ServiceEdgeContract {

    @Override
    protected String inputTopic() {
        return Topics.ROLLBACK_COMMANDS;
    }

    @Override
    protected EventType inputType() {
        return EventType.ROLLBACK_REQUESTED;
    }

    @Override
    protected ObjectNode validData(String marker) {
        ObjectNode command = WireJson.mapper().createObjectNode()
                .put("commandId", marker).put("service", "checkout").put("environment", "staging")
                .put("reason", "unhealthy-release: errorRate 0.07 > 0.05").put("fromVersion", "2.14.0")
                .put("requestedBy", "health-monitor").put("requestedAt", "2026-11-23T20:30:00Z");
        command.putObject("evidence").put("errorRate", 0.07);
        return command;
    }

    @Override
    protected void putNulInStoredText(ObjectNode data) {
        data.put("requestedBy", "user:\u0000");
    }

    @Override
    protected String requiredField() {
        return "reason";
    }

    @Override
    protected String keyOf(JsonNode data) {
        return ServiceKey.of(data.path("service").asText(), data.path("environment").asText());
    }

    @Override
    protected int storedRows(String marker) {
        Integer rows = jdbc.queryForObject("select count(*) from rollback_commands where command_id = ?",
                Integer.class, marker);
        return rows == null ? 0 : rows;
    }

    @Override
    protected String outputTopic() {
        return Topics.DEPLOYMENT_EVENTS;
    }

    @Override
    protected String outputEventType() {
        return EventType.ROLLBACK_STARTED.type();
    }

    @Test
    void deploymentsAndVerdictsAreRemembered() {
        String version = marker();
        ObjectNode promoted = WireJson.mapper().createObjectNode().put("deploymentId", "dep-" + version)
                .put("service", "checkout").put("environment", "staging").put("version", version)
                .put("occurredAt", "2026-11-23T21:00:00Z");
        ObjectNode verdict = WireJson.mapper().createObjectNode().put("service", "checkout")
                .put("environment", "staging").put("version", version).put("verdict", "healthy")
                .put("decidedAt", "2026-11-23T21:01:00Z");
        verdict.putObject("window").put("start", "2026-11-23T21:00:00Z").put("end", "2026-11-23T21:01:00Z")
                .put("samples", 6);
        events.publish(Topics.DEPLOYMENT_EVENTS, 2, "checkout@staging", EventType.DEPLOYMENT_PROMOTED, promoted);
        events.publish(Topics.HEALTH_VERDICTS, 2, "checkout@staging", EventType.HEALTH_EVALUATED, verdict);

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(jdbc.queryForObject("select marker from version_markers where version = ?", String.class,
                    version)).isEqualTo("stable");
            assertThat(jdbc.queryForObject("select verdict from release_health where version = ?", String.class,
                    version)).isEqualTo("healthy");
        });
    }

    @Test
    void theSameCommandSentTwiceRunsOnce() {
        String commandId = marker();
        ObjectNode command = validData(commandId);
        TestEvents.Published first = events.publish(inputTopic(), 5, keyOf(command), inputType(), command);
        TestEvents.Published second = events.publish(inputTopic(), 5, keyOf(command), inputType(), command);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(derivedFrom(first.id())).hasSize(1));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from processed_events where event_id = ?", Integer.class, second.id())).isEqualTo(1));

        assertThat(derivedFrom(second.id())).as("events for the second copy of the command").isEmpty();
        assertThat(storedRows(commandId)).isEqualTo(1);
    }
}
