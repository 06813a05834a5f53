package dev.rebound.notifier.alert;

import dev.rebound.contracts.error.Severity;

/**
 * Something to tell people, whatever it came from (an escalation, a verdict, a rollback outcome).
 *
 * @param id          the alert's id (an escalation's id, or derived from the event that raised it)
 * @param eventId     the identity of the event that raised it
 * @param fingerprint what it groups under
 * @param severity    how bad
 * @param reason      why (an escalation reason, {@code unhealthy-release}, {@code rollback-failed}, …)
 * @param service     the service concerned
 * @param environment where
 * @param title       one line
 * @param summary     a few more
 * @param occurrences how many occurrences it stands for
 * @param source      the raising event's data, as JSON
 */
record Alert(String id, String eventId, String fingerprint, Severity severity, String reason, String service,
             String environment, String title, String summary, int occurrences, String source) {
}
