package dev.tend.systemtests;

import dev.tend.infra.ServiceProcess;
import dev.tend.infra.TendSystem;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** Every service, as packaged, tells ops whether it can work: its database and its broker. */
class ReadinessIT {

    @Test
    void shouldReportEachServiceReadyWithDatabaseKafkaAndOutboxChecks() {
        TendSystem system = RunningSystem.get();
        for (ServiceProcess service : system.services()) {
            given().baseUri(service.baseUrl()).when().get("/q/health/live").then().statusCode(200);
            given().baseUri(service.baseUrl()).when().get("/q/health/ready")
                    .then().statusCode(200)
                    .body("status", equalTo("UP"))
                    .body("checks.name", hasItems("Database connections health check", "kafka",
                            "outbox-relay"));
        }
    }

    @Test
    void shouldGoDownWhileTheBrokerIsStoppedAndComeBackUp() {
        TendSystem system = RunningSystem.get();
        system.kafka().stop();
        try {
            awaitReadiness(system.services(), 503);
        } finally {
            system.kafka().restart();
        }
        awaitReadiness(system.services(), 200);
    }

    @Test
    void shouldGoDownWhileTheDatabaseIsStoppedAndComeBackUp() {
        TendSystem system = RunningSystem.get();
        system.postgres().stop();
        try {
            awaitReadiness(system.services(), 503);
        } finally {
            system.postgres().restart();
        }
        awaitReadiness(system.services(), 200);
    }

    private static void awaitReadiness(List<ServiceProcess> services, int status) {
        for (ServiceProcess service : services) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    given().baseUri(service.baseUrl()).when().get("/q/health/ready").then().statusCode(status));
        }
    }
}
