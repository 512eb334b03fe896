package io.schedcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.api.Availability;
import io.schedcp.api.Requirements;
import io.schedcp.api.SchedulerDescriptor;
import io.schedcp.api.spi.SchedulerHandle;
import io.schedcp.api.spi.SchedulerProvider;
import io.schedcp.api.spi.StartRequest;
import io.schedcp.cli.CliFixture.Result;
import io.schedcp.core.SchedcpConfig;
import io.schedcp.core.json.SchedcpJson;
import io.schedcp.core.manager.SchedulerManager;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text printed for a terminal shows control characters instead of obeying them; JSON keeps them exact. */
class TerminalTextTest {

    private static final String HOSTILE = "x\u001b[2J\u001b]0;pwned\u0007";
    private static final String SHOWN = "x\\e[2J\\e]0;pwned\\x07";

    @TempDir
    Path temp;

    private CliFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new CliFixture(temp);
    }

    private Result run(String... args) {
        return fixture.run(args);
    }

    private static void assertNoControlCharacters(String text) {
        assertThat(text.chars().filter(c -> (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f)))
                .as(text)
                .isEmpty();
    }

    @Test
    void escapesAreSpelledOutButNewlinesAndTabsStay() {
        assertThat(VisibleText.of("a\u001b[31mb\rc\u0000d\u009be\u007ff\n\tg"))
                .isEqualTo("a\\e[31mb\\x0dc\\x00d\\x9be\\x7ff\n\tg");
        assertThat(VisibleText.line("two\nlines\tand a tab")).isEqualTo("two\\x0alines\\x09and a tab");
        assertThat(VisibleText.of("plain text, ünïcode ↓")).isEqualTo("plain text, ünïcode ↓");
    }

    @Test
    void aWorkloadNamedWithEscapeSequencesIsShownWithThemSpelledOut() {
        Result created = run("workload", "create", HOSTILE + " nightly build");
        Matcher id = Pattern.compile("created (w-[0-9a-f]{8})").matcher(created.out());
        assertThat(id.find()).as(created.out()).isTrue();

        Result list = run("workload", "list");
        Result show = run("workload", "show", id.group(1));
        Result missing = run("workload", "show", HOSTILE);

        for (Result result : new Result[] {created, list, show, missing}) {
            assertNoControlCharacters(result.out());
            assertNoControlCharacters(result.err());
        }
        assertThat(created.out()).contains(SHOWN);
        assertThat(list.out()).contains(SHOWN);
        assertThat(show.out()).contains("description: " + SHOWN + " nightly build");
        assertThat(missing.err()).contains("there is no workload '" + SHOWN + "'");
    }

    @Test
    void jsonKeepsTheNameExactly() {
        run("workload", "create", HOSTILE);

        Result list = run("workload", "list", "--json");

        assertNoControlCharacters(list.out());
        assertThat(SchedcpJson.mapper().readTree(list.out()).get(0).get("name").asString())
                .isEqualTo(HOSTILE);
    }

    @Test
    void aPluginsDescriptorIsShownWithItsEscapesSpelledOut() {
        SchedulerDescriptor hostile = new SchedulerDescriptor(
                "evil_fifo",
                "evil",
                "evil_fifo",
                false,
                HOSTILE + " first in, first out.",
                "fifo\u009b2J",
                List.of(HOSTILE),
                "",
                List.of(),
                "",
                "",
                Requirements.NONE);
        SchedcpConfig config = new SchedcpConfig(fixture.home, fixture.environment());
        CliContext context = new CliContext(
                config,
                settings -> SchedulerManager.builder()
                        .config(config)
                        .settings(settings)
                        .discoverProviders(false)
                        .loadPlugins(false)
                        .provider(new OneSchedulerProvider(hostile))
                        .build());

        for (String command : new String[] {"list", "show"}) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            String[] args = command.equals("list") ? new String[] {"list"} : new String[] {"show", "evil_fifo"};
            assertThat(Main.execute(context, new PrintWriter(out, true), new PrintWriter(err, true), args))
                    .as(err.toString())
                    .isZero();

            assertNoControlCharacters(out.toString());
            assertThat(out.toString()).contains(SHOWN + " first in");
        }
    }

    /** A plugin that offers one scheduler and can run none. */
    private record OneSchedulerProvider(SchedulerDescriptor descriptor) implements SchedulerProvider {

        @Override
        public String id() {
            return descriptor.provider();
        }

        @Override
        public List<SchedulerDescriptor> schedulers() {
            return List.of(descriptor);
        }

        @Override
        public Availability availability(String schedulerName) {
            return Availability.unavailable("it is a test");
        }

        @Override
        public SchedulerHandle start(StartRequest request) {
            throw new UnsupportedOperationException("it is a test");
        }
    }

    @Test
    void aSchedulersOutputIsShownWithItsEscapesSpelledOut() throws IOException {
        Path binary = fixture.scxBin.resolve("scx_simple");
        Files.writeString(binary, "#!/bin/sh\nprintf 'loading\\033[2J\\033]0;pwned\\007\\n'\nexit 1\n");
        Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));

        Result result = run("run", "scx_simple");

        assertThat(result.code()).isEqualTo(ExitCodes.START_FAILED);
        assertNoControlCharacters(result.out());
        assertNoControlCharacters(result.err());
        assertThat(result.out() + result.err()).contains("loading\\e[2J\\e]0;pwned\\x07");
    }
}
