/**
 * The schedcp library: the scheduler manager and its rules, provider discovery (ServiceLoader and plugin
 * directories), the built-in scx provider and its catalog, the kernel's sched_ext state, privilege, the
 * system monitor, and workload profiles with the history of their runs.
 */
module io.schedcp.core {
    requires transitive io.schedcp.api;
    requires org.slf4j;
    // Transitive: a run's monitor summary is a Jackson tree in the workload API.
    requires transitive tools.jackson.databind;
    requires java.management;

    exports io.schedcp.core;
    exports io.schedcp.core.bench;
    exports io.schedcp.core.kernel;
    exports io.schedcp.core.manager;
    exports io.schedcp.core.monitor;
    exports io.schedcp.core.process;
    exports io.schedcp.core.provider;
    exports io.schedcp.core.recommend;
    exports io.schedcp.core.store;
    exports io.schedcp.core.workload;

    // Workload profiles and history are records read and written by Jackson (workloads.json).
    opens io.schedcp.core.workload to tools.jackson.databind;

    // The monitor's summary is a record the workload history writes and reads back with Jackson.
    opens io.schedcp.core.monitor to tools.jackson.databind;

    uses io.schedcp.api.spi.SchedulerProvider;

    provides io.schedcp.api.spi.SchedulerProvider with io.schedcp.core.scx.ScxProvider;
}
