package dev.rebound.classifier.classify;

import java.util.Locale;
import java.util.Map;

/** Signal names as rules write them: upper case, without {@code SIG}; numbers become names. */
final class Signals {

    private static final Map<String, String> NUMBERS = Map.of("1", "HUP", "2", "INT", "3", "QUIT", "6", "ABRT",
            "9", "KILL", "11", "SEGV", "13", "PIPE", "14", "ALRM", "15", "TERM", "24", "XCPU");

    private Signals() {
    }

    static String normalize(String signal) {
        String s = signal.strip().toUpperCase(Locale.ROOT);
        if (s.startsWith("SIG")) {
            s = s.substring(3);
        }
        return NUMBERS.getOrDefault(s, s);
    }
}
