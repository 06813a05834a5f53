package dev.rebound.classifier.classify;

import dev.rebound.contracts.error.Action;
import dev.rebound.contracts.error.Category;
import dev.rebound.contracts.error.Severity;

/**
 * What a category of failure usually means and what to do about it: the defaults a rule inherits unless it
 * says otherwise, and the answer of {@code GET /guidance/{category}}.
 *
 * @param category         the category
 * @param summary          what failures of this category are
 * @param transientFailure whether such failures usually pass on a retry ({@code transient} on the wire, as in a
 *                         classification)
 * @param severity         their usual severity
 * @param action           the usual action
 * @param remediation      how to fix them, in a sentence or two
 */
public record Guidance(Category category, String summary,
                       @com.fasterxml.jackson.annotation.JsonProperty("transient") boolean transientFailure,
                       Severity severity, Action action, String remediation) {
}
