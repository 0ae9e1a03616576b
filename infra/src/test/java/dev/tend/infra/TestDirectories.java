package dev.tend.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Scratch directories under target/ rather than JUnit's @TempDir, whose 0700 directories PostgreSQL cannot reach
 * when it runs as nobody.
 */
final class TestDirectories {

    private TestDirectories() {
    }

    static Path fresh(String name) {
        try {
            return Files.createDirectories(Path.of("target", "test-data", name + "-" + UUID.randomUUID())
                    .toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
