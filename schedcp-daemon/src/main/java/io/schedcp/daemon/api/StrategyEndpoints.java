package io.schedcp.daemon.api;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.json.SchedcpJson;
import io.schedcp.daemon.auth.Access;
import io.schedcp.daemon.http.ApiError;
import io.schedcp.daemon.http.ApiRequest;
import io.schedcp.daemon.http.ApiResponse;
import io.schedcp.daemon.http.Route;
import io.schedcp.daemon.http.Routes;
import io.schedcp.userspace.control.PolicyControl;
import io.schedcp.userspace.strategy.Strategy;
import io.schedcp.userspace.strategy.StrategyJson;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v1/scheduling/strategies}, Gthulhu's path: the strategies the running scx_userspace's
 * {@code strategies} policy follows, listed and changed while it schedules, through its agent's socket. A strategy
 * is written as strategy files and the agent's socket write it ({@link StrategyJson}):
 * {@code {"id": "web", "match": {"comm": "^nginx"}, "priority": true, "slice_us": 2000}}. 503 when no
 * scx_userspace runs; 400 when it runs another policy.
 */
final class StrategyEndpoints {

    static final String START = "start it with POST /api/v1/execution {\"name\": \"scx_userspace\", \"args\":"
            + " [\"--policy\", \"strategies\"]}";

    private static final String EXAMPLE =
            "{\"id\": \"web\", \"match\": {\"comm\": \"^nginx\"}, \"priority\": true, \"slice_us\": 2000}";

    /** The answer to a POST or PUT: the strategy as the policy now holds it, and the book's generation. */
    record Applied(JsonNode strategy, long generation) {}

    /** The list, in the order the policy tries them. */
    record Listing(JsonNode strategies) {}

    /** The answer to a DELETE. */
    record Removed(String removed) {}

    private StrategyEndpoints() {}

    static void register(Routes routes, PolicyControl control) {
        routes.add(
                "GET",
                "/api/v1/scheduling/strategies",
                Access.READ,
                "The strategies the running scx_userspace follows, in the order they are tried. 503 when it does"
                        + " not run.",
                request -> ApiResponse.ok(new Listing(tree(StrategyJson.write(advised(control::strategies))))));
        routes.add(new Route(
                "POST",
                "/api/v1/scheduling/strategies",
                Access.WRITE,
                "Adds a strategy at the end; the policy follows it from its next decision. 409 when one has its id"
                        + " (PUT replaces).",
                Optional.of(EXAMPLE),
                201,
                request -> {
                    Strategy strategy = strategy(request, Optional.empty());
                    if (advised(control::strategies).stream().anyMatch(s -> s.id().equals(strategy.id()))) {
                        throw new ApiError(
                                409,
                                "CONFLICT",
                                "scx_userspace holds a strategy " + strategy.id() + " already; replace it with PUT"
                                        + " /api/v1/scheduling/strategies/" + strategy.id() + ", or give another id");
                    }
                    long generation = advised(() -> control.put(strategy));
                    return new ApiResponse(
                            201, new Applied(tree(StrategyJson.write(strategy)), generation), ApiResponse.JSON);
                }));
        routes.add(new Route(
                "PUT",
                "/api/v1/scheduling/strategies/{id}",
                Access.WRITE,
                "Replaces the strategy {id} where it stands, or adds it at the end; the body's id, if given, must be"
                        + " {id}.",
                Optional.of(EXAMPLE),
                200,
                request -> {
                    Strategy strategy = strategy(request, Optional.of(request.path("id")));
                    long generation = advised(() -> control.put(strategy));
                    return ApiResponse.ok(new Applied(tree(StrategyJson.write(strategy)), generation));
                }));
        routes.add(
                "DELETE",
                "/api/v1/scheduling/strategies/{id}",
                Access.WRITE,
                "Removes the strategy {id}; 404 when there is none.",
                request -> {
                    String id = request.path("id");
                    if (!advised(() -> control.remove(id))) {
                        throw new SchedcpException(
                                Kind.NOT_FOUND,
                                "scx_userspace holds no strategy " + id
                                        + "; GET /api/v1/scheduling/strategies lists those it holds");
                    }
                    return ApiResponse.ok(new Removed(id));
                });
    }

    /**
     * The body's strategy. With {@code id} (a PUT), the body may leave its id out, and may not give another.
     */
    private static Strategy strategy(ApiRequest request, Optional<String> id) {
        if (request.body().isBlank()) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT,
                    request.method() + " " + request.path() + " needs a strategy, such as " + EXAMPLE);
        }
        if (id.isEmpty()) {
            return StrategyJson.read(request.body());
        }
        JsonNode body;
        try {
            body = SchedcpJson.mapper().readTree(request.body());
        } catch (JacksonException e) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT, "the strategy is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (body instanceof ObjectNode object) {
            JsonNode given = object.get("id");
            if (given == null) {
                object.put("id", id.get());
            } else if (!given.isString() || !given.stringValue().equals(id.get())) {
                throw new SchedcpException(
                        Kind.INVALID_INPUT,
                        "the body's id is " + given + " but the path's is " + id.get()
                                + "; leave the body's out, or make them the same");
            }
        }
        return StrategyJson.read(SchedcpJson.line(body));
    }

    private static JsonNode tree(String json) {
        return SchedcpJson.mapper().readTree(json);
    }

    /** The control's answer; "not running" says how to start scx_userspace through this API. */
    private static <T> T advised(Supplier<T> call) {
        try {
            return call.get();
        } catch (SchedcpException e) {
            if (e.kind() != Kind.UNAVAILABLE) {
                throw e;
            }
            throw new SchedcpException(Kind.UNAVAILABLE, e.messageWith(START), e);
        }
    }
}
