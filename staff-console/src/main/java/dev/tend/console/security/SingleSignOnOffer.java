package dev.tend.console.security;

import dev.tend.console.config.SingleSignOnConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** Whether the sign-in page offers single sign-on, and by what name; templates read it as {@code inject:singleSignOn}. */
@Named("singleSignOn")
@ApplicationScoped
public class SingleSignOnOffer {

    private final SingleSignOnConfig config;

    public SingleSignOnOffer(SingleSignOnConfig config) {
        this.config = config;
    }

    public boolean isEnabled() {
        return config.enabled();
    }

    public String getProviderName() {
        return config.providerName();
    }
}
