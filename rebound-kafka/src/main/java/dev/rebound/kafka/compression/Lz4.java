package dev.rebound.kafka.compression;

import net.jpountz.lz4.LZ4Factory;

/**
 * LZ4 as fast as this machine has it. lz4-java loads its native library only when it was itself loaded by the
 * system class loader, so in a service's executable jar {@link LZ4Factory#fastestInstance()} answers the pure-Java
 * port, which compresses a 4 KiB log about three times slower, and Kafka's clients, which ask it for every batch
 * they compress or decompress, use that port too. {@link #factory()} loads the native library once, after which
 * {@code fastestInstance()} answers it everywhere in the JVM; where it cannot be loaded, the Java port does the
 * same work, with the same bytes (docs/decisions/0013).
 */
public final class Lz4 {

    private static final LZ4Factory NATIVE = nativeOrNull();
    private static final LZ4Factory FACTORY = NATIVE != null ? NATIVE : LZ4Factory.safeInstance();

    private Lz4() {
    }

    /** The native LZ4 where it loads, else the bounds-checked Java port. */
    public static LZ4Factory factory() {
        return FACTORY;
    }

    /** Whether {@link #factory()} is the native library. */
    public static boolean isNative() {
        return NATIVE != null;
    }

    private static LZ4Factory nativeOrNull() {
        try {
            return LZ4Factory.nativeInstance();
        } catch (LinkageError | AssertionError | RuntimeException e) {
            // no native library for this platform, or it cannot be extracted and linked here
            return null;
        }
    }
}
