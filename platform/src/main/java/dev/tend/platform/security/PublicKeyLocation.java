package dev.tend.platform.security;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Reads the PEM file named by {@code mp.jwt.verify.publickey.location} into {@code mp.jwt.verify.publickey}, which the
 * local-key tenant ({@code quarkus.oidc.local.public-key}) takes only inline: so a deployment that mounts the key as
 * a file (docker compose, a Kubernetes Secret) keeps working. A key given inline wins. A URL is refused with the
 * setting to use instead: a provider's keys come from its discovery document ({@code quarkus.oidc.auth-server-url}).
 */
public class PublicKeyLocation implements ConfigSourceFactory {

    static final String LOCATION = "mp.jwt.verify.publickey.location";
    static final String KEY = "mp.jwt.verify.publickey";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue location = context.getValue(LOCATION);
        if (location == null || location.getValue() == null || location.getValue().isBlank()) {
            return List.of();
        }
        return List.of(new PropertiesConfigSource(Map.of(KEY, read(location.getValue().trim())), LOCATION, 90));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(90);
    }

    static String read(String location) {
        if (location.startsWith("http://") || location.startsWith("https://")) {
            throw new IllegalArgumentException(LOCATION + " is " + location + ": it takes a PEM file. For an OIDC"
                    + " provider's keys set quarkus.oidc.auth-server-url to its issuer URL (keys come by discovery)");
        }
        Path file = Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(LOCATION + " names " + file + ", which cannot be read", e);
        }
    }
}
