package dev.rebound.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rebound.contracts.WireJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * The failure texts the benchmarks classify, and the excerpts built from them. The texts are real CI failure
 * output: the shared datasets' LogChunks chunks and OpenStack gate signatures when the datasets folder is
 * given, else this repository's labelled examples. An excerpt is what a platform sends: the failure at the
 * end, preceded by ordinary build output (real Maven, npm and pytest lines, shipped as
 * {@code build-prelude.txt}), cut to its last {@code size} bytes at a line boundary.
 */
public final class Corpus {

    static final String LABELLED = "classifier-core/src/test/resources/labelled/examples.jsonl";
    private static final String PRELUDE = "build-prelude.txt";

    private final List<String> texts;
    private final String origin;

    private Corpus(List<String> texts, String origin) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("no failure texts in " + origin);
        }
        this.texts = List.copyOf(texts);
        this.origin = origin;
    }

    /**
     * The datasets' texts when {@code datasets} holds them, else the labelled examples under {@code home}.
     *
     * @throws IllegalArgumentException when neither is there
     */
    public static Corpus load(Path datasets, Path home) {
        List<String> texts = new ArrayList<>();
        List<String> origins = new ArrayList<>();
        if (datasets != null) {
            for (String file : List.of("logchunks-dev.jsonl", "elastic-recheck-transient.jsonl")) {
                Path path = datasets.resolve(file);
                if (Files.isRegularFile(path)) {
                    texts.addAll(textsOf(path));
                    origins.add(path.toString());
                }
            }
        }
        if (texts.isEmpty()) {
            Path labelled = home.resolve(LABELLED);
            if (!Files.isRegularFile(labelled)) {
                throw new IllegalArgumentException("no corpus: neither " + (datasets == null ? "a datasets folder"
                        : datasets + "/{logchunks-dev,elastic-recheck-transient}.jsonl") + " nor " + labelled + " exists");
            }
            texts.addAll(textsOf(labelled));
            origins.add(labelled.toString());
        }
        return new Corpus(texts, String.join(", ", origins));
    }

    /** Where the texts came from. */
    public String origin() {
        return origin;
    }

    public int size() {
        return texts.size();
    }

    /**
     * One excerpt per text, in a shuffled but fixed order: build output, then the failure, cut to the last
     * {@code size} UTF-8 bytes at a line boundary.
     */
    public List<String> excerpts(int size, long seed) {
        List<String> prelude = prelude();
        Random random = new Random(seed);
        List<String> excerpts = new ArrayList<>(texts.size());
        for (String text : texts) {
            StringBuilder log = new StringBuilder();
            int start = random.nextInt(prelude.size());
            // enough build output in front of the failure to fill the excerpt
            for (int i = 0, bytes = 0; bytes < size; i++) {
                String line = prelude.get((start + i) % prelude.size());
                log.append(line).append('\n');
                bytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
            }
            log.append(text);
            excerpts.add(lastBytes(log.toString(), size));
        }
        java.util.Collections.shuffle(excerpts, random);
        return excerpts;
    }

    /** The last {@code size} UTF-8 bytes of the text, starting at a line boundary when one is near. */
    static String lastBytes(String text, int size) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= size) {
            return text;
        }
        int from = bytes.length - size;
        // never start inside a multi-byte character
        while (from < bytes.length && (bytes[from] & 0xC0) == 0x80) {
            from++;
        }
        String tail = new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
        int newline = tail.indexOf('\n');
        return newline >= 0 && newline < 200 ? tail.substring(newline + 1) : tail;
    }

    private static List<String> prelude() {
        try (InputStream in = Objects.requireNonNull(Corpus.class.getResourceAsStream(PRELUDE), PRELUDE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> textsOf(Path jsonl) {
        try {
            List<String> texts = new ArrayList<>();
            for (String line : Files.readAllLines(jsonl)) {
                if (!line.isBlank()) {
                    JsonNode item = WireJson.mapper().readTree(line);
                    String text = item.path("text").asText("");
                    if (!text.isBlank()) {
                        texts.add(text);
                    }
                }
            }
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jsonl, e);
        }
    }
}
