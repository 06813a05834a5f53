package dev.rebound.contracts;

/**
 * Headers a consumer adds to a record it dead-letters into {@code <topic>.dlt}, next to the record's
 * own key, headers and value, which stay unchanged. All values are UTF-8 strings.
 */
public final class DeadLetterHeaders {

    /** Why the record was refused, for people. */
    public static final String REASON = "dlt-reason";
    /** The kind of refusal: one of the {@code KIND_*} values. */
    public static final String ERROR_KIND = "dlt-error-kind";
    /** The offending field, when one is known. */
    public static final String FIELD = "dlt-field";
    public static final String SOURCE_TOPIC = "dlt-source-topic";
    public static final String SOURCE_PARTITION = "dlt-source-partition";
    public static final String SOURCE_OFFSET = "dlt-source-offset";
    /** The consumer group that refused it: several services read one topic, each replays its own. */
    public static final String CONSUMER_GROUP = "dlt-consumer-group";
    /** When it was refused (RFC 3339). */
    public static final String FAILED_AT = "dlt-failed-at";
    /** On a replayed record: {@code <dlt topic>/<partition>/<offset>} it was replayed from. */
    public static final String REPLAYED_FROM = "rebound-replayed-from";

    /** The record carries no CloudEvent (no {@code ce_specversion}, or an unreadable envelope). */
    public static final String KIND_NOT_A_CLOUDEVENT = "not-a-cloudevent";
    /** The event type is not one the consumer accepts on this topic. */
    public static final String KIND_UNKNOWN_TYPE = "unknown-type";
    /** The data is not JSON, or not of the event type's shape. */
    public static final String KIND_MALFORMED_DATA = "malformed-data";
    /** The data is JSON of the right shape but breaks a constraint (a required field missing, a value out of range). */
    public static final String KIND_INVALID_DATA = "invalid-data";
    /** The event is valid but the database refuses its data (a NUL character, a value too long to index). */
    public static final String KIND_UNPROCESSABLE = "unprocessable";

    private DeadLetterHeaders() {
    }
}
