package dev.rebound.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rebound.contracts.EventType;
import dev.rebound.contracts.Topics;
import dev.rebound.contracts.WireJson;
import dev.rebound.testsupport.ReboundInfrastructureInitializer;
import dev.rebound.testsupport.ReboundServiceTest;
import dev.rebound.testsupport.TestEvents;
import dev.rebound.testsupport.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The classifier's HTTP API against the real broker and database: classify, query, group, override, guide. */
@ReboundServiceTest
class ClassifierApiIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static TestEvents events;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void connect() {
        events = new TestEvents(TestInfrastructure.shared().bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    private static ObjectNode error(String operationId, String log) {
        return WireJson.mapper().createObjectNode().put("operationId", operationId).put("service", "api-test")
                .put("environment", "ci").put("step", "docker push").put("log", log)
                .put("occurredAt", "2026-11-23T20:00:00Z");
    }

    @Test
    void classifyAnswersWhatTheStreamWouldSayWithoutStoringIt() throws Exception {
        String operation = "op-" + UUID.randomUUID();
        HttpResponse<String> refused = send("POST", "/classify", error(operation, "x").toString(), null);
        assertThat(refused.statusCode()).isEqualTo(401);

        HttpResponse<String> response = send("POST", "/classify",
                error(operation, "dial tcp: lookup registry-1.docker.io on 10.0.0.2:53: no such host").toString(), token());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode classification = WireJson.mapper().readTree(response.body());
        assertThat(classification.path("category").asText()).isEqualTo("network");
        assertThat(classification.path("transient").asBoolean()).isTrue();
        assertThat(classification.path("target").asText()).isEqualTo("registry-1.docker.io");
        assertThat(json(send("GET", "/errors?operationId=" + operation, null, null))).isEmpty();
    }

    @Test
    void aBadClassifyRequestNamesTheField() throws Exception {
        ObjectNode missing = error("x", "log");
        missing.remove("operationId");
        HttpResponse<String> response = send("POST", "/classify", missing.toString(), token());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(WireJson.mapper().readTree(response.body()).path("field").asText()).isEqualTo("operationId");
    }

    @Test
    void streamedErrorsCanBeQueriedSummarisedAndGrouped() throws Exception {
        String service = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        for (int run = 0; run < 2; run++) {
            ObjectNode data = error("op-" + UUID.randomUUID(), "2026-11-23T20:0" + run + ":00Z npm ERR! code E404\n"
                    + "npm ERR! 404 Not Found - GET https://registry.npmjs.org/left-padx").put("service", service);
            events.publish(Topics.ERROR_EVENTS, run, data.path("operationId").asText(), EventType.ERROR_REPORTED, data);
        }

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(json(send("GET", "/errors?service=" + service, null, null))).hasSize(2));
        JsonNode stored = json(send("GET", "/errors?service=" + service + "&excerpt=true", null, null)).get(0);
        assertThat(stored.at("/classification/category").asText()).isEqualTo("dependency");
        assertThat(stored.path("logExcerpt").asText()).matches("2026-11-23T20:0[01]:00Z npm ERR! code E404\n"
                + "npm ERR! 404 Not Found - GET https://registry\\.npmjs\\.org/left-padx");
        // stored packed (V5), the plain column left empty
        assertThat(jdbc.queryForObject("select count(*) from classifications where service = ? and log_excerpt is null "
                + "and log_excerpt_lz4 is not null", Integer.class, service)).isEqualTo(2);

        JsonNode summary = json(send("GET", "/errors/summary?service=" + service, null, null));
        assertThat(summary.path("total").asLong()).isEqualTo(2);
        assertThat(summary.at("/byCategory/dependency").asLong()).isEqualTo(2);

        JsonNode groups = json(send("GET", "/errors/groups?service=" + service, null, null));
        assertThat(groups).hasSize(1);
        assertThat(groups.get(0).path("count").asLong()).isEqualTo(2);
        assertThat(groups.get(0).path("firstSeen").asText()).isNotBlank();
    }

