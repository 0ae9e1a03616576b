package dev.tend.console.clients;

import dev.tend.console.security.CurrentStaff;
import dev.tend.console.security.ServiceTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/** Every call to a service carries the signed-in person's own short-lived token. */
@ApplicationScoped
public class ServiceAuthorization implements ClientHeadersFactory {

    private final ServiceTokens tokens;
    private final CurrentStaff staff;

    public ServiceAuthorization(ServiceTokens tokens, CurrentStaff staff) {
        this.tokens = tokens;
        this.staff = staff;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle("Authorization", "Bearer " + tokens.forCurrent(staff));
        return headers;
    }
}
