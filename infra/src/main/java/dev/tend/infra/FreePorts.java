package dev.tend.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/** Picks loopback ports that are free right now, for servers that are told their port rather than binding 0. */
public final class FreePorts {

    // The kernel may hand the same ephemeral port out twice in a row once it is closed again; a broker that
    // asks for two ports at once must not get it twice.
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePorts() {
    }

    public static synchronized int pick() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = probe();
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free port found on the loopback interface");
    }

    private static int probe() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open a probe socket on the loopback interface", e);
        }
    }
}
