package io.schedcp.daemon.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.json.SchedcpJson;
import io.schedcp.daemon.auth.Access;
import io.schedcp.daemon.auth.Tokens;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The HTTP layer over a real Jetty, called as a client would: over TCP with the JDK's HTTP client, and over the
 * Unix socket with a raw request. A small route table of its own stands for the daemon's endpoints.
 */
@Timeout(60)
class ApiHandlerTest {

    private static final String FULL = "a".repeat(64);
    private static final String READ_ONLY = "b".repeat(64);
    private static final String SECRET = "the secret detail of a bug";

    /** The body the POST route reads, in snake_case as every schedcp body. */
    record Thing(String name, int sizeKb) {}

    @TempDir
    Path temp;

    private ApiServer server;
    private Path socket;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @BeforeEach
    void start() throws IOException {
        Routes routes = new Routes()
                .add("GET", "/healthz", Access.PUBLIC, "health", request -> ApiResponse.ok(Map.of("status", "ok")))
                .add(
                        "GET",
                        "/api/v1/things",
                        Access.READ,
                        "the things",
                        request -> ApiResponse.ok(Map.of(
                                "things",
                                List.of("one", "two"),
                                "limit",
                                request.query("limit").orElse("none"))))
                .add("GET", "/api/v1/things/{name}", Access.READ, "one thing", request -> {
                    if (request.path("name").equals("missing")) {
                        throw new SchedcpException(Kind.NOT_FOUND, "no thing is named missing");
                    }
                    return ApiResponse.ok(Map.of("name", request.path("name"), "access", request.access()));
                })
                .add(
                        "DELETE",
                        "/api/v1/things/{name}",
                        Access.WRITE,
                        "removes a thing",
                        request -> ApiResponse.ok(Map.of("removed", request.path("name"))))
                .add(new Route(
                        "POST",
                        "/api/v1/things",
                        Access.WRITE,
                        "makes a thing",
                        Optional.of("{\"name\": \"x\", \"size_kb\": 4}"),
                        202,
                        request -> ApiResponse.accepted(
                                request.body(Thing.class, "a thing such as {\"name\": \"x\", \"size_kb\": 4}"))))
                .add("GET", "/api/v1/fail/{kind}", Access.READ, "fails", request -> {
                    throw new SchedcpException(
                            Kind.valueOf(request.path("kind")), "it failed as " + request.path("kind"));
                })
                .add("GET", "/api/v1/broken", Access.READ, "has a bug", request -> {
                    throw new IllegalStateException(SECRET);
                });
        socket = temp.resolve("daemon.sock");
        server = ApiServer.start(
                new ApiHandler(routes, Tokens.of(FULL, READ_ONLY)),
                socket,
                Optional.of(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port().orElseThrow() + path))
                .timeout(Duration.ofSeconds(10));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return send(request(path).header("Authorization", "Bearer " + token));
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        return SchedcpJson.mapper().readTree(response.body());
    }

    /** The error's kind, after checking that the body is the one error shape. */
    private static String errorKind(HttpResponse<String> response) {
        JsonNode error = json(response).path("error");
        assertThat(error.path("message").asString()).isNotBlank();
        return error.path("kind").asString();
    }

    private static String errorMessage(HttpResponse<String> response) {
        return json(response).path("error").path("message").asString();
    }

