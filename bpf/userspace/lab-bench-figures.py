#!/usr/bin/env python3
"""One line of figures for lab-bench.sh: hackbench's median time and cyclictest's p50 / p99 / max wake-up latency.
    lab-bench-figures.py NAME CYCLICTEST_OUTPUT TIME..."""
import importlib.util
import os
import statistics
import sys

# cyclictest's histogram is read as the SLO bench reads it.
_spec = importlib.util.spec_from_file_location(
    "slo_figures", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "slo", "lab-bench-figures.py"))
_slo = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_slo)
histogram, percentile = _slo.histogram, _slo.percentile


def main():
    name, cyclic, times = sys.argv[1], sys.argv[2], [float(t) for t in sys.argv[3:]]
    counts, overflows, max_us = histogram(cyclic)
    samples = sum(counts.values()) + overflows
    hack = f"hackbench median={statistics.median(times):.3f}s runs={' '.join(f'{t:.3f}' for t in times)}" \
        if times else "hackbench: no time (did it fail?)"
    if samples:
        lat = (f"cyclictest samples={samples} p50={percentile(counts, overflows, 0.5)}us "
               f"p99={percentile(counts, overflows, 0.99)}us max={max_us}us")
    else:
        lat = "cyclictest: no samples"
    print(f"userspace bench {name:<13} {hack} | {lat}")


if __name__ == "__main__":
    main()
