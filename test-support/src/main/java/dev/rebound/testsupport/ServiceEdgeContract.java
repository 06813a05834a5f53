package dev.rebound.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rebound.contracts.DeadLetterHeaders;
import dev.rebound.contracts.EventType;
import dev.rebound.contracts.Topics;
import dev.rebound.contracts.WireJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The behaviour at the edges every Rebound service shares, run against the whole service on a real broker
 * and a real PostgreSQL: bad records go to the dead-letter topic with their reasons and consumption goes on;
 * outages of PostgreSQL or the broker lose nothing and dead-letter nothing; readiness follows the
 * dependencies while liveness does not; dead letters can be listed and replayed with the token; bad requests
 * get problem+json naming the field.
 *
 * <p>A service's test extends this and says what a valid input looks like, how to break it, and where to
 * find its effect (a stored row) and its output (a derived event).
 */
@ReboundServiceTest
public abstract class ServiceEdgeContract {

    protected static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    protected static TestEvents events;

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    /** The topic the service consumes in this contract. */
    protected abstract String inputTopic();

    /** The event type published to it. */
    protected abstract EventType inputType();

    /** Valid data, made unique by {@code marker} so that its effects can be found. */
    protected abstract ObjectNode validData(String marker);

    /** A required field: removing it makes the data invalid. */
    protected abstract String requiredField();

    /** The record key of the data. */
    protected abstract String keyOf(JsonNode data);

    /** How many rows the service stored for the data with this marker. */
    protected abstract int storedRows(String marker);

    /** The topic of an event the service derives from a valid input. */
    protected abstract String outputTopic();

    /** The CloudEvents type of that derived event. */
    protected abstract String outputEventType();

