package dev.tend.infra;

import dev.tend.contracts.Topics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * All of Tend on one machine: PostgreSQL (one database per service), Kafka with Tend's topics, the SMTP
 * catcher, the SMS-provider stand-in, a print folder, and the three services as packaged apps in JVMs of
 * their own; with {@code consolePort} not negative, the staff console over them too. The system tests and {@code ./tend up} both start it through this class, so what the tests
 * prove is what a person runs.
 */
public final class TendSystem implements AutoCloseable {

    /** How long a service may take to start: on a shared, overloaded machine a JVM start takes minutes. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);
    /** The clinic's sending number at the SMS stand-in (a number reserved for tests by the provider). */
    public static final String SMS_SENDER = "+15005550006";

    /** The key with which the local inbound-mail webhook's sender signs raw messages ({@code X-Tend-Signature}). */
    public static final String INBOUND_MAIL_KEY = "tend-local-inbound-mail-key";
    /** The staff console's first admin, created on its first start. */
    public static final String CONSOLE_ADMIN = "admin";
    private static final int NO_CONSOLE = -1;
    /**
     * A local system trusts the development JWT key on purpose (tests and {@code ./tend up} mint tokens with it), so
     * it may start with development secrets; and every client, provider and test here speaks from 127.0.0.1, so
     * rate limits would only throttle the tests.
     */
    public static final Map<String, String> LOCAL_SECURITY = Map.of(
            "tend.security.refuse-development-secrets", "false",
            "tend.rate-limit.enabled", "false");

    /**
     * @param consolePort the staff console's port (0: a free one), or -1 for no console
     * @param serviceProperties extra system properties for every service (a test profile's settings)
     */
    public record Options(Path projectRoot, Path workDir, int postgresPort, int kafkaPort, int smtpPort, int imapPort,
                          int smsPort, int customerPort, int followupPort, int notificationPort, int consolePort,
                          Map<String, String> serviceProperties) {

        /**
         * Settings every test system starts with. Tests and benchmarks run at any hour, and a message held for the
         * recipient's morning would make them depend on the time of day; quiet hours are proven in followup-service's
         * own tests (DefaultPlaybookTest, TimingTest, CareInvariantsTest) with a set clock.
         */
        public static final Map<String, String> TEST_DEFAULTS = Map.of(
                "tend.followup.quiet-hours.start", "00:00",
                "tend.followup.quiet-hours.end", "00:00");

        /** Free ports everywhere, so a test run never collides with a running {@code ./tend up}; no console. */
        public static Options forTests(Path projectRoot, Path workDir) {
            return new Options(projectRoot, workDir, 0, 0, 0, 0, 0, 0, 0, 0, NO_CONSOLE, TEST_DEFAULTS);
        }

        /** The fixed, documented ports of {@code ./tend up}, the staff console included. */
        public static Options forLocalRun(Path projectRoot, Path dataDir) {
            return new Options(projectRoot, dataDir, 55432, 9092, 2525, 1143, 8089, 8081, 8082, 8083, 8080, Map.of());
        }

        /** Adds {@code properties} to the services' settings (a later value wins). */
        public Options withServiceProperties(Map<String, String> properties) {
            Map<String, String> merged = new HashMap<>(serviceProperties);
            merged.putAll(properties);
            return new Options(projectRoot, workDir, postgresPort, kafkaPort, smtpPort, imapPort, smsPort, customerPort,
                    followupPort, notificationPort, consolePort, Map.copyOf(merged));
        }

        /**
         * Every service exports its traces over OTLP ({@code http/protobuf}) to {@code endpoint}, a collector's base
         * URL; without this, nothing is exported. Spans go out within a fraction of a second, for tests to read.
         */
        public Options withTraceCollector(String endpoint) {
            Map<String, String> properties = new HashMap<>(serviceProperties);
            properties.put("quarkus.otel.exporter.otlp.traces.endpoint", endpoint);
            properties.put("quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf");
            properties.put("quarkus.otel.bsp.schedule.delay", "200ms");
            return withServiceProperties(properties);
        }

        /** The staff console too, on a free port (browser tests). */
        public Options withConsole() {
            return new Options(projectRoot, workDir, postgresPort, kafkaPort, smtpPort, imapPort, smsPort, customerPort,
                    followupPort, notificationPort, consolePort == NO_CONSOLE ? 0 : consolePort, serviceProperties);
        }
    }

