package io.schedcp.daemon.api;

import io.schedcp.api.Availability;
import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.daemon.auth.Access;
import io.schedcp.daemon.http.ApiResponse;
import io.schedcp.daemon.http.Route;
import io.schedcp.daemon.http.Routes;
import io.schedcp.daemon.mode.DaemonModes;
import io.schedcp.daemon.mode.Mode;
import io.schedcp.daemon.mode.ModeChoice;
import io.schedcp.daemon.supervise.SupervisorStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The modes, as scx_loader has them: {@code GET /api/v1/modes} lists what each runs now, whether it can run
 * here and which is active; {@code POST /api/v1/mode} runs one through the supervisor, as
 * {@code POST /api/v1/execution} runs a scheduler, and answers 202 at once.
 */
final class ModeEndpoints {

    /**
     * The body of a mode request.
     *
     * @param mode auto, gaming, lowlatency, powersave or server
     * @param replaceForeign whether a scheduler another program runs may be stopped for it (default false)
     */
    record ModeRequest(String mode, Boolean replaceForeign) {}

    /** One mode: what it runs now and why, whether that can run here, and whether it is the active one. */
    record ModeView(
            String mode,
            String scheduler,
            List<String> args,
            String source,
            String reason,
            boolean available,
            Optional<String> whyUnavailable,
            boolean active) {}

    /** The answer to GET: the active mode, if any, and every mode. */
    record Listing(Optional<String> active, List<ModeView> modes) {}

    /** The answer to POST: what the mode runs and why, the request's number and the status when taken. */
    record Taken(
            String mode, String scheduler, List<String> args, String reason, long request, SupervisorStatus status) {}

    private ModeEndpoints() {}

    static void register(Routes routes, DaemonModes modes) {
        routes.add(
                "GET",
                "/api/v1/modes",
                Access.READ,
                "The modes (auto, gaming, lowlatency, powersave, server): the scheduler and flags each runs now and"
                        + " why, whether it can run here, and which one is active.",
                request -> ApiResponse.ok(listing(modes)));
        routes.add(new Route(
                "POST",
                "/api/v1/mode",
                Access.WRITE,
                "Runs a mode's scheduler in place of the daemon's current one, restarting it if it ends; answers at"
                        + " once with the request's number, to follow with GET /api/v1/execution.",
                Optional.of("{\"mode\": \"gaming\", \"replace_foreign\": false}"),
                202,
                request -> {
                    ModeRequest asked = request.body(ModeRequest.class, "a JSON object such as {\"mode\": \"gaming\"}");
                    if (asked.mode() == null || asked.mode().isBlank()) {
                        throw new SchedcpException(
                                Kind.INVALID_INPUT, "the body has no \"mode\"; name one of " + Mode.ids());
                    }
                    DaemonModes.Started started =
                            modes.run(Mode.of(asked.mode()), Boolean.TRUE.equals(asked.replaceForeign()));
                    ModeChoice choice = started.choice();
                    return ApiResponse.accepted(new Taken(
                            choice.mode().id(),
                            choice.scheduler(),
                            choice.args(),
                            choice.reason(),
                            started.accepted().request(),
                            started.accepted().status()));
                }));
    }

    static Listing listing(DaemonModes modes) {
        Optional<Mode> active = modes.active().map(a -> a.choice().mode());
        List<ModeView> views = Arrays.stream(Mode.values())
                .map(mode -> {
                    ModeChoice choice = modes.choice(mode);
                    Availability availability = modes.availability(choice);
                    return new ModeView(
                            mode.id(),
                            choice.scheduler(),
                            choice.args(),
                            choice.source(),
                            choice.reason(),
                            availability.isAvailable(),
                            availability instanceof Availability.Unavailable u
                                    ? Optional.of(u.reason())
                                    : Optional.empty(),
                            active.equals(Optional.of(mode)));
                })
                .toList();
        return new Listing(active.map(Mode::id), views);
    }
}
