package dev.tend.platform.security.secrets;

import org.eclipse.microprofile.config.Config;

import java.util.Optional;
import java.util.Set;

/** A setting must not hold one of the values that development, the tests or the documentation use. */
public record DevelopmentValueRule(String setting, Set<String> developmentValues) implements SecretRule {

    public DevelopmentValueRule(String setting, String... developmentValues) {
        this(setting, Set.of(developmentValues));
    }

    @Override
    public Optional<String> violation(Config config) {
        return config.getOptionalValue(setting, String.class)
                .filter(value -> developmentValues.contains(value.trim()))
                .map(value -> setting + " holds a development value: set a secret of your own ("
                        + ProductionSecretsCheck.environmentName(setting) + ", or a file named " + setting
                        + " in a secrets directory)");
    }
}
