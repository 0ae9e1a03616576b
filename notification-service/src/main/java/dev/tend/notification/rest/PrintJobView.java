package dev.tend.notification.rest;

import dev.tend.notification.PrintJob;

import java.time.Instant;
import java.util.UUID;

public record PrintJobView(UUID id, String status, int pieceCount, Instant createdAt, Instant approvedAt,
                           Instant releasedAt, String folder, String pdf, String manifest) {

    static PrintJobView of(PrintJob job) {
        return new PrintJobView(job.id, job.status, job.pieceCount, job.createdAt, job.approvedAt, job.releasedAt,
                job.folder, "/print-jobs/" + job.id + "/pdf", "/print-jobs/" + job.id + "/manifest");
    }
}
