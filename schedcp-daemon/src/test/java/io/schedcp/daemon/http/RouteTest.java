package io.schedcp.daemon.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.daemon.auth.Access;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a route's template matches a path, and how the table finds routes and refuses two for one path. */
class RouteTest {

    private static final EndpointHandler NOTHING = request -> ApiResponse.ok(Map.of());

    private static Route route(String method, String template) {
        return new Route(method, template, Access.READ, "a test route", Optional.empty(), 200, NOTHING);
    }

    @Test
    void aParameterSegmentTakesTheValueOfThePath() {
        Route route = route("GET", "/api/v1/schedulers/{name}");

        assertThat(route.match("/api/v1/schedulers/scx_simple")).contains(Map.of("name", "scx_simple"));
        assertThat(route.parameters()).containsExactly("name");
    }

    @Test
    void everyParameterIsTakenByItsName() {
        Route route = route("GET", "/api/v1/groups/{group}/members/{pid}");

        assertThat(route.match("/api/v1/groups/web/members/4242")).contains(Map.of("group", "web", "pid", "4242"));
        assertThat(route.parameters()).containsExactly("group", "pid");
    }

    @Test
    void aLiteralTemplateMatchesItselfAndNothingElse() {
        Route route = route("GET", "/api/v1/schedulers");

        assertThat(route.match("/api/v1/schedulers")).contains(Map.of());
        assertThat(route.parameters()).isEmpty();
        assertThat(route.match("/api/v2/schedulers")).isEmpty();
        assertThat(route.match("/api/v1/scheduler")).isEmpty();
        assertThat(route.match("/api/v1/schedulers/scx_simple")).isEmpty();
        assertThat(route.match("/api/v1")).isEmpty();
        assertThat(route.match("/")).isEmpty();
    }

    @Test
    void aLiteralSegmentBesideAParameterMustMatchToo() {
        Route route = route("GET", "/api/v1/schedulers/{name}");

        assertThat(route.match("/api/v2/schedulers/scx_simple")).isEmpty();
        assertThat(route.match("/api/v1/workloads/scx_simple")).isEmpty();
    }

    @Test
    void aTrailingSlashOnThePathIsIgnored() {
        assertThat(route("GET", "/api/v1/schedulers").match("/api/v1/schedulers/"))
                .contains(Map.of());
        assertThat(route("GET", "/api/v1/schedulers/{name}").match("/api/v1/schedulers/scx_simple/"))
                .contains(Map.of("name", "scx_simple"));
    }

    @Test
    void anEmptySegmentIsNoParameterValueAndNoLiteral() {
        Route parameter = route("GET", "/api/v1/schedulers/{name}");
        Route literal = route("GET", "/api/v1/schedulers");

        assertThat(parameter.match("/api/v1/schedulers//")).isEmpty();
        assertThat(parameter.match("/api/v1//scx_simple")).isEmpty();
        assertThat(literal.match("/api//v1/schedulers")).isEmpty();
        assertThat(literal.match("/api/v1/schedulers//")).isEmpty();
    }

    @Test
    void theRootTemplateMatchesTheRootOnly() {
        Route root = route("GET", "/");

        assertThat(root.match("/")).contains(Map.of());
        assertThat(root.match("/healthz")).isEmpty();
    }

    @Test
    void aTemplateMustStartWithASlashAndHaveNoEmptySegment() {
        assertThatThrownBy(() -> route("GET", "api/v1/schedulers"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("starts with /");
        assertThatThrownBy(() -> route("GET", "/api//schedulers"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/api//schedulers");
        assertThatThrownBy(() -> route("GET", "/api/v1/schedulers/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trailing slash");
    }

    @Test
    void aMethodInSmallLettersIsRefusedSinceItWouldNeverMatch() {
        assertThatThrownBy(() -> route("get", "/healthz"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capitals")
                .hasMessageContaining("get");
    }

    @Test
    void theTableFindsTheRouteOfTheMethodWithItsParameters() {
        Routes routes = new Routes()
                .add(route("GET", "/api/v1/execution"))
                .add(route("POST", "/api/v1/execution"))
                .add(route("GET", "/api/v1/schedulers/{name}"));

        Routes.Match match = routes.find("GET", "/api/v1/schedulers/scx_rusty").orElseThrow();
        assertThat(match.route().template()).isEqualTo("/api/v1/schedulers/{name}");
        assertThat(match.parameters()).containsExactly(Map.entry("name", "scx_rusty"));
        assertThat(routes.find("POST", "/api/v1/execution")
                        .orElseThrow()
                        .route()
                        .method())
                .isEqualTo("POST");
        assertThat(routes.find("DELETE", "/api/v1/execution")).isEmpty();
        assertThat(routes.find("GET", "/api/v1/nothing")).isEmpty();
    }

    @Test
    void methodsForNamesEveryMethodOfAPathInOrder() {
        Routes routes = new Routes()
                .add(route("POST", "/api/v1/execution"))
                .add(route("GET", "/api/v1/execution"))
                .add(route("DELETE", "/api/v1/execution"))
                .add(route("GET", "/api/v1/schedulers/{name}"));

        assertThat(routes.methodsFor("/api/v1/execution")).containsExactly("DELETE", "GET", "POST");
        assertThat(routes.methodsFor("/api/v1/execution/")).containsExactly("DELETE", "GET", "POST");
        assertThat(routes.methodsFor("/api/v1/schedulers/scx_simple")).containsExactly("GET");
        assertThat(routes.methodsFor("/api/v1/nothing")).isEmpty();
    }

    @Test
    void aSecondRouteForOneMethodAndTemplateIsRefused() {
        Routes routes = new Routes().add(route("GET", "/api/v1/execution"));

        assertThatThrownBy(() -> routes.add(route("GET", "/api/v1/execution")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two routes for GET /api/v1/execution");
        routes.add(route("DELETE", "/api/v1/execution"));
        assertThat(routes.all()).extracting(Route::method).containsExactly("GET", "DELETE");
    }

    @Test
    void aSecondRouteWhoseParameterIsOnlyNamedOtherwiseIsRefused() {
        Routes routes = new Routes().add(route("GET", "/api/v1/jobs/{id}"));

        assertThatThrownBy(() -> routes.add(route("GET", "/api/v1/jobs/{name}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/api/v1/jobs/{name}")
                .hasMessageContaining("/api/v1/jobs/{id}")
                .hasMessageContaining("never be served");
    }

    @Test
    void aLiteralSegmentIsPreferredToAParameterWhicheverWasAddedFirst() {
        Routes routes = new Routes().add(route("GET", "/api/v1/jobs/{id}")).add(route("GET", "/api/v1/jobs/latest"));

        assertThat(routes.find("GET", "/api/v1/jobs/latest")
                        .orElseThrow()
                        .route()
                        .template())
                .isEqualTo("/api/v1/jobs/latest");
        assertThat(routes.find("GET", "/api/v1/jobs/17").orElseThrow().parameters())
                .containsExactly(Map.entry("id", "17"));
    }
}
