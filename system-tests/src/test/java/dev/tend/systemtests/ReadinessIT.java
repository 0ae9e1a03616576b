package dev.tend.systemtests;

import dev.tend.infra.ServiceProcess;
import dev.tend.infra.TendSystem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** Every service, as packaged, reports itself live and ready with its database and Kafka checks. */
class ReadinessIT {

    @Test
    void shouldReportEachServiceReadyWithDatabaseAndKafkaChecks() {
        TendSystem system = RunningSystem.get();
        for (ServiceProcess service : List.of(system.customerService(), system.followupService(), system.notificationService())) {
            given().baseUri(service.baseUrl()).when().get("/q/health/live").then().statusCode(200);
            given().baseUri(service.baseUrl()).when().get("/q/health/ready")
                    .then().statusCode(200)
                    .body("status", equalTo("UP"))
                    .body("checks.name", hasItems("Database connections health check", "Kafka connection health check",
                            "outbox-relay"));
        }
    }
}
