package dev.tend.console.security;

import dev.tend.console.Role;
import dev.tend.console.StaffAccount;
import dev.tend.console.StaffSession;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** Who is signed in for this request (set by {@link AccessFilter}); templates read it as {@code inject:me}. */
@Named("me")
@RequestScoped
public class CurrentStaff {

    private StaffAccount account;
    private StaffSession session;
    private String serviceToken;

    void signedIn(StaffAccount account, StaffSession session) {
        this.account = account;
        this.session = session;
    }

    public boolean isSignedIn() {
        return account != null;
    }

    public boolean isAdmin() {
        return account != null && account.isAdmin();
    }

    public boolean has(Role role) {
        return account != null && account.roles.contains(role.value());
    }

    public String getUsername() {
        return account == null ? null : account.username;
    }

    public String getDisplayName() {
        return account == null ? null : account.displayName;
    }

    public String getTeam() {
        return account == null ? null : account.team;
    }

    /** The session's CSRF token, for every form's hidden field. */
    public String getCsrfToken() {
        return session == null ? null : session.csrfToken;
    }

    public StaffAccount account() {
        return account;
    }

    String cachedServiceToken() {
        return serviceToken;
    }

    void cacheServiceToken(String token) {
        this.serviceToken = token;
    }
}
