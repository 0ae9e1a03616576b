package dev.tend.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ServiceProcessTest {

    private static final Duration READY = Duration.ofSeconds(30);

    private static Path root;
    private static Path jar;

    @BeforeAll
    static void packageFakeService() throws IOException {
        root = TestDirectories.fresh("service");
        jar = FakeServiceJar.write(root.resolve("quarkus-run.jar"));
    }

    @AfterAll
    static void deleteRoot() {
        TestDirectories.delete(root);
    }

    @Test
    void shouldStopGracefullyAndRestartWithTheSameSettings() throws Exception {
        Path log = root.resolve("graceful.log");
        try (ServiceProcess service = ServiceProcess.start("fake", jar, 0, Map.of(), log)) {
            service.awaitReady(READY);
            long firstPid = service.pid();
            assertEquals(200, ready(service));

            service.stop();
            assertFalse(service.isRunning());
            assertTrue(Files.readString(log).contains(FakeQuarkusService.GRACEFUL));

            service.restart();
            service.awaitReady(READY);
            assertNotEquals(firstPid, service.pid());
            assertEquals(200, ready(service));
        }
    }

    @Test
    void shouldKillWithoutAGracefulShutdown() throws Exception {
        Path log = root.resolve("killed.log");
        ServiceProcess service = ServiceProcess.start("fake", jar, 0, Map.of(), log);
        service.awaitReady(READY);
        long pid = service.pid();

        service.kill();

        assertFalse(service.isRunning());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertFalse(Files.readString(log).contains(FakeQuarkusService.GRACEFUL));
        service.close();
    }

    @Test
    void shouldReportTheLogWhenTheServiceExitsBeforeItIsReady() {
        Path log = root.resolve("failing.log");
        try (ServiceProcess service = ServiceProcess.start("fake", jar, 0, Map.of("fake.exit-code", "3"), log)) {
            IllegalStateException failure = assertThrows(IllegalStateException.class, () -> service.awaitReady(READY));

            assertTrue(failure.getMessage().contains(FakeQuarkusService.FAILING), failure.getMessage());
        }
    }

    private static int ready(ServiceProcess service) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(service.baseUrl() + "/q/health/ready")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
