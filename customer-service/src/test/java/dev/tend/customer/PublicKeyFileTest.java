package dev.tend.customer;

import dev.tend.infra.DevTokens;
import dev.tend.testsupport.AuthenticatedRequests;
import dev.tend.testsupport.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** The local key given as a file (mp.jwt.verify.publickey.location, as docker compose and Kubernetes mount it). */
@QuarkusTest
@WithTestResource(PublicKeyFileTest.KeyFile.class)
class PublicKeyFileTest {

    public static class KeyFile implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            TestInfrastructure infrastructure = TestInfrastructure.shared();
            infrastructure.createDatabaseIfMissing("customer");
            try {
                Path key = Files.createTempFile("tend-jwt-public", ".pem");
                Files.writeString(key, DevTokens.publicKeyPem());
                key.toFile().deleteOnExit();
                return Map.of(
                        "quarkus.datasource.jdbc.url", infrastructure.jdbcUrl("customer"),
                        "quarkus.datasource.username", infrastructure.username(),
                        "quarkus.datasource.password", infrastructure.password(),
                        "kafka.bootstrap.servers", infrastructure.bootstrapServers(),
                        "mp.jwt.verify.publickey.location", key.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void stop() {
            // The servers are shared by every test class of this JVM and stop with it.
        }
    }

    @Test
    void shouldVerifyTokensWithTheKeyReadFromItsFile() {
        given().header("Authorization", AuthenticatedRequests.bearerWith("integration")).when().get("/customers")
                .then().statusCode(200);
        given().header("Authorization", "").when().get("/customers").then().statusCode(401);
    }
}
