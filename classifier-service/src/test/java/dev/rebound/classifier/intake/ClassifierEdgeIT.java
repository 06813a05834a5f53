package dev.rebound.classifier.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rebound.contracts.EventType;
import dev.rebound.contracts.Topics;
import dev.rebound.contracts.WireJson;
import dev.rebound.testsupport.ServiceEdgeContract;

/** The classifier at its edges: error events in, classifications out, on the real broker and database. */
class ClassifierEdgeIT extends ServiceEdgeContract {

    @Override
    protected String inputTopic() {
        return Topics.ERROR_EVENTS;
    }

    @Override
    protected EventType inputType() {
        return EventType.ERROR_REPORTED;
    }

    @Override
    protected ObjectNode validData(String marker) {
        return WireJson.mapper().createObjectNode()
                .put("operationId", marker)
                .put("service", "checkout")
                .put("environment", "staging")
                .put("step", "build")
                .put("attempt", 1)
                .put("exitCode", 1)
                .put("log", "[ERROR] COMPILATION ERROR\n[ERROR] Cart.java:[42,17] cannot find symbol\n")
                .put("occurredAt", "2026-11-23T20:26:23Z");
    }

    @Override
    protected void putNulInStoredText(ObjectNode data) {
        data.put("log", "[ERROR] before\u0000after");
    }

    @Override
    protected String requiredField() {
        return "operationId";
    }

    @Override
    protected String keyOf(JsonNode data) {
        return data.path("operationId").asText("no-operation");
    }

    @Override
    protected int storedRows(String marker) {
        Integer rows = jdbc.queryForObject("select count(*) from classifications where operation_id = ?",
                Integer.class, marker);
        return rows == null ? 0 : rows;
    }

    @Override
    protected String outputTopic() {
        return Topics.CLASSIFICATIONS;
    }

    @Override
    protected String outputEventType() {
        return EventType.ERROR_CLASSIFIED.type();
    }
}
