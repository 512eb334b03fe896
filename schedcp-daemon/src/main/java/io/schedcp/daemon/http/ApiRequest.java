package io.schedcp.daemon.http;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.json.SchedcpJson;
import io.schedcp.daemon.auth.Access;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;

/**
 * One request as an endpoint sees it: the path's parameters by the names of its template, the query, and the
 * body, read as JSON on demand.
 *
 * @param method the HTTP method
 * @param path the path, without the query
 * @param pathParameters the values of the template's {@code {name}} segments
 * @param query the query's parameters (the first value of each)
 * @param body the body as text; empty when there is none
 * @param access what the caller's token allows
 */
public record ApiRequest(
        String method,
        String path,
        Map<String, String> pathParameters,
        Map<String, String> query,
        String body,
        Access access) {

    public ApiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        pathParameters = Map.copyOf(pathParameters);
        query = Map.copyOf(query);
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(access, "access");
    }

    /** The path parameter {@code name}, which the route's template has. */
    public String path(String name) {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new IllegalStateException("the route has no path parameter " + name);
        }
        return value;
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name));
    }

    /**
     * The body as a {@code type}, in the snake_case JSON of every schedcp answer.
     *
     * @throws SchedcpException INVALID_INPUT when there is no body or it is not that JSON, saying what is wrong
     */
    public <T> T body(Class<T> type, String what) {
        if (body.isBlank()) {
            throw new SchedcpException(Kind.INVALID_INPUT, method + " " + path + " needs a JSON body: " + what);
        }
        try {
            T value = SchedcpJson.mapper().readValue(body, type);
            if (value == null) {
                throw new SchedcpException(Kind.INVALID_INPUT, "the body is null; send " + what);
            }
            return value;
        } catch (JacksonException e) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT,
                    "the body of " + method + " " + path + " is not " + what + ": " + e.getOriginalMessage(),
                    e);
        }
    }
}
