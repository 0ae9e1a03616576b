package dev.tend.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PostgresServerTest {

    private Path root;

    @BeforeEach
    void createRoot() {
        root = TestDirectories.fresh("postgres");
    }

    @AfterEach
    void deleteRoot() {
        TestDirectories.delete(root);
    }

    @Test
    void shouldKeepDataAcrossStopAndRestartOnTheSamePort() throws SQLException {
        try (PostgresServer server = PostgresServer.start(root.resolve("data"), 0)) {
            int port = server.port();
            server.createDatabaseIfMissing("tend_test");
            server.createDatabaseIfMissing("tend_test");
            execute(server, "CREATE TABLE pet (name text)", "INSERT INTO pet VALUES ('Rex')");

            server.stop();
            assertFalse(server.isRunning());
            server.restart();

            assertTrue(server.isRunning());
            assertEquals(port, server.port());
            assertEquals(List.of("Rex"), names(server));
        }
    }

    @Test
    void shouldRecoverFromKillOnRestart() throws SQLException {
        try (PostgresServer server = PostgresServer.start(root.resolve("data"), 0)) {
            server.createDatabaseIfMissing("tend_test");
            execute(server, "CREATE TABLE pet (name text)", "INSERT INTO pet VALUES ('Rex')");

            server.kill();
            assertFalse(server.isRunning());
            server.restart();

            assertEquals(List.of("Rex"), names(server));
        }
    }

    @Test
    void shouldReuseAnExistingClusterFromANewInstance() throws SQLException {
        Path data = root.resolve("data");
        try (PostgresServer first = PostgresServer.start(data, 0)) {
            first.createDatabaseIfMissing("tend_test");
            execute(first, "CREATE TABLE pet (name text)", "INSERT INTO pet VALUES ('Rex')");
        }
        try (PostgresServer second = PostgresServer.start(data, 0)) {
            assertEquals(List.of("Rex"), names(second));
        }
    }

    @Test
    void shouldExplainWhyNobodyCannotReachADataDirectoryAsRoot() throws Exception {
        assumeTrue(ChildProcess.runningAsRoot(), "only root hands the server to nobody");
        Path locked = Files.createDirectory(root.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> PostgresServer.start(locked.resolve("data"), 0));

        assertTrue(failure.getMessage().contains("not traversable by others"), failure.getMessage());
    }

    private static void execute(PostgresServer server, String... statements) throws SQLException {
        try (Connection connection = connect(server); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static List<String> names(PostgresServer server) throws SQLException {
        try (Connection connection = connect(server); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT name FROM pet")) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        }
    }

    private static Connection connect(PostgresServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl("tend_test"), server.username(), "any password");
    }
}