    @Test
    void healthNeedsNoToken() throws Exception {
        HttpResponse<String> response = send(request("/healthz"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("status").asString()).isEqualTo("ok");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void noTokenGets401WithTheHeaderAndWhereTheTokenIs() throws Exception {
        HttpResponse<String> response = send(request("/api/v1/things"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(errorKind(response)).isEqualTo("UNAUTHORIZED");
        assertThat(errorMessage(response)).contains("Authorization: Bearer").contains(Tokens.FULL_FILE);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    }

    @Test
    void aWrongTokenGets401AndIsNotEchoed() throws Exception {
        String wrong = "c".repeat(64);

        HttpResponse<String> response = get("/api/v1/things", wrong);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(errorKind(response)).isEqualTo("UNAUTHORIZED");
        assertThat(response.body()).doesNotContain(wrong);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
    }

    @Test
    void aHeaderThatIsNoBearerTokenGets401() throws Exception {
        HttpResponse<String> response = send(request("/api/v1/things").header("Authorization", "Basic " + FULL));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(errorKind(response)).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void theReadOnlyTokenReadsButGets403OnAWriteRoute() throws Exception {
        HttpResponse<String> read = get("/api/v1/things/one", READ_ONLY);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read).path("access").asString()).isEqualTo("READ");

        HttpResponse<String> write = send(request("/api/v1/things/one")
                .header("Authorization", "Bearer " + READ_ONLY)
                .DELETE());

        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(errorKind(write)).isEqualTo("FORBIDDEN");
        assertThat(errorMessage(write)).contains("DELETE /api/v1/things/{name}").contains(Tokens.FULL_FILE);
    }

    @Test
    void theFullTokenWritesAndTheBodyIsReadInSnakeCase() throws Exception {
        HttpResponse<String> response = send(request("/api/v1/things")
                .header("Authorization", "Bearer " + FULL)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"box\", \"size_kb\": 12}")));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode thing = json(response);
        assertThat(thing.path("name").asString()).isEqualTo("box");
        assertThat(thing.path("size_kb").asInt()).isEqualTo(12);
    }

    @Test
    void pathParametersAndTheQueryReachTheEndpoint() throws Exception {
        assertThat(json(get("/api/v1/things/blue", FULL)).path("name").asString())
                .isEqualTo("blue");
        assertThat(json(get("/api/v1/things?limit=7&limit=8", FULL))
                        .path("limit")
                        .asString())
                .isEqualTo("7");
    }

    @Test
    void anUnknownPathGets404NamingTheDocument() throws Exception {
        HttpResponse<String> response = get("/api/v1/nothing", FULL);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(errorKind(response)).isEqualTo("NOT_FOUND");
        assertThat(errorMessage(response)).contains("/api/v1/nothing").contains("/api/v1/openapi.json");
    }

    @Test
    void aMethodThePathDoesNotTakeGets405WithAllow() throws Exception {
        HttpResponse<String> response = send(request("/api/v1/things/one")
                .header("Authorization", "Bearer " + FULL)
                .PUT(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(errorKind(response)).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(response.headers().firstValue("Allow")).contains("DELETE, GET");
    }

    @Test
    void theLibrarysFailuresGetTheStatusOfTheirKind() throws Exception {
        Map<Kind, Integer> statuses = Map.of(
                Kind.INVALID_INPUT, 400,
                Kind.NOT_FOUND, 404,
                Kind.UNAVAILABLE, 503,
                Kind.NO_SCHED_EXT, 503,
                Kind.START_FAILED, 500);
        for (Map.Entry<Kind, Integer> expected : statuses.entrySet()) {
            HttpResponse<String> response = get("/api/v1/fail/" + expected.getKey(), READ_ONLY);

            assertThat(response.statusCode())
                    .as("status of %s", expected.getKey())
                    .isEqualTo(expected.getValue());
            assertThat(errorKind(response)).isEqualTo(expected.getKey().name());
            assertThat(errorMessage(response)).isEqualTo("it failed as " + expected.getKey());
        }
        HttpResponse<String> missing = get("/api/v1/things/missing", READ_ONLY);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(errorMessage(missing)).isEqualTo("no thing is named missing");
    }

    @Test
    void aBugGets500WithoutItsMessageOrStackTrace() throws Exception {
        HttpResponse<String> response = get("/api/v1/broken", FULL);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(errorKind(response)).isEqualTo("INTERNAL");
        assertThat(errorMessage(response)).contains("GET /api/v1/broken").contains("log");
        assertThat(response.body())
                .doesNotContain(SECRET)
                .doesNotContain("\tat ")
                .doesNotContain("io.schedcp.daemon")
                .doesNotContain("java.lang");
    }

    @Test
    void aMalformedBodyGets400NamingTheProblem() throws Exception {
        HttpResponse<String> response = send(request("/api/v1/things")
                .header("Authorization", "Bearer " + FULL)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"box\", ")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorKind(response)).isEqualTo("INVALID_INPUT");
        assertThat(errorMessage(response))
                .contains("the body of POST /api/v1/things is not a thing such as")
                .containsIgnoringCase("end-of-input");
        assertThat(response.body()).doesNotContain("\tat ");
    }

    @Test
    void aBodyOfTheWrongTypeGets400NamingTheField() throws Exception {
        HttpResponse<String> response = send(request("/api/v1/things")
                .header("Authorization", "Bearer " + FULL)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"box\", \"size_kb\": \"big\"}")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorKind(response)).isEqualTo("INVALID_INPUT");
        assertThat(errorMessage(response)).contains("big");
    }

    @Test
    void aMissingBodyGets400SayingWhatToSend() throws Exception {
        HttpResponse<String> response = send(request("/api/v1/things")
                .header("Authorization", "Bearer " + FULL)
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorMessage(response)).contains("needs a JSON body").contains("size_kb");
    }

    @Test
    void aBodyTooLargeGets413EvenWithoutALength() throws Exception {
        byte[] big = new byte[ApiHandler.MAX_BODY + 10];
        Arrays.fill(big, (byte) ' ');
        for (HttpRequest.BodyPublisher body : List.of(
                HttpRequest.BodyPublishers.ofByteArray(big),
                // From a stream the client sends it chunked, with no Content-Length to check.
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))) {
            HttpResponse<String> response = send(request("/api/v1/things")
                    .header("Authorization", "Bearer " + FULL)
                    .POST(body));

            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(errorMessage(response)).contains(String.valueOf(ApiHandler.MAX_BODY));
        }
    }

