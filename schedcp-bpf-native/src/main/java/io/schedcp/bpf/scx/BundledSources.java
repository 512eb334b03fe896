package io.schedcp.bpf.scx;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * A scheduler's BPF source and the one header it includes, as resources of the jar that ships them. The
 * module that holds them opens them ({@code opener}, typically {@code Anchor.class::getResourceAsStream}
 * written in that module, since a module's resources are its own).
 *
 * @param scheduler the scheduler's name, which also names its objects
 * @param jar the jar's name, for the message when a resource is missing
 */
public record BundledSources(String scheduler, String jar, Opener opener, String sourceName, String headerName) {

    /** Opens a resource by name; empty when the jar does not hold it. */
    @FunctionalInterface
    public interface Opener {
        Optional<InputStream> open(String name);
    }

    /** The bytes of the resource {@code name}. */
    public byte[] read(String name) {
        Optional<InputStream> opened = opener.open(name);
        if (opened.isEmpty()) {
            throw new SchedcpException(
                    Kind.UNAVAILABLE,
                    "this schedcp was built without " + scheduler + "'s BPF source (" + name + " is not in " + jar
                            + "'s jar); rebuild it with mvn package");
        }
        try (InputStream in = opened.get()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new SchedcpException(Kind.IO, "could not read " + name + " from " + jar + "'s jar", e);
        }
    }
}
