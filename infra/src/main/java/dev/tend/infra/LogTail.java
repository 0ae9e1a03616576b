package dev.tend.infra;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The end of a log file, for exception messages that explain why a server did not come up. */
final class LogTail {

    private static final int MAX_LINES = 40;
    private static final int MAX_BYTES = 16 * 1024;

    private LogTail() {
    }

    static String of(Path file) {
        if (!Files.isRegularFile(file)) {
            return "(no log at " + file + ")";
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, raf.length() - MAX_BYTES);
            byte[] bytes = new byte[(int) (raf.length() - start)];
            raf.seek(start);
            raf.readFully(bytes);
            List<String> lines = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
            List<String> tail = lines.subList(Math.max(0, lines.size() - MAX_LINES), lines.size());
            return "--- last lines of " + file + " ---\n" + String.join("\n", tail);
        } catch (IOException e) {
            return "(could not read " + file + ": " + e.getMessage() + ")";
        }
    }

    static String of(Path first, Path second) {
        return of(first) + "\n" + of(second);
    }
}
