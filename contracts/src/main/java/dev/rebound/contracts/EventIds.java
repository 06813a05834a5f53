package dev.rebound.contracts;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Deterministic ids for derived events: a name-based UUID (RFC 9562 version 5, SHA-1) of the input
 * event id and the derived event type, so that re-publishing the same derivation yields the same id
 * and consumers can drop the duplicate.
 */
public final class EventIds {

    /** The namespace of every Rebound name-based id. Never change it: ids would stop matching. */
    public static final UUID NAMESPACE = UUID.fromString("6f1d3c2e-5b7a-4e0c-9a51-2a8f4b1d7e93");

    private EventIds() {
    }

    /** The id of the event of type {@code derivedType} derived from the event {@code inputId}. */
    public static String derive(String inputId, String derivedType) {
        return nameBased(inputId + "\n" + derivedType).toString();
    }

    /** A version 5 UUID of {@code name} in the Rebound namespace. */
    public static UUID nameBased(String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
        sha1.update(ByteBuffer.allocate(16)
                .putLong(NAMESPACE.getMostSignificantBits())
                .putLong(NAMESPACE.getLeastSignificantBits())
                .array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }
}
