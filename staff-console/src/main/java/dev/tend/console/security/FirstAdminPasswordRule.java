package dev.tend.console.security;

import dev.tend.platform.security.secrets.SecretRule;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;

import java.util.Optional;
import java.util.Set;

/**
 * In production the first admin's password must be given, must not be a default from Tend's own files, and must pass
 * the same {@link PasswordPolicy} as every other account's: whoever knows it is an admin.
 */
@ApplicationScoped
public class FirstAdminPasswordRule implements SecretRule {

    static final String SETTING = "tend.console.first-admin.password";
    /** Defaults that appear in Tend's own files (docker compose, documentation). */
    static final Set<String> KNOWN_DEFAULTS = Set.of("change-this-admin-password", "change-me", "admin");

    private final PasswordPolicy passwords;

    public FirstAdminPasswordRule(PasswordPolicy passwords) {
        this.passwords = passwords;
    }

    @Override
    public Optional<String> violation(Config config) {
        Optional<String> password = config.getOptionalValue(SETTING, String.class);
        if (password.isEmpty() || password.get().isBlank()) {
            return Optional.of(SETTING + " is not set: give the first admin a password of your own "
                    + "(TEND_CONSOLE_FIRST_ADMIN_PASSWORD, or a file named " + SETTING + " in a secrets directory)");
        }
        if (KNOWN_DEFAULTS.contains(password.get().trim())) {
            return Optional.of(SETTING + " is a default from Tend's own files: give the first admin a password of your own");
        }
        String username = config.getOptionalValue("tend.console.first-admin.username", String.class).orElse("admin");
        return passwords.refusal(username, password.get())
                .map(why -> SETTING + " is too weak: " + why);
    }
}
