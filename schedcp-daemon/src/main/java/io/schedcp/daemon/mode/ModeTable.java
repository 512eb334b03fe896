package io.schedcp.daemon.mode;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What each mode runs. The built-in defaults follow scx_loader's choices, written with the flags that
 * schedcp's catalog lists for each scheduler (a test holds them to it):
 *
 * <ul>
 *   <li>auto: scx_bpfland as it comes, when the history has nothing to say (see {@link AutoChoice});
 *   <li>gaming: scx_lavd --performance, every CPU and no core compaction;
 *   <li>lowlatency: scx_bpfland with 5 ms slices, 5 ms of sleep credit and the fast cores first;
 *   <li>powersave: scx_lavd --powersave;
 *   <li>server: scx_rusty as it comes, load balanced across its cache domains.
 * </ul>
 *
 * The config's {@code modes:} replaces an entry; for auto it replaces what runs without history.
 */
public final class ModeTable {

    private static final ModeTable DEFAULTS = new ModeTable(Map.of(
            Mode.AUTO, ModeSetting.builtIn("scx_bpfland"),
            Mode.GAMING, ModeSetting.builtIn("scx_lavd", "--performance"),
            Mode.LOWLATENCY,
                    ModeSetting.builtIn(
                            "scx_bpfland",
                            "--slice-us",
                            "5000",
                            "--slice-us-lag",
                            "5000",
                            "--primary-domain",
                            "performance"),
            Mode.POWERSAVE, ModeSetting.builtIn("scx_lavd", "--powersave"),
            Mode.SERVER, ModeSetting.builtIn("scx_rusty")));

    private final Map<Mode, ModeSetting> settings;

    private ModeTable(Map<Mode, ModeSetting> settings) {
        EnumMap<Mode, ModeSetting> copy = new EnumMap<>(Mode.class);
        copy.putAll(settings);
        for (Mode mode : Mode.values()) {
            Objects.requireNonNull(copy.get(mode), mode.id());
        }
        this.settings = copy;
    }

    /** The built-in table. */
    public static ModeTable defaults() {
        return DEFAULTS;
    }

    /** This table with {@code overrides} in place of its entries. */
    public ModeTable with(Map<Mode, ModeSetting> overrides) {
        EnumMap<Mode, ModeSetting> merged = new EnumMap<>(settings);
        merged.putAll(overrides);
        return new ModeTable(merged);
    }

    /** What {@code mode} runs; for auto, what it runs when the history has nothing to say. */
    public ModeSetting setting(Mode mode) {
        return settings.get(mode);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ModeTable t && t.settings.equals(settings);
    }

    @Override
    public int hashCode() {
        return settings.hashCode();
    }

    @Override
    public String toString() {
        return "ModeTable" + settings;
    }
}
