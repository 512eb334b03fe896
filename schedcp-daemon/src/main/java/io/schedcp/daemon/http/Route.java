package io.schedcp.daemon.http;

import io.schedcp.daemon.auth.Access;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One endpoint: a method and a path template such as {@code /api/v1/schedulers/{name}}, the token it needs, what
 * it does in a sentence (for the OpenAPI document), and its handler.
 *
 * @param method the HTTP method
 * @param template the path, with {@code {name}} for each parameter segment
 * @param access the token it needs
 * @param summary what it does, for the OpenAPI document
 * @param requestBody what its JSON body is, for the document; empty when it takes none
 * @param successStatus the status of its success, for the document
 * @param handler what it does
 */
public record Route(
        String method,
        String template,
        Access access,
        String summary,
        Optional<String> requestBody,
        int successStatus,
        EndpointHandler handler) {

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(template, "template");
        // Jetty hands over the method as sent, in capitals; a route for "get" would never be found.
        if (!method.matches("[A-Z]+")) {
            throw new IllegalArgumentException("a route's method is in capitals, such as GET: " + method);
        }
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("a route's template starts with /: " + template);
        }
        if (!template.equals("/") && (template.endsWith("/") || template.contains("//"))) {
            throw new IllegalArgumentException(
                    "a route's template has no empty segment and no trailing slash (a path may have one): " + template);
        }
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(requestBody, "requestBody");
        Objects.requireNonNull(handler, "handler");
    }

    /** The names of the template's parameters, in order. */
    public List<String> parameters() {
        List<String> names = new ArrayList<>();
        for (String segment : segments(template)) {
            if (isParameter(segment)) {
                names.add(segment.substring(1, segment.length() - 1));
            }
        }
        return names;
    }

    /**
     * The template with each parameter written {@code {}}: two routes of one method and one shape would match
     * the same paths, whatever their parameters are named.
     */
    String shape() {
        StringBuilder shape = new StringBuilder();
        for (String segment : segments(template)) {
            shape.append('/').append(isParameter(segment) ? "{}" : segment);
        }
        return shape.toString();
    }

    /**
     * Whether this route is to be preferred to {@code other} for a path both match: the first segment where
     * they differ is a literal here and a parameter there ({@code /jobs/latest} before {@code /jobs/{id}}),
     * whichever was added first.
     */
    boolean isMoreSpecificThan(Route other) {
        String[] mine = segments(template);
        String[] theirs = segments(other.template);
        for (int i = 0; i < Math.min(mine.length, theirs.length); i++) {
            boolean mineIsParameter = isParameter(mine[i]);
            if (mineIsParameter != isParameter(theirs[i])) {
                return !mineIsParameter;
            }
        }
        return false;
    }

    /** The template's parameters taken from {@code path}, or empty when the path is not this template's. */
    Optional<Map<String, String>> match(String path) {
        String[] want = segments(template);
        String[] have = segments(path);
        if (want.length != have.length) {
            return Optional.empty();
        }
        Map<String, String> values = new TreeMap<>();
        for (int i = 0; i < want.length; i++) {
            if (isParameter(want[i])) {
                if (have[i].isEmpty()) {
                    return Optional.empty();
                }
                values.put(want[i].substring(1, want[i].length() - 1), have[i]);
            } else if (!want[i].equals(have[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(values);
    }

    private static String[] segments(String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.substring(1).split("/", -1);
    }

    private static boolean isParameter(String segment) {
        return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
    }
}
