package dev.rebound.notifier.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cdevents.CDEvents;
import dev.rebound.contracts.EventType;
import dev.rebound.contracts.Topics;
import dev.rebound.contracts.WireJson;
import dev.rebound.kafka.cdevents.ReboundCDEvents;
import dev.rebound.testsupport.ServiceEdgeContract;
import dev.rebound.testsupport.TestEvents;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The notifier at its edges: escalations in, alerts stored and CDEvents incidents out. */
class NotifierEdgeIT extends ServiceEdgeContract {

    @Override
    protected String inputTopic() {
        return Topics.ESCALATIONS;
    }

    @Override
    protected EventType inputType() {
        return EventType.ESCALATION_RAISED;
    }

    @Override
    protected ObjectNode validData(String marker) {
        ObjectNode escalation = WireJson.mapper().createObjectNode()
                .put("escalationId", marker).put("fingerprint", "a41d09c3e5b27f18").put("severity", "high")
                .put("reason", "permanent-failure").put("category", "compilation").put("service", "checkout")
                .put("environment", "staging").put("title", "checkout: compilation failed").put("count", 1)
                .put("occurredAt", "2026-11-23T20:26:23Z");
        escalation.putArray("evidence").add("Cart.java:[42,17] cannot find symbol");
        return escalation;
    }

    @Override
    protected void putNulInStoredText(ObjectNode data) {
        data.put("summary", "before\u0000after");
    }

    @Override
    protected String requiredField() {
        return "severity";
    }

    @Override
    protected String keyOf(JsonNode data) {
        return data.path("fingerprint").asText("none");
    }

    @Override
    protected int storedRows(String marker) {
        Integer rows = jdbc.queryForObject("select count(*) from alerts where escalation_id = ?", Integer.class, marker);
        return rows == null ? 0 : rows;
    }

    @Override
    protected String outputTopic() {
        return Topics.CDEVENTS;
    }

    @Override
    protected String outputEventType() {
        return ReboundCDEvents.INCIDENT_DETECTED;
    }

    @Test
    void aReleaseTurningUnhealthyAlertsOnceAndAVerifiedRollbackResolvesTheIncident() {
        String version = marker();
        ObjectNode verdict = WireJson.mapper().createObjectNode().put("service", "cart").put("environment", "prod")
                .put("version", version).put("verdict", "unhealthy").put("previousVerdict", "healthy")
                .put("decidedAt", "2026-11-23T21:01:00Z");
        verdict.putObject("window").put("start", "2026-11-23T21:00:00Z").put("end", "2026-11-23T21:01:00Z")
                .put("samples", 6).put("errorRate", 0.08);
        verdict.putArray("breaches").addObject().put("metric", "errorRate").put("value", 0.08)
                .put("threshold", 0.05).put("level", "critical");
        ObjectNode stillUnhealthy = verdict.deepCopy().put("previousVerdict", "unhealthy")
                .put("decidedAt", "2026-11-23T21:02:00Z");
        TestEvents.Published turned = events.publish(Topics.HEALTH_VERDICTS, 1, "cart@prod", EventType.HEALTH_EVALUATED, verdict);
        TestEvents.Published stayed = events.publish(Topics.HEALTH_VERDICTS, 1, "cart@prod", EventType.HEALTH_EVALUATED,
                stillUnhealthy);
        ObjectNode verified = WireJson.mapper().createObjectNode().put("commandId", "rb-" + version)
                .put("service", "cart").put("environment", "prod").put("version", "1.0.0")
                .put("previousVersion", version).put("occurredAt", "2026-11-23T21:05:00Z");
        TestEvents.Published resolved = events.publish(Topics.DEPLOYMENT_EVENTS, 1, "cart@prod",
                EventType.ROLLBACK_VERIFIED, verified);

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(events.find(Topics.CDEVENTS, r -> turned.id().equals(TestEvents.header(r, "ce_causationid"))
                    && ReboundCDEvents.INCIDENT_DETECTED.equals(TestEvents.header(r, "ce_type")))).hasSize(1);
            assertThat(events.find(Topics.CDEVENTS, r -> resolved.id().equals(TestEvents.header(r, "ce_causationid"))
                    && ReboundCDEvents.INCIDENT_RESOLVED.equals(TestEvents.header(r, "ce_type")))).hasSize(1);
        });
        assertThat(jdbc.queryForObject("select count(*) from alerts where service = 'cart' and summary like ?",
                Integer.class, "%errorRate%")).isGreaterThanOrEqualTo(1);
        assertThat(events.find(Topics.CDEVENTS, r -> stayed.id().equals(TestEvents.header(r, "ce_causationid"))))
                .as("no second incident while it stays unhealthy").isEmpty();
    }

    @Test
    void theIncidentIsAValidCDEventThatTheSdkReads() {
        String marker = marker();
        TestEvents.Published escalation = events.publish(inputTopic(), 5, "fp", inputType(), validData(marker));

        ConsumerRecord<String, byte[]> incident = await().atMost(PATIENCE)
                .until(() -> derivedFrom(escalation.id()), found -> !found.isEmpty()).get(0);

        String json = new String(incident.value(), StandardCharsets.UTF_8);
        assertThat(CDEvents.validateCDEventJson(json)).as("valid CDEvent: %s", json).isTrue();
        assertThat(CDEvents.cdEventFromJson(json).currentCDEventType()).isEqualTo(ReboundCDEvents.INCIDENT_DETECTED);
        assertThat(incident.key()).isEqualTo("checkout@staging");
    }
}
