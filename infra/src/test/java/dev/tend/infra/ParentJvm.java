package dev.tend.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** A JVM for {@link ChildProcessTest} to kill: it starts a service from a thread that then ends. */
public final class ParentJvm {

    private ParentJvm() {
    }

    public static void main(String[] args) throws Exception {
        AtomicReference<ServiceProcess> service = new AtomicReference<>();
        Thread starter = new Thread(() -> service.set(
                ServiceProcess.start("orphan", Path.of(args[0]), 0, Map.of(), Path.of(args[1]))));
        starter.start();
        starter.join();
        service.get().awaitReady(Duration.ofSeconds(30));
        System.out.println("child-pid=" + service.get().pid());
        Thread.sleep(Duration.ofMinutes(5).toMillis());
    }
}
