package dev.tend.systemtests.security;

import dev.tend.contracts.Topics;
import dev.tend.infra.DevTokens;
import dev.tend.infra.KafkaBroker;
import dev.tend.infra.PostgresServer;
import dev.tend.infra.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged services and console, started as a deployment starts them (prod profile, real PostgreSQL and Kafka),
 * refuse to start while a secret holds a development value, naming every such setting; secrets read from a
 * directory of files (a mounted Kubernetes Secret) count; with secrets of its own a service starts.
 */
class ProductionSecretsIT {

    private static final Duration START = Duration.ofSeconds(180);
    private static final Path ROOT = Path.of(System.getProperty("tend.project.root", "..")).toAbsolutePath().normalize();

    private static Path workDir;
    private static PostgresServer postgres;
    private static KafkaBroker kafka;
    private static final List<ServiceProcess> started = new ArrayList<>();

    @BeforeAll
    static void infrastructure() throws IOException {
        workDir = Files.createTempDirectory("tend-production-secrets");
        // PostgreSQL runs as another user when the tests run as root: it must be able to reach its data directory.
        Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwx--x--x"));
        Files.createDirectories(workDir.resolve("logs"));
        postgres = PostgresServer.start(workDir.resolve("postgres"), 0);
        for (String database : List.of("customer", "followup", "notification", "console")) {
            postgres.createDatabaseIfMissing(database);
        }
        kafka = KafkaBroker.start(workDir.resolve("kafka"), 0);
        kafka.createTopics(Topics.all());
    }

    @AfterAll
    static void stop() {
        started.forEach(ServiceProcess::close);
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void shouldRefuseEveryServiceAndTheConsoleOnDevelopmentSecretsNamingEachSetting() throws IOException {
        // One secret from a file, as Kubernetes mounts a Secret: it is read, so it is not reported.
        Path secrets = Files.createDirectories(workDir.resolve("secrets"));
        Files.writeString(secrets.resolve("tend.notification.unsubscribe.signing-key"), "an-unsubscribe-key-of-our-own-0123456789");
        Map<String, String> notification = new HashMap<>(development("notification"));
        notification.put("tend.notification.sms.auth-token", "tendtesttoken0000000000000000000");
        notification.put("smallrye.config.source.file.locations", secrets.toString());

        ServiceProcess customer = start("customer-service", development("customer"));
        ServiceProcess followup = start("followup-service", development("followup"));
        ServiceProcess notifications = start("notification-service", notification);
        ServiceProcess console = start("staff-console", Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl("console"),
                "quarkus.datasource.username", postgres.username(),
                "quarkus.datasource.password", postgres.password(),
                "smallrye.jwt.sign.key", DevTokens.privateKeyPem(),
                "tend.console.first-admin.password", "change-this-admin-password"));

        for (ServiceProcess service : List.of(customer, followup)) {
            String log = refused(service);
            assertTrue(log.contains("mp.jwt.verify.publickey is the development JWT key"), log);
            assertTrue(log.contains("mp.jwt.verify.issuer holds a development value"), log);
        }
        String log = refused(notifications);
        for (String setting : List.of("mp.jwt.verify.publickey", "mp.jwt.verify.issuer", "tend.notification.replies.signing-key",
                "tend.notification.ratings.signing-key", "tend.notification.sms.auth-token")) {
            assertTrue(log.contains("  - " + setting + " "), setting + " not named in\n" + log);
        }
        assertFalse(log.contains("tend.notification.unsubscribe.signing-key"), "the key from the file counts:\n" + log);
        log = refused(console);
        for (String setting : List.of("smallrye.jwt.sign.key", "tend.console.service-token.issuer",
                "tend.console.first-admin.password")) {
            assertTrue(log.contains("  - " + setting + " "), setting + " not named in\n" + log);
        }
    }

    @Test
    void shouldStartOnSecretsOfItsOwnFromFiles() throws IOException, NoSuchAlgorithmException {
        Path secrets = Files.createDirectories(workDir.resolve("own-secrets"));
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        String publicKey = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(rsa.generateKeyPair().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        // A key is given as a file of its own (the secrets directory joins a file's lines into one value).
        Path keyFile = Files.writeString(workDir.resolve("idp-public.pem"), publicKey);
        Files.writeString(secrets.resolve("tend.notification.unsubscribe.signing-key"), "unsubscribe-key-of-our-own-0123456789");
        Files.writeString(secrets.resolve("tend.notification.replies.signing-key"), "reply-key-of-our-own-0123456789");
        Files.writeString(secrets.resolve("tend.notification.ratings.signing-key"), "rating-key-of-our-own-0123456789");
        // Above application.properties and microprofile-config.properties, as secrets should be.
        Files.writeString(secrets.resolve("config_ordinal"), "270");
        Map<String, String> own = new HashMap<>(infrastructure("notification"));
        own.put("mp.jwt.verify.issuer", "https://id.clinic.example");
        own.put("mp.jwt.verify.publickey.location", keyFile.toString());
        own.put("smallrye.config.source.file.locations", secrets.toString());

        start("notification-service", own).awaitReady(START);
    }

    private static String refused(ServiceProcess service) throws IOException {
        assertThrows(IllegalStateException.class, () -> service.awaitReady(START));
        String log = Files.readString(service.logFile());
        assertTrue(log.contains("Refusing to start with development secrets"), log);
        return log;
    }

    private static Map<String, String> development(String database) {
        Map<String, String> properties = new HashMap<>(infrastructure(database));
        properties.put("mp.jwt.verify.publickey", DevTokens.publicKeyPem());
        properties.put("mp.jwt.verify.issuer", DevTokens.ISSUER);
        return properties;
    }

    private static Map<String, String> infrastructure(String database) {
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.username", postgres.username(),
                "quarkus.datasource.password", postgres.password(),
                "kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    private static ServiceProcess start(String module, Map<String, String> properties) {
        Path jar = ROOT.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        ServiceProcess service = ServiceProcess.start(module, jar, 0, properties,
                workDir.resolve("logs").resolve(module + "-" + System.nanoTime() + ".log"));
        started.add(service);
        return service;
    }
}
