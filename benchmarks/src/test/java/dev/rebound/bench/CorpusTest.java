package dev.rebound.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmarks classify what a platform would send: real build output, then the failure, cut at the size. */
class CorpusTest {

    @TempDir
    Path dir;

    @Test
    void anExcerptIsBuildOutputThenTheFailureWithinTheSize() throws Exception {
        Files.writeString(dir.resolve("logchunks-dev.jsonl"), """
                {"id":"a","text":"[ERROR] Cart.java:[42,17] cannot find symbol"}
                {"id":"b","text":"npm ERR! 404 Not Found - GET https://registry.npmjs.org/left-padx"}
                """);
        Corpus corpus = Corpus.load(dir, Path.of("."));

        List<String> excerpts = corpus.excerpts(4096, 1);

        assertThat(corpus.size()).isEqualTo(2);
        assertThat(excerpts).hasSize(2).allSatisfy(excerpt -> {
            assertThat(excerpt.getBytes(StandardCharsets.UTF_8).length).isBetween(3500, 4096);
            assertThat(excerpt).contains("[INFO]");
        });
        assertThat(excerpts).anySatisfy(e -> assertThat(e).endsWith("cannot find symbol"));
        assertThat(excerpts).anySatisfy(e -> assertThat(e).endsWith("left-padx"));
    }

    @Test
    void theLastBytesNeverSplitACharacter() {
        String text = "é".repeat(3000); // two bytes each

        String tail = Corpus.lastBytes(text, 1001);

        assertThat(tail.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1001);
        assertThat(tail).matches("é+");
    }

    @Test
    void withoutDatasetsOrLabelledExamplesThereIsNoCorpus() {
        assertThatThrownBy(() -> Corpus.load(dir, dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no corpus");
    }

    @Test
    void theMedianOfTheRoundsIsReported() {
        Results results = new Results();
        for (long millis : new long[] {1000, 4000, 2000}) {
            results.throughput(EndToEndBenchmark.Route.RAW, new Load.Outcome(1000, millis * 1_000_000, null));
        }
        results.throughput(EndToEndBenchmark.Route.SERVICE, new Load.Outcome(1000, 4_000_000_000L, null));

        assertThat(results.medianThroughput(EndToEndBenchmark.Route.RAW)).isEqualTo(500.0);
        assertThat(results.ratio()).isEqualTo(0.5);
    }
}
