#!/usr/bin/env python3
"""One line of figures for lab-bench.sh: lat's wake-up latency from cyclictest's histogram (timer expiry to
running) and from the trace (sched_waking to sched_switch: the scheduler's part), batch's bogo-ops/s from
stress-ng's metrics, and, for scx_slo, its own counters from `schedcp slo status --json`.
    lab-bench-figures.py NAME BUDGET_MS CYCLICTEST_OUTPUT STRESS_OUTPUT TRACE STATUS_JSON"""
import json
import re
import sys

TRACE_LINE = re.compile(r"\s(\d+\.\d+): (sched_waking|sched_switch): (.*)$")


def histogram(path):
    counts, overflows, max_us = {}, 0, None
    for line in open(path, errors="replace"):
        m = re.match(r"^(\d{6})\s+(\d+)", line)
        if m:
            counts[int(m.group(1))] = counts.get(int(m.group(1)), 0) + int(m.group(2))
        m = re.match(r"^# Histogram Overflows:\s+(\d+)", line)
        if m:
            overflows = int(m.group(1))
        m = re.match(r"^# Max Latenc(?:y|ys|ies):\s+(\d+)", line)
        if m:
            max_us = int(m.group(1))
    return counts, overflows, max_us


def percentile(counts, overflows, q):
    total = sum(counts.values()) + overflows
    seen = 0
    for us in sorted(counts):
        seen += counts[us]
        if seen >= q * total:
            return us
    return float("inf")


def wake_to_run_us(path):
    """Each wake-up's time from sched_waking to the sched_switch that puts the same pid on a CPU, in µs."""
    waking, latencies = {}, []
    try:
        lines = open(path, errors="replace")
    except OSError:
        return latencies
    for line in lines:
        m = TRACE_LINE.search(line)
        if not m:
            continue
        at, event, fields = float(m.group(1)), m.group(2), m.group(3)
        if event == "sched_waking":
            pid = re.search(r"\bpid=(\d+)", fields)
            if pid:
                waking.setdefault(pid.group(1), at)
        else:
            pid = re.search(r"next_pid=(\d+)", fields)
            if pid and pid.group(1) in waking:
                latencies.append((at - waking.pop(pid.group(1))) * 1e6)
    return sorted(latencies)


def traced(latencies, budget_us):
    if not latencies:
        return " | sched: no trace"
    n = len(latencies)
    pick = lambda q: latencies[min(n - 1, int(q * n))]
    over = sum(1 for us in latencies if us > budget_us)
    return " | sched wake-to-run: n=%d p50=%.0fus p99=%.0fus max=%.0fus over_budget=%.2f%%" % (
        n, pick(0.50), pick(0.99), latencies[-1], 100.0 * over / n)


def bogo_ops_per_s(path):
    for line in open(path, errors="replace"):
        m = re.search(r"metrc:.*\scpu\s+(\d+)\s+([\d.]+)", line)
        if m:
            return int(m.group(1)) / float(m.group(2))
    return float("nan")


def slo_counters(path):
    try:
        text = open(path).read()
    except OSError:
        return ""
    if not text.strip():
        return ""
    try:
        status = json.loads(text)
    except ValueError as e:
        return " | scx_slo: status not readable (%s): %r" % (e, text[:200])
    parts = []
    for group in status.get("groups", []) + [status["unconfigured"]]:
        runs, misses = group.get("runs", 0), group.get("misses", 0)
        parts.append("%s runs=%d misses=%d (%.2f%%) max_late=%.2fms dropped=%d" % (
            group.get("cgroup", "other"), runs, misses, 100.0 * misses / runs if runs else 0.0,
            group.get("max_lateness_ns", 0) / 1e6, group.get("dropped_events", 0)))
    return " | scx_slo: " + "; ".join(parts)


def main():
    name, budget_ms, cyclic, stress, trace, status = sys.argv[1:7]
    counts, overflows, max_us = histogram(cyclic)
    total = sum(counts.values()) + overflows
    over = sum(c for us, c in counts.items() if us > float(budget_ms) * 1000) + overflows
    print("slo bench %-10s cyclictest samples=%d p50=%sus p99=%sus max=%sus over_budget=%.2f%%%s | batch=%.1f "
          "bogo-ops/s%s" % (
              name, total, percentile(counts, overflows, 0.50), percentile(counts, overflows, 0.99), max_us,
              100.0 * over / total if total else float("nan"), traced(wake_to_run_us(trace), float(budget_ms) * 1000),
              bogo_ops_per_s(stress), slo_counters(status)))


if __name__ == "__main__":
    main()
