package dev.rebound.kafka.cloudevents;

import dev.rebound.contracts.EventData;

/** What a consumed record turned out to be. */
public sealed interface Decoded {

    /** A valid event of an accepted type. */
    record Accepted(IncomingEvent<EventData> event) implements Decoded {
    }

    /** A valid event the consumer has no use for (a CDEvent reporting a success, …): skipped, not dead-lettered. */
    record Ignored(String reason) implements Decoded {
    }

    /** Bad input: dead-lettered. */
    record Rejected(Rejection rejection) implements Decoded {
    }
}
