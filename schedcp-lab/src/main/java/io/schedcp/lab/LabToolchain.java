package io.schedcp.lab;

import io.schedcp.core.ConfigVariable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What {@code bpf/setup.sh} prepared, read from its manifest {@code <cache>/lab/toolchain.properties}:
 * the sched_ext kernel, the BPF headers, QEMU, virtiofsd and the reference schedulers. The manifest is
 * written last, so its presence means the set-up finished.
 */
public record LabToolchain(Path manifest, Properties properties) {

    /** {@code SCHEDCP_CACHE}, else {@code ~/.cache/schedcp}. */
    public static Path cacheDirectory(Map<String, String> env, Path userHome) {
        String cache = env.get(ConfigVariable.CACHE.variable());
        return cache == null || cache.isBlank() ? userHome.resolve(".cache/schedcp") : Path.of(cache);
    }

    public static Path manifestIn(Path cacheDirectory) {
        return cacheDirectory.resolve("lab/toolchain.properties");
    }

    /** The toolchain the manifest in {@code cacheDirectory} describes, if set-up has run. */
    public static Optional<LabToolchain> load(Path cacheDirectory) {
        Path manifest = manifestIn(cacheDirectory);
        if (!Files.isRegularFile(manifest)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(manifest)) {
            properties.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(new LabToolchain(manifest, properties));
    }

    public String kernelVersion() {
        return properties.getProperty("kernel_version", "unknown");
    }

    public Path vmlinuz() {
        return path("vmlinuz");
    }

    public Path qemu() {
        return path("qemu");
    }

    public Path virtiofsd() {
        return path("virtiofsd");
    }

    public Path vmlinuxHeader() {
        return path("vmlinux_h");
    }

    public Path scxInclude() {
        return path("scx_include");
    }

    public Path scxBin() {
        return path("scxbin");
    }

    /** The reference schedulers the set-up built. */
    public List<String> builtSchedulers() {
        String built = properties.getProperty("built", "").trim();
        return built.isEmpty() ? List.of() : Arrays.asList(built.split("\\s+"));
    }

    private Path path(String key) {
        return Path.of(properties.getProperty(key, "/nonexistent/" + key));
    }

    /** What is missing for a boot, one sentence each; empty when the lab can boot. */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        requireFile(missing, vmlinuz(), "the sched_ext kernel image");
        requireExecutable(missing, qemu(), "qemu-system-x86_64");
        requireExecutable(missing, virtiofsd(), "virtiofsd");
        requireFile(missing, vmlinuxHeader(), "vmlinux.h");
        for (String scheduler : builtSchedulers()) {
            requireExecutable(missing, scxBin().resolve(scheduler), "the reference scheduler " + scheduler);
        }
        return missing;
    }

    private static void requireFile(List<String> missing, Path file, String what) {
        if (!Files.isRegularFile(file)) {
            missing.add(what + " (" + file + ") is missing");
        }
    }

    private static void requireExecutable(List<String> missing, Path file, String what) {
        if (!Files.isRegularFile(file) || !Files.isExecutable(file)) {
            missing.add(what + " (" + file + ") is missing or not executable");
        }
    }
}
