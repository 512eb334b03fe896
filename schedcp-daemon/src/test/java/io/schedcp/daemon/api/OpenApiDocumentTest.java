package io.schedcp.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.core.SchedcpConfig;
import io.schedcp.core.json.SchedcpJson;
import io.schedcp.core.manager.ManagerSettings;
import io.schedcp.core.manager.SchedulerManager;
import io.schedcp.daemon.DaemonServices;
import io.schedcp.daemon.auth.Tokens;
import io.schedcp.daemon.bench.BenchJobs;
import io.schedcp.daemon.http.ApiHandler;
import io.schedcp.daemon.http.ApiServer;
import io.schedcp.daemon.http.Route;
import io.schedcp.daemon.http.Routes;
import io.schedcp.daemon.metrics.DaemonMetrics;
import io.schedcp.daemon.mode.DaemonModes;
import io.schedcp.daemon.mode.ModeTable;
import io.schedcp.daemon.supervise.RestartPolicy;
import io.schedcp.daemon.supervise.Supervisor;
import io.schedcp.testkit.kernel.FakeSchedExt;
import io.schedcp.testkit.kernel.FakeSchedulerProgram;
import io.schedcp.testkit.provider.FakeProvider;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document the daemon serves, against the daemon's own route table on a fake host: it lists every
 * route and nothing else, each documented path answers, and it has the shape of an OpenAPI 3.0 document. A
 * route added without reaching the document, or a document that names a path no route serves, fails here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class OpenApiDocumentTest {

    private static final String FULL = "1".repeat(64);
    private static final String READ_ONLY = "2".repeat(64);
    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    /** What a parameter of a documented path is called with: a scheduler the fake provider offers. */
    private static final String PARAMETER_VALUE = "fake_a";

    private SchedulerManager manager;
    private Supervisor supervisor;
    private Routes routes;
    private ApiServer server;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @BeforeAll
    void start(@TempDir Path temp) throws IOException {
        Path home = Files.createDirectories(temp.resolve("home"));
        FakeSchedExt kernel = FakeSchedExt.in(temp);
        Path program = FakeSchedulerProgram.installAt(temp.resolve("fake-scheduler.sh"));
        manager = SchedulerManager.builder()
                .config(new SchedcpConfig(
                        home, Map.of("SCHEDCP_SCHED_EXT_DIR", kernel.directory().toString())))
                .discoverProviders(false)
                .loadPlugins(false)
                .provider(new FakeProvider(program, kernel))
                .foreignOwners(List::of)
                .settings(new ManagerSettings(Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofMillis(20)))
                .build();
        supervisor = new Supervisor(manager, RestartPolicy.DEFAULT);
        SchedcpConfig config = new SchedcpConfig(
                home, Map.of("SCHEDCP_SCHED_EXT_DIR", kernel.directory().toString()));
        DaemonServices services = DaemonServices.of(config, manager);
        routes = DaemonApi.routes(
                manager,
                supervisor,
                new DaemonModes(manager, supervisor, ModeTable.defaults(), services.workloads()),
                new DaemonMetrics(manager, supervisor),
                services,
                new BenchJobs(services.bench(), supervisor),
                "1.2.3-test");
        server = ApiServer.start(
                new ApiHandler(routes, Tokens.of(FULL, READ_ONLY)),
                temp.resolve("daemon.sock"),
                Optional.of(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0)));
    }

    @AfterAll
    void stop() {
        server.close();
        supervisor.close();
        manager.close();
    }

    private HttpResponse<String> get(String path, Optional<String> token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port().orElseThrow() + path))
                .timeout(Duration.ofSeconds(10));
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode document() throws IOException, InterruptedException {
        HttpResponse<String> response = get("/api/v1/openapi.json", Optional.of(READ_ONLY));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        return SchedcpJson.mapper().readTree(response.body());
    }

    /** "GET /api/v1/schedulers/{name}" for every operation of the document. */
    private static Set<String> operations(JsonNode document) {
        Set<String> operations = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (METHODS.contains(operation.getKey())) {
                    operations.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        return operations;
    }

    @Test
    void theDocumentHasTheShapeOfOpenApi30() throws Exception {
        JsonNode document = document();

        assertThat(document.path("openapi").asString()).matches("3\\.0\\.\\d+");
        assertThat(document.path("info").path("title").asString()).isEqualTo("schedcp daemon");
        assertThat(document.path("info").path("version").asString()).isEqualTo("1.2.3-test");
        assertThat(document.path("paths").isObject()).isTrue();
        assertThat(document.path("paths").size()).isPositive();
        JsonNode bearer = document.path("components").path("securitySchemes").path("bearer");
        assertThat(bearer.path("type").asString()).isEqualTo("http");
        assertThat(bearer.path("scheme").asString()).isEqualTo("bearer");
        assertThat(document.path("security").get(0).has("bearer")).isTrue();
        assertThat(document.path("components")
                        .path("schemas")
                        .path("Error")
                        .path("required")
                        .get(0)
                        .asString())
                .isEqualTo("error");
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            assertThat(path.getKey()).startsWith("/");
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                assertThat(METHODS).as("a key of %s", path.getKey()).contains(operation.getKey());
                JsonNode responses = operation.getValue().path("responses");
                assertThat(responses.isObject()).isTrue();
                assertThat(responses.propertyNames())
                        .as("responses of %s %s", operation.getKey(), path.getKey())
                        .anyMatch(status -> status.matches("2\\d\\d"));
            }
        }
    }

    @Test
    void theDocumentListsEveryRouteAndOnlyThose() throws Exception {
        Set<String> served = new TreeSet<>();
        for (Route route : routes.all()) {
            served.add(route.method() + " " + route.template());
        }

        assertThat(operations(document())).isEqualTo(served);
        assertThat(served)
                .contains(
                        "GET /healthz",
                        "GET /metrics",
                        "GET /api/v1/openapi.json",
                        "GET /api/v1/schedulers",
                        "GET /api/v1/schedulers/{name}",
                        "POST /api/v1/execution",
                        "GET /api/v1/execution",
                        "DELETE /api/v1/execution");
    }

    @Test
    void everyOperationHasItsOwnOperationIdAndItsPathParameters() throws Exception {
        JsonNode document = document();
        Set<String> ids = new HashSet<>();
        for (Route route : routes.all()) {
            JsonNode operation = document.path("paths")
                    .path(route.template())
                    .path(route.method().toLowerCase(Locale.ROOT));
            String id = operation.path("operationId").asString();
            assertThat(id)
                    .as("operationId of %s %s", route.method(), route.template())
                    .matches("[a-z0-9_]+");
            assertThat(ids.add(id)).as("%s is unique", id).isTrue();
            assertThat(operation.path("summary").asString()).isEqualTo(route.summary());
            List<String> parameters = operation
                    .path("parameters")
                    .valueStream()
                    .peek(p -> assertThat(p.path("in").asString()).isEqualTo("path"))
                    .map(p -> p.path("name").asString())
                    .toList();
            assertThat(parameters).isEqualTo(route.parameters());
            assertThat(operation.has("requestBody"))
                    .isEqualTo(route.requestBody().isPresent());
            assertThat(operation.path("responses").has(String.valueOf(route.successStatus())))
                    .isTrue();
        }
    }

    @Test
    void onlyHealthIsDocumentedAsNeedingNoToken() throws Exception {
        JsonNode document = document();

        for (Route route : routes.all()) {
            JsonNode operation = document.path("paths")
                    .path(route.template())
                    .path(route.method().toLowerCase(Locale.ROOT));
            boolean open =
                    operation.has("security") && operation.path("security").isEmpty();
            assertThat(open)
                    .as("%s %s needs no token", route.method(), route.template())
                    .isEqualTo(route.template().equals("/healthz"));
        }
        assertThat(get("/api/v1/openapi.json", Optional.empty()).statusCode()).isEqualTo(401);
        assertThat(get("/healthz", Optional.empty()).statusCode()).isEqualTo(200);
    }

    @Test
    void everyDocumentedGetIsServed() throws Exception {
        JsonNode document = document();
        int called = 0;
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            if (!path.getValue().has("get")) {
                continue;
            }
            String concrete = path.getKey().replaceAll("\\{[^/}]+\\}", PARAMETER_VALUE);

            HttpResponse<String> response = get(concrete, Optional.of(FULL));

            String what = "GET " + concrete + " (documented as " + path.getKey() + ") answered " + response.body();
            assertThat(response.statusCode()).as(what).isNotEqualTo(405);
            if (concrete.equals(path.getKey())) {
                assertThat(response.statusCode()).as(what).isNotEqualTo(404);
            } else {
                // A parameter may name nothing here; but the 404 must be the endpoint's, not the router's.
                assertThat(response.body()).as(what).doesNotContain("no endpoint has the path");
            }
            called++;
        }
        assertThat(called).isGreaterThanOrEqualTo(6);
    }

    @Test
    void aDocumentedPathWithAParameterAnswersForOneThatExists() throws Exception {
        HttpResponse<String> response = get("/api/v1/schedulers/" + PARAMETER_VALUE, Optional.of(READ_ONLY));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains(PARAMETER_VALUE);
    }
}
