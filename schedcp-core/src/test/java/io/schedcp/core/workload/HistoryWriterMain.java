package io.schedcp.core.workload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * A separate process that adds history to a workload store, for {@link WorkloadStoreProcessesTest}: it says it
 * is ready, waits for the go file so that all writers start together, then adds its entries as fast as it can.
 *
 * <p>Arguments: home, workload id, writer name, number of entries, go file.
 */
public final class HistoryWriterMain {

    private HistoryWriterMain() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        String workloadId = args[1];
        String writer = args[2];
        int count = Integer.parseInt(args[3]);
        Path go = Path.of(args[4]);
        Files.writeString(home.resolve("ready-" + writer), "");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!Files.exists(go)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no go file " + go + " within 60 s");
            }
            Thread.sleep(5);
        }
        WorkloadStore store = new WorkloadStore(home);
        for (int i = 0; i < count; i++) {
            store.addHistory(
                    workloadId,
                    RunRecord.of("scx_" + writer, Instant.now(), writer + " " + i)
                            .withMetrics(Map.of("writer_entry", (double) i)));
        }
    }
}
