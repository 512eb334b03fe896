package io.schedcp.bpf.custom;

import io.schedcp.api.SchedcpException;
import io.schedcp.bpf.scx.ScxObject;
import io.schedcp.bpf.scx.UserExitInfo;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The JVM as the loader of a custom scheduler, started by the custom provider as the scheduler's program:
 * loads the BPF object, attaches it, and keeps it attached until this process is told to stop (SIGINT or
 * SIGTERM), or until the kernel disables it, whose reason it prints. If the process dies any other way the
 * kernel detaches the scheduler itself, because the link's file descriptor closes.
 *
 * <pre>LoaderMain NAME OBJECT</pre>
 * Exit status: 0 stopped on request, 2 disabled by the kernel, 3 did not load, 4 did not attach, 64 bad usage.
 */
public final class LoaderMain {

    static final int EJECTED = 2;
    static final int NOT_LOADED = 3;
    static final int NOT_ATTACHED = 4;
    static final int USAGE = 64;
    private static final long POLL_MILLIS = 200;

    private LoaderMain() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: LoaderMain NAME OBJECT.bpf.o");
            System.exit(USAGE);
        }
        System.exit(run(args[0], Path.of(args[1])));
    }

    static int run(String name, Path object) throws InterruptedException {
        ScxObject scx;
        try {
            scx = ScxObject.open(object);
            scx.load();
        } catch (SchedcpException e) {
            say(name + " did not load: " + e.getMessage());
            return NOT_LOADED;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        Thread hook = new Thread(
                () -> {
                    stopping.set(true);
                    scx.detach();
                    say(name + " detached on request; the kernel is back on its default scheduler");
                    stopped.countDown();
                },
                "schedcp-loader-stop");
        try {
            scx.attach();
        } catch (SchedcpException e) {
            say(name + " did not attach: " + e.getMessage() + exitText(scx.exitInfo()));
            scx.close();
            return NOT_ATTACHED;
        }
        Runtime.getRuntime().addShutdownHook(hook);
        say(name + " attached (struct_ops map " + scx.opsMapName() + "); it schedules until this process ends");
        while (true) {
            if (stopping.get()) {
                stopped.await();
                return 0;
            }
            Optional<UserExitInfo> exit = scx.exitInfo();
            if (exit.isPresent() && exit.get().exited() && !stopping.get()) {
                say("the kernel disabled " + name + ": " + exit.get().describe() + " ["
                        + exit.get().kindName() + "]");
                Runtime.getRuntime().removeShutdownHook(hook);
                scx.close();
                return EJECTED;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private static String exitText(Optional<UserExitInfo> exit) {
        return exit.filter(UserExitInfo::exited)
                .map(e -> "; the scheduler reported: " + e.describe())
                .orElse("");
    }

    private static void say(String line) {
        System.out.println("schedcp-loader: " + line);
        System.out.flush();
    }
}
