package dev.rebound.contracts;

/**
 * CloudEvents attributes Rebound uses beyond the required ones. In Kafka binary mode each travels as a
 * {@code ce_<name>} header.
 */
public final class CloudEventAttributes {

    /** The deployment or operation an event belongs to ({@code ce_correlationid}). */
    public static final String CORRELATION_ID = "correlationid";
    /** The id of the event that caused this one ({@code ce_causationid}). */
    public static final String CAUSATION_ID = "causationid";
    /** Source URI prefix of events Rebound's services publish: {@code /rebound/<service>}. */
    public static final String SOURCE_PREFIX = "/rebound/";
    /** Content type of every Rebound event's data. */
    public static final String CONTENT_TYPE = "application/json";

    private CloudEventAttributes() {
    }
}
