package dev.tend.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.tend.infra.Inbox;
import dev.tend.infra.MailCatcher;
import dev.tend.infra.SmsStandIn;
import dev.tend.infra.TendSystem;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docker-compose.yml cannot run on machines without Docker, so this checks what can be checked without
 * it: it is valid by the Compose Specification's JSON Schema, every service gets the environment its configuration
 * needs, every Dockerfile exists, and it runs what {@code ./tend up} runs: the same components on the same ports
 * (TendSystem's local-run options, the README's port table) with the same settings (those TendSystem gives each).
 */
class DockerComposeTest {

    private static final Path ROOT = Path.of(System.getProperty("tend.project.root", "..")).toAbsolutePath().normalize();
    private static final List<String> SERVICES = List.of("customer-service", "followup-service", "notification-service");
    private static final String CONSOLE = "staff-console";

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws IOException {
        return new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) throws IOException {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        Map<String, Object> service = (Map<String, Object>) services.get(name);
        assertNotNull(service, "docker-compose.yml has no service " + name);
        return service;
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldDeclareInfrastructureAndServicesWithHealthChecks() throws IOException {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        for (String name : List.of("postgres", "kafka", "stand-ins", "customer-service", "followup-service", "notification-service",
                CONSOLE)) {
            assertTrue(services.containsKey(name), "missing service " + name);
            assertNotNull(((Map<String, Object>) services.get(name)).get("healthcheck"), name + " has no healthcheck");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldBuildEachServiceFromADockerfileThatExists() throws IOException {
        for (String name : java.util.stream.Stream.concat(SERVICES.stream(), java.util.stream.Stream.of(CONSOLE)).toList()) {
            Map<String, Object> build = (Map<String, Object>) service(name).get("build");
            Path dockerfile = ROOT.resolve((String) build.get("context")).resolve((String) build.get("dockerfile"));
            assertTrue(Files.isRegularFile(dockerfile), name + ": " + dockerfile + " does not exist");
            assertEquals(name, ((Map<String, Object>) build.get("args")).get("SERVICE"));
            assertTrue(Files.isDirectory(ROOT.resolve(name)), "no module " + name);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldStartEachServiceOnlyWhenItsInfrastructureIsHealthy() throws IOException {
        for (String name : SERVICES) {
            Map<String, Object> dependsOn = (Map<String, Object>) service(name).get("depends_on");
            for (String infra : List.of("postgres", "kafka")) {
                Map<String, Object> condition = (Map<String, Object>) dependsOn.get(infra);
                assertEquals("service_healthy", condition.get("condition"), name + " -> " + infra);
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldGiveEachServiceTheConnectionSettingsItsConfigurationReads() throws IOException {
        for (String name : SERVICES) {
            Map<String, Object> environment = (Map<String, Object>) service(name).get("environment");
            Properties config = new Properties();
            config.load(Files.newBufferedReader(ROOT.resolve(name).resolve("src/main/resources/application.properties")));
            // Each connection setting the prod profile reads must be overridden for the containers' network.
            for (String key : config.stringPropertyNames()) {
                if (key.startsWith("%prod.") && (key.contains("url") || key.contains("host") || key.contains("servers")
                        || key.contains("port") && !key.contains("http"))) {
                    String variable = key.substring("%prod.".length()).toUpperCase().replaceAll("[^A-Z0-9]", "_");
                    assertTrue(environment.containsKey(variable), name + " needs " + variable + " (for " + key + ")");
                }
            }
            String jdbcUrl = (String) environment.get("QUARKUS_DATASOURCE_JDBC_URL");
            assertTrue(jdbcUrl.endsWith("/" + name.replace("-service", "")), name + " must use its own database: " + jdbcUrl);
            assertEquals("kafka:9092", environment.get("KAFKA_BOOTSTRAP_SERVERS"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldGiveEachServiceTheKeyItVerifiesTokensWith() throws IOException {
        for (String name : SERVICES) {
            Map<String, Object> environment = (Map<String, Object>) service(name).get("environment");
            String keyInContainer = (String) environment.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
            List<String> volumes = (List<String>) service(name).get("volumes");
            String mount = volumes.stream().filter(v -> v.split(":")[1].equals(keyInContainer)).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " does not mount " + keyInContainer));
            assertTrue(Files.isRegularFile(ROOT.resolve(mount.split(":")[0])), mount);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldCreateOneDatabasePerService() throws IOException {
        Map<String, Object> environment = (Map<String, Object>) service("postgres").get("environment");
        assertEquals("customer,followup,notification,console", environment.get("POSTGRES_MULTIPLE_DATABASES"));
        assertTrue(Files.isExecutable(ROOT.resolve("docker/postgres-init/create-databases.sh")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldGiveTheConsoleItsDatabaseTheServicesAddressesAndItsSigningKey() throws IOException {
        Map<String, Object> console = service(CONSOLE);
        Map<String, Object> environment = (Map<String, Object>) console.get("environment");
        Properties config = new Properties();
        config.load(Files.newBufferedReader(ROOT.resolve(CONSOLE).resolve("src/main/resources/application.properties")));
        for (String key : config.stringPropertyNames()) {
            if (key.startsWith("%prod.") && key.contains("url")) {
                String variable = key.substring("%prod.".length()).toUpperCase().replaceAll("[^A-Z0-9]", "_");
                assertTrue(environment.containsKey(variable), CONSOLE + " needs " + variable + " (for " + key + ")");
            }
        }
        assertTrue(((String) environment.get("QUARKUS_DATASOURCE_JDBC_URL")).endsWith("/console"));
        for (String name : SERVICES) {
            assertEquals("service_healthy", ((Map<String, Object>) ((Map<String, Object>) console.get("depends_on")).get(name))
                    .get("condition"), CONSOLE + " -> " + name);
        }
        String keyInContainer = (String) environment.get("SMALLRYE_JWT_SIGN_KEY_LOCATION");
        List<String> volumes = (List<String>) console.get("volumes");
        String mount = volumes.stream().filter(v -> v.split(":")[1].equals(keyInContainer)).findFirst()
                .orElseThrow(() -> new AssertionError(CONSOLE + " does not mount " + keyInContainer));
        assertTrue(Files.isRegularFile(ROOT.resolve(mount.split(":")[0])), mount);
    }

    @Test
    void shouldBeValidByTheComposeSpecificationSchema() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode schema = (ObjectNode) json.readTree(DockerComposeTest.class.getResourceAsStream("/compose-spec/compose-spec.json"));
        // The schema names its meta-schema without the trailing '#', which the validator would fetch over the network,
        // and itself by a relative $id, which the validator refuses as a base for its references.
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.put("$id", "https://github.com/compose-spec/compose-spec/raw/HEAD/schema/compose-spec.json");
        JsonNode file = json.valueToTree(compose());
        Set<ValidationMessage> errors = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema).validate(file);
        assertTrue(errors.isEmpty(), "docker-compose.yml breaks the Compose Specification: " + errors);

        ObjectNode broken = file.deepCopy();
        ((ObjectNode) broken.get("services").get("postgres")).put("restart_policy", "always");
        assertFalse(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema).validate(broken).isEmpty(),
                "the schema must reject a field Compose does not know");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldPublishThePortsOfTendUp() throws IOException {
        TendSystem.Options tendUp = TendSystem.Options.forLocalRun(ROOT, ROOT.resolve(".tend"));
        Map<String, Set<Integer>> expected = new TreeMap<>(Map.of(
                "postgres", Set.of(tendUp.postgresPort()),
                "kafka", Set.of(tendUp.kafkaPort()),
                "stand-ins", Set.of(tendUp.smtpPort(), tendUp.imapPort(), tendUp.smsPort(), Inbox.PORT),
                "customer-service", Set.of(tendUp.customerPort()),
                "followup-service", Set.of(tendUp.followupPort()),
                "notification-service", Set.of(tendUp.notificationPort()),
                CONSOLE, Set.of(tendUp.consolePort())));
        Map<String, Set<Integer>> published = new TreeMap<>();
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        for (Map.Entry<String, Object> service : services.entrySet()) {
            Set<Integer> ports = new TreeSet<>();
            for (Object port : (List<Object>) ((Map<String, Object>) service.getValue()).getOrDefault("ports", List.of())) {
                ports.add(Integer.parseInt(String.valueOf(port).split(":")[0]));
            }
            published.put(service.getKey(), ports);
        }
        assertEquals(expected, published);

        // ...which are the README's: every localhost port in its "Ports" table is published.
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf("## Ports (`./tend up`)");
        String table = readme.substring(start, readme.indexOf("\n## ", start + 1));
        Set<Integer> readmePorts = new TreeSet<>();
        Matcher port = Pattern.compile("localhost:(\\d+)").matcher(table);
        while (port.find()) {
            readmePorts.add(Integer.parseInt(port.group(1)));
        }
        Set<Integer> all = new TreeSet<>();
        published.values().forEach(all::addAll);
        assertTrue(readmePorts.size() >= 9, "read " + readmePorts + " from the README");
        assertEquals(readmePorts, all, "the README's ports and docker compose's");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldGiveEachComponentTheSettingsTendUpGivesIt() throws IOException {
        for (Map.Entry<String, Set<String>> component : tendUpSettings().entrySet()) {
            Map<String, Object> environment = (Map<String, Object>) service(component.getKey()).get("environment");
            for (String property : component.getValue()) {
                String variable = property.toUpperCase().replaceAll("[^A-Z0-9]", "_");
                // A key or PEM given inline to ./tend up's processes is a file mounted into the container.
                assertTrue(environment.containsKey(variable) || environment.containsKey(variable + "_LOCATION"),
                        component.getKey() + " gets " + property + " from ./tend up but not from docker compose (" + variable + ")");
            }
        }
        Map<String, Object> notification = (Map<String, Object>) service("notification-service").get("environment");
        try (SmsStandIn sms = SmsStandIn.start(0)) {
            assertEquals(sms.accountSid(), notification.get("TEND_NOTIFICATION_SMS_ACCOUNT_SID"));
            assertEquals(sms.authToken(), notification.get("TEND_NOTIFICATION_SMS_AUTH_TOKEN"));
        }
        assertEquals(TendSystem.SMS_SENDER, notification.get("TEND_NOTIFICATION_SMS_FROM_NUMBER"));
        assertEquals(TendSystem.INBOUND_MAIL_KEY, notification.get("TEND_NOTIFICATION_REPLIES_WEBHOOK_SIGNING_KEY"));
        assertEquals(MailCatcher.REPLY_DOMAIN, notification.get("TEND_NOTIFICATION_REPLIES_DOMAIN"));
        assertEquals(MailCatcher.REPLY_LOGIN, notification.get("TEND_NOTIFICATION_REPLIES_IMAP_USER"));
        assertEquals(MailCatcher.REPLY_PASSWORD, notification.get("TEND_NOTIFICATION_REPLIES_IMAP_PASSWORD"));
        assertEquals(MailCatcher.REPLY_MAILBOX, notification.get("TEND_NOTIFICATION_REPLIES_SENT_COPY_ADDRESS"));
        assertEquals(TendSystem.CONSOLE_ADMIN, ((Map<String, Object>) service(CONSOLE).get("environment"))
                .get("TEND_CONSOLE_FIRST_ADMIN_USERNAME"));
        assertEquals("stand-ins", notification.get("QUARKUS_MAILER_HOST"));
        assertEquals(TendSystem.Options.forLocalRun(ROOT, ROOT).smtpPort(), notification.get("QUARKUS_MAILER_PORT"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldKeepPrintJobsOnAVolume() throws IOException {
        Map<String, Object> notification = service("notification-service");
        String folder = (String) ((Map<String, Object>) notification.get("environment")).get("TEND_NOTIFICATION_PRINT_FOLDER");
        String volume = ((List<String>) notification.get("volumes")).stream().filter(v -> v.endsWith(":" + folder)).findFirst()
                .orElseThrow(() -> new AssertionError("no volume at " + folder)).split(":")[0];
        assertTrue(((Map<String, Object>) compose().get("volumes")).containsKey(volume), volume + " is not a named volume");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldRunTheStandInsFromTheDockerfilesStandInsStage() throws IOException {
        Map<String, Object> build = (Map<String, Object>) service("stand-ins").get("build");
        String dockerfile = Files.readString(ROOT.resolve((String) build.get("context")).resolve((String) build.get("dockerfile")));
        assertTrue(dockerfile.contains("AS " + build.get("target") + "\n"), "no stage " + build.get("target"));
        assertTrue(dockerfile.contains(dev.tend.infra.StandIns.class.getName()), "the stage does not run StandIns");
    }

    /**
     * The settings TendSystem gives each component under {@code ./tend up}, read from its source: the properties it
     * puts for every service, the ones of a service of its own, and the console's.
     */
    private static Map<String, Set<String>> tendUpSettings() throws IOException {
        String source = Files.readString(ROOT.resolve("infra/src/main/java/dev/tend/infra/TendSystem.java"));
        Set<String> everyService = properties(source, "private ServiceProcess service(", "Path jar");
        Map<String, Set<String>> settings = new TreeMap<>();
        for (String service : SERVICES) {
            settings.put(service, new TreeSet<>(everyService));
        }
        settings.get("customer-service").addAll(properties(source, "customerService = remember(", ";"));
        settings.get("notification-service").addAll(properties(source, "Map<String, String> notification =", "notificationService = remember("));
        settings.put(CONSOLE, properties(source, "private ServiceProcess console(", "Path jar"));
        assertTrue(settings.get("notification-service").size() > 15, settings.toString());
        return settings;
    }

    private static Set<String> properties(String source, String from, String to) {
        int start = source.indexOf(from);
        assertTrue(start >= 0, "TendSystem no longer has " + from);
        String region = source.substring(start, source.indexOf(to, start + from.length()));
        Set<String> keys = new TreeSet<>();
        Matcher key = Pattern.compile("\"((?:quarkus|tend|kafka|mp|smallrye)\\.[a-z0-9.-]+)\"").matcher(region);
        while (key.find()) {
            keys.add(key.group(1));
        }
        return keys;
    }
}