    @Test
    void theUnixSocketAnswersAndOnlyItsOwnerMayUseIt() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)))
                .isEqualTo("rw-------");

        String reply = rawGetOverSocket("/healthz");

        assertThat(reply).startsWith("HTTP/1.1 200");
        assertThat(reply).containsIgnoringCase("Content-Type: application/json");
        assertThat(reply).contains("\"status\"").contains("\"ok\"");
    }

    @Test
    void theUnixSocketAsksForATokenToo() throws Exception {
        String reply = rawGetOverSocket("/api/v1/things");

        assertThat(reply).startsWith("HTTP/1.1 401");
        assertThat(reply).contains("UNAUTHORIZED");
    }

    @Test
    void aRequestJettyRefusesBeforeTheHandlerIsAnsweredInJsonToo() throws Exception {
        for (String path : List.of("/api/v1/things/%2F", "/api/v1/things/%ZZ", "*")) {
            String reply = rawGetOverSocket(path);

            assertThat(reply).as(path).startsWith("HTTP/1.1 400");
            assertThat(reply).as(path).containsIgnoringCase("Content-Type: application/json");
            JsonNode error = SchedcpJson.mapper()
                    .readTree(reply.substring(reply.indexOf('{'), reply.lastIndexOf('}') + 1))
                    .path("error");
            assertThat(error.path("kind").asString()).as(path).isEqualTo("INVALID_INPUT");
            assertThat(error.path("message").asString()).as(path).contains("refused the request");
            assertThat(reply).as(path).doesNotContain("<html");
        }
    }

    @Test
    void aSecondServerOnALiveSocketIsRefusedAndTheFirstKeepsIt() throws Exception {
        Routes none = new Routes();

        assertThatThrownBy(() ->
                        ApiServer.start(new ApiHandler(none, Tokens.of(FULL, READ_ONLY)), socket, Optional.empty()))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.IO))
                .hasMessageContaining("another daemon listens on " + socket);

        assertThat(rawGetOverSocket("/healthz")).startsWith("HTTP/1.1 200");
    }

    @Test
    void aSocketLeftByAKilledServerIsReplaced() throws Exception {
        Path stale = temp.resolve("stale.sock");
        try (SocketChannel abandoned = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            // A bound socket whose owner never listens: its file stays, as a killed daemon's does.
            abandoned.bind(UnixDomainSocketAddress.of(stale));
        }
        assertThat(stale).exists();

        try (ApiServer second =
                ApiServer.start(new ApiHandler(new Routes(), Tokens.of(FULL, READ_ONLY)), stale, Optional.empty())) {
            assertThat(second.socket()).isEqualTo(stale);
            assertThat(second.port()).isEmpty();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stale)))
                    .isEqualTo("rw-------");
        }
        assertThat(stale).as("closing removes the socket").doesNotExist();
    }

    private String rawGetOverSocket(String path) throws IOException {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            String request = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
            ByteBuffer out = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
            while (out.hasRemaining()) {
                channel.write(out);
            }
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            ByteBuffer in = ByteBuffer.allocate(8192);
            while (channel.read(in) >= 0) {
                in.flip();
                reply.write(in.array(), 0, in.limit());
                in.clear();
            }
            return reply.toString(StandardCharsets.UTF_8);
        }
    }
}
