package dev.tend.console.web;

import dev.tend.console.security.Accounts;
import dev.tend.console.security.CurrentStaff;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Admins create the other staff accounts. */
@Path("/admin/accounts")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class AccountsResource {

    private final Accounts accounts;
    private final CurrentStaff staff;

    public AccountsResource(Accounts accounts, CurrentStaff staff) {
        this.accounts = accounts;
        this.staff = staff;
    }

    @GET
    public TemplateInstance page(@RestQuery String created) {
        return Pages.accounts(accounts.all(), Pages.AccountForm.empty(), created);
    }

    @POST
    public Response create(@RestForm String username, @RestForm String displayName, @RestForm String password,
                           @RestForm String team, @RestForm String role) {
        boolean admin = "admin".equals(role);
        Accounts.Created created = accounts.create(new Accounts.NewAccount(username, displayName, password, admin, team),
                staff.getUsername());
        if (created.account() == null) {
            Pages.AccountForm form = new Pages.AccountForm(username, displayName, team, admin, created.errors());
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Pages.accounts(accounts.all(), form, null).render()).build();
        }
        return Response.seeOther(URI.create("/admin/accounts?created="
                + URLEncoder.encode(created.account().username, StandardCharsets.UTF_8))).build();
    }
}
