#!/usr/bin/env python3
"""One line of figures for lab-bench.sh: lat's wake-up latency from cyclictest's histogram, batch's bogo-ops/s
from stress-ng's metrics, and, for scx_slo, its own counters for slot 1 (lat) and slot 0 (the rest) summed over
the CPUs of a `bpftool -j map dump name stats`.
    lab-bench-figures.py NAME BUDGET_MS CYCLICTEST_OUTPUT STRESS_OUTPUT [STATS_JSON_FILE]"""
import json
import re
import sys


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


def bogo_ops_per_s(path):
    for line in open(path, errors="replace"):
        m = re.search(r"metrc:.*\scpu\s+(\d+)\s+([\d.]+)", line)
        if m:
            return int(m.group(1)) / float(m.group(2))
    return float("nan")


def slo_counters(text):
    if not text.strip():
        return ""
    slots = {}
    try:
        entries = json.loads(text)
    except ValueError as e:
        return " | bpf: stats not readable (%s): %r" % (e, text[:200])
    for entry in entries:
        entry = entry.get("formatted", entry)
        key = entry["key"]
        key = int(key[0], 16) if isinstance(key, list) else int(key)
        for per_cpu in entry["values"]:
            value = per_cpu["value"]
            total = slots.setdefault(key, {"runs": 0, "misses": 0, "max_lateness_ns": 0, "dropped_events": 0,
                                           "throttled": 0, "cpu_ns": 0})
            for field in ("runs", "misses", "dropped_events", "throttled", "cpu_ns"):
                total[field] += value[field]
            total["max_lateness_ns"] = max(total["max_lateness_ns"], value["max_lateness_ns"])
    parts = []
    for slot, name in ((1, "lat"), (0, "other")):
        t = slots.get(slot)
        if t:
            ratio = t["misses"] / t["runs"] if t["runs"] else 0.0
            parts.append("%s runs=%d misses=%d (%.2f%%) max_late=%.2fms dropped=%d throttled=%d cpu=%.1fs" % (
                name, t["runs"], t["misses"], 100 * ratio, t["max_lateness_ns"] / 1e6, t["dropped_events"],
                t["throttled"], t["cpu_ns"] / 1e9))
    return " | bpf: " + "; ".join(parts)


def main():
    name, budget_ms, cyclic, stress = sys.argv[1:5]
    stats = open(sys.argv[5]).read() if len(sys.argv) > 5 else ""
    counts, overflows, max_us = histogram(cyclic)
    total = sum(counts.values()) + overflows
    over = sum(c for us, c in counts.items() if us > float(budget_ms) * 1000) + overflows
    print("slo bench %-10s samples=%d p50=%sus p99=%sus max=%sus over_budget=%.2f%% batch=%.1f bogo-ops/s%s" % (
        name, total, percentile(counts, overflows, 0.50), percentile(counts, overflows, 0.99), max_us,
        100.0 * over / total if total else float("nan"), bogo_ops_per_s(stress), slo_counters(stats)))


main()
