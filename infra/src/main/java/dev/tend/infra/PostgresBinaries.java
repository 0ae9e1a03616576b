package dev.tend.infra;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The PostgreSQL binaries from zonky's archive, unpacked once per archive into java.io.tmpdir and shared by every
 * JVM on the machine. zonky's own launcher is not used because it cannot run the server as another user.
 */
final class PostgresBinaries {

    private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");

    private static Path installed;

    private PostgresBinaries() {
    }

    /** The directory holding bin/, lib/ and share/. */
    static synchronized Path home() {
        if (installed == null) {
            installed = install();
        }
        return installed;
    }

    private static Path install() {
        byte[] archive = readArchive();
        // Keyed by content rather than version so that a rebuilt archive never reuses a stale directory.
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "tend-postgres-" + digest(archive))
                .toAbsolutePath();
        if (Files.isExecutable(target.resolve("bin/postgres"))) {
            return target;
        }
        try {
            Files.createDirectories(target.getParent());
            // Another JVM may be unpacking the same archive: each unpacks into its own directory, and the first
            // rename wins.
            Path staging = Files.createTempDirectory(target.getParent(), target.getFileName() + ".unpacking-");
            try {
                unpack(archive, staging);
                Files.setPosixFilePermissions(staging, EXECUTABLE);
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException lostRace) {
                deleteTree(staging);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack the PostgreSQL binaries into " + target, e);
        }
        return target;
    }

    private static byte[] readArchive() {
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(
                System.getProperty("os.name"), System.getProperty("os.arch"))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the PostgreSQL binary archive", e);
        }
    }

    private static String digest(byte[] archive) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(archive);
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void unpack(byte[] archive, Path into) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new XZCompressorInputStream(new ByteArrayInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = into.resolve(entry.getName()).normalize();
                if (!path.startsWith(into)) {
                    throw new IOException("Archive entry escapes the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    Files.setPosixFilePermissions(path, EXECUTABLE);
                    continue;
                }
                Files.createDirectories(path.getParent());
                if (entry.isSymbolicLink()) {
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createLink(path, into.resolve(entry.getLinkName()).normalize());
                } else {
                    Files.copy(tar, path);
                    // Readable and, where the archive says so, executable by others: the server may run as nobody.
                    Files.setPosixFilePermissions(path, (entry.getMode() & 0100) != 0 ? EXECUTABLE : READABLE);
                }
            }
        }
        try (Stream<Path> dirs = Files.walk(into)) {
            for (Path dir : dirs.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                Files.setPosixFilePermissions(dir, EXECUTABLE);
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
