package io.schedcp.core.provider;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One plugin as {@link PluginLoader} loaded it: where it lies, and the module layer or the class loader that holds
 * its classes and nothing of schedcp's. A service of any kind (scheduler providers, scx_userspace's policies) is
 * looked for in that layer or loader alone, so that a provider schedcp itself has is not found once per plugin.
 */
public sealed interface PluginScope {

    /** The plugin's jar, or the directory whose jars make it: what messages name it by. */
    Path location();

    /** {@link #location()} as text, for messages. */
    default String name() {
        return location().toString();
    }

    /** A plugin loaded as modules (schedcp runs on the module path): the layer its modules were defined in. */
    record Modules(Path location, ModuleLayer layer) implements PluginScope {
        public Modules {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(layer, "layer");
        }
    }

    /** A plugin loaded on a class path (schedcp runs on one): the class loader of its jars. */
    record ClassPath(Path location, ClassLoader loader) implements PluginScope {
        public ClassPath {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(loader, "loader");
        }
    }
}
