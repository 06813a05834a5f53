package dev.rebound.classifier.classify;

import java.time.Instant;

/**
 * What the classifier looks at.
 *
 * @param text       the log excerpt and message, as reported
 * @param stepName   the step, job or task name, if known
 * @param exitCode   the exit code, if known
 * @param signal     the signal that ended the process, if known ({@code SIGKILL}, {@code 9}, …)
 * @param target     the failing dependency, if the reporter knew it
 * @param occurredAt when it failed, to read rate-limit reset times; may be null
 */
public record Failure(String text, String stepName, Integer exitCode, String signal, String target, Instant occurredAt) {

    /** A failure known only by its text. */
    public static Failure ofText(String text) {
        return new Failure(text, null, null, null, null, null);
    }
}
