package dev.rebound.classifier.storage;

import dev.rebound.kafka.compression.Lz4;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * A text as the classifier stores its log excerpts: the length of its UTF-8 bytes (four bytes, big-endian), then
 * those bytes as one LZ4 block. The embedded PostgreSQL has no LZ4 and its own pglz cost more CPU than it saved, so
 * the service compresses (ADR 12): a 4 KiB log takes about 1.5 KiB and PostgreSQL's work per row fell by 40 %.
 */
public final class PackedText {

    /** LZ4's native library where it loads, else its pure-Java port: the same bytes either way. */
    private static final LZ4Factory LZ4 = Lz4.factory();
    private static final LZ4Compressor COMPRESSOR = LZ4.fastCompressor();
    /** The safe one: it checks the block against the bounds, whatever the stored bytes hold. */
    private static final LZ4SafeDecompressor DECOMPRESSOR = LZ4.safeDecompressor();
    private static final int HEADER = Integer.BYTES;

    private PackedText() {
    }

    /** The text packed; null stays null. */
    public static byte[] pack(String text) {
        if (text == null) {
            return null;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] packed = new byte[HEADER + COMPRESSOR.maxCompressedLength(utf8.length)];
        ByteBuffer.wrap(packed).putInt(utf8.length);
        int length = COMPRESSOR.compress(utf8, 0, utf8.length, packed, HEADER, packed.length - HEADER);
        return java.util.Arrays.copyOf(packed, HEADER + length);
    }

    /** The text again; null stays null. */
    public static String unpack(byte[] packed) {
        if (packed == null) {
            return null;
        }
        if (packed.length < HEADER) {
            throw new IllegalArgumentException("a packed text holds at least its length: " + packed.length + " byte(s)");
        }
        int length = ByteBuffer.wrap(packed).getInt();
        if (length < 0) {
            throw new IllegalArgumentException("a packed text's length is negative: " + length);
        }
        if (length > (packed.length - HEADER) * 255L + 16) {
            // more than LZ4 can expand to (about 255 bytes for each one): the length is damaged
            throw new IllegalArgumentException("a packed text of " + packed.length + " byte(s) cannot hold " + length);
        }
        byte[] utf8 = new byte[length];
        try {
            int written = DECOMPRESSOR.decompress(packed, HEADER, packed.length - HEADER, utf8, 0, length);
            if (written != length) {
                throw new IllegalArgumentException("a packed text says " + length + " byte(s) but holds " + written);
            }
        } catch (LZ4Exception e) {
            throw new IllegalArgumentException("a packed text's LZ4 block is damaged: " + e.getMessage(), e);
        }
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