    @Test
    void anExcerptStoredBeforeItWasPackedIsStillServed() throws Exception {
        String service = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        // a row as V4 stored it: the excerpt as text
        jdbc.update("insert into classifications (event_id, operation_id, service, environment, attempt, category, "
                + "transient, severity, confidence, action, rule_id, fingerprint, log_excerpt, log_truncated, occurred_at, "
                + "classified_at, classification) values (?, 'op-old', ?, 'ci', 1, 'network', true, 'medium', 0.9, "
                + "'retry', 'net.dns', 'fp-old', 'dial tcp: lookup example.org: no such host', false, now(), now(), "
                + "'{\"category\":\"network\"}')", UUID.randomUUID().toString(), service);

        JsonNode stored = json(send("GET", "/errors?service=" + service + "&excerpt=true", null, null));
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).path("logExcerpt").asText()).isEqualTo("dial tcp: lookup example.org: no such host");
    }

    @Test
    void aRedeliveredEventIsStoredOnceAndItsStoredResultPublishedAgain() throws Exception {
        String operation = "op-" + UUID.randomUUID();
        ObjectNode data = error(operation, "npm ERR! code E429\nnpm ERR! 429 Too Many Requests - GET "
                + "https://registry.npmjs.org/x\nRetry-After: 30").put("pipeline", "release").put("attempt", 2)
                .put("exitCode", 1).put("message", "npm install failed");
        data.putObject("labels").put("team", "payments").put("region", "eu-west-1");
        String id = events.publish(Topics.ERROR_EVENTS, 1, operation, EventType.ERROR_REPORTED, data).id();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(derivedFrom(Topics.CLASSIFICATIONS, id)).hasSize(1));
        // the same record again, as a redelivery after a crash before the acknowledgement would bring it
        org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> original =
                events.find(Topics.ERROR_EVENTS, r -> id.equals(TestEvents.header(r, "ce_id"))).get(0);
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        original.headers().forEach(h -> headers.put(h.key(), new String(h.value(), java.nio.charset.StandardCharsets.UTF_8)));
        events.publishRaw(Topics.ERROR_EVENTS, original.partition(), original.key(), original.value(), headers);

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(derivedFrom(Topics.CLASSIFICATIONS, id)).hasSize(2);
            assertThat(derivedFrom(Topics.RETRY_REQUESTS, id)).hasSize(2);
        });
        var classifications = derivedFrom(Topics.CLASSIFICATIONS, id);
        assertThat(TestEvents.header(classifications.get(1), "ce_id"))
                .as("the same event id, so consumers drop the copy").isEqualTo(TestEvents.header(classifications.get(0), "ce_id"));
        assertThat(WireJson.mapper().readTree(classifications.get(1).value()))
                .as("the stored classification, not a new one").isEqualTo(WireJson.mapper().readTree(classifications.get(0).value()));
        JsonNode stored = WireJson.mapper().readTree(classifications.get(0).value());
        assertThat(stored.at("/labels/team").asText()).as("a sample that exercises every field").isEqualTo("payments");
        assertThat(stored.path("retryAfterMs").asLong()).isEqualTo(30_000);
        assertThat(stored.path("attempt").asInt()).isEqualTo(2);
        var retries = derivedFrom(Topics.RETRY_REQUESTS, id);
        assertThat(WireJson.mapper().readTree(retries.get(1).value()))
                .isEqualTo(WireJson.mapper().readTree(retries.get(0).value()));
        assertThat(WireJson.mapper().readTree(retries.get(1).value()).at("/error/message").asText())
                .isEqualTo("npm install failed");
        assertThat(json(send("GET", "/errors?operationId=" + operation, null, null))).hasSize(1);
    }

    private static java.util.List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> derivedFrom(
            String topic, String causeId) {
        return events.find(topic, r -> causeId.equals(TestEvents.header(r, "ce_causationid")));
    }

    @Test
    void anOperatorsMarkWinsOverTheRulesAndSaysSo() throws Exception {
        String log = "[ERROR] /work/src/main/java/acme/Flaky" + UUID.randomUUID().toString().substring(0, 6)
                + ".java:[4,2] cannot find symbol";
        JsonNode before = json(send("POST", "/classify", error("op-1", log).toString(), token()));
        assertThat(before.path("transient").asBoolean()).isFalse();
        String fingerprint = before.path("fingerprint").asText();

        HttpResponse<String> put = send("PUT", "/fingerprints/" + fingerprint,
                "{\"transient\":true,\"reason\":\"generated sources race, retried clean\",\"setBy\":\"alice\"}", token());
        assertThat(put.statusCode()).isEqualTo(201);

        JsonNode after = json(send("POST", "/classify", error("op-2", log).toString(), token()));
        assertThat(after.path("transient").asBoolean()).isTrue();
        assertThat(after.path("action").asText()).isEqualTo("retry");
        assertThat(after.path("ruleId").asText()).startsWith("override/");
        assertThat(after.path("remediation").asText()).contains("alice");

        String operation = "op-" + UUID.randomUUID();
        TestEvents.Published streamed = events.publish(Topics.ERROR_EVENTS, 0, operation, EventType.ERROR_REPORTED,
                error(operation, log));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(events.find(Topics.RETRY_REQUESTS,
                r -> streamed.id().equals(TestEvents.header(r, "ce_causationid")))).hasSize(1));

        assertThat(send("DELETE", "/fingerprints/" + fingerprint, null, null).statusCode()).isEqualTo(401);
        assertThat(send("DELETE", "/fingerprints/" + fingerprint, null, token()).statusCode()).isEqualTo(204);
        assertThat(json(send("POST", "/classify", error("op-3", log).toString(), token())).path("transient").asBoolean())
                .isFalse();
        assertThat(send("PUT", "/fingerprints/" + fingerprint, "{\"transient\":true}", token()).statusCode())
                .isEqualTo(400);
    }

    @Test
    void guidanceForACategoryAndAProblemForAnUnknownOne() throws Exception {
        JsonNode network = json(send("GET", "/guidance/network", null, null));
        assertThat(network.path("transient").isBoolean()).as("named as in a classification").isTrue();
        assertThat(network.path("transient").asBoolean()).isTrue();
        assertThat(network.has("transientFailure")).isFalse();
        assertThat(network.path("category").asText()).isEqualTo("network");
        assertThat(network.path("remediation").asText()).isNotBlank();

        HttpResponse<String> unknown = send("GET", "/guidance/cosmic", null, null);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(WireJson.mapper().readTree(unknown.body()).path("field").asText()).isEqualTo("category");
    }

    @Test
    void badQueryParametersNameTheParameter() throws Exception {
        HttpResponse<String> category = send("GET", "/errors?category=cosmic", null, null);
        assertThat(category.statusCode()).isEqualTo(400);
        assertThat(WireJson.mapper().readTree(category.body()).path("field").asText()).isEqualTo("category");

        HttpResponse<String> since = send("GET", "/errors?since=yesterday", null, null);
        assertThat(since.statusCode()).isEqualTo(400);
        assertThat(WireJson.mapper().readTree(since.body()).path("field").asText()).isEqualTo("since");
    }

    private static String token() {
        return ReboundInfrastructureInitializer.TOKEN;
    }

    private JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return WireJson.mapper().readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
