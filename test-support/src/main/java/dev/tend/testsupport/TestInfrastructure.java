package dev.tend.testsupport;

import org.testcontainers.DockerClientFactory;

/**
 * The PostgreSQL and Kafka that tests run against: real servers, started once per test JVM and shared
 * by every test class in it. Where a Docker engine exists they are containers; elsewhere (CI here, many
 * laptops) the same versions start from Maven artifacts. Tests see no difference.
 */
public interface TestInfrastructure {

    String jdbcUrl(String database);

    String username();

    String password();

    String bootstrapServers();

    void createDatabaseIfMissing(String database);

    /** Stops the broker and starts it again on the same address; for tests of what happens meanwhile. */
    void stopBroker();

    void startBroker();

    static TestInfrastructure shared() {
        return Holder.INSTANCE;
    }

    final class Holder {
        private static final TestInfrastructure INSTANCE = start();

        private Holder() {
        }

        private static TestInfrastructure start() {
            boolean docker;
            try {
                docker = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                docker = false;
            }
            return docker ? ContainerInfrastructure.start() : EmbeddedInfrastructure.start();
        }
    }
}