    private final List<AutoCloseable> started = new ArrayList<>();
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private MailCatcher mailCatcher;
    private SmsStandIn smsStandIn;
    private Path printFolder;
    private ServiceProcess customerService;
    private ServiceProcess followupService;
    private ServiceProcess notificationService;
    private ServiceProcess console;
    private String consoleAdminPassword;

    private TendSystem() {
    }

    public static TendSystem start(Options options) {
        TendSystem system = new TendSystem();
        try {
            system.startAll(options);
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    private void startAll(Options options) {
        Path workDir = traversable(options.workDir());
        postgres = remember(PostgresServer.start(workDir.resolve("postgres"), options.postgresPort()));
        for (String database : List.of("customer", "followup", "notification", "console")) {
            postgres.createDatabaseIfMissing(database);
        }
        kafka = remember(KafkaBroker.start(workDir.resolve("kafka"), options.kafkaPort()));
        kafka.createTopics(Topics.all());
        mailCatcher = remember(MailCatcher.start(options.smtpPort(), options.imapPort()));
        smsStandIn = remember(SmsStandIn.start(options.smsPort()));
        printFolder = directory(workDir.resolve("print"));
        Path logs = directory(workDir.resolve("logs"));

        // Known before start, because the service puts its own public address into the events it publishes.
        int customerPort = options.customerPort() == 0 ? FreePorts.pick() : options.customerPort();
        customerService = remember(service(options, "customer-service", "customer", customerPort,
                Map.of("tend.customer.public-base-url", "http://127.0.0.1:" + customerPort), logs));
        followupService = remember(service(options, "followup-service", "followup", options.followupPort(), Map.of(), logs));
        int notificationPort = options.notificationPort() == 0 ? FreePorts.pick() : options.notificationPort();
        Map<String, String> notification = new HashMap<>(Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(mailCatcher.smtpPort()),
                "tend.notification.sms.base-url", smsStandIn.baseUrl(),
                "tend.notification.sms.account-sid", smsStandIn.accountSid(),
                "tend.notification.sms.auth-token", smsStandIn.authToken(),
                "tend.notification.sms.from-number", SMS_SENDER,
                // Unsubscribe links and the provider's signed webhooks are built on this address.
                "tend.notification.public-base-url", "http://127.0.0.1:" + notificationPort,
                "tend.notification.print.folder", printFolder.toString()));
        // Email replies: every email's Reply-To leads to the catcher's IMAP reply mailbox, which the service reads.
        notification.putAll(Map.of(
                "tend.notification.replies.domain", MailCatcher.REPLY_DOMAIN,
                "tend.notification.replies.webhook-signing-key", INBOUND_MAIL_KEY,
                "tend.notification.replies.imap.enabled", "true",
                "tend.notification.replies.imap.host", "127.0.0.1",
                "tend.notification.replies.imap.port", Integer.toString(mailCatcher.imapPort()),
                "tend.notification.replies.imap.ssl", "false",
                "tend.notification.replies.imap.user", MailCatcher.REPLY_LOGIN,
                "tend.notification.replies.imap.password", MailCatcher.REPLY_PASSWORD,
                "tend.notification.replies.imap.poll-interval", "1s"));
        // The copy of every email comes back to the same mailbox: after a crash, it says whether one went out.
        notification.put("tend.notification.replies.sent-copy-address", MailCatcher.REPLY_MAILBOX);
        notificationService = remember(service(options, "notification-service", "notification", notificationPort,
                notification, logs));
        if (options.consolePort() != NO_CONSOLE) {
            console = remember(console(options, workDir, logs));
        }
        for (ServiceProcess service : services()) {
            service.awaitReady(READY_TIMEOUT);
        }
        if (console != null) {
            console.awaitReady(READY_TIMEOUT);
        }
    }

    /**
     * The staff console over the three services, signing its calls with the development key; its first admin's
     * password is generated once and kept in the work directory, so it stays right across runs of the same data.
     */
    private ServiceProcess console(Options options, Path workDir, Path logs) {
        consoleAdminPassword = consoleAdminPassword(workDir.resolve("console-admin-password"));
        Map<String, String> properties = new HashMap<>();
        properties.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl("console"));
        properties.put("quarkus.datasource.username", postgres.username());
        properties.put("quarkus.datasource.password", postgres.password());
        properties.put("quarkus.rest-client.customer.url", customerService.baseUrl());
        properties.put("quarkus.rest-client.followup.url", followupService.baseUrl());
        properties.put("quarkus.rest-client.notification.url", notificationService.baseUrl());
        properties.put("smallrye.jwt.sign.key", DevTokens.privateKeyPem());
        properties.put("tend.console.service-token.issuer", DevTokens.ISSUER);
        properties.put("tend.console.first-admin.username", CONSOLE_ADMIN);
        properties.put("tend.console.first-admin.password", consoleAdminPassword);
        properties.putAll(LOCAL_SECURITY);
        Path jar = options.projectRoot().resolve("staff-console/target/quarkus-app/quarkus-run.jar");
        return ServiceProcess.start("staff-console", jar, options.consolePort(), properties, logs.resolve("staff-console.log"));
    }

