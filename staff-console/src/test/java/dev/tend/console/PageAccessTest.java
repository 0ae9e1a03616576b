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

    @Test
    void shouldLetStaffWorkTheInboxAndKeepTemplatePreviewsForAdmin() {
        assertEquals(Optional.of(Role.STAFF), PageAccess.required("/inbox"));
        assertEquals(Optional.of(Role.STAFF), PageAccess.required("/inbox/replies/3f1c/answer"));
        assertEquals(Optional.of(Role.STAFF), PageAccess.required("/inbox/unmatched/3f1c/link"));
        assertEquals(Optional.of(Role.ADMIN), PageAccess.required("/templates"));
        assertEquals(Optional.of(Role.ADMIN), PageAccess.required("/templates/EMAIL/visit-thank-you"));
    }
}
