package dev.tend.console.security;

import dev.tend.console.Role;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which role each page and action needs, in one place: the sign-in pages, static files and health are open;
 * the admin pages (accounts, playbooks, templates) and approving a print job need {@code admin}; everything
 * else needs {@code staff}.
 */
public final class PageAccess {

    private static final Pattern OPEN = Pattern.compile("^/(sign-in|sign-in/oidc|_static/.*|static/.*|q/.*|favicon\\.ico)$");
    private static final Pattern ADMIN = Pattern.compile("^/(admin(/.*)?|playbooks(/.*)?|templates(/.*)?|postcards/[^/]+/approve)$");

    private PageAccess() {
    }

    /** The role the path needs, or empty when it is open to anyone. */
    public static Optional<Role> required(String path) {
        if (OPEN.matcher(path).matches()) {
            return Optional.empty();
        }
        return Optional.of(ADMIN.matcher(path).matches() ? Role.ADMIN : Role.STAFF);
    }
}
