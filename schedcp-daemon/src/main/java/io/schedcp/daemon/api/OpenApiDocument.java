package io.schedcp.daemon.api;

import io.schedcp.daemon.auth.Access;
import io.schedcp.daemon.http.Route;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI 3 document of the API, made from the route table that the handler serves, so that it lists what
 * is served and nothing else: each route's method, path, parameters, body, success status and the token it
 * needs.
 */
final class OpenApiDocument {

    static final String VERSION = "3.0.3";

    private OpenApiDocument() {}

    static Map<String, Object> of(List<Route> routes, String version) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", VERSION);
        doc.put(
                "info",
                Map.of(
                        "title",
                        "schedcp daemon",
                        "version",
                        version,
                        "description",
                        "One owner of the sched_ext scheduler of this host. Every endpoint but /healthz needs"
                                + " 'Authorization: Bearer TOKEN': the token of $SCHEDCP_HOME/daemon.token for everything,"
                                + " or that of daemon.readonly.token to read. Errors are {\"error\": {\"kind\", \"message\"}}."));
        doc.put(
                "components",
                Map.of(
                        "securitySchemes", Map.of("bearer", Map.of("type", "http", "scheme", "bearer")),
                        "schemas", Map.of("Error", errorSchema())));
        doc.put("security", List.of(Map.of("bearer", List.of())));
        Map<String, Object> paths = new LinkedHashMap<>();
        for (Route route : routes) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item =
                    (Map<String, Object>) paths.computeIfAbsent(route.template(), t -> new LinkedHashMap<>());
            item.put(route.method().toLowerCase(java.util.Locale.ROOT), operation(route));
        }
        doc.put("paths", paths);
        return doc;
    }

    private static Map<String, Object> operation(Route route) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("summary", route.summary());
        op.put("operationId", operationId(route));
        if (route.access() == Access.PUBLIC) {
            op.put("security", List.of());
        }
        op.put("x-schedcp-access", route.access().name().toLowerCase(java.util.Locale.ROOT));
        if (!route.parameters().isEmpty()) {
            op.put(
                    "parameters",
                    route.parameters().stream()
                            .map(name -> Map.of(
                                    "name", name, "in", "path", "required", true, "schema", Map.of("type", "string")))
                            .toList());
        }
        route.requestBody()
                .ifPresent(example -> op.put(
                        "requestBody",
                        Map.of(
                                "required",
                                true,
                                "content",
                                Map.of(
                                        "application/json",
                                        Map.of("schema", Map.of("type", "object"), "example", example)))));
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put(String.valueOf(route.successStatus()), Map.of("description", "Success."));
        Map<String, Object> error = Map.of(
                "description",
                "An error: the kind and the fact.",
                "content",
                Map.of("application/json", Map.of("schema", Map.of("$ref", "#/components/schemas/Error"))));
        if (route.access() != Access.PUBLIC) {
            responses.put("401", error);
        }
        if (route.access() == Access.WRITE) {
            responses.put("403", error);
        }
        responses.put("default", error);
        op.put("responses", responses);
        return op;
    }

    /** {@code get_api_v1_schedulers_name}: unique, since a method and a template make one route. */
    static String operationId(Route route) {
        return (route.method() + route.template())
                .toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_")
                .replaceAll("_+$", "");
    }

    private static Map<String, Object> errorSchema() {
        return Map.of(
                "type", "object",
                "required", List.of("error"),
                "properties",
                        Map.of(
                                "error",
                                Map.of(
                                        "type", "object",
                                        "required", List.of("kind", "message"),
                                        "properties",
                                                Map.of(
                                                        "kind", Map.of("type", "string"),
                                                        "message", Map.of("type", "string")))));
    }
}
