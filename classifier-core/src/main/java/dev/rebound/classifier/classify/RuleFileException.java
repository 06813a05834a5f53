package dev.rebound.classifier.classify;

/** A rule file that cannot be used; the message names the file, the rule and the key. */
public class RuleFileException extends RuntimeException {

    public RuleFileException(String message) {
        super(message);
    }
}
