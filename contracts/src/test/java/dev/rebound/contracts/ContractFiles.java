package dev.rebound.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Finds the example files of the contract tests and the event type each one holds. */
final class ContractFiles {

    private ContractFiles() {
    }

    /** The JSON files of a test resource folder, in name order. */
    static List<Path> in(String folder) {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources", folder))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The event type a file is named after: {@code <type>.json} or {@code <type>.<variant>.json}. */
    static EventType typeOf(Path file) {
        String name = file.getFileName().toString();
        return Arrays.stream(EventType.values())
                .filter(t -> name.equals(t.type() + ".json") || name.startsWith(t.type() + "."))
                .max(Comparator.comparingInt(t -> t.type().length()))
                .orElseThrow(() -> new IllegalArgumentException(name + " is not named after an event type"));
    }
}
