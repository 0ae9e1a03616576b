package dev.tend.platform.security.secrets;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One test per development secret: each is refused with a message naming its setting; a secret of one's own is not. */
class DevelopmentSecretsTest {

    private static final Path DEV_JWT = Path.of("../infra/src/main/resources/dev-jwt");

    @Test
    void shouldRefuseTheDevelopmentUnsubscribeKey() {
        assertRefused("tend.notification.unsubscribe.signing-key", "tend-dev-unsubscribe-key-change-me");
    }

    @Test
    void shouldRefuseTheDevelopmentReplyKey() {
        assertRefused("tend.notification.replies.signing-key", "tend-dev-reply-key-change-me");
    }

    @Test
    void shouldRefuseTheDevelopmentRatingLinkKey() {
        assertRefused("tend.notification.ratings.signing-key", "tend-dev-rating-key-change-me");
    }

    @Test
    void shouldRefuseTheLocalInboundMailKey() {
        assertRefused("tend.notification.replies.webhook-signing-key", "tend-local-inbound-mail-key");
    }

    @Test
    void shouldRefuseTheSmsStandInsToken() {
        assertRefused("tend.notification.sms.auth-token", "tendtesttoken0000000000000000000");
    }

    @Test
    void shouldRefuseTheDevelopmentIssuerInServicesAndTheConsole() {
        assertRefused("mp.jwt.verify.issuer", "https://tend.dev/local");
        assertRefused("tend.console.service-token.issuer", "https://tend.dev/local");
    }

    @Test
    void shouldRefuseTheDevelopmentPublicKeyInlineOrByLocation() throws IOException {
        String pem = Files.readString(DEV_JWT.resolve("public.pem"));
        assertRefused("mp.jwt.verify.publickey", pem);
        List<String> byFile = violations(Map.of("mp.jwt.verify.publickey.location", DEV_JWT.resolve("public.pem").toString()));
        assertEquals(1, byFile.size(), byFile.toString());
        assertTrue(byFile.get(0).startsWith("mp.jwt.verify.publickey.location is the development JWT key"), byFile.get(0));
    }

    @Test
    void shouldRefuseACopyOfTheDevelopmentPrivateKeyUnderAnyName(@TempDir Path dir) throws IOException {
        Path copy = Files.copy(DEV_JWT.resolve("private.pem"), dir.resolve("our-key.pem"));
        List<String> violations = violations(Map.of("smallrye.jwt.sign.key.location", copy.toString()));
        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).startsWith("smallrye.jwt.sign.key.location is the development JWT key"));
        assertRefused("smallrye.jwt.sign.key", Files.readString(DEV_JWT.resolve("private.pem")));
    }

    @Test
    void shouldAcceptSecretsOfOnesOwn() {
        assertEquals(List.of(), violations(Map.of(
                "tend.notification.unsubscribe.signing-key", "a-long-random-secret-of-our-own-1",
                "tend.notification.sms.auth-token", "0f9e8d7c6b5a49382716",
                "mp.jwt.verify.issuer", "https://id.clinic.example",
                "mp.jwt.verify.publickey.location", "https://id.clinic.example/.well-known/jwks.json")));
    }

    @Test
    void shouldSayNothingAboutSettingsAServiceDoesNotHave() {
        assertEquals(List.of(), violations(Map.of()));
    }

    @Test
    void shouldReadSecretsFromADirectoryOfFilesNamedBySetting(@TempDir Path secrets) throws IOException {
        // A Kubernetes Secret mounted as a volume: one file per key, the file's content its value.
        Files.writeString(secrets.resolve("tend.notification.ratings.signing-key"), "tend-dev-rating-key-change-me\n");
        Files.writeString(secrets.resolve("tend.notification.unsubscribe.signing-key"), "from-a-file-not-the-default");
        // Above application.properties (250), where a development value may be written.
        Files.writeString(secrets.resolve("config_ordinal"), "270");
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors().addDiscoveredSources()
                .withSources(new PropertiesConfigSource(Map.of(
                        "smallrye.config.source.file.locations", secrets.toString(),
                        "tend.notification.unsubscribe.signing-key", "tend-dev-unsubscribe-key-change-me"), "application.properties", 250))
                .build();

        assertEquals(Optional.of("from-a-file-not-the-default"),
                config.getOptionalValue("tend.notification.unsubscribe.signing-key", String.class));
        List<String> violations = violations(config);
        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).startsWith("tend.notification.ratings.signing-key holds a development value"));
    }

    private static void assertRefused(String setting, String developmentValue) {
        List<String> violations = violations(Map.of(setting, developmentValue));
        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).startsWith(setting + " "), violations.get(0));
    }

    private static List<String> violations(Map<String, String> settings) {
        return violations(new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(settings, "test", 300)).build());
    }

    private static List<String> violations(SmallRyeConfig config) {
        return DevelopmentSecrets.RULES.stream().flatMap(rule -> rule.violation(config).stream()).toList();
    }
}
