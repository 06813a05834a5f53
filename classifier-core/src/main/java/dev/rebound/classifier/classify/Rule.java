package dev.rebound.classifier.classify;

import dev.rebound.contracts.error.Action;
import dev.rebound.contracts.error.Category;
import dev.rebound.contracts.error.Severity;
import java.util.List;
import java.util.Set;

/**
 * One classification rule, compiled: when any of its line patterns matches (and its exit codes, signals and
 * step names, if it names any, agree), the failure is of its category.
 *
 * @param id               a stable id, reported as {@code ruleId} and part of the fingerprint
 * @param category         the category it decides
 * @param transientFailure whether failures it matches pass on a retry
 * @param severity         their severity
 * @param action           what to do
 * @param remediation      how
 * @param patterns         line patterns (RE2 syntax, see {@link LinePattern}); any one matching a line is a hit
 * @param exitCodes        exit codes it requires (any of them); empty for none
 * @param signals          signals it requires (any of them, upper case without {@code SIG}); empty for none
 * @param steps            step-name patterns it requires (any of them); empty for none
 * @param weight           how decisive a hit is against other rules' hits (specific rules 1.0, generic less)
 * @param confidence       how sure a hit makes the classifier (0 to 1)
 * @param inAssertions     whether its hits count in full on a line of a test's assertion; when not, a transient
 *                         rule's hit there is taken for a value the test compares ("expected 'connection
 *                         refused' but was …") and weighs {@link RuleSet#QUOTED} as much
 * @param order            its position in the rule set: the earlier rule wins a tie
 */
public record Rule(
        String id,
        Category category,
        boolean transientFailure,
        Severity severity,
        Action action,
        String remediation,
        List<LinePattern> patterns,
        Set<Integer> exitCodes,
        Set<String> signals,
        List<LinePattern> steps,
        double weight,
        double confidence,
        boolean inAssertions,
        int order) {

    public Rule {
        patterns = List.copyOf(patterns);
        exitCodes = Set.copyOf(exitCodes);
        signals = Set.copyOf(signals);
        steps = List.copyOf(steps);
    }

    /** Whether the failure's exit code, signal and step are those the rule requires, if it requires any. */
    boolean admits(Failure failure, Budget budget) {
        if (!exitCodes.isEmpty() || !signals.isEmpty()) {
            boolean byCode = failure.exitCode() != null && exitCodes.contains(failure.exitCode());
            boolean bySignal = failure.signal() != null && signals.contains(Signals.normalize(failure.signal()));
            if (!byCode && !bySignal) {
                return false;
            }
        }
        if (!steps.isEmpty()) {
            return failure.stepName() != null && steps.stream().anyMatch(p -> p.find(failure.stepName(), budget));
        }
        return true;
    }
}
