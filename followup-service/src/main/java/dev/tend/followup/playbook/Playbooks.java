package dev.tend.followup.playbook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tend.contracts.Events;
import dev.tend.followup.Playbook;
import dev.tend.followup.playbook.PlaybookDefinition.Rule;
import dev.tend.followup.playbook.PlaybookDefinition.TriggerEvent;
import dev.tend.platform.audit.AuditAction;
import dev.tend.platform.audit.AuditTrail;
import dev.tend.platform.rest.ProblemException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Stores playbooks as versions and answers which rules plan on a trigger. */
@ApplicationScoped
public class Playbooks {

    public static final String DEFAULT_KEY = "default-veterinary";
    private static final String DEFAULT_RESOURCE = "playbooks/default-veterinary.json";

    /** A rule together with the playbook version it belongs to, for the task's "why". */
    public record ActiveRule(String playbookKey, int playbookVersion, Rule rule) {
    }

    private final EntityManager entityManager;
    private final Clock clock;
    // A saved version never changes, so its parsed form can be kept for good.
    private final Map<UUID, PlaybookDefinition> parsed = new ConcurrentHashMap<>();

    private final AuditTrail audit;

    public Playbooks(EntityManager entityManager, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Transactional
    void seedDefault(@Observes StartupEvent event) {
        // Every instance seeds at start; the unique (key, version) makes the second one a no-op.
        entityManager.createNativeQuery("""
                        INSERT INTO playbook (id, key, version, definition, created_at)
                        VALUES (:id, :key, 1, :definition, :now) ON CONFLICT DO NOTHING""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("key", DEFAULT_KEY)
                .setParameter("definition", defaultDefinitionJson())
                .setParameter("now", clock.instant())
                .executeUpdate();
    }

    public static String defaultDefinitionJson() {
        try (InputStream in = Playbooks.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the application");
            }
            PlaybookValidator.Parsed seed = PlaybookValidator.parse(Events.mapper().readTree(in));
            if (!seed.valid()) {
                throw new IllegalStateException("The default playbook is invalid: " + seed.violations());
            }
            return write(seed.definition());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The latest version of every playbook. */
    public List<Playbook> latest() {
        @SuppressWarnings("unchecked")
        List<Playbook> rows = entityManager.createNativeQuery("""
                SELECT DISTINCT ON (key) * FROM playbook ORDER BY key, version DESC""", Playbook.class).getResultList();
        return rows;
    }

    public Playbook latest(String key) {
        return Playbook.<Playbook>find("key = ?1 order by version desc", key).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Playbook", key));
    }

    public Playbook version(String key, int version) {
        return Playbook.<Playbook>find("key = ?1 and version = ?2", key, version).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Playbook", key + " version " + version));
    }

    public List<Playbook> versions(String key) {
        List<Playbook> versions = Playbook.list("key = ?1 order by version", key);
        if (versions.isEmpty()) {
            throw ProblemException.notFound("Playbook", key);
        }
        return versions;
    }

    public PlaybookDefinition definition(Playbook playbook) {
        return parsed.computeIfAbsent(playbook.id, id -> read(playbook.definition));
    }

    /** The rules of every enabled playbook (latest version) that start on {@code event}. */
    public List<ActiveRule> rulesFor(TriggerEvent event) {
        return latest().stream()
                .filter(p -> definition(p).isEnabled())
                .flatMap(p -> definition(p).rules().stream()
                        .filter(r -> r.trigger().event() == event)
                        .map(r -> new ActiveRule(p.key, p.version, r)))
                .toList();
    }

    @Transactional
    public Playbook create(JsonNode json) {
        PlaybookDefinition definition = requireValid(json);
        if (Playbook.count("key", definition.key()) > 0) {
            throw ProblemException.conflict("Playbook " + definition.key() + " exists; PUT /playbooks/"
                    + definition.key() + " saves a new version");
        }
        Playbook created = save(definition, 1);
        audit.record(AuditAction.PLAYBOOK_CREATED, null, Map.of("key", created.key, "version", created.version));
        return created;
    }

    @Transactional
    public Playbook update(String key, JsonNode json) {
        PlaybookDefinition definition = requireValid(json);
        if (!key.equals(definition.key())) {
            throw ProblemException.invalid("key", "the document's key '" + definition.key() + "' is not " + key);
        }
        Playbook current = latest(key);
        Playbook saved = save(definition, current.version + 1);
        audit.record(AuditAction.PLAYBOOK_CHANGED, null, Map.of("key", saved.key, "version", saved.version));
        return saved;
    }

    public static PlaybookDefinition requireValid(JsonNode json) {
        PlaybookValidator.Parsed result = PlaybookValidator.parse(json);
        if (!result.valid()) {
            PlaybookValidator.Violation first = result.violations().get(0);
            throw ProblemException.invalid(first.field(), first.message());
        }
        return result.definition();
    }

    private Playbook save(PlaybookDefinition definition, int version) {
        Playbook playbook = new Playbook();
        playbook.id = UUID.randomUUID();
        playbook.key = definition.key();
        playbook.version = version;
        playbook.definition = write(definition);
        playbook.createdAt = clock.instant();
        // Two concurrent saves of one key race to the same version; the unique key turns the loser into a 409.
        if (Playbook.count("key = ?1 and version = ?2", playbook.key, version) > 0) {
            throw ProblemException.conflict("Playbook " + playbook.key + " version " + version + " was saved meanwhile");
        }
        playbook.persist();
        return playbook;
    }

    private static String write(PlaybookDefinition definition) {
        try {
            return Events.mapper().writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PlaybookDefinition read(String json) {
        try {
            return Events.mapper().readValue(json, PlaybookDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored playbook is unreadable", e);
        }
    }
}
