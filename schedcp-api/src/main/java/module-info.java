/**
 * The schedcp provider SPI and its value types. This module depends on the JDK only: a third-party
 * scheduler provider compiles against it and nothing else.
 */
module io.schedcp.api {
    exports io.schedcp.api;
    exports io.schedcp.api.spi;
// The userspace-policy SPI goes here too, as io.schedcp.api.policy (docs/architecture.md).
}
