package dev.tend.platform.security.secrets;

import dev.tend.platform.security.SecurityConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Refuses to start while any secret holds a development value ({@link DevelopmentSecrets}, and the rules a service
 * adds as beans), with a message naming each such setting, before anything else observes start-up. Where
 * {@code tend.security.refuse-development-secrets} is off (the dev and test profiles, local systems) it only warns.
 */
@ApplicationScoped
public class ProductionSecretsCheck {

    private static final Logger LOG = Logger.getLogger(ProductionSecretsCheck.class);

    private final SecurityConfig security;
    private final Config config;
    private final Instance<SecretRule> serviceRules;

    public ProductionSecretsCheck(SecurityConfig security, Config config, Instance<SecretRule> serviceRules) {
        this.security = security;
        this.config = config;
        this.serviceRules = serviceRules;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start) {
        List<String> violations = violations();
        if (violations.isEmpty()) {
            return;
        }
        if (security.refuseDevelopmentSecrets()) {
            throw new IllegalStateException("Refusing to start with development secrets:\n  - "
                    + String.join("\n  - ", violations));
        }
        LOG.warnf("Starting with development secrets (tend.security.refuse-development-secrets=false): %s", violations);
    }

    /** What is wrong, one line per setting. */
    public List<String> violations() {
        List<String> violations = new ArrayList<>();
        Stream.concat(DevelopmentSecrets.RULES.stream(), serviceRules.stream())
                .forEach(rule -> rule.violation(config).ifPresent(violations::add));
        return violations;
    }

    /** The environment variable that sets {@code setting}. */
    static String environmentName(String setting) {
        return setting.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
