/**
 * The schedcp provider SPI and its value types. This module depends on the JDK only: a third-party
 * scheduler provider compiles against it and nothing else.
 */
module io.schedcp.api {
    exports io.schedcp.api;
    exports io.schedcp.api.spi;
    // The userspace-policy SPI: a policy plugin needs this package alone.
    exports io.schedcp.api.policy;
}
