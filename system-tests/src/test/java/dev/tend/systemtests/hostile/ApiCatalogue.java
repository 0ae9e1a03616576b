package dev.tend.systemtests.hostile;

import java.util.List;

/** One service's API as the generator sees it, aimed at fixture entities that must come out unchanged. */
public interface ApiCatalogue {

    String service();

    /** {@code quarkus.http.limits.max-body-size} of the service. */
    int bodyLimitBytes();

    /** Operations with a JSON body: the generator breaks their bodies, content types and tokens. */
    List<Endpoint> bodyEndpoints();

    /** Everything else: bad path ids, bad query parameters, bad headers, non-JSON operations. */
    List<HostileRequest> otherRequests(Requests requests);
}
