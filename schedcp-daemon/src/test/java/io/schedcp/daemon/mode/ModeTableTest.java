package io.schedcp.daemon.mode;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.api.ParameterType;
import io.schedcp.api.SchedulerDescriptor;
import io.schedcp.api.TuningParameter;
import io.schedcp.core.SchedcpConfig;
import io.schedcp.core.manager.SchedulerEntry;
import io.schedcp.core.manager.SchedulerManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModeTableTest {

    @Test
    void everyModeHasABuiltInSchedulerAsScxLoaderChoosesThem() {
        ModeTable table = ModeTable.defaults();

        assertThat(table.setting(Mode.GAMING).commandLine()).isEqualTo("scx_lavd --performance");
        assertThat(table.setting(Mode.POWERSAVE).commandLine()).isEqualTo("scx_lavd --powersave");
        assertThat(table.setting(Mode.LOWLATENCY).scheduler()).isEqualTo("scx_bpfland");
        assertThat(table.setting(Mode.LOWLATENCY).args()).contains("--slice-us", "--primary-domain");
        assertThat(table.setting(Mode.SERVER).scheduler()).isEqualTo("scx_rusty");
        assertThat(table.setting(Mode.AUTO).scheduler()).isEqualTo("scx_bpfland");
        for (Mode mode : Mode.values()) {
            assertThat(table.setting(mode).fromConfig()).as(mode.id()).isFalse();
        }
    }

    @Test
    void theDefaultsUseOnlyFlagsThatTheCatalogListsForTheirScheduler(@TempDir Path temp) {
        try (SchedulerManager manager = SchedulerManager.builder()
                .config(new SchedcpConfig(
                        temp,
                        Map.of("SCHEDCP_SCHED_EXT_DIR", temp.resolve("none").toString())))
                .loadPlugins(false)
                .build()) {
            for (Mode mode : Mode.values()) {
                ModeSetting setting = ModeTable.defaults().setting(mode);
                Optional<SchedulerEntry> entry = manager.find("scx:" + setting.scheduler());

                assertThat(entry)
                        .as("%s's scheduler %s in the catalog", mode.id(), setting.scheduler())
                        .isPresent();
                assertThat(entry.get().descriptor().productionReady())
                        .as(setting.scheduler())
                        .isTrue();
                assertThat(unknownFlags(entry.get().descriptor(), setting.args()))
                        .as("%s: %s", mode.id(), setting.commandLine())
                        .isEmpty();
            }
        }
    }

    @Test
    void theFlagCheckOfTheTestRefusesWhatTheCatalogDoesNotList() {
        SchedulerDescriptor lavd = descriptorWith(
                new TuningParameter(
                        "--performance",
                        Optional.empty(),
                        ParameterType.SWITCH,
                        "",
                        Optional.empty(),
                        Optional.empty(),
                        List.of()),
                new TuningParameter(
                        "--slice-max-us",
                        Optional.empty(),
                        ParameterType.INTEGER,
                        "",
                        Optional.empty(),
                        Optional.empty(),
                        List.of()));

        assertThat(unknownFlags(lavd, List.of("--performance", "--slice-max-us", "3000")))
                .isEmpty();
        assertThat(unknownFlags(lavd, List.of("--turbo"))).containsExactly("--turbo");
        assertThat(unknownFlags(lavd, List.of("--performance", "3000"))).containsExactly("3000");
        assertThat(unknownFlags(lavd, List.of("--slice-max-us"))).containsExactly("--slice-max-us (no value)");
    }

    @Test
    void anOverrideReplacesOneModeAndLeavesTheOthers() {
        ModeTable table = ModeTable.defaults()
                .with(Map.of(Mode.SERVER, new ModeSetting("scx_bpfland", List.of("--local-pcpu"), true)));

        assertThat(table.setting(Mode.SERVER)).isEqualTo(new ModeSetting("scx_bpfland", List.of("--local-pcpu"), true));
        assertThat(table.setting(Mode.GAMING)).isEqualTo(ModeTable.defaults().setting(Mode.GAMING));
        assertThat(ModeTable.defaults().setting(Mode.SERVER).scheduler()).isEqualTo("scx_rusty");
    }

    /** The args that are neither a flag of the descriptor nor the value of one that takes a value. */
    static List<String> unknownFlags(SchedulerDescriptor descriptor, List<String> args) {
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            Optional<TuningParameter> parameter = descriptor.tuningParameters().stream()
                    .filter(p -> p.flag().equals(arg) || p.shortFlag().equals(Optional.of(arg)))
                    .findFirst();
            if (parameter.isEmpty()) {
                unknown.add(arg);
            } else if (parameter.get().type() != ParameterType.SWITCH) {
                if (i + 1 == args.size()) {
                    unknown.add(arg + " (no value)");
                } else {
                    i++;
                    if (parameter.get().type() == ParameterType.CHOICE
                            && !parameter.get().choices().contains(args.get(i))) {
                        unknown.add(arg + " " + args.get(i));
                    }
                }
            }
        }
        return unknown;
    }

    private static SchedulerDescriptor descriptorWith(TuningParameter... parameters) {
        return new SchedulerDescriptor(
                "scx_lavd", "scx", "lavd", true, "", "", List.of(), "", List.of(parameters), "", "", null);
    }
}
