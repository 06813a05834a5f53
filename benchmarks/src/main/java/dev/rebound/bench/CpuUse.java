package dev.rebound.bench;

import dev.rebound.stack.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * CPU time used so far by this JVM (the broker, the load, the probes and the raw hop), the classifier service,
 * PostgreSQL (every process of it that runs) and the whole machine ({@code /proc/stat}; zero where there is
 * none). The difference of two shows where a burst's CPU went: on a small machine every path competes for the
 * same cores, so the CPU each event costs everywhere sets the throughput.
 */
record CpuUse(Duration harness, Duration service, Duration postgres, Duration machine, Duration harnessJit,
              Duration serviceJit) {

    private static final Path PROC_STAT = Path.of("/proc/stat");
    /** Linux counts /proc/stat in USER_HZ ticks, 100 a second everywhere it runs. */
    private static final long NANOS_PER_TICK = 10_000_000;

    /** Now; PostgreSQL is the server on {@code postgresData} and the backends it forked. */
    static CpuUse now(ServiceProcess service, Path postgresData) {
        String data = postgresData.toAbsolutePath().toString();
        Duration postgres = ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false)
                        && p.info().arguments().map(args -> String.join(" ", args).contains(data)).orElse(false))
                .flatMap(server -> Stream.concat(Stream.of(server), server.descendants()))
                .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
        return new CpuUse(ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO), service.cpuTime(),
                postgres, machineBusy(), compilers(ProcessHandle.current().pid()), compilers(service.pid()));
    }

    CpuUse since(CpuUse before) {
        return new CpuUse(harness.minus(before.harness), service.minus(before.service),
                postgres.minus(before.postgres), machine.minus(before.machine), harnessJit.minus(before.harnessJit),
                serviceJit.minus(before.serviceJit));
    }

    /** This use per event, in µs: the machine's, then its parts. */
    String perEvent(long events) {
        long n = Math.max(1, events);
        return String.format("CPU µs/event: machine %,d = this JVM %,d + service %,d + PostgreSQL %,d + rest %,d; "
                        + "JIT compilers: this JVM %,d, service %,d",
                micros(machine) / n, micros(harness) / n, micros(service) / n, micros(postgres) / n,
                (micros(machine) - micros(harness) - micros(service) - micros(postgres)) / n,
                Math.max(0, micros(harnessJit)) / n, Math.max(0, micros(serviceJit)) / n);
    }

    /**
     * CPU time of a JVM's JIT compiler threads ({@code C1 CompilerThre…}, {@code C2 CompilerThre…} in
     * {@code /proc/PID/task/*}/stat; zero where there is no /proc): a JVM still compiling is not in its steady
     * state yet, and this shows how much of a round that was. A lower bound: the JVM stops compiler threads it no
     * longer needs, and a thread that ended takes its time with it (so a difference is printed as zero at least).
     */
    static Duration compilers(long pid) {
        if (pid < 0) {
            return Duration.ZERO;
        }
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return Duration.ofNanos(tasks.mapToLong(CpuUse::compilerTicks).sum() * NANOS_PER_TICK);
        } catch (IOException | RuntimeException e) {
            return Duration.ZERO;
        }
    }

    /** utime + stime of a thread (fields 14 and 15 of its stat, after the parenthesised name) if it compiles. */
    private static long compilerTicks(Path task) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            String name = stat.substring(open + 1, close);
            if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
                return 0;
            }
            String[] fields = stat.substring(close + 2).trim().split("\\s+");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0; // the thread ended
        }
    }

    private static long micros(Duration duration) {
        return duration.toNanos() / 1000;
    }

    /** Busy time of all cores: user, nice, system, irq and softirq ticks of the first line of /proc/stat. */
    private static Duration machineBusy() {
        try {
            String[] fields = Files.readAllLines(PROC_STAT).get(0).trim().split("\\s+");
            long[] ticks = Arrays.stream(fields, 1, Math.min(fields.length, 8)).mapToLong(Long::parseLong).toArray();
            long busy = ticks[0] + ticks[1] + ticks[2] + ticks[5] + ticks[6];
            return Duration.ofNanos(busy * NANOS_PER_TICK);
        } catch (IOException | RuntimeException e) {
            return Duration.ZERO;
        }
    }
}
