package dev.tend.platform.security.secrets;

import org.eclipse.microprofile.config.Config;

import java.util.Optional;

/**
 * One rule about one secret: empty when the setting is fine for production, otherwise why not, naming the setting.
 * A rule whose setting this service does not have says nothing. Services add their own rules as CDI beans.
 */
public interface SecretRule {

    Optional<String> violation(Config config);
}
