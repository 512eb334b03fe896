package io.schedcp.core.provider;

import io.schedcp.api.spi.ProcessLauncher;
import io.schedcp.api.spi.ProviderContext;
import java.nio.file.Path;
import java.util.Map;

/** The context the manager hands every provider. */
public record DefaultProviderContext(ProcessLauncher launcher, Path home, Map<String, String> environment)
        implements ProviderContext {

    public DefaultProviderContext {
        environment = Map.copyOf(environment);
    }
}
