package io.schedcp.userspace.control;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.control.ControlHandler;
import io.schedcp.core.control.ControlRequest;
import io.schedcp.core.control.ControlResponse;
import io.schedcp.userspace.strategy.StrategyJson;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers the requests of scx_userspace's socket from a {@link PolicyControl}: {@code stats}, {@code stats_meta},
 * {@code strategies}, {@code put} and {@code remove}. Every request gets one response; a failure becomes an error response.
 */
final class PolicyRequestHandler implements ControlHandler {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyRequestHandler.class);
    private static final ObjectMapper TREES = JsonMapper.builder().build();
    private static final String PUT_EXAMPLE =
            "{\"req\": \"put\", \"args\": {\"strategy\": \"{\\\"id\\\":\\\"web\\\",\\\"match\\\":{\\\"comm\\\":"
                    + "\\\"^nginx\\\"},\\\"priority\\\":true}\"}}";

    private final PolicyControl control;

    PolicyRequestHandler(PolicyControl control) {
        this.control = Objects.requireNonNull(control, "control");
    }

    @Override
    public ControlResponse handle(ControlRequest request) {
        try {
            return switch (request.req()) {
                case ControlRequest.STATS -> ControlResponse.ok(control.status());
                case ControlRequest.STATS_META -> ControlResponse.ok(PolicyStatsMeta.all());
                case PolicyRequests.STRATEGIES ->
                    ControlResponse.ok(TREES.readTree(StrategyJson.write(control.strategies())));
                case PolicyRequests.PUT ->
                    ControlResponse.ok(new PolicyRequests.Put(control.put(StrategyJson.read(
                            arg(request, PolicyRequests.STRATEGY, "the strategy as JSON, as in " + PUT_EXAMPLE)))));
                case PolicyRequests.REMOVE ->
                    ControlResponse.ok(new PolicyRequests.Removed(
                            control.remove(arg(request, PolicyRequests.ID, "the id of the strategy to remove"))));
                default ->
                    ControlResponse.failure(
                            Kind.NOT_FOUND,
                            "no request is named " + request.req()
                                    + "; scx_userspace's agent answers stats, stats_meta, strategies, put and remove");
            };
        } catch (SchedcpException e) {
            return ControlResponse.failure(e);
        } catch (RuntimeException e) {
            // A bug of the agent: the client gets its description, the log the stack trace.
            LOG.warn("scx_userspace's agent failed to answer {}", request.req(), e);
            return ControlResponse.failure(
                    Kind.IO, "scx_userspace's agent failed to answer " + request.req() + ": " + e);
        }
    }

    /** The one arg {@code name} of {@code request}, which takes no other. */
    private static String arg(ControlRequest request, String name, String what) {
        Map<String, String> args = request.args();
        for (String given : args.keySet()) {
            if (!given.equals(name)) {
                throw invalid(request.req() + " has no arg " + given + "; it takes " + name + " alone");
            }
        }
        return Optional.ofNullable(args.get(name))
                .filter(value -> !value.isBlank())
                .orElseThrow(() -> invalid(request.req() + " needs the arg " + name + ", " + what));
    }

    private static SchedcpException invalid(String message) {
        return new SchedcpException(Kind.INVALID_INPUT, message);
    }
}
