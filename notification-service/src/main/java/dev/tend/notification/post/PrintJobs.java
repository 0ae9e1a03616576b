package dev.tend.notification.post;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tend.contracts.Events;
import dev.tend.contracts.PostalAddress;
import dev.tend.contracts.notification.DeliveryStatus;
import dev.tend.notification.Notification;
import dev.tend.notification.NotificationConfig;
import dev.tend.notification.PrintJob;
import dev.tend.notification.service.SendPolicy;
import dev.tend.notification.service.StatusEvents;
import dev.tend.platform.audit.AuditAction;
import dev.tend.platform.audit.AuditTrail;
import dev.tend.platform.observability.TraceContext;
import dev.tend.platform.observability.Traces;
import dev.tend.platform.rest.ProblemException;
import io.opentelemetry.api.trace.SpanKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jboss.logging.Logger;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Gathers pending postcards into print jobs at each cut-off: one merged PDF (front and back of each card, in
 * order) and a manifest of the pieces and their addresses. A job goes to the print shop's hot folder at once,
 * or, when approval is required, once a staff member has proofed and approved it. Cards are marked sent when
 * their job is released.
 *
 * <p>Photos are fetched and cards laid out between two transactions, so no row stays locked during HTTP calls;
 * a job whose builder died is rebuilt by the next cut-off after the in-flight timeout.
 */
@ApplicationScoped
public class PrintJobs {

    private static final Logger LOG = Logger.getLogger(PrintJobs.class);
    public static final String BUILDING = "BUILDING";
    public static final String PDF_FILE = "postcards.pdf";
    public static final String MANIFEST_FILE = "manifest.json";
    private static final int MAX_CARDS_PER_JOB = 500;

    private record Piece(UUID notificationId, UUID customerId, String templateKey, String recipientName,
                         PostalAddress address, String message, String signature, String photoUrl) {
    }

    private record Batch(UUID jobId, Instant createdAt, List<Piece> pieces) {
    }

    private record BuiltPiece(Piece piece, byte[] pdf, PostcardRenderer.PhotoPrint photo, String photoProblem) {
    }

    private final EntityManager entityManager;
    private final SendPolicy policy;
    private final StatusEvents statusEvents;
    private final PetPhotos photos;
    private final NotificationConfig config;
    private final Traces traces;
    private final Clock clock;
    private final AuditTrail audit;

    public PrintJobs(EntityManager entityManager, SendPolicy policy, StatusEvents statusEvents, PetPhotos photos,
                     NotificationConfig config, Traces traces, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.entityManager = entityManager;
        this.policy = policy;
        this.statusEvents = statusEvents;
        this.photos = photos;
        this.config = config;
        this.traces = traces;
        this.clock = clock;
    }

    /** One cut-off. @return the job made, if any card was waiting */
    public Optional<UUID> cutOff() {
        Optional<Batch> batch = QuarkusTransaction.requiringNew().call(this::gather);
        if (batch.isEmpty()) {
            return Optional.empty();
        }
        List<BuiltPiece> built = batch.get().pieces().stream().map(this::build).toList();
        QuarkusTransaction.requiringNew().run(() -> store(batch.get(), built));
        return Optional.of(batch.get().jobId());
    }

