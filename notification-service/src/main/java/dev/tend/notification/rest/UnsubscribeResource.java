package dev.tend.notification.rest;

import dev.tend.notification.consent.OptOuts;
import dev.tend.notification.email.UnsubscribePages;
import dev.tend.notification.email.UnsubscribeTokens;
import dev.tend.platform.rest.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The link in every email's List-Unsubscribe header and footer. A POST unsubscribes at once (RFC 8058 one-click,
 * sent by the mail client with the body {@code List-Unsubscribe=One-Click}); a GET, which link scanners also make,
 * only shows a page with the button, so a scanner never unsubscribes anyone. The signed token is the credential.
 */
@PermitAll
@Path("/unsubscribe/{token}")
public class UnsubscribeResource {

    private final UnsubscribeTokens tokens;
    private final OptOuts optOuts;
    private final UnsubscribePages pages;

    public UnsubscribeResource(UnsubscribeTokens tokens, OptOuts optOuts, UnsubscribePages pages) {
        this.tokens = tokens;
        this.optOuts = optOuts;
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String confirm(@RestPath String token) {
        return pages.confirm(verify(token));
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public String unsubscribe(@RestPath String token) {
        UnsubscribeTokens.Subject subject = verify(token);
        optOuts.unsubscribeEmail(subject.customerId(), subject.address());
        return pages.done(subject);
    }

    private UnsubscribeTokens.Subject verify(String token) {
        return tokens.verify(token).orElseThrow(() ->
                new ProblemException(403, "Forbidden", "This unsubscribe link is not valid", "token"));
    }
}
