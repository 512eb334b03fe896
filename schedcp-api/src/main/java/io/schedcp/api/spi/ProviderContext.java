package io.schedcp.api.spi;

import java.nio.file.Path;
import java.util.Map;

/** What the host offers a provider; given once through {@link SchedulerProvider#initialize}. */
public interface ProviderContext {

    /** Runs programs with the privileges a scheduler needs and captures their output. */
    ProcessLauncher launcher();

    /** The schedcp data directory ({@code ~/.schedcp} unless {@code SCHEDCP_HOME} says otherwise). */
    Path home();

    /** The environment variables the provider should honour (the process environment, or a test's). */
    Map<String, String> environment();
}
