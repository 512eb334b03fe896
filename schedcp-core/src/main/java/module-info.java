/**
 * The schedcp library: the scheduler manager and its rules, provider discovery (ServiceLoader and plugin
 * directories), the built-in scx provider and its catalog, the kernel's sched_ext state, privilege, and
 * the kernel lab.
 */
module io.schedcp.core {
    requires transitive io.schedcp.api;
    requires org.slf4j;
    requires tools.jackson.databind;

    exports io.schedcp.core;
    exports io.schedcp.core.bench;
    exports io.schedcp.core.kernel;
    exports io.schedcp.core.lab;
    exports io.schedcp.core.manager;
    exports io.schedcp.core.process;
    exports io.schedcp.core.provider;
    exports io.schedcp.core.store;

    uses io.schedcp.api.spi.SchedulerProvider;

    provides io.schedcp.api.spi.SchedulerProvider with io.schedcp.core.scx.ScxProvider;
}
