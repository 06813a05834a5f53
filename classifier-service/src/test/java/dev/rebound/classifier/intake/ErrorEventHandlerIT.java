package dev.rebound.classifier.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebound.contracts.EventType;
import dev.rebound.contracts.Topics;
import dev.rebound.contracts.error.ErrorEvent;
import dev.rebound.kafka.cloudevents.IncomingEvent;
import dev.rebound.kafka.cloudevents.OutboundEvent;
import dev.rebound.kafka.pipeline.ClaimingHandler;
import dev.rebound.testsupport.ReboundServiceTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The classifications table is the handler's inbox: an event is stored once, however often it comes. */
@ReboundServiceTest
class ErrorEventHandlerIT {

    @Autowired
    ErrorEventHandler handler;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    private static IncomingEvent<ErrorEvent> event(String log) {
        return event("build", log);
    }

    private static IncomingEvent<ErrorEvent> event(String step, String log) {
        ErrorEvent error = new ErrorEvent("op-" + UUID.randomUUID(), "inbox-test", "ci", null, step, 1, 1, null,
                null, null, log, Instant.parse("2026-12-03T08:00:00Z"), null);
        return new IncomingEvent<>(UUID.randomUUID().toString(), EventType.ERROR_REPORTED.type(), "urn:test:inbox",
                Instant.parse("2026-12-03T08:00:01Z"), error.key(), error, Topics.ERROR_EVENTS, 0, 0);
    }

    private ClaimingHandler.Handled handle(List<IncomingEvent<ErrorEvent>> events) {
        return transactions.execute(status -> handler.handleClaiming(events));
    }

    @Test
    void aSecondCopyInTheSameBatchIsStoredOnceAndDerivesTheSameEvents() {
        IncomingEvent<ErrorEvent> twice = event("Could not resolve host: repo.maven.apache.org");
        IncomingEvent<ErrorEvent> once = event("error: cannot find symbol\n  symbol: class Cart");

        ClaimingHandler.Handled handled = handle(List.of(twice, once, twice));

        assertThat(handled.duplicates()).isEqualTo(1);
        assertThat(stored(twice)).isOne();
        assertThat(stored(once)).isOne();
        List<OutboundEvent> ofTwice = derivedFrom(handled, twice);
        assertThat(ofTwice).hasSize(4);
        assertThat(ofTwice.subList(2, 4)).as("the copy derives the first copy's events, ids and all")
                .usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(ofTwice.subList(0, 2));
        assertThat(ofTwice.stream().map(OutboundEvent::topic))
                .containsExactly(Topics.CLASSIFICATIONS, Topics.RETRY_REQUESTS, Topics.CLASSIFICATIONS, Topics.RETRY_REQUESTS);
        assertThat(derivedFrom(handled, once).stream().map(OutboundEvent::topic))
                .containsExactly(Topics.CLASSIFICATIONS, Topics.ESCALATIONS);
    }

    @Test
    void twoCopiesInOneStatementAreStoredOnceAndPublishInTheBatchsOrder() {
        IncomingEvent<ErrorEvent> before = event("dial tcp 10.0.0.7:443: i/o timeout");
        handle(List.of(before));
        IncomingEvent<ErrorEvent> copy = event("fatal: unable to access 'https://git.example.org/x.git/': Could not resolve host: git.example.org");

        // one statement of four rows: the copy twice, a redelivery, then a fresh event
        IncomingEvent<ErrorEvent> fresh = event("npm ERR! 404 Not Found - GET https://registry.npmjs.org/left-padx");
        ClaimingHandler.Handled handled = handle(List.of(copy, copy, before, fresh));

        assertThat(handled.duplicates()).isEqualTo(2);
        assertThat(stored(copy)).isOne();
        assertThat(handled.derived().stream().map(OutboundEvent::causationId))
                .containsExactly(copy.id(), copy.id(), copy.id(), copy.id(), before.id(), before.id(), fresh.id(), fresh.id());
    }

