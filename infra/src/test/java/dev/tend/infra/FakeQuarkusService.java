package dev.tend.infra;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Just enough of a packaged Quarkus app for {@link ServiceProcessTest}: answers /q/health/ready on
 * quarkus.http.port and says so when it is shut down gracefully. With fake.exit-code it fails at once instead.
 */
public final class FakeQuarkusService {

    static final String GRACEFUL = "fake service shut down gracefully";
    static final String FAILING = "fake service failing on purpose";

    private FakeQuarkusService() {
    }

    public static void main(String[] args) throws IOException {
        String exitCode = System.getProperty("fake.exit-code");
        if (exitCode != null) {
            System.out.println(FAILING);
            System.exit(Integer.parseInt(exitCode));
        }
        int port = Integer.parseInt(System.getProperty("quarkus.http.port"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/q/health/ready", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(0);
            System.out.println(GRACEFUL);
        }));
    }
}
