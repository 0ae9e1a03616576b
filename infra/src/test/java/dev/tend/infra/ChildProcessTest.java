package dev.tend.infra;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChildProcessTest {

    private Path root;

    @BeforeEach
    void createRoot() {
        root = TestDirectories.fresh("orphans");
    }

    @AfterEach
    void deleteRoot() {
        TestDirectories.delete(root);
    }

    @Test
    void shouldStopChildrenWhenTheirJvmIsKilled() throws Exception {
        Path jar = FakeServiceJar.write(root.resolve("quarkus-run.jar"));
        Path log = root.resolve("orphan.log");
        Process parent = new ProcessBuilder(List.of(ChildProcess.java(), "-cp", System.getProperty("java.class.path"),
                ParentJvm.class.getName(), jar.toString(), log.toString()))
                .redirectErrorStream(true)
                .start();
        try {
            long childPid = readChildPid(parent);
            ProcessHandle child = ProcessHandle.of(childPid).orElseThrow();
            assertTrue(child.isAlive(), "the child outlives the thread that started it");

            parent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

            child.onExit().get(30, TimeUnit.SECONDS);
            assertFalse(child.isAlive());
            assertTrue(Files.readString(log).contains(FakeQuarkusService.GRACEFUL), "SIGTERM, not SIGKILL");
        } finally {
            parent.destroyForcibly();
        }
    }

    private static long readChildPid(Process parent) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("child-pid=")) {
                return Long.parseLong(line.substring("child-pid=".length()));
            }
        }
        assertNotNull(line, "the parent JVM exited without starting its child");
        throw new IllegalStateException("unreachable");
    }
}
