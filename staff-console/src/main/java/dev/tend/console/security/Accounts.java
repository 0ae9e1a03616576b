package dev.tend.console.security;

import dev.tend.console.Role;
import dev.tend.console.SignInAttempt;
import dev.tend.console.StaffAccount;
import dev.tend.console.config.ConsoleConfig;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The console's own staff accounts: the first admin from configuration, the others created by admins. */
@ApplicationScoped
public class Accounts {

    private static final Logger LOG = Logger.getLogger(Accounts.class);
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,99}");
    private static final Pattern TEAM = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    /** Compared against when the username is unknown, so a wrong username takes as long as a wrong password. */
    private static final String NO_SUCH_ACCOUNT_HASH = BcryptUtil.bcryptHash("no such account, no such password");

    /** What an admin asks for; {@code errors} maps a form field to its message. */
    public record NewAccount(String username, String displayName, String password, boolean admin, String team) {
    }

    public record Created(StaffAccount account, Map<String, String> errors) {
    }

    /** The outcome of a sign-in: the account, or a message for the form (never saying which part was wrong). */
    public record SignInResult(StaffAccount account, String refusal) {
    }

    private final ConsoleConfig config;
    private final PasswordPolicy passwords;
    private final SignInPolicy signIns;
    private final Clock clock;

    public Accounts(ConsoleConfig config, PasswordPolicy passwords, SignInPolicy signIns, Clock clock) {
        this.config = config;
        this.passwords = passwords;
        this.signIns = signIns;
        this.clock = clock;
    }

    @Transactional
    void createFirstAdmin(@Observes StartupEvent start) {
        if (StaffAccount.count() > 0) {
            return;
        }
        if (config.firstAdmin().password().isEmpty()) {
            LOG.warn("No staff account exists and tend.console.first-admin.password is not set: nobody can sign in");
            return;
        }
        StaffAccount admin = new StaffAccount();
        admin.username = config.firstAdmin().username();
        admin.displayName = "Administrator";
        admin.passwordHash = BcryptUtil.bcryptHash(config.firstAdmin().password().get());
        admin.roles = List.of(Role.STAFF.value(), Role.ADMIN.value());
        admin.team = config.defaultTeam();
        admin.createdAt = clock.instant();
        admin.persist();
        LOG.infof("Created the first admin account '%s' from configuration", admin.username);
    }

    @Transactional
    public Created create(NewAccount request, String by) {
        Map<String, String> errors = new LinkedHashMap<>();
        String username = request.username() == null ? "" : request.username().trim().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(username).matches()) {
            errors.put("username", "Enter a username of 2 to 100 lower-case letters, digits, dots, dashes or underscores");
        } else if (StaffAccount.findById(username) != null) {
            errors.put("username", "An account with this username already exists");
        }
        String displayName = request.displayName() == null ? "" : request.displayName().trim();
        if (displayName.isEmpty() || displayName.length() > 200) {
            errors.put("displayName", "Enter the person's name (at most 200 characters)");
        }
        String team = request.team() == null || request.team().isBlank() ? config.defaultTeam() : request.team().trim();
        if (!TEAM.matcher(team).matches()) {
            errors.put("team", "Enter a team of lower-case letters, digits or dashes, like front-desk");
        }
        passwords.refusal(username, request.password()).ifPresent(message -> errors.put("password", message));
        if (!errors.isEmpty()) {
            return new Created(null, errors);
        }
        StaffAccount account = new StaffAccount();
        account.username = username;
        account.displayName = displayName;
        account.passwordHash = BcryptUtil.bcryptHash(request.password());
        List<String> roles = new ArrayList<>(List.of(Role.STAFF.value()));
        if (request.admin()) {
            roles.add(Role.ADMIN.value());
        }
        account.roles = roles;
        account.team = team;
        account.createdAt = clock.instant();
        account.createdBy = by;
        account.persist();
        return new Created(account, Map.of());
    }

    public List<StaffAccount> all() {
        return StaffAccount.listAll(io.quarkus.panache.common.Sort.by("username"));
    }

    /** Checks the password unless the account or address is locked; records the attempt either way. */
    @Transactional
    public SignInResult signIn(String rawUsername, String password, String address) {
        String username = rawUsername == null ? "" : rawUsername.trim().toLowerCase(Locale.ROOT);
        SignInPolicy.Decision decision = signIns.decide(username, address);
        if (!decision.allowed()) {
            record(username, address, false);
            return new SignInResult(null, decision.reason());
        }
        StaffAccount account = StaffAccount.findById(username);
        boolean matches = BcryptUtil.matches(password == null ? "" : password,
                account == null ? NO_SUCH_ACCOUNT_HASH : account.passwordHash);
        boolean succeeded = account != null && matches;
        record(username, address, succeeded);
        return succeeded ? new SignInResult(account, null)
                : new SignInResult(null, "The username or password is not right");
    }

    private void record(String username, String address, boolean succeeded) {
        SignInAttempt attempt = new SignInAttempt();
        attempt.username = username.length() > 100 ? username.substring(0, 100) : username;
        attempt.address = address;
        attempt.at = clock.instant();
        attempt.succeeded = succeeded;
        attempt.persist();
    }
}
