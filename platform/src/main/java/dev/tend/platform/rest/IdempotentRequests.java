package dev.tend.platform.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tend.contracts.Events;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * Makes a create safe to retry: the first request with an {@code Idempotency-Key} does the work and stores
 * its response in the same transaction; a retry with the same key and body gets that response again and
 * creates nothing; the same key with a different body is refused (422). Concurrent retries are serialised
 * by the primary key: the second insert waits for the first transaction and then finds its response.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 200;

    /** What a create answered: enough to answer a retry identically. */
    public record Created(URI location, Object body) {
    }

    private final EntityManager entityManager;

    public IdempotentRequests(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public Response create(String operation, String key, Object request, Supplier<Created> create) {
        if (key == null) {
            return respond(create.get());
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.invalid(HEADER, "the Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        String hash = hash(request);
        int claimed = entityManager.createNativeQuery("""
                        INSERT INTO idempotency_record (operation, idempotency_key, request_hash)
                        VALUES (:operation, :key, :hash) ON CONFLICT DO NOTHING""")
                .setParameter("operation", operation)
                .setParameter("key", key)
                .setParameter("hash", hash)
                .executeUpdate();
        if (claimed == 1) {
            Created created = create.get();
            entityManager.createNativeQuery("""
                            UPDATE idempotency_record SET response_status = 201, response_location = :location,
                                   response_body = :body
                            WHERE operation = :operation AND idempotency_key = :key""")
                    .setParameter("location", created.location().toString())
                    .setParameter("body", json(created.body()))
                    .setParameter("operation", operation)
                    .setParameter("key", key)
                    .executeUpdate();
            return respond(created);
        }
        return replay(operation, key, hash);
    }

    private Response replay(String operation, String key, String hash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT request_hash, response_status, response_location, response_body
                        FROM idempotency_record WHERE operation = :operation AND idempotency_key = :key""")
                .setParameter("operation", operation)
                .setParameter("key", key)
                .getResultList();
        Object[] row = rows.get(0);
        if (!hash.equals(row[0])) {
            throw ProblemException.unprocessable(HEADER,
                    "this Idempotency-Key was already used with a different request body");
        }
        return Response.status(((Number) row[1]).intValue())
                .location(URI.create((String) row[2]))
                .header(REPLAYED_HEADER, "true")
                .type(MediaType.APPLICATION_JSON)
                .entity(row[3])
                .build();
    }

    private static Response respond(Created created) {
        return Response.created(created.location()).entity(created.body()).build();
    }

    private static String json(Object value) {
        try {
            return Events.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A response could not be stored as JSON", e);
        }
    }

    private static String hash(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
