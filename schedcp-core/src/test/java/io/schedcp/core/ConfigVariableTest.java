package io.schedcp.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The enum, docs/configuration.md and the sources name the same variables. */
class ConfigVariableTest {

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern NAME = Pattern.compile("\\bSCHEDCP_[A-Z][A-Z_]*[A-Z]\\b");
    /** Names that look like variables and are not: the lab job's heredoc delimiter. */
    private static final Set<String> NOT_VARIABLES = Set.of("SCHEDCP_SCENARIO_EOF");

    private static Set<String> declared() {
        return Arrays.stream(ConfigVariable.values())
                .map(ConfigVariable::variable)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyVariableHasARowInTheConfigurationPageWithItsDefault() throws IOException {
        String page = Files.readString(PROJECT.resolve("docs/configuration.md"));
        for (ConfigVariable variable : ConfigVariable.values()) {
            assertThat(page)
                    .as(variable.variable())
                    .contains("| `" + variable.variable() + "` | " + variable.defaultValue() + " | ");
        }
        Matcher rows = Pattern.compile("(?m)^\\| `(SCHEDCP_[A-Z_]+)` \\|").matcher(page);
        Set<String> documented = new TreeSet<>();
        while (rows.find()) {
            documented.add(rows.group(1));
        }
        assertThat(documented).isEqualTo(declared());
    }

    @Test
    void everySchedcpVariableTheSourcesNameIsDeclared() throws IOException {
        Set<String> named = new TreeSet<>();
        for (Path file : sources()) {
            Matcher m = NAME.matcher(Files.readString(file));
            while (m.find()) {
                named.add(m.group());
            }
        }
        named.removeAll(NOT_VARIABLES);
        assertThat(named)
                .as("SCHEDCP_ names in the main sources, the launcher and the lab scripts")
                .isNotEmpty()
                .isSubsetOf(declared());
    }

    @Test
    void onlyTheConfigReadsTheProcessEnvironment() throws IOException {
        List<String> readers = sources().stream()
                .filter(f -> f.toString().endsWith(".java"))
                .filter(f ->
                        read(f).contains("System.getenv()") || read(f).matches("(?s).*System\\.getenv\\(\"SCHEDCP_.*"))
                .map(f -> PROJECT.relativize(f).toString())
                .toList();
        // The lab's options read the whole environment to hand it on; every SCHEDCP_ read is through the config.
        assertThat(readers).allMatch(f -> f.endsWith("SchedcpConfig.java") || f.endsWith("LabOptions.java"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Path> sources() throws IOException {
        List<Path> roots =
                new java.util.ArrayList<>(List.of(PROJECT.resolve("schedcp-cli/src/build"), PROJECT.resolve("bpf")));
        try (Stream<Path> modules = Files.list(PROJECT)) {
            modules.filter(m -> m.getFileName().toString().startsWith("schedcp-"))
                    .forEach(m -> roots.add(m.resolve("src/main")));
        }
        List<Path> files = new java.util.ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(Files::isRegularFile)
                            .filter(f -> f.toString().matches(".*\\.(java|sh)$") || f.endsWith("schedcp"))
                            .forEach(files::add);
                }
            }
        }
        return files;
    }
}
