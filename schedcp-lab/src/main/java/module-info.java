/**
 * The kernel lab: boots a sched_ext kernel under QEMU with the host's root shared read-only and runs
 * scenarios in it. Its own module because three kinds of users need it and the manager does not: the
 * integration tests, the custom-scheduler verifier on hosts without sched_ext, and people who want to try a
 * scheduler before trusting it on their machine.
 */
module io.schedcp.lab {
    // Transitive: the lab's failures are SchedcpExceptions, which its callers catch.
    requires transitive io.schedcp.api;
    // Only for ChildEnvironment (every child started without the sudo password); no core type is in this API.
    requires io.schedcp.core;
    requires org.slf4j;

    exports io.schedcp.lab;
}
