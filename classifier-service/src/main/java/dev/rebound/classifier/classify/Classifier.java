package dev.rebound.classifier.classify;

import dev.rebound.contracts.error.Action;
import dev.rebound.contracts.error.Category;
import dev.rebound.contracts.error.Severity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Decides what a failure is. Plain Java: no Spring, Kafka or database.
 *
 * <p>This is the foundation's classifier: it has no rules yet, so it says {@code unknown} (permanent, to be
 * investigated) for everything, with the last non-blank line as evidence. The rule engine (redact, normalize,
 * match, score, fingerprint) replaces it.
 */
public class Classifier {

    public static final String NO_RULE = "none";

    public Verdict classify(Failure failure) {
        String lastLine = lastNonBlankLine(failure.text());
        List<String> evidence = lastLine == null ? List.of() : List.of(lastLine);
        return new Verdict(Category.UNKNOWN, false, Severity.MEDIUM, 0.0, Action.INVESTIGATE,
                "No rule recognises this failure yet; look at the evidence and the log.", NO_RULE, evidence,
                fingerprint(NO_RULE, lastLine), failure.target(), null);
    }

    private static String lastNonBlankLine(String text) {
        if (text == null) {
            return null;
        }
        String[] lines = text.split("\\R");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) {
                return lines[i].strip();
            }
        }
        return null;
    }

    static String fingerprint(String ruleId, String line) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(ruleId.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            if (line != null) {
                sha.update(line.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
