package io.schedcp.daemon.http;

import io.schedcp.daemon.auth.Access;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The endpoints of the API, in the order they were added: the one table that both the handler and the OpenAPI
 * document are made from, so that the document cannot drift from what is served.
 */
public final class Routes {

    private final List<Route> routes = new ArrayList<>();

    /** Adds an endpoint that takes no body and answers 200. */
    public Routes add(String method, String template, Access access, String summary, EndpointHandler handler) {
        return add(new Route(method, template, access, summary, Optional.empty(), 200, handler));
    }

    /**
     * Adds {@code route}; a second route for the same method and template, or for a template that matches the
     * same paths ({@code /jobs/{id}} and {@code /jobs/{name}}), is a programming error.
     */
    public Routes add(Route route) {
        for (Route r : routes) {
            if (r.method().equals(route.method()) && r.shape().equals(route.shape())) {
                throw new IllegalArgumentException("two routes for " + route.method() + " " + route.template()
                        + (r.template().equals(route.template()) ? "" : " (and " + r.template() + ")")
                        + ": the second would never be served; give it another path or method");
            }
        }
        routes.add(route);
        return this;
    }

    public List<Route> all() {
        return List.copyOf(routes);
    }

    /** A route and the path parameters it took from {@code path}. */
    record Match(Route route, Map<String, String> parameters) {}

    /**
     * The route for {@code method} and {@code path}, if there is one; of two that match, the one with a literal
     * segment where the other has a parameter.
     */
    Optional<Match> find(String method, String path) {
        Match best = null;
        for (Route route : routes) {
            if (route.method().equals(method)) {
                Optional<Map<String, String>> parameters = route.match(path);
                if (parameters.isPresent() && (best == null || route.isMoreSpecificThan(best.route()))) {
                    best = new Match(route, parameters.get());
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The methods the routes take for {@code path}: empty when no route has that path. */
    Set<String> methodsFor(String path) {
        Set<String> methods = new TreeSet<>();
        for (Route route : routes) {
            if (route.match(path).isPresent()) {
                methods.add(route.method());
            }
        }
        return methods;
    }
}