    private Optional<Batch> gather() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<PrintJob> stale = entityManager.createNativeQuery("""
                        SELECT * FROM print_job WHERE status = 'BUILDING' AND created_at < :before
                        ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED""", PrintJob.class)
                .setParameter("before", now.minus(config.dispatcher().inFlightTimeout()))
                .getResultList();
        if (!stale.isEmpty()) {
            PrintJob job = stale.get(0);
            job.createdAt = now;
            List<Notification> cards = Notification.list("printJobId = ?1 and status = ?2 order by createdAt",
                    job.id, Notification.PRINTING);
            return Optional.of(new Batch(job.id, now, cards.stream().map(PrintJobs::piece).toList()));
        }
        @SuppressWarnings("unchecked")
        List<Notification> due = entityManager.createNativeQuery("""
                        SELECT * FROM notification
                        WHERE status = 'PENDING' AND channel = 'POST' AND next_attempt_at <= :now
                        ORDER BY created_at
                        LIMIT :limit
                        FOR UPDATE SKIP LOCKED""", Notification.class)
                .setParameter("now", now)
                .setParameter("limit", MAX_CARDS_PER_JOB)
                .getResultList();
        List<Notification> cards = new ArrayList<>();
        for (Notification notification : due) {
            SendPolicy.Verdict verdict = policy.check(notification, now);
            if (verdict.waitForCustomer()) {
                notification.nextAttemptAt = now.plus(config.dispatcher().firstRetryDelay());
            } else if (verdict.suppressReason().isPresent()) {
                statusEvents.suppress(notification, verdict.suppressReason().get());
            } else {
                cards.add(notification);
            }
        }
        if (cards.isEmpty()) {
            return Optional.empty();
        }
        PrintJob job = new PrintJob();
        job.id = UUID.randomUUID();
        job.status = BUILDING;
        job.pieceCount = cards.size();
        job.createdAt = now;
        job.persist();
        for (Notification card : cards) {
            card.status = Notification.PRINTING;
            card.printJobId = job.id;
            card.attempts++;
            card.attemptStartedAt = now;
        }
        return Optional.of(new Batch(job.id, now, cards.stream().map(PrintJobs::piece).toList()));
    }

    private static Piece piece(Notification card) {
        try {
            return new Piece(card.id, card.customerId, card.templateKey, card.recipientName,
                    Events.mapper().readValue(card.postalAddress, PostalAddress.class), card.bodyText,
                    card.signature, card.photoUrl);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Card " + card.id + " has an unreadable address", e);
        }
    }

    private BuiltPiece build(Piece piece) {
        BufferedImage photo = null;
        String problem = null;
        if (piece.photoUrl() != null && !piece.photoUrl().isBlank()) {
            try {
                photo = photos.fetch(piece.photoUrl());
            } catch (IOException e) {
                problem = e.getMessage();
                LOG.warnf("Card %s prints without its photo: %s", piece.notificationId(), problem);
            }
        }
        PostcardRenderer.RenderedCard card = PostcardRenderer.render(new PostcardRenderer.Card(piece.recipientName(),
                piece.address(), piece.message(), piece.signature(), null, photo, config.clinic().name(),
                config.clinic().address(), Locale.forLanguageTag(config.clinic().locale())));
        return new BuiltPiece(piece, card.pdf(), card.photo(), problem);
    }

    private void store(Batch batch, List<BuiltPiece> built) {
        PrintJob job = PrintJob.findById(batch.jobId(), LockModeType.PESSIMISTIC_WRITE);
        if (job == null || !BUILDING.equals(job.status)) {
            return;
        }
        job.pdf = merge(built);
        job.manifest = manifest(job, built);
        job.pieceCount = built.size();
        for (BuiltPiece piece : built) {
            Notification card = Notification.findById(piece.piece().notificationId());
            card.cardPdf = piece.pdf();
        }
        if (config.print().requireApproval()) {
            job.status = PrintJob.AWAITING_APPROVAL;
        } else {
            release(job);
        }
    }

    @Transactional
    public PrintJob approve(UUID jobId) {
        PrintJob job = PrintJob.findById(jobId, LockModeType.PESSIMISTIC_WRITE);
        if (job == null) {
            throw ProblemException.notFound("Print job", jobId);
        }
        if (!PrintJob.AWAITING_APPROVAL.equals(job.status)) {
            throw ProblemException.conflict("Print job " + jobId + " is " + job.status + ", not awaiting approval");
        }
        job.approvedAt = clock.instant();
        release(job);
        // One entry per household with a card in the job, so each household's audit shows its card was approved.
        List<UUID> households = Notification.<Notification>list("printJobId", job.id).stream()
                .map(card -> card.customerId).distinct().toList();
        for (UUID household : households) {
            audit.record(AuditAction.PRINT_JOB_APPROVED, household, Map.of("printJobId", job.id, "households", households.size()));
        }
        return job;
    }

    private void release(PrintJob job) {
        Path folder = config.print().folder().resolve("job-" + job.id);
        List<Notification> cards = Notification.list("printJobId = ?1 and status = ?2 order by createdAt",
                job.id, Notification.PRINTING);
        // One job holds many visits' cards: the write joins the first card's trace and links the others'.
        List<TraceContext> traced = cards.stream().map(Notification::trace).filter(TraceContext::isPresent).toList();
        try (Traces.Resumed write = traces.resume("print job write", traced.isEmpty() ? TraceContext.NONE : traced.get(0),
                SpanKind.CLIENT, traced.size() > 1 ? traced.subList(1, traced.size()) : List.of())) {
            write.span().setAttribute("tend.print.job.id", job.id.toString());
            write.span().setAttribute("tend.print.pieces", cards.size());
            try {
                writeAtomically(folder, job.pdf, job.manifest);
            } catch (RuntimeException e) {
                write.failed(e);
                throw e;
            }
        }
        job.status = PrintJob.RELEASED;
        job.releasedAt = clock.instant();
        job.folder = folder.toAbsolutePath().toString();
        int sequence = 0;
        for (Notification card : cards) {
            card.providerMessageId = "print-job:" + job.id + ":" + (++sequence);
            card.attemptStartedAt = null;
            statusEvents.change(card, DeliveryStatus.SENT, null, false);
        }
    }

    /** The print shop's software picks up whole folders: it must never see a half-written one. */
    private static void writeAtomically(Path folder, byte[] pdf, String manifest) {
        try {
            Files.createDirectories(folder.getParent());
            Path partial = folder.resolveSibling("." + folder.getFileName() + ".partial");
            deleteRecursively(partial);
            Files.createDirectories(partial);
            Files.write(partial.resolve(PDF_FILE), pdf);
            Files.writeString(partial.resolve(MANIFEST_FILE), manifest);
            deleteRecursively(folder);
            Files.move(partial, folder, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not place the print job in " + folder, e);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static byte[] merge(List<BuiltPiece> built) {
        try (PDDocument merged = new PDDocument()) {
            PDFMergerUtility merger = new PDFMergerUtility();
            for (BuiltPiece piece : built) {
                try (PDDocument card = Loader.loadPDF(new RandomAccessReadBuffer(piece.pdf()))) {
                    merger.appendDocument(merged, card);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            merged.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not merge the print job's cards", e);
        }
    }

    private String manifest(PrintJob job, List<BuiltPiece> built) {
        ObjectNode manifest = Events.mapper().createObjectNode();
        manifest.put("jobId", job.id.toString());
        manifest.put("createdAt", job.createdAt.toString());
        manifest.put("pieceCount", built.size());
        manifest.put("pdf", PDF_FILE);
        ObjectNode format = manifest.putObject("format");
        format.put("trimSize", "6x4in");
        format.put("pageSize", "6.25x4.25in");
        format.put("bleed", "0.125in");
        format.put("safeZone", "0.125in inside trim");
        format.put("pagesPerPiece", 2);
        ArrayNode pieces = manifest.putArray("pieces");
        int sequence = 0;
        for (BuiltPiece piece : built) {
            sequence++;
            ObjectNode node = pieces.addObject();
            node.put("sequence", sequence);
            node.put("frontPage", sequence * 2 - 1);
            node.put("backPage", sequence * 2);
            node.put("notificationId", piece.piece().notificationId().toString());
            node.put("customerId", piece.piece().customerId().toString());
            node.put("templateKey", piece.piece().templateKey());
            ObjectNode address = node.putObject("address");
            address.put("name", piece.piece().recipientName());
            PostalAddress postal = piece.piece().address();
            address.put("line1", postal.line1());
            address.put("line2", postal.line2());
            address.put("city", postal.city());
            address.put("region", postal.region());
            address.put("postalCode", postal.postalCode());
            address.put("country", postal.country());
            if (piece.photo() != null) {
                ObjectNode photo = node.putObject("photo");
                photo.put("url", piece.piece().photoUrl());
                photo.put("sourceWidthPx", piece.photo().sourceWidthPx());
                photo.put("sourceHeightPx", piece.photo().sourceHeightPx());
                photo.put("sourceDpi", piece.photo().sourceDpi());
                photo.put("printedDpi", piece.photo().printedDpi());
            } else if (piece.photoProblem() != null) {
                node.put("photoProblem", piece.photoProblem());
            }
        }
        try {
            return Events.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(manifest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