    private static String consoleAdminPassword(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file).trim();
            }
            byte[] random = new byte[18];
            new java.security.SecureRandom().nextBytes(random);
            String password = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.writeString(file, password + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ServiceProcess service(Options options, String module, String database, int port,
                                   Map<String, String> own, Path logs) {
        Map<String, String> properties = new HashMap<>();
        properties.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
        properties.put("quarkus.datasource.username", postgres.username());
        properties.put("quarkus.datasource.password", postgres.password());
        properties.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        properties.put("mp.jwt.verify.publickey", DevTokens.publicKeyPem());
        properties.put("mp.jwt.verify.issuer", DevTokens.ISSUER);
        properties.putAll(LOCAL_SECURITY);
        properties.putAll(own);
        properties.putAll(options.serviceProperties());
        Path jar = options.projectRoot().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        return ServiceProcess.start(module, jar, port, properties, logs.resolve(module + ".log"));
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public MailCatcher mailCatcher() {
        return mailCatcher;
    }

    public SmsStandIn smsStandIn() {
        return smsStandIn;
    }

    public Path printFolder() {
        return printFolder;
    }

    public ServiceProcess customerService() {
        return customerService;
    }

    public ServiceProcess followupService() {
        return followupService;
    }

    public ServiceProcess notificationService() {
        return notificationService;
    }

    /** The staff console, or null when these options started none. */
    public ServiceProcess console() {
        return console;
    }

    /** The password of the console's first admin ({@value #CONSOLE_ADMIN}), or null without a console. */
    public String consoleAdminPassword() {
        return consoleAdminPassword;
    }

    public List<ServiceProcess> services() {
        return List.of(customerService, followupService, notificationService);
    }

    /** Stops everything, services first, in the reverse order of starting. */
    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("Could not stop " + started.get(i) + ": " + e.getMessage());
            }
        }
        started.clear();
    }

    private <T extends AutoCloseable> T remember(T resource) {
        started.add(resource);
        return resource;
    }

    private static Path directory(Path path) {
        try {
            return Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PostgreSQL may run as another user (see {@link PostgresServer}), who must be able to reach its folder. */
    private static Path traversable(Path path) {
        try {
            Files.createDirectories(path);
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
            return path.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
