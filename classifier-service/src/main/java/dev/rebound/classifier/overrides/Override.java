package dev.rebound.classifier.overrides;

import java.time.Instant;

/**
 * An operator's mark on a failure group: transient (retry it) or permanent (escalate it), whatever the rules say.
 *
 * @param fingerprint the group
 * @param transientFailure whether failures of the group are transient (JSON {@code transient})
 * @param reason      why, for the next person
 * @param setBy       who
 * @param setAt       when
 */
public record Override(String fingerprint,
                       @com.fasterxml.jackson.annotation.JsonProperty("transient") boolean transientFailure,
                       String reason, String setBy, Instant setAt) {
}
