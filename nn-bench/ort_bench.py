#!/usr/bin/env python3
"""ONNX Runtime's CPU execution as nn-bench's baseline.

nn-bench passes a spec as JSON on stdin (by hand: `python3 ort_bench.py spec.json`) and reads one
JSON object from stdout. It times the same inputs with the
same scheme as nn-bench (src/measure.rs): one cold run, warm-up runs (fewer when they take a quarter
of the budget), then timed runs until `runs` are done or the budget is spent (never fewer than
`min_runs`). It returns every time, so that nn-bench computes the median and percentiles for all
runtimes with the same code.

The session: CPUExecutionProvider, intra_op_num_threads = `threads` (nn-bench passes the number of
cores), the default graph optimisations (ORT_ENABLE_ALL), everything else default.

Spec:
    {"threads": 2, "warmup": 3, "runs": 20, "min_runs": 3, "budget_s": 10.0,
     "cases": [{"key": "mnist#0", "model": "/path/model.onnx", "atol": 1e-3, "rtol": 1e-3,
                "inputs":  [{"name": "Input3", "file": "/path/input_0.bin",
                             "dtype": "float32", "shape": [1, 1, 28, 28]}],
                "outputs": [...same form, the reference outputs...]}]}
Output:
    {"onnxruntime": "1.32.0", "numpy": ..., "python": ..., "providers": [...],
     "results": [{"key": ..., "load_ms": ..., "first_ms": ..., "warmup": ..., "times_ms": [...],
                  "worst": <largest error as a multiple of the tolerance; null when not finite>,
                  "error": null}]}
or, when onnxruntime cannot be imported, {"error": ..., "install": "pip install ..."} and exit 3.
"""

import json
import platform
import sys
import time

# The version the committed results were made with; the install hint names it.
ORT_VERSION = "1.32.0"


def main():
    spec_text = open(sys.argv[1]).read() if len(sys.argv) > 1 and sys.argv[1] != "-" else sys.stdin.read()
    spec = json.loads(spec_text)
    try:
        import numpy as np
        import onnxruntime as ort
    except ImportError as e:
        print(json.dumps({"error": str(e), "install": f"pip install onnxruntime=={ORT_VERSION}"}))
        sys.exit(3)

    ort.set_default_logger_severity(3)
    out = {
        "onnxruntime": ort.__version__,
        "numpy": np.__version__,
        "python": platform.python_version(),
        "providers": ort.get_available_providers(),
        "results": [],
    }
    for case in spec["cases"]:
        try:
            result = run_case(ort, np, spec, case)
        except Exception as e:  # reported, not hidden: the row says why it failed
            result = {"key": case["key"], "error": f"{type(e).__name__}: {e}"}
        out["results"].append(result)
    print(json.dumps(out))


def read_tensor(np, entry):
    return np.fromfile(entry["file"], dtype=np.dtype(entry["dtype"]).newbyteorder("<")).reshape(entry["shape"])


def run_case(ort, np, spec, case):
    options = ort.SessionOptions()
    options.intra_op_num_threads = spec["threads"]
    started = time.perf_counter()
    session = ort.InferenceSession(case["model"], sess_options=options, providers=["CPUExecutionProvider"])
    load_ms = (time.perf_counter() - started) * 1e3
    feeds = {i["name"]: read_tensor(np, i) for i in case["inputs"]}
    output_names = [o["name"] for o in case["outputs"]]

    def run():
        return session.run(output_names, feeds)

    started = time.perf_counter()
    first = run()
    first_ms = (time.perf_counter() - started) * 1e3

    warmup_budget = spec["budget_s"] / 4.0
    started = time.perf_counter()
    warmup = 0
    while warmup < spec["warmup"] and (warmup == 0 or time.perf_counter() - started < warmup_budget):
        run()
        warmup += 1

    times = []
    last = None
    started = time.perf_counter()
    while len(times) < max(spec["runs"], 1) and (
        len(times) < max(spec["min_runs"], 1) or time.perf_counter() - started < spec["budget_s"]
    ):
        t = time.perf_counter()
        last = run()
        times.append((time.perf_counter() - t) * 1e3)

    expected = [read_tensor(np, o) for o in case["outputs"]]
    worst = max(worst_of(np, got, exp, case["atol"], case["rtol"]) for outs in (first, last) for got, exp in zip(outs, expected))
    return {
        "key": case["key"],
        "load_ms": load_ms,
        "first_ms": first_ms,
        "warmup": warmup,
        "times_ms": times,
        "worst": worst if worst != float("inf") else None,
        "error": None,
    }


def worst_of(np, actual, expected, atol, rtol):
    if actual.shape != expected.shape:
        return float("inf")
    a = actual.astype(np.float64).ravel()
    e = expected.astype(np.float64).ravel()
    both_nan = np.isnan(a) & np.isnan(e)
    ratio = np.abs(a - e) / (atol + rtol * np.abs(e))
    ratio = np.where(both_nan, 0.0, np.where(np.isnan(ratio), np.inf, ratio))
    return float(ratio.max()) if ratio.size else 0.0


if __name__ == "__main__":
    main()
