package io.schedcp.core.bench;

/**
 * Where a bench is: which scheduler, which run of how many, and what is happening.
 *
 * @param step      1-based step over the whole bench (schedulers times runs)
 * @param steps     the total number of steps
 */
public record BenchProgress(String scheduler, int run, int runs, int step, int steps, String message) {

    /** One line for people: {@code [3/9] scx_simple run 1/3: running hackbench}. */
    public String line() {
        return "[" + step + "/" + steps + "] " + scheduler + (run > 0 ? " run " + run + "/" + runs : "") + ": "
                + message;
    }
}
