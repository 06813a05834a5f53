package dev.rebound.classifier.classify;

/**
 * What the classifier looks at.
 *
 * @param text     the log excerpt and message, as reported
 * @param stepName the step, job or task name, if known
 * @param exitCode the exit code, if known
 * @param signal   the signal that ended the process, if known
 * @param target   the failing dependency, if the reporter knew it
 */
public record Failure(String text, String stepName, Integer exitCode, String signal, String target) {
}
