package io.schedcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.api.Availability;
import io.schedcp.api.Requirements;
import io.schedcp.api.SchedulerDescriptor;
import io.schedcp.api.spi.ProviderContext;
import io.schedcp.api.spi.SchedulerHandle;
import io.schedcp.api.spi.SchedulerProvider;
import io.schedcp.api.spi.StartRequest;
import io.schedcp.core.SchedcpConfig;
import io.schedcp.core.json.SchedcpJson;
import io.schedcp.core.manager.SchedulerManager;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** What a plugin prints goes to stderr: stdout holds schedcp's own results, so --json stays JSON. */
class PluginStdoutTest {

    @TempDir
    Path temp;

    /** A provider that talks on System.out in every call, as a careless plugin does. */
    static final class ChattyProvider implements SchedulerProvider {

        @Override
        public String id() {
            return "chatty";
        }

        @Override
        public void initialize(ProviderContext context) {
            System.out.println("chatty: initialized");
        }

        @Override
        public List<SchedulerDescriptor> schedulers() {
            System.out.println("chatty: listing");
            return List.of(new SchedulerDescriptor(
                    "chatty_fifo",
                    "chatty",
                    "chatty_fifo",
                    false,
                    "Talks a lot.",
                    "fifo",
                    List.of(),
                    "",
                    List.of(),
                    "",
                    "",
                    Requirements.NONE));
        }

        @Override
        public Availability availability(String schedulerName) {
            System.out.println("chatty: checking " + schedulerName);
            return Availability.unavailable("it only talks");
        }

        @Override
        public SchedulerHandle start(StartRequest request) {
            throw new UnsupportedOperationException("it only talks");
        }
    }

    @Test
    void aPluginThatPrintsToStdoutLeavesListJsonIntact() {
        CliFixture fixture = new CliFixture(temp);
        SchedcpConfig config = new SchedcpConfig(fixture.home, fixture.environment());
        CliContext context = new CliContext(
                config,
                settings -> SchedulerManager.builder()
                        .config(config)
                        .settings(settings)
                        .discoverProviders(false)
                        .loadPlugins(false)
                        .provider(new ChattyProvider())
                        .build());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream processOut = new ByteArrayOutputStream();
        ByteArrayOutputStream processErr = new ByteArrayOutputStream();
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        int code;
        try {
            System.setOut(new PrintStream(processOut, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(processErr, true, StandardCharsets.UTF_8));
            code = Main.execute(context, new PrintWriter(out, true), new PrintWriter(err, true), "list", "--json");
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }

        assertThat(code).as(err.toString()).isZero();
        JsonNode list = SchedcpJson.mapper().readTree(out.toString());
        assertThat(list)
                .singleElement()
                .satisfies(row -> assertThat(row.get("name").asString()).isEqualTo("chatty_fifo"));
        assertThat(processOut.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(processErr.toString(StandardCharsets.UTF_8)).contains("chatty: initialized", "chatty: listing");
    }
}
