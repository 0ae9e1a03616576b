package dev.tend.platform.security;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.PropertiesConfigSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublicKeyLocationTest {

    private static final String PEM = "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----\n";

    @Test
    void shouldOfferTheKeyFileAsTheInlineKey(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("public.pem"), PEM);
        SmallRyeConfig config = configWith(Map.of(PublicKeyLocation.LOCATION, file.toString()));
        assertEquals(PEM, config.getRawValue(PublicKeyLocation.KEY));
    }

    @Test
    void shouldLetAnInlineKeyWinOverTheFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("public.pem"), PEM);
        SmallRyeConfig config = configWith(Map.of(PublicKeyLocation.LOCATION, "file:" + file, PublicKeyLocation.KEY, "inline"));
        assertEquals("inline", config.getRawValue(PublicKeyLocation.KEY));
    }

    @Test
    void shouldAddNothingWithoutALocation() {
        assertFalse(configWith(Map.of()).getOptionalValue(PublicKeyLocation.KEY, String.class).isPresent());
    }

    @Test
    void shouldPointAJwksUrlAtTheProviderSetting() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> PublicKeyLocation.read("https://idp.example/realms/clinic/protocol/openid-connect/certs"));
        assertTrue(refused.getMessage().contains("quarkus.oidc.auth-server-url"), refused.getMessage());
    }

    @Test
    void shouldNameTheFileItCannotRead(@TempDir Path dir) {
        Exception refused = assertThrows(RuntimeException.class, () -> PublicKeyLocation.read(dir.resolve("missing.pem").toString()));
        assertTrue(refused.getMessage().contains("missing.pem"), refused.getMessage());
    }

    private static SmallRyeConfig configWith(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 250))
                .withSources(new PublicKeyLocation())
                .build();
    }
}
