package dev.tend.console.security;

import dev.tend.console.Role;
import dev.tend.console.config.SingleSignOnConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;

/**
 * Which console roles a person signed in by the OIDC provider gets, from the values of the provider's roles claim:
 * an admin value makes them admin and staff, a staff value staff; with neither they are refused, with the reason.
 */
@ApplicationScoped
public class SingleSignOnRoles {

    /** The roles granted, or a refusal (the reason a person reads) when there are none. */
    public record Decision(List<String> roles, String refusal) {
        public boolean granted() {
            return refusal == null;
        }
    }

    private final SingleSignOnConfig config;

    public SingleSignOnRoles(SingleSignOnConfig config) {
        this.config = config;
    }

    public Decision decide(Collection<String> providerRoles) {
        if (providerRoles.stream().anyMatch(config.adminRoles()::contains)) {
            return new Decision(List.of(Role.STAFF.value(), Role.ADMIN.value()), null);
        }
        if (providerRoles.stream().anyMatch(config.staffRoles()::contains)) {
            return new Decision(List.of(Role.STAFF.value()), null);
        }
        return new Decision(List.of(), "Your account at " + config.providerName() + " has no Tend role (one of "
                + String.join(", ", config.staffRoles()) + " or " + String.join(", ", config.adminRoles())
                + "). Ask whoever runs it to give you one.");
    }
}
