package dev.tend.testsupport;

import dev.tend.contracts.Topics;
import dev.tend.infra.KafkaBroker;
import dev.tend.infra.PostgresServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** PostgreSQL and the Kafka broker from Maven artifacts, in a temporary folder, on free ports. */
final class EmbeddedInfrastructure implements TestInfrastructure {

    private final PostgresServer postgres;
    private final KafkaBroker kafka;

    private EmbeddedInfrastructure(PostgresServer postgres, KafkaBroker kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    static EmbeddedInfrastructure start() {
        try {
            // PostgreSQL may run as another user (see PostgresServer), who must be able to reach its folder.
            Path root = Files.createTempDirectory("tend-test-infra",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            PostgresServer postgres = PostgresServer.start(root.resolve("postgres"), 0);
            KafkaBroker kafka = KafkaBroker.start(root.resolve("kafka"), 0);
            kafka.createTopics(Topics.all());
            return new EmbeddedInfrastructure(postgres, kafka);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    @Override
    public String username() {
        return postgres.username();
    }

    @Override
    public String password() {
        return postgres.password();
    }

    @Override
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public void createDatabaseIfMissing(String database) {
        postgres.createDatabaseIfMissing(database);
    }

    @Override
    public void stopBroker() {
        kafka.stop();
    }

    @Override
    public void startBroker() {
        kafka.restart();
    }
}
