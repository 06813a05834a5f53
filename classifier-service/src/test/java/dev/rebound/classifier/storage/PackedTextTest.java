package dev.rebound.classifier.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PackedTextTest {

    @Test
    void aTextComesBackAsItWasWhateverItsCharacters() {
        for (String text : new String[]{"", "x", "npm ERR! 404 Not Found", "Größe: 5 Ø — ✔ passed 🚀\n\tend",
                "line\r\n".repeat(20_000)}) {
            assertThat(PackedText.unpack(PackedText.pack(text))).isEqualTo(text);
        }
        assertThat(PackedText.pack(null)).isNull();
        assertThat(PackedText.unpack(null)).isNull();
    }

    @Test
    void randomTextsComeBackAsTheyWere() {
        Random random = new Random(12);
        for (int i = 0; i < 500; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(9_000);
            while (text.length() < length) {
                // runs of repeats (what LZ4 finds) among random code points of every UTF-8 width
                text.appendCodePoint(random.nextInt(4) == 0 ? 'a' : random.nextInt(0x2FFFF) + 1);
                if (random.nextInt(50) == 0 && text.length() > 10) {
                    text.append(text, text.length() - 10, text.length());
                }
            }
            String s = text.toString().replaceAll("[\\uD800-\\uDFFF]", "?");
            assertThat(PackedText.unpack(PackedText.pack(s))).isEqualTo(s);
        }
    }

    @Test
    void aBuildLogTakesFarLessRoom() {
        StringBuilder log = new StringBuilder();
        for (int i = 0; log.length() < 4096; i++) {
            log.append("[INFO] Downloading from central: https://repo.maven.apache.org/maven2/org/example/lib-")
                    .append(i).append("/1.").append(i % 7).append("/lib-").append(i).append(".pom\n");
        }
        assertThat(PackedText.pack(log.toString()).length).isLessThan(log.length() / 3);
    }

    @Test
    void damagedBytesAreRefusedNotMisread() {
        byte[] packed = PackedText.pack("dial tcp 10.0.0.7:443: connect: connection refused ".repeat(40));

        assertThatThrownBy(() -> PackedText.unpack(new byte[]{0, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least its length");
        assertThatThrownBy(() -> PackedText.unpack(Arrays.copyOf(packed, packed.length - 5)))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] longer = packed.clone();
        ByteBuffer.wrap(longer).putInt(ByteBuffer.wrap(packed).getInt() + 1);
        assertThatThrownBy(() -> PackedText.unpack(longer)).isInstanceOf(IllegalArgumentException.class);
        byte[] huge = packed.clone();
        ByteBuffer.wrap(huge).putInt(Integer.MAX_VALUE);
        assertThatThrownBy(() -> PackedText.unpack(huge))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot hold");
        byte[] negative = packed.clone();
        ByteBuffer.wrap(negative).putInt(-1);
        assertThatThrownBy(() -> PackedText.unpack(negative))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    }
}
