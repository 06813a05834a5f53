package dev.rebound.retry.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rebound.contracts.EventType;
import dev.rebound.contracts.Topics;
import dev.rebound.contracts.WireJson;
import dev.rebound.testsupport.ServiceEdgeContract;
import org.junit.jupiter.api.Test;

/** The retry-service at its edges: retry requests in, retry commands out, on the real broker and database. */
class RetryEdgeIT extends ServiceEdgeContract {

    @Test
    void aSucceededStepClosesTheRetriesOfItsOperation() {
        String operation = marker();
        events.publish(inputTopic(), 0, operation, inputType(), validData(operation));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(storedRows(operation)).isEqualTo(1));

        ObjectNode succeeded = WireJson.mapper().createObjectNode().put("operationId", operation)
                .put("step", "docker-push").put("service", "checkout").put("environment", "staging")
                .put("occurredAt", "2026-11-23T20:28:00Z");
        events.publish(Topics.DEPLOYMENT_EVENTS, 0, "checkout@staging", EventType.STEP_SUCCEEDED, succeeded);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from retries where operation_id = ? and closed_at is not null", Integer.class,
                operation)).isEqualTo(1));
    }

    @Override
    protected String inputTopic() {
        return Topics.RETRY_REQUESTS;
    }

    @Override
    protected EventType inputType() {
        return EventType.RETRY_REQUESTED;
    }

    @Override
    protected ObjectNode validData(String marker) {
        ObjectNode request = WireJson.mapper().createObjectNode();
        request.putObject("classification")
                .put("operationId", marker).put("service", "checkout").put("environment", "staging")
                .put("step", "docker-push").put("attempt", 1).put("category", "network").put("transient", true)
                .put("severity", "medium").put("confidence", 0.9).put("action", "retry")
                .put("ruleId", "network.dial-tcp-timeout").put("fingerprint", "3f9c1be07a4d2e51")
                .put("target", "registry-1.docker.io").put("classifiedAt", "2026-11-23T20:26:23Z");
        request.putObject("error")
                .put("operationId", marker).put("service", "checkout").put("environment", "staging")
                .put("step", "docker-push").put("attempt", 1).put("occurredAt", "2026-11-23T20:26:22Z");
        return request;
    }

    @Override
    protected void putNulInStoredText(ObjectNode data) {
        ((ObjectNode) data.get("classification")).put("target", "registry\u0000.example.com");
    }

    @Override
    protected String requiredField() {
        return "classification";
    }

    @Override
    protected String keyOf(JsonNode data) {
        return data.at("/classification/operationId").asText("no-operation");
    }

    @Override
    protected int storedRows(String marker) {
        Integer rows = jdbc.queryForObject("select count(*) from retries where operation_id = ?", Integer.class, marker);
        return rows == null ? 0 : rows;
    }

    @Override
    protected String outputTopic() {
        return Topics.RETRY_COMMANDS;
    }

    @Override
    protected String outputEventType() {
        return EventType.RETRY_DUE.type();
    }
}
