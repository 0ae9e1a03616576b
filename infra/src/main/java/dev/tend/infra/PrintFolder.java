package dev.tend.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The print shop's side of the hot folder: the jobs notification-service released into it, as the shop would pick
 * them up ({@code job-{id}/postcards.pdf} and {@code manifest.json}). Folders still being written (hidden
 * {@code .partial} ones) are not jobs yet and are skipped.
 */
public final class PrintFolder {

    /** One card of a released job: its manifest entry, and the job's merged PDF it is printed in. */
    public record PrintedPiece(Path jobFolder, Path pdf, JsonNode manifestEntry) {

        public String customerId() {
            return manifestEntry.path("customerId").asText(null);
        }

        public String templateKey() {
            return manifestEntry.path("templateKey").asText(null);
        }

        /** 1-based page of the merged PDF. */
        public int frontPage() {
            return manifestEntry.path("frontPage").asInt();
        }

        public int backPage() {
            return manifestEntry.path("backPage").asInt();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MANIFEST = "manifest.json";
    private static final String PDF = "postcards.pdf";

    private PrintFolder() {
    }

    /** Every piece of every released job in {@code folder}, job by job. */
    public static List<PrintedPiece> pieces(Path folder) {
        List<PrintedPiece> pieces = new ArrayList<>();
        try (Stream<Path> jobs = Files.list(folder)) {
            for (Path job : jobs.filter(p -> p.getFileName().toString().startsWith("job-")).sorted().toList()) {
                JsonNode manifest = JSON.readTree(job.resolve(MANIFEST).toFile());
                for (JsonNode piece : manifest.path("pieces")) {
                    pieces.add(new PrintedPiece(job, job.resolve(manifest.path("pdf").asText(PDF)), piece));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the print folder " + folder, e);
        }
        return pieces;
    }
}
