package io.schedcp.daemon.api;

import io.schedcp.core.SchedcpConfig;
import io.schedcp.core.manager.ManagerSettings;
import io.schedcp.core.manager.SchedulerManager;
import io.schedcp.core.monitor.Monitors;
import io.schedcp.core.monitor.SnapshotSource;
import io.schedcp.core.monitor.SystemReader;
import io.schedcp.core.workload.WorkloadStore;
import io.schedcp.daemon.Daemon;
import io.schedcp.daemon.DaemonServices;
import io.schedcp.daemon.DaemonSettings;
import io.schedcp.daemon.auth.Tokens;
import io.schedcp.daemon.bench.BenchExecutor;
import io.schedcp.daemon.supervise.RestartPolicy;
import io.schedcp.slo.control.SloControl;
import io.schedcp.testkit.kernel.FakeSchedExt;
import io.schedcp.testkit.kernel.FakeSchedulerProgram;
import io.schedcp.testkit.provider.FakeProvider;
import io.schedcp.userspace.control.PolicyControl;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real daemon for the endpoint tests, in a temp directory: {@link Daemon#start} with the test kit's fake
 * sched_ext and provider (fake_a, fake_b) under the manager, a workload store in its home, the agents the test
 * chose, a bench executor of its choice, and TCP on a free port of 127.0.0.1, which {@link #call} speaks HTTP to
 * with the full token (or, with {@link #readOnly}, the read-only one).
 */
final class TestDaemon implements AutoCloseable {

    /** One answer. */
    record Answer(int status, String contentType, String body) {

        JsonNode json() {
            return JsonMapper.shared().readTree(body);
        }

        /** The error's kind, for an error answer. */
        String kind() {
            return json().path("error").path("kind").asString();
        }

        String message() {
            return json().path("error").path("message").asString();
        }
    }

    final Path home;
    final FakeSchedExt kernel;
    final SchedulerManager manager;
    final WorkloadStore workloads;
    final Daemon daemon;
    private final String fullToken;
    private final String readOnlyToken;

    /** @param bench the bench executor; empty for the library's, as {@link DaemonServices#of} makes it */
    private TestDaemon(
            Path temp, SloControl slo, PolicyControl policy, Optional<BenchExecutor> bench, SnapshotSource system) {
        try {
            home = Files.createDirectories(temp.resolve("home"));
            kernel = FakeSchedExt.in(temp);
            Path program = FakeSchedulerProgram.installAt(temp.resolve("fake-scheduler.sh"));
            SchedcpConfig config = new SchedcpConfig(
                    home, Map.of("SCHEDCP_SCHED_EXT_DIR", kernel.directory().toString()));
            manager = SchedulerManager.builder()
                    .config(config)
                    .discoverProviders(false)
                    .loadPlugins(false)
                    .provider(new FakeProvider(program, kernel))
                    .settings(new ManagerSettings(Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofMillis(20)))
                    .build();
            workloads = new WorkloadStore(home);
            Monitors monitors = new Monitors(() -> new SystemReader(Path.of("/proc"), kernel.directory()));
            DaemonSettings settings = DaemonSettings.defaults(home)
                    .withListen(Optional.of(DaemonSettings.parseListen("127.0.0.1:0")))
                    .withRestart(new RestartPolicy(0, Duration.ZERO, Duration.ZERO));
            BenchExecutor executor =
                    bench.orElseGet(() -> DaemonServices.of(config, manager).bench());
            daemon = Daemon.start(
                    manager, settings, new DaemonServices(workloads, monitors, system, slo, policy, executor), "test");
            fullToken = Tokens.read(home.resolve(Tokens.FULL_FILE));
            readOnlyToken = Tokens.read(home.resolve(Tokens.READ_ONLY_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TestDaemon start(Path temp, SloControl slo, PolicyControl policy, BenchExecutor bench) {
        return new TestDaemon(temp, slo, policy, Optional.of(bench), procWithoutSchedExt(temp));
    }

    static TestDaemon start(
            Path temp, SloControl slo, PolicyControl policy, BenchExecutor bench, SnapshotSource system) {
        return new TestDaemon(temp, slo, policy, Optional.of(bench), system);
    }

    /** No agents, and the library's bench runner on the fake provider, recording into the store. */
    static TestDaemon withLibraryBench(Path temp) {
        return new TestDaemon(
                temp,
                FakeSloControl.notRunning(),
                FakePolicyControl.notRunning(temp.resolve("userspace.sock")),
                Optional.empty(),
                procWithoutSchedExt(temp));
    }

    private static SnapshotSource procWithoutSchedExt(Path temp) {
        return new SystemReader(Path.of("/proc"), temp.resolve("no-sched-ext"));
    }

    /** No scx_slo, no scx_userspace, and a bench that never gets past its first step unless allowed. */
    static TestDaemon plain(Path temp) {
        return start(
                temp,
                FakeSloControl.notRunning(),
                FakePolicyControl.notRunning(temp.resolve("userspace.sock")),
                new ScriptedBench());
    }

    Answer call(String method, String path) {
        return call(method, path, null, fullToken);
    }

    Answer call(String method, String path, String body) {
        return call(method, path, body, fullToken);
    }

    Answer readOnly(String method, String path, String body) {
        return call(method, path, body, readOnlyToken);
    }

    private Answer call(String method, String path, String body, String token) {
        try {
            HttpURLConnection http = (HttpURLConnection)
                    URI.create("http://127.0.0.1:" + daemon.port().orElseThrow() + path)
                            .toURL()
                            .openConnection();
            http.setRequestMethod(method);
            http.setConnectTimeout(5000);
            http.setReadTimeout(20_000);
            http.setRequestProperty("Authorization", "Bearer " + token);
            if (body != null) {
                http.setDoOutput(true);
                http.setRequestProperty("Content-Type", "application/json");
                try (OutputStream out = http.getOutputStream()) {
                    out.write(body.getBytes(StandardCharsets.UTF_8));
                }
            }
            int status = http.getResponseCode();
            InputStream in = status >= 400 ? http.getErrorStream() : http.getInputStream();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            if (in != null) {
                try (in) {
                    in.transferTo(bytes);
                }
            }
            return new Answer(status, String.valueOf(http.getContentType()), bytes.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        daemon.close();
        manager.close();
    }
}
