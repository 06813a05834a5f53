package dev.rebound.classifier.classify;

import java.nio.charset.StandardCharsets;

/**
 * The part of a log Rebound keeps: its last 65,536 UTF-8 bytes (the cause is near the end), cut on a
 * character boundary. A log is never refused for its length.
 *
 * @param text      the kept text
 * @param truncated whether anything was cut
 */
public record LogExcerpt(String text, boolean truncated) {

    public static final int MAX_BYTES = 65_536;

    public static LogExcerpt of(String log) {
        return of(log, MAX_BYTES);
    }

    static LogExcerpt of(String log, int maxBytes) {
        if (log == null) {
            return new LogExcerpt(null, false);
        }
        byte[] bytes = log.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) {
            return new LogExcerpt(log, false);
        }
        int start = bytes.length - maxBytes;
        while (start < bytes.length && (bytes[start] & 0xC0) == 0x80) {
            start++; // a UTF-8 continuation byte: start at the next character
        }
        return new LogExcerpt(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8), true);
    }
}
