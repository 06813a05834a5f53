package dev.rebound.classifier.classify;

import dev.rebound.contracts.error.Action;
import dev.rebound.contracts.error.Category;
import dev.rebound.contracts.error.Severity;
import java.util.List;

/**
 * What the classifier decided about one failure.
 *
 * @param category         the kind of failure
 * @param transientFailure whether a retry with no change would likely pass
 * @param severity         how bad it is
 * @param confidence       how sure, 0 to 1
 * @param action           what to do
 * @param remediation      how, in a sentence
 * @param ruleId           the rule that decided
 * @param evidence         the decisive lines
 * @param fingerprint      the stable group of this failure
 * @param target           the failing dependency, given or extracted
 * @param retryAfterMs     a Retry-After found in the text, in milliseconds
 */
public record Verdict(
        Category category,
        boolean transientFailure,
        Severity severity,
        double confidence,
        Action action,
        String remediation,
        String ruleId,
        List<String> evidence,
        String fingerprint,
        String target,
        Long retryAfterMs) {
}
