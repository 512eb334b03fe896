package io.schedcp.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.schedcp.bpf.custom.CustomSchedulers;
import io.schedcp.bpf.custom.CustomTools;
import io.schedcp.bpf.custom.CustomVerifier;
import io.schedcp.core.manager.SchedulerManager;
import io.schedcp.core.monitor.Monitors;
import io.schedcp.core.workload.WorkloadStore;
import io.schedcp.slo.control.SloControl;
import io.schedcp.userspace.control.PolicyControl;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schedcp MCP server over a pair of streams (stdin and stdout when {@code schedcp mcp} runs it): the
 * tools of {@link ToolCatalog} and one resource per scheduler. Schedulers it starts keep running between
 * calls; when the client goes (its input ends) or {@link #shutdown()} is called, {@link #close()} stops
 * the calls under way and the scheduler it runs, so that none is left behind.
 *
 * <pre>{@code
 * try (SchedcpMcpServer server = SchedcpMcpServer.builder().manager(manager).custom(custom)
 *         .input(System.in).output(stdout).start()) {
 *     server.awaitShutdown();
 * }
 * }</pre>
 */
public final class SchedcpMcpServer implements AutoCloseable {

    /** How long calls under way get to wind up when the server closes. */
    static final Duration CALLS_WIND_UP = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(SchedcpMcpServer.class);
    private final McpSyncServer server;
    private final SchedulerManager manager;
    private final Monitors monitors;
    private final InFlightCalls calls;
    private final List<String> toolNames;
    private final CountDownLatch shutdownRequested;
    private final Object closeLock = new Object();
    private boolean closed;

    private SchedcpMcpServer(
            McpSyncServer server,
            SchedulerManager manager,
            Monitors monitors,
            InFlightCalls calls,
            List<String> toolNames,
            CountDownLatch shutdownRequested) {
        this.server = server;
        this.manager = manager;
        this.monitors = monitors;
        this.calls = calls;
        this.toolNames = toolNames;
        this.shutdownRequested = shutdownRequested;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The names of the tools this server offers. */
    public List<String> toolNames() {
        return toolNames;
    }

    /** Asks the server to stop: {@link #awaitShutdown} returns. Safe to call from a signal handler. */
    public void shutdown() {
        shutdownRequested.countDown();
    }

    /** Waits until the client closes its end of the input, or {@link #shutdown()} is called. */
    public void awaitShutdown() throws InterruptedException {
        shutdownRequested.await();
    }

    /** As {@link #awaitShutdown()}, for at most {@code timeout}; returns whether shutdown was asked for. */
    public boolean awaitShutdown(Duration timeout) throws InterruptedException {
        return shutdownRequested.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Interrupts the calls under way and waits for them, stops the scheduler this server runs (and waits for
     * the kernel to be back on its default), closes the manager and the transport.
     */
    @Override
    public void close() {
        synchronized (closeLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        shutdown();
        LOG.info("mcp server closing");
        try {
            int left = calls.close(CALLS_WIND_UP);
            if (left > 0) {
                LOG.warn("{} tool call(s) still under way after {} s; closing anyway", left, CALLS_WIND_UP.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        monitors.close();
        manager.close();
        try {
            server.closeGracefully();
        } catch (RuntimeException e) {
            LOG.debug("closing the transport: {}", e.toString());
        }
        LOG.info("mcp server closed");
    }

    /** Assembles and starts a server; it serves from the moment {@link #start()} returns. */
    public static final class Builder {

        private SchedulerManager manager;
        private CustomSchedulers customSchedulers;
        private CustomVerifier customVerifier;
        private WorkloadStore workloads;
        private Monitors monitors;
        private SloControl slo;
        private PolicyControl policy;
        private DaemonFinder daemon = DaemonFinder.none();
        private boolean readOnly;
        private InputStream input;
        private OutputStream output;
        private String version = "unknown";

        private Builder() {}

        /** The manager to serve; the server owns it from now on and closes it when it closes. */
        public Builder manager(SchedulerManager manager) {
            this.manager = Objects.requireNonNull(manager);
            return this;
        }

        public Builder custom(CustomTools custom) {
            return custom(custom.schedulers(), custom.verifier());
        }

        public Builder custom(CustomSchedulers schedulers, CustomVerifier verifier) {
            this.customSchedulers = Objects.requireNonNull(schedulers);
            this.customVerifier = Objects.requireNonNull(verifier);
            return this;
        }

        /** The workload profiles and history the workload, recommend and benchmark tools use. */
        public Builder workloads(WorkloadStore workloads) {
            this.workloads = Objects.requireNonNull(workloads);
            return this;
        }

        /** The system monitors; the server owns them from now on and stops those left running when it closes. */
        public Builder monitors(Monitors monitors) {
            this.monitors = Objects.requireNonNull(monitors);
            return this;
        }

        /**
         * The running scx_slo the slo tool reads and changes, such as {@code SloClient.at(SloSocket.in(home))};
         * nothing is connected until a call.
         */
        public Builder slo(SloControl slo) {
            this.slo = Objects.requireNonNull(slo);
            return this;
        }

        /**
         * The running scx_userspace the policy tool reads and changes, such as
         * {@code PolicyClient.at(PolicySocket.in(home))}; nothing is connected until a call.
         */
        public Builder policy(PolicyControl policy) {
            this.policy = Objects.requireNonNull(policy);
            return this;
        }

        /**
         * How to find the schedcp daemon that owns the host's scheduler when one runs, such as
         * {@code DaemonFinder.of(config)}: looked for at each run_scheduler, stop_scheduler and
         * get_execution_status, which then go through it. By default there is none.
         */
        public Builder daemon(DaemonFinder daemon) {
            this.daemon = Objects.requireNonNull(daemon);
            return this;
        }

        /** Offer only the tools that change nothing on the host (default false). */
        public Builder readOnly(boolean readOnly) {
            this.readOnly = readOnly;
            return this;
        }

        /** Where the client's messages come from, one JSON-RPC message a line. */
        public Builder input(InputStream input) {
            this.input = Objects.requireNonNull(input);
            return this;
        }

        /** Where the server's messages go; nothing else may write to it. */
        public Builder output(OutputStream output) {
            this.output = Objects.requireNonNull(output);
            return this;
        }

        /** The version the server reports to clients. */
        public Builder version(String version) {
            this.version = Objects.requireNonNull(version);
            return this;
        }

        public SchedcpMcpServer start() {
            Objects.requireNonNull(manager, "manager");
            Objects.requireNonNull(customSchedulers, "custom");
            Objects.requireNonNull(workloads, "workloads");
            Objects.requireNonNull(monitors, "monitors");
            Objects.requireNonNull(slo, "slo");
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(output, "output");
            CountDownLatch shutdownRequested = new CountDownLatch(1);
            InFlightCalls calls = new InFlightCalls();
            SchedulerResources resources = new SchedulerResources(manager);
            AtomicReference<McpSyncServer> started = new AtomicReference<>();
            Runnable catalogChanged = () -> {
                McpSyncServer server = started.get();
                if (server != null) {
                    resources.sync(server);
                }
            };
            ToolBridge bridge = new ToolBridge(calls);
            List<McpTool> tools = ToolCatalog.tools(
                    new ToolContext(
                            manager,
                            customSchedulers,
                            customVerifier,
                            catalogChanged,
                            workloads,
                            monitors,
                            slo,
                            policy,
                            daemon),
                    readOnly);
            List<SyncToolSpecification> specifications =
                    tools.stream().map(bridge::specification).toList();
            // The SDK's own mapper for the protocol: its messages are the SDK's records, named by its annotations,
            // and camelCase where ours would be snake_case. What we write (results, resources) is SchedcpJson's,
            // handed over as maps and text.
            McpJsonMapper json = new JacksonMcpJsonMapper(JsonMapper.shared());
            InputStream clientInput = new ProtocolInput(
                    input,
                    output,
                    json,
                    () -> {
                        LOG.info("the client closed its input; shutting down");
                        shutdownRequested.countDown();
                    },
                    request -> LOG.info(
                            "the client cancelled request {}: {}",
                            request,
                            calls.cancel(request) ? "interrupting its tool call" : "no tool call of it is under way"),
                    Set.copyOf(tools.stream().map(McpTool::name).toList()));
            McpSyncServer server = McpServer.sync(new StdioServerTransportProvider(json, clientInput, output))
                    .serverInfo("schedcp", version)
                    .instructions(ToolCatalog.instructions(readOnly))
                    .capabilities(ServerCapabilities.builder()
                            .tools(false)
                            .resources(false, true)
                            .build())
                    .jsonMapper(json)
                    .jsonSchemaValidator(new DefaultJsonSchemaValidator(JsonMapper.shared()))
                    // ToolArguments checks the arguments against the same schemas, with messages that say
                    // which argument is wrong and what it is for.
                    .validateToolInputs(false)
                    .tools(specifications)
                    .resources(resources.specifications())
                    .build();
            started.set(server);
            List<String> names = tools.stream().map(McpTool::name).toList();
            LOG.info("mcp server {} started{}: tools {}", version, readOnly ? " read-only" : "", names);
            return new SchedcpMcpServer(server, manager, monitors, calls, names, shutdownRequested);
        }
    }
}
