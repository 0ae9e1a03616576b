package dev.tend.console.security;

import dev.tend.console.StaffAccount;
import dev.tend.console.config.ConsoleConfig;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;

/**
 * The console account of a person the OIDC provider signed in: made on their first sign-in, its name and roles
 * refreshed from the provider on every one, so a role taken away at the provider is gone at the next sign-in. Its
 * password is a random one nobody knows, so it can only be used through the provider. A local (password) account
 * of the same name is never taken over.
 */
@ApplicationScoped
public class SingleSignOnAccounts {

    /** What {@code created_by} says for these accounts (no local username can contain a space). */
    public static final String CREATED_BY = "single sign-on";

    /** The account, or why the person may not have one. */
    public record Result(StaffAccount account, String refusal) {
    }

    private final ConsoleConfig config;
    private final Clock clock;

    public SingleSignOnAccounts(ConsoleConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public Result signedIn(String username, String displayName, List<String> roles) {
        if (username == null || username.isBlank() || username.length() > 100) {
            return new Result(null, "The provider did not say who you are in a way Tend can use.");
        }
        StaffAccount account = StaffAccount.findById(username);
        if (account != null && !CREATED_BY.equals(account.createdBy)) {
            return new Result(null, "A Tend account named " + username + " signs in with a password: use it, or ask"
                    + " an admin.");
        }
        if (account == null) {
            account = new StaffAccount();
            account.username = username;
            account.passwordHash = BcryptUtil.bcryptHash(Secrets.randomToken());
            account.team = config.defaultTeam();
            account.createdAt = clock.instant();
            account.createdBy = CREATED_BY;
        }
        account.displayName = displayName == null || displayName.isBlank() ? username : displayName;
        account.roles = roles;
        account.persist();
        return new Result(account, null);
    }
}
