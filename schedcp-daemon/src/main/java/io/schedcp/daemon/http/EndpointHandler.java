package io.schedcp.daemon.http;

/** What an endpoint does: a thin translation of one request onto the library. */
@FunctionalInterface
public interface EndpointHandler {

    /**
     * @throws io.schedcp.api.SchedcpException for the library's failures, whose kind picks the status
     * @throws ApiError for failures of the HTTP layer (a conflict, say)
     */
    ApiResponse handle(ApiRequest request) throws Exception;
}
