package dev.rebound.kafka.compression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Lz4Test {

    @TempDir
    Path tmp;

    @Test
    void packsAndUnpacksWithWhatItChose() {
        byte[] text = "ERROR: connection reset by peer\n".repeat(100).getBytes(StandardCharsets.UTF_8);
        byte[] packed = Lz4.factory().fastCompressor().compress(text);
        assertThat(packed.length).isLessThan(text.length / 10);
        assertThat(Lz4.factory().safeDecompressor().decompress(packed, text.length)).isEqualTo(text);
    }

    /**
     * Where lz4-java is not on the system class path (a service's executable jar), its fastest instance is the Java
     * port until something loads the native library; after {@link Lz4#factory()}, it is the native one, so Kafka's
     * clients get it too. Run in a JVM of its own: a native library belongs to the first class loader that loads it.
     */
    @Test
    void loadsTheNativeLibraryForEveryoneOutsideTheSystemClassLoader() throws Exception {
        assumeThat(nativeLoadsHere()).as("lz4-java has a native library for this platform").isTrue();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = Files.createTempFile(tmp, "child", ".log");
        Process child = new ProcessBuilder(java.toString(), "-cp", location(Lz4Test.class), Isolated.class.getName(),
                location(LZ4Factory.class), location(Lz4.class))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // wait with a bound before reading: a child that hangs fails the test instead of stalling the build
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child JVM ended").isTrue();
        String output = Files.readString(log);
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output.lines().toList()).containsExactly(
                "before: LZ4Factory:JavaSafe", "chosen: LZ4Factory:JNI", "after: LZ4Factory:JNI");
    }

    /** Asked of lz4-java itself, not of {@link Lz4}: a broken Lz4 must fail this test, not skip it. */
    private static boolean nativeLoadsHere() {
        try {
            return LZ4Factory.nativeInstance() != null;
        } catch (LinkageError | AssertionError e) {
            return false;
        }
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /** The child JVM: lz4-java and {@link Lz4} in a class loader of their own, as in an executable jar. */
    public static final class Isolated {

        public static void main(String[] args) throws Exception {
            URL[] urls = List.of(args).stream().map(Isolated::url).toArray(URL[]::new);
            try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
                Class<?> factory = loader.loadClass("net.jpountz.lz4.LZ4Factory");
                System.out.println("before: " + factory.getMethod("fastestInstance").invoke(null));
                Class<?> chooser = loader.loadClass("dev.rebound.kafka.compression.Lz4");
                System.out.println("chosen: " + chooser.getMethod("factory").invoke(null));
                System.out.println("after: " + factory.getMethod("fastestInstance").invoke(null));
            }
        }

        private static URL url(String path) {
            try {
                return Path.of(path).toUri().toURL();
            } catch (IOException e) {
                throw new IllegalArgumentException(path, e);
            }
        }
    }
}