    @BeforeAll
    static void connect() {
        events = new TestEvents(TestInfrastructure.shared().bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    @Test
    void aBadRecordIsDeadLetteredWithItsReasonAndConsumptionGoesOn() throws IOException {
        String first = marker();
        String third = marker();
        ObjectNode broken = validData(marker());
        broken.remove(requiredField());

        TestEvents.Published valid1 = events.publish(inputTopic(), 0, keyOf(validData(first)), inputType(), validData(first));
        TestEvents.Published bad = events.publish(inputTopic(), 0, keyOf(validData(first)), inputType(), broken);
        TestEvents.Published valid3 = events.publish(inputTopic(), 0, keyOf(validData(third)), inputType(), validData(third));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(storedRows(first)).as("rows stored for the first record").isEqualTo(1);
            assertThat(storedRows(third)).as("rows stored for the third record").isEqualTo(1);
        });
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(derivedFrom(valid1.id()))
                .as("%s derived from the first record", outputEventType()).isNotEmpty());
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(derivedFrom(valid3.id()))
                .as("%s derived from the third record", outputEventType()).isNotEmpty());

        ConsumerRecord<String, byte[]> deadLetter = await().atMost(PATIENCE)
                .until(() -> deadLetterOf(bad), java.util.Optional::isPresent).orElseThrow();
        assertThat(TestEvents.header(deadLetter, DeadLetterHeaders.REASON)).contains(requiredField());
        assertThat(TestEvents.header(deadLetter, DeadLetterHeaders.FIELD)).isEqualTo(requiredField());
        assertThat(TestEvents.header(deadLetter, DeadLetterHeaders.ERROR_KIND)).isEqualTo(DeadLetterHeaders.KIND_INVALID_DATA);
        assertThat(TestEvents.header(deadLetter, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(inputTopic());
        assertThat(TestEvents.header(deadLetter, DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("0");
        assertThat(TestEvents.header(deadLetter, DeadLetterHeaders.SOURCE_OFFSET))
                .isEqualTo(Long.toString(bad.metadata().offset()));
        assertThat(TestEvents.header(deadLetter, "ce_id")).isEqualTo(bad.id());
        assertThat(deadLetter.partition()).isZero();
        assertThat(WireJson.mapper().readTree(deadLetter.value())).isEqualTo(broken);
    }

    @Test
    void aRecordThatIsNotACloudEventIsDeadLetteredToo() {
        var sent = events.publishRaw(inputTopic(), 1, "k", "{\"hello\":".getBytes(), Map.of());

        ConsumerRecord<String, byte[]> deadLetter = await().atMost(PATIENCE).until(() -> events
                .find(Topics.deadLetterOf(inputTopic()), r -> r.partition() == 1
                        && Long.toString(sent.offset()).equals(TestEvents.header(r, DeadLetterHeaders.SOURCE_OFFSET)))
                .stream().findFirst(), java.util.Optional::isPresent).orElseThrow();
        assertThat(TestEvents.header(deadLetter, DeadLetterHeaders.ERROR_KIND))
                .isEqualTo(DeadLetterHeaders.KIND_NOT_A_CLOUDEVENT);
        assertThat(new String(deadLetter.value())).isEqualTo("{\"hello\":");
    }

    @Test
    void aPostgresOutageMidStreamDeadLettersNothingAndLosesNothing() throws Exception {
        List<String> markers = List.of(marker(), marker(), marker(), marker(), marker());
        List<TestEvents.Published> published = new java.util.ArrayList<>();
        String before = markers.get(0);
        published.add(events.publish(inputTopic(), 2, keyOf(validData(before)), inputType(), validData(before)));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(storedRows(before)).isEqualTo(1));

        TestInfrastructure.shared().stopDatabase();
        try {
            for (String marker : markers.subList(1, markers.size())) {
                published.add(events.publish(inputTopic(), 2, keyOf(validData(marker)), inputType(), validData(marker)));
            }
            await().atMost(PATIENCE).untilAsserted(() -> {
                HttpResponse<String> readiness = get("/actuator/health/readiness");
                assertThat(readiness.statusCode()).isEqualTo(503);
                // the pipeline itself is retrying, not only the database probe failing
                assertThat(WireJson.mapper().readTree(readiness.body()).at("/components/consumers/status").asText())
                        .isEqualTo("DOWN");
                assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
            });
        } finally {
            TestInfrastructure.shared().startDatabase();
        }

        // the test's own connections come back with the database too: until then its queries fail
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            for (String marker : markers) {
                assertThat(storedRows(marker)).as("rows for %s", marker).isEqualTo(1);
            }
        });
        await().atMost(PATIENCE).untilAsserted(() -> {
            for (TestEvents.Published event : published) {
                assertThat(derivedFrom(event.id())).as("%s derived from %s", outputEventType(), event.id()).isNotEmpty();
            }
        });
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200));
        List<String> ids = published.stream().map(TestEvents.Published::id).toList();
        assertThat(events.find(Topics.deadLetterOf(inputTopic()), r -> ids.contains(TestEvents.header(r, "ce_id"))))
                .as("dead letters of the records published around the outage").isEmpty();
    }

    @Test
    void aValueTheDatabaseCannotStoreDoesNotStopThePartition() {
        ObjectNode withNul = validData(marker());
        putNulInStoredText(withNul);
        String after = marker();
        TestEvents.Published nul = events.publish(inputTopic(), 3, keyOf(withNul), inputType(), withNul);
        events.publish(inputTopic(), 3, keyOf(validData(after)), inputType(), validData(after));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(storedRows(after)).isEqualTo(1));
        // stored without the NUL, or set aside alone as unprocessable: never a wedged partition
        List<ConsumerRecord<String, byte[]>> setAside = events.find(Topics.deadLetterOf(inputTopic()),
                r -> nul.id().equals(TestEvents.header(r, "ce_id")));
        assertThat(setAside).allSatisfy(r -> assertThat(TestEvents.header(r, DeadLetterHeaders.ERROR_KIND))
                .isEqualTo(DeadLetterHeaders.KIND_UNPROCESSABLE));
    }

    /** Puts a NUL character into a free-text field of the data that the service stores. */
    protected abstract void putNulInStoredText(ObjectNode data);

    @Test
    void aBrokerOutageTurnsReadinessDownButNotLiveness() throws Exception {
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200));

        TestInfrastructure.shared().stopBroker();
        try {
            await().atMost(PATIENCE).untilAsserted(() -> {
                HttpResponse<String> readiness = get("/actuator/health/readiness");
                assertThat(readiness.statusCode()).isEqualTo(503);
                assertThat(WireJson.mapper().readTree(readiness.body()).at("/components/kafka/status").asText())
                        .isEqualTo("DOWN");
                assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
            });
        } finally {
            TestInfrastructure.shared().startBroker();
        }

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200));
        String after = marker();
        events.publish(inputTopic(), 3, keyOf(validData(after)), inputType(), validData(after));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(storedRows(after)).isEqualTo(1));
    }

    @Test
    void readinessNamesTheDatabaseTheBrokerAndThePipelines() throws Exception {
        JsonNode readiness = WireJson.mapper().readTree(get("/actuator/health/readiness").body());
        assertThat(readiness.path("components").has("db")).isTrue();
        assertThat(readiness.path("components").has("kafka")).isTrue();
        assertThat(readiness.path("components").has("consumers")).isTrue();
        assertThat(get("/actuator/prometheus").body()).contains("rebound_events_consumed_total");
    }

    @Test
    void deadLettersAreListedAndReplayedWithTheToken() throws Exception {
        ObjectNode broken = validData(marker());
        broken.remove(requiredField());
        TestEvents.Published bad = events.publish(inputTopic(), 4, keyOf(broken.deepCopy().put("x", 1)), inputType(), broken);
        ConsumerRecord<String, byte[]> deadLetter = await().atMost(PATIENCE)
                .until(() -> deadLetterOf(bad), java.util.Optional::isPresent).orElseThrow();

        assertThat(get("/dlt").statusCode()).isEqualTo(401);
        HttpResponse<String> listing = send(HttpRequest.newBuilder(uri("/dlt?topic=" + inputTopic()))
                .header("Authorization", "Bearer " + ReboundInfrastructureInitializer.TOKEN).GET());
        assertThat(listing.statusCode()).isEqualTo(200);
        JsonNode listed = WireJson.mapper().readTree(listing.body());
        assertThat(listed.path("deadLetters").findValuesAsText("eventId")).contains(bad.id());

        ObjectNode entry = WireJson.mapper().createObjectNode()
                .put("topic", deadLetter.topic()).put("partition", deadLetter.partition()).put("offset", deadLetter.offset());
        ObjectNode request = WireJson.mapper().createObjectNode().put("requestedBy", "edge-test");
        request.putArray("entries").add(entry);

        assertThat(post("/dlt/replay", request.toString(), null).statusCode()).isEqualTo(401);
        HttpResponse<String> replay = post("/dlt/replay", request.toString(), ReboundInfrastructureInitializer.TOKEN);
        assertThat(replay.statusCode()).isEqualTo(200);
        JsonNode replayed = WireJson.mapper().readTree(replay.body()).at("/replayed/0/replayedTo");
        assertThat(replayed.path("topic").asText()).isEqualTo(inputTopic());
        assertThat(replayed.path("partition").asInt()).isEqualTo(4);

        ConsumerRecord<String, byte[]> copy = events.find(inputTopic(), r -> r.partition() == 4
                && r.offset() == replayed.path("offset").asLong()).get(0);
        assertThat(TestEvents.header(copy, DeadLetterHeaders.REPLAYED_FROM))
                .isEqualTo(deadLetter.topic() + "/" + deadLetter.partition() + "/" + deadLetter.offset());
        assertThat(TestEvents.header(copy, "ce_id")).isEqualTo(bad.id());
        assertThat(copy.value()).isEqualTo(deadLetter.value());
        assertThat(TestEvents.header(copy, DeadLetterHeaders.REASON)).isNull();

        JsonNode again = WireJson.mapper().readTree(
                post("/dlt/replay", request.toString(), ReboundInfrastructureInitializer.TOKEN).body());
        assertThat(again.path("replayed")).isEmpty();
        assertThat(again.at("/skipped/0/reason").asText()).startsWith("already replayed");
    }

    @Test
    void aBadReplayRequestGetsAProblemNamingTheField() throws Exception {
        HttpResponse<String> neither = post("/dlt/replay", "{}", ReboundInfrastructureInitializer.TOKEN);
        assertThat(neither.statusCode()).isEqualTo(400);
        assertThat(neither.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(WireJson.mapper().readTree(neither.body()).path("field").asText()).isEqualTo("entries");

        HttpResponse<String> badOffset = post("/dlt/replay",
                "{\"entries\":[{\"topic\":\"" + Topics.deadLetterOf(inputTopic()) + "\",\"partition\":0,\"offset\":\"soon\"}]}",
                ReboundInfrastructureInitializer.TOKEN);
        assertThat(badOffset.statusCode()).isEqualTo(400);
        assertThat(WireJson.mapper().readTree(badOffset.body()).path("field").asText()).isEqualTo("entries[0].offset");

        HttpResponse<String> negative = post("/dlt/replay",
                "{\"entries\":[{\"topic\":\"" + Topics.deadLetterOf(inputTopic()) + "\",\"partition\":-1,\"offset\":0}]}",
                ReboundInfrastructureInitializer.TOKEN);
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(WireJson.mapper().readTree(negative.body()).path("field").asText()).isEqualTo("entries[0].partition");
    }

    // --- helpers

    protected static String marker() {
        return "m-" + UUID.randomUUID();
    }

    /** Records of the output type whose causation id is the given event id. */
    protected List<ConsumerRecord<String, byte[]>> derivedFrom(String eventId) {
        return events.find(outputTopic(), r -> eventId.equals(TestEvents.header(r, "ce_causationid"))
                && outputEventType().equals(TestEvents.header(r, "ce_type")));
    }

    private java.util.Optional<ConsumerRecord<String, byte[]>> deadLetterOf(TestEvents.Published published) {
        return events.find(Topics.deadLetterOf(inputTopic()),
                        r -> published.id().equals(TestEvents.header(r, "ce_id"))).stream().findFirst();
    }

    protected URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    protected HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    protected HttpResponse<String> post(String path, String json, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    protected static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
