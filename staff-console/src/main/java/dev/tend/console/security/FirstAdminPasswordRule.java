package dev.tend.console.security;

import dev.tend.console.config.ConsoleConfig;
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

    private final ConsoleConfig console;
    private final PasswordPolicy passwords;

    public FirstAdminPasswordRule(ConsoleConfig console, PasswordPolicy passwords) {
        this.console = console;
        this.passwords = passwords;
    }

    @Override
    public Optional<String> violation(Config config) {
        Optional<String> password = console.firstAdmin().password();
        if (password.isEmpty() || password.get().isBlank()) {
            return Optional.of(SETTING + " is not set: give the first admin a password of your own "
                    + "(TEND_CONSOLE_FIRST_ADMIN_PASSWORD, or a file named " + SETTING + " in a secrets directory)");
        }
        if (KNOWN_DEFAULTS.contains(password.get().trim())) {
            return Optional.of(SETTING + " is a default from Tend's own files: give the first admin a password of your own");
        }
        return passwords.refusal(console.firstAdmin().username(), password.get())
                .map(why -> SETTING + " is too weak: " + why);
    }
}
