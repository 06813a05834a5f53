package dev.rebound.bench;

import dev.rebound.classifier.classify.Classifier;
import dev.rebound.classifier.classify.Failure;
import dev.rebound.classifier.classify.RuleLoader;
import dev.rebound.classifier.classify.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The pure classify function (redact → normalize → match → score → fingerprint) with the shipped rules, on
 * one thread, so the throughput is per core. {@code excerpt4KiB} cycles through 4 KiB excerpts built from real
 * failure text ({@link Corpus}); {@code excerpt64KiB} is the largest log an error event keeps;
 * {@code pathological} is text made to hurt backtracking regex engines and long-line scanners.
 * <p>
 * Run: {@code ./rebound bench classify} (the datasets are read from {@code -p datasets=DIR}, default
 * {@code ../shared/datasets}; without them, the labelled examples).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Threads(1)
public class ClassifyBenchmark {

    @Param("../shared/datasets")
    public String datasets;

    @Param(".")
    public String home;

    private Classifier classifier;
    private Failure[] excerpts;
    private Failure large;
    private Failure pathological;
    private int next;

    @Setup
    public void setUp() {
        classifier = new Classifier(RuleLoader.defaults());
        Corpus corpus = Corpus.load(Path.of(datasets), Path.of(home));
        List<String> texts = corpus.excerpts(4096, 42);
        excerpts = texts.stream().map(Failure::ofText).toArray(Failure[]::new);
        large = Failure.ofText(Corpus.lastBytes(String.join("\n", texts), 65_536));
        pathological = Failure.ofText(pathologicalText());
        System.out.printf("%n%d excerpts of <= 4 KiB from %s%n", excerpts.length, corpus.origin());
    }

    @Benchmark
    public Verdict excerpt4KiB() {
        Failure failure = excerpts[next];
        next = next + 1 == excerpts.length ? 0 : next + 1;
        return classifier.classify(failure);
    }

    @Benchmark
    public Verdict excerpt64KiB() {
        return classifier.classify(large);
    }

    @Benchmark
    public Verdict pathological() {
        return classifier.classify(pathological);
    }

    /** 64 KiB of what hurts: one huge line of near-matches, nested-quantifier bait, and no newline for long. */
    static String pathologicalText() {
        StringBuilder text = new StringBuilder(70_000);
        while (text.length() < 32_768) {
            text.append("error: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa! connection ");
        }
        text.append('\n');
        while (text.length() < 65_000) {
            text.append("ERROR ".repeat(20)).append("x".repeat(200)).append(" at ");
        }
        return text.toString();
    }
}
