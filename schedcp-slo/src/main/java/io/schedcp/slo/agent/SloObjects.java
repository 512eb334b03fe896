package io.schedcp.slo.agent;

import java.nio.file.Path;
import java.util.Map;

/** Where scx_slo's objects are kept and what compiles them, for the provider and the agent alike. */
final class SloObjects {

    private SloObjects() {}

    /** Objects in {@code HOME/slo}, compiled with the toolchain of the lab cache that {@code env} names. */
    static SloObjectBuilder builder(Path home, Map<String, String> env) {
        return new SloObjectBuilder(home, env);
    }
}
