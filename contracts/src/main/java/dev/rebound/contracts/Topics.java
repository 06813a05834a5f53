package dev.rebound.contracts;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every topic Rebound reads or writes, declared once. The string constants exist so that they can be
 * used in annotations; {@link #ALL} holds the full declarations (partitions, retention, compaction).
 */
public final class Topics {

    public static final String DEPLOYMENT_EVENTS = "rebound.deployment-events";
    public static final String HEALTH_SAMPLES = "rebound.health-samples";
    public static final String ERROR_EVENTS = "rebound.error-events";
    public static final String CLASSIFICATIONS = "rebound.classifications";
    public static final String RETRY_REQUESTS = "rebound.retry-requests";
    public static final String RETRY_COMMANDS = "rebound.retry-commands";
    public static final String ESCALATIONS = "rebound.escalations";
    public static final String HEALTH_VERDICTS = "rebound.health-verdicts";
    public static final String ROLLBACK_COMMANDS = "rebound.rollback-commands";
    public static final String BREAKER_STATES = "rebound.breaker-states";
    public static final String CDEVENTS = "rebound.cdevents";

    public static final String DEPLOYMENT_EVENTS_DLT = DEPLOYMENT_EVENTS + TopicSpec.DLT_SUFFIX;
    public static final String HEALTH_SAMPLES_DLT = HEALTH_SAMPLES + TopicSpec.DLT_SUFFIX;
    public static final String ERROR_EVENTS_DLT = ERROR_EVENTS + TopicSpec.DLT_SUFFIX;
    public static final String RETRY_REQUESTS_DLT = RETRY_REQUESTS + TopicSpec.DLT_SUFFIX;
    public static final String ESCALATIONS_DLT = ESCALATIONS + TopicSpec.DLT_SUFFIX;
    public static final String HEALTH_VERDICTS_DLT = HEALTH_VERDICTS + TopicSpec.DLT_SUFFIX;
    public static final String ROLLBACK_COMMANDS_DLT = ROLLBACK_COMMANDS + TopicSpec.DLT_SUFFIX;

    /** Default partition count: enough for six consumer instances per group. */
    public static final int DEFAULT_PARTITIONS = 6;
    /** Default retention: long enough for analysts to replay a month. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

    private static final String SERVICE_KEY = "service@environment";
    private static final String OPERATION_KEY = "operation id";

    /** The topics that carry events (without dead-letter topics). */
    public static final List<TopicSpec> EVENT_TOPICS = List.of(
            topic(DEPLOYMENT_EVENTS, SERVICE_KEY),
            topic(HEALTH_SAMPLES, SERVICE_KEY),
            topic(ERROR_EVENTS, OPERATION_KEY),
            topic(CLASSIFICATIONS, OPERATION_KEY),
            topic(RETRY_REQUESTS, OPERATION_KEY),
            topic(RETRY_COMMANDS, OPERATION_KEY),
            topic(ESCALATIONS, "fingerprint or service@environment"),
            topic(HEALTH_VERDICTS, SERVICE_KEY),
            topic(ROLLBACK_COMMANDS, SERVICE_KEY),
            new TopicSpec(BREAKER_STATES, "target", DEFAULT_PARTITIONS, DEFAULT_RETENTION, true),
            topic(CDEVENTS, SERVICE_KEY));

    /** Topics some Rebound service consumes, and so may dead-letter into {@code <topic>.dlt}. */
    public static final List<String> CONSUMED = List.of(
            DEPLOYMENT_EVENTS, HEALTH_SAMPLES, ERROR_EVENTS, RETRY_REQUESTS, ESCALATIONS, HEALTH_VERDICTS,
            ROLLBACK_COMMANDS);

    /** Every topic to create: the event topics and a dead-letter topic for each consumed one. */
    public static final List<TopicSpec> ALL = Stream.concat(
                    EVENT_TOPICS.stream(),
                    EVENT_TOPICS.stream().filter(t -> CONSUMED.contains(t.name())).map(TopicSpec::deadLetter))
            .toList();

    private Topics() {
    }

    /** The declaration of a topic by name, including dead-letter topics. */
    public static TopicSpec named(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("undeclared topic: " + name));
    }

    /** The dead-letter topic name of a source topic. */
    public static String deadLetterOf(String topic) {
        return topic + TopicSpec.DLT_SUFFIX;
    }

    private static TopicSpec topic(String name, String key) {
        return new TopicSpec(name, key, DEFAULT_PARTITIONS, DEFAULT_RETENTION, false);
    }
}
