package io.schedcp.daemon.auth;

/** Which token an endpoint needs. */
public enum Access {
    /** None: {@code /healthz}, so that a probe needs no secret. */
    PUBLIC,
    /** Either token: the read-only one may read. */
    READ,
    /** The full token: the endpoint changes the host (runs or stops a scheduler, changes a group). */
    WRITE
}
