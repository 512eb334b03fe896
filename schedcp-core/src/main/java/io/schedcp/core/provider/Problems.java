package io.schedcp.core.provider;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What went wrong while finding providers: broken plugins, providers that threw, names two providers claim.
 * Each is logged as a warning and kept, so a front end can show it once without failing.
 */
public final class Problems {

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private final List<String> messages = new ArrayList<>();

    public synchronized void add(String message, Throwable cause) {
        messages.add(message);
        LOG.warn(message, cause);
    }

    public synchronized void add(String message) {
        messages.add(message);
        LOG.warn(message);
    }

    public synchronized List<String> messages() {
        return List.copyOf(messages);
    }
}
