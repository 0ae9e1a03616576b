package dev.tend.customer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "tend.customer")
public interface CustomerConfig {

    /** Where this service is reached from outside; pet photo URLs in events start with it. */
    @WithDefault("http://localhost:8081")
    String publicBaseUrl();

    /** The region phone numbers without a country code belong to, when the customer has no address. */
    @WithDefault("US")
    String defaultPhoneRegion();

    /** The largest pet photo accepted. */
    @WithDefault("5242880")
    int photoMaxBytes();
}
