package dev.tend.testsupport;

import dev.tend.infra.DevTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the shared real PostgreSQL (its own database, named by the
 * {@code database} init argument) and the shared real Kafka broker, and makes it trust the development
 * signing key that {@link AuthenticatedRequests} signs test tokens with.
 */
public class TendServiceResource implements QuarkusTestResourceLifecycleManager {

    private String database = "tend";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        infrastructure.createDatabaseIfMissing(database);
        return Map.of(
                "quarkus.datasource.jdbc.url", infrastructure.jdbcUrl(database),
                "quarkus.datasource.username", infrastructure.username(),
                "quarkus.datasource.password", infrastructure.password(),
                "kafka.bootstrap.servers", infrastructure.bootstrapServers(),
                "mp.jwt.verify.publickey", DevTokens.publicKeyPem(),
                "mp.jwt.verify.issuer", DevTokens.ISSUER);
    }

    @Override
    public void stop() {
        // The servers are shared by every test class of this JVM and stop with it.
    }
}
