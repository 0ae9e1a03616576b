package dev.tend.systemtests;

import dev.tend.infra.DevTokens;
import dev.tend.infra.TendSystem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The whole system, started once for all system tests of this JVM, from the services' packaged jars. */
final class RunningSystem {

    private static TendSystem system;

    private RunningSystem() {
    }

    /** A bearer header value with every role, trusted by the running services. */
    static final String ALL_ROLES = "Bearer " + DevTokens.allRoles();

    static synchronized TendSystem get() {
        if (system == null) {
            try {
                Path projectRoot = Path.of(System.getProperty("tend.project.root", "..")).toAbsolutePath().normalize();
                Path workDir = Files.createTempDirectory("tend-system-test");
                system = TendSystem.start(TendSystem.Options.forTests(projectRoot, workDir));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return system;
    }
}
