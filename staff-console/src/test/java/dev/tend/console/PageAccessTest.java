package dev.tend.console;

import dev.tend.console.security.PageAccess;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PageAccessTest {

    @Test
    void shouldLeaveOnlySignInStaticFilesAndHealthOpen() {
        assertEquals(Optional.empty(), PageAccess.required("/sign-in"));
        assertEquals(Optional.empty(), PageAccess.required("/_static/console.css"));
        assertEquals(Optional.empty(), PageAccess.required("/q/health/ready"));
        assertEquals(Optional.of(Role.STAFF), PageAccess.required("/sign-out"));
        assertEquals(Optional.of(Role.STAFF), PageAccess.required("/"));
        assertEquals(Optional.of(Role.STAFF), PageAccess.required("/sign-in/../today"));
    }

    @Test
    void shouldAskStaffForTheirPagesAndAdminForAdminPagesAndApproval() {
        assertEquals(Optional.of(Role.STAFF), PageAccess.required("/today"));
        assertEquals(Optional.of(Role.STAFF), PageAccess.required("/households/3f1c"));
        assertEquals(Optional.of(Role.STAFF), PageAccess.required("/postcards/3f1c"));
        assertEquals(Optional.of(Role.ADMIN), PageAccess.required("/postcards/3f1c/approve"));
        assertEquals(Optional.of(Role.ADMIN), PageAccess.required("/admin/accounts"));
        assertEquals(Optional.of(Role.ADMIN), PageAccess.required("/playbooks"));
        assertEquals(Optional.of(Role.ADMIN), PageAccess.required("/templates/visit-thank-you"));
        assertEquals(Optional.of(Role.STAFF), PageAccess.required("/administration-notes"));
    }
}