    @Test
    void aLargeBatchIsStoredWholeInStatementsOfPowersOfTwo() {
        List<IncomingEvent<ErrorEvent>> batch = new java.util.ArrayList<>();
        for (int i = 0; i < 203; i++) {
            batch.add(event("curl: (7) Failed to connect to mirror" + i + ".example.org port 443: Connection refused"));
        }
        batch.add(batch.get(150));

        ClaimingHandler.Handled handled = handle(batch);

        assertThat(handled.duplicates()).isOne();
        assertThat(handled.derived()).hasSize(2 * 204);
        assertThat(jdbc.queryForObject("select count(*) from classifications where event_id = any(?)", Integer.class,
                (Object) batch.stream().map(IncomingEvent::identity).toArray(String[]::new))).isEqualTo(203);
    }

    @Test
    void theInsertIsPreparedAndPlannedOnceNotForEveryBatch() {
        // in one transaction, so on one connection: the driver prepares the statement on the server from its fifth
        // use; the rows alternate between a step and none, a target and none, which must not make it prepare again
        List<Map<String, Object>> statements = transactions.execute(status -> {
            for (int i = 0; i < 12; i++) {
                IncomingEvent<ErrorEvent> event = i % 2 == 0 ? event("error: cannot find symbol\n  symbol: class Cart" + i)
                        : event(null, "dial tcp 10.0.0." + i + ":443: connect: connection refused");
                handler.handleClaiming(List.of(event));
            }
            return jdbc.queryForList("select generic_plans, custom_plans from pg_prepared_statements "
                    + "where statement like 'insert into classifications %'");
        });

        assertThat(statements).as("the one-row insert, prepared once").hasSize(1);
        assertThat(((Number) statements.get(0).get("generic_plans")).longValue()).as("executions of its generic plan")
                .isGreaterThanOrEqualTo(12 - 5);
        assertThat(((Number) statements.get(0).get("custom_plans")).longValue()).as("executions planned for their values")
                .isZero();
        assertThat(jdbc.queryForObject("show plan_cache_mode", String.class)).as("outside the insert's transaction")
                .isEqualTo("auto");
    }

    @Test
    void anEventStoredBeforeRepublishesItsStoredClassification() {
        IncomingEvent<ErrorEvent> event = event("npm ERR! 429 Too Many Requests - GET https://registry.npmjs.org/x");
        List<OutboundEvent> first = handle(List.of(event)).derived();
        // what a later rule set would say differently: the stored classification is what goes out again
        jdbc.update("update classifications set classification = json_build_object('operationId', 'changed', "
                + "'service', 'inbox-test', 'environment', 'ci', 'attempt', 1, 'category', 'rate_limit', 'transient', true, "
                + "'severity', 'low', 'confidence', 0.5, 'action', 'retry', 'ruleId', 'stored', 'fingerprint', "
                + "'0000000000000000', 'classifiedAt', '2026-12-03T08:00:02Z') where event_id = ?", event.identity());

        ClaimingHandler.Handled again = handle(List.of(event));

        assertThat(again.duplicates()).isOne();
        assertThat(stored(event)).isOne();
        assertThat(again.derived()).hasSize(2);
        assertThat(again.derived().get(0).id()).isEqualTo(first.get(0).id());
        assertThat(again.derived().get(0).data()).hasFieldOrPropertyWithValue("ruleId", "stored");
    }

    private int stored(IncomingEvent<ErrorEvent> event) {
        return jdbc.queryForObject("select count(*) from classifications where event_id = ?", Integer.class,
                event.identity());
    }

    private static List<OutboundEvent> derivedFrom(ClaimingHandler.Handled handled, IncomingEvent<ErrorEvent> event) {
        return handled.derived().stream().filter(e -> event.id().equals(e.causationId())).toList();
    }
}
