/**
 * The schedcp provider SPI and its value types. This module depends on the JDK only: a third-party
 * scheduler provider compiles against it and nothing else.
 */
module io.schedcp.api {
    exports io.schedcp.api;
    exports io.schedcp.api.spi;
}
