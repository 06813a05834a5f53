package dev.rebound.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The benchmark tells how much of a round a JVM spent compiling: it reads the compiler threads' CPU time. */
class CpuUseTest {

    @Test
    void aRunningJvmsCompilerThreadsHaveUsedCpu() {
        long pid = ProcessHandle.current().pid();
        assumeTrue(Files.isDirectory(Path.of("/proc", Long.toString(pid), "task")), "no /proc here");

        // this JVM has compiled the test framework and whatever ran before: its C1 and C2 threads have used CPU
        assertThat(CpuUse.compilers(pid)).isPositive()
                .isLessThanOrEqualTo(ProcessHandle.current().info().totalCpuDuration().orElseThrow());
    }

    @Test
    void noProcessNoCompilers() {
        assertThat(CpuUse.compilers(-1)).isEqualTo(Duration.ZERO);
    }
}
