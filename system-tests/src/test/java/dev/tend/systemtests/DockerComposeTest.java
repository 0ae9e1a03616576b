package dev.tend.systemtests;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docker-compose.yml cannot run on machines without Docker, so this checks what can be checked without
 * it: it parses, every service gets the environment its configuration needs, every Dockerfile exists.
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
        for (String name : List.of("postgres", "kafka", "mailpit", "customer-service", "followup-service", "notification-service",
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
}
