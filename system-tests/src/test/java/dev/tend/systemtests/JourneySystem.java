package dev.tend.systemtests;

import dev.tend.infra.TendSystem;
import io.restassured.http.ContentType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * A system of its own for the customer journeys, in which a week of follow-ups takes a minute without any clock
 * being moved: the packaged services as they ship, configured so the clinic is open all day every day, nobody has
 * quiet hours, a postcard arrives the day it is posted and print jobs are cut every few seconds; the default
 * playbook is disabled and the journeys playbook ({@code playbooks/journeys.json}: the default's rules, seconds
 * apart instead of days) plans instead.
 *
 * <p>It is not {@link RunningSystem}: the other system tests expect the default playbook and clinic hours, and
 * {@code ReadinessIT} stops that system's broker and database. It is started once per JVM, on first use, and stopped
 * with the JVM, like {@link RunningSystem}.
 */
final class JourneySystem {

    static final String PLAYBOOK = "journeys";
    private static final String DEFAULT_PLAYBOOK = "default-veterinary";

    /** Settings that turn days into seconds; each is an ordinary production setting, nothing test-only. */
    static final Map<String, String> SETTINGS = Map.ofEntries(
            Map.entry("tend.followup.clinic.opens", "00:00"),
            Map.entry("tend.followup.clinic.closes", "23:59:59.999999999"),
            Map.entry("tend.followup.clinic.business-days", "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY"),
            // Quiet hours from midnight to midnight are no quiet hours.
            Map.entry("tend.followup.quiet-hours.start", "00:00"),
            Map.entry("tend.followup.quiet-hours.end", "00:00"),
            Map.entry("tend.followup.mailing-lead-days", "0"),
            Map.entry("tend.followup.planner.interval", "PT2S"),
            Map.entry("tend.notification.print.cut-off-interval", "PT2S"));

    private static TendSystem system;

    private JourneySystem() {
    }

    static synchronized TendSystem get() {
        if (system == null) {
            try {
                Path projectRoot = Path.of(System.getProperty("tend.project.root", "..")).toAbsolutePath().normalize();
                Path workDir = Files.createTempDirectory("tend-journeys");
                system = TendSystem.start(TendSystem.Options.forTests(projectRoot, workDir).withServiceProperties(SETTINGS));
                installJourneysPlaybook(system);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return system;
    }

    private static void installJourneysPlaybook(TendSystem system) throws IOException {
        String followup = system.followupService().baseUrl();
        Map<String, Object> defaultPlaybook = given().baseUri(followup).header("Authorization", RunningSystem.ALL_ROLES)
                .when().get("/playbooks/" + DEFAULT_PLAYBOOK)
                .then().statusCode(200).extract().path("definition");
        Map<String, Object> disabled = new LinkedHashMap<>(defaultPlaybook);
        disabled.put("enabled", false);
        given().baseUri(followup).header("Authorization", RunningSystem.ALL_ROLES).contentType(ContentType.JSON)
                .body(disabled).when().put("/playbooks/" + DEFAULT_PLAYBOOK).then().statusCode(200);
        given().baseUri(followup).header("Authorization", RunningSystem.ALL_ROLES).contentType(ContentType.JSON)
                .body(fixture("playbooks/journeys.json")).when().post("/playbooks").then().statusCode(201);
    }

    private static String fixture(String resource) throws IOException {
        try (InputStream in = JourneySystem.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
