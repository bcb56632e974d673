#!/usr/bin/env python3
"""One table of a kit run's model timings: nn-bench's rows (our devices and ONNX Runtime on the
CPU, from its results.json) beside the PyTorch baseline's (torch_baseline.py's JSON), per model
and case, with our best GPU device's median as a multiple of each baseline's.

    compare.py NN_BENCH_RESULTS_JSON [TORCH_JSON] > comparison.md

A missing or failed baseline is named in the table, not hidden. Standard library only.
"""

import json
import math
import sys

GPU_KINDS = ("discrete GPU", "integrated GPU", "software GPU")


def fmt(v):
    if v is None or (isinstance(v, float) and not math.isfinite(v)):
        return "-"
    return f"{v:.3f}" if v < 10 else f"{v:.1f}"


def median(row):
    t = row.get("timing")
    return t.get("median_ms") if isinstance(t, dict) else None


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(sys.argv[1]) as f:
        nn = json.load(f)
    torch, torch_note = None, "not run (no torch with CUDA on this machine, or its step failed: see summary.md)"
    if len(sys.argv) > 2:
        try:
            with open(sys.argv[2]) as f:
                torch = json.load(f)
            torch_note = f"torch {torch.get('torch')}, CUDA {torch.get('cuda')}, {torch.get('device')}"
        except (OSError, ValueError) as e:
            torch_note = f"no results ({e})"
    kinds = {d["name"]: d["kind"] for d in nn.get("devices", [])}
    descriptions = {d["name"]: d["description"] for d in nn.get("devices", [])}
    gpus = [name for name, kind in kinds.items() if kind in GPU_KINDS]
    others = [name for name, kind in kinds.items() if kind not in GPU_KINDS]
    ort = nn.get("ort")
    if isinstance(ort, dict) and "Ok" in ort:
        ort_note = str(ort["Ok"])
    elif isinstance(ort, dict) and "Err" in ort:
        ort_note = f"not run ({ort['Err']})"
    else:
        ort_note = ort if isinstance(ort, str) else json.dumps(ort)

    cases = []
    for r in nn["rows"]:
        key = (r["model"], r["case"], r["input"])
        if key not in cases:
            cases.append(key)
    torch_rows = {(r["model"], r["case"]): r for r in (torch or {}).get("results", [])}

    columns = gpus + others + ["onnxruntime", "torch eager", "torch graph"]
    out = [
        "## Model latency: our devices against ONNX Runtime (CPU) and PyTorch (CUDA)",
        "",
        "Median ms of the timed runs; `x` = our best GPU device's median over the baseline's "
        "(below 1: ours is faster). A failed check shows as `wrong`.",
        "",
        "- devices: " + ", ".join(f"`{n}` {descriptions.get(n, '')} ({kinds[n]})" for n in kinds),
        f"- onnxruntime: {ort_note}",
        f"- PyTorch: {torch_note}",
        "",
        "| model | case | input | " + " | ".join(columns) + " | best GPU / ORT | best GPU / torch |",
        "|---|---|---|" + "---|" * (len(columns) + 2),
    ]
    for model, case, shape in cases:
        rows = {r["runtime"]: r for r in nn["rows"] if r["model"] == model and r["case"] == case}
        cells, gpu_medians = [], []
        for name in gpus + others + ["onnxruntime"]:
            r = rows.get(name)
            if r is None:
                cells.append("-")
                continue
            m = median(r)
            worst = r.get("worst")
            wrong = r.get("check_error") or (worst is not None and worst > 1.0)
            if m is None:
                cells.append("failed")
            elif wrong:
                cells.append(f"{fmt(m)} wrong")
            else:
                cells.append(fmt(m))
                if name in gpus:
                    gpu_medians.append(m)
        t = torch_rows.get((model, case), {})
        eager = (t.get("eager") or {}).get("median_ms")
        graph = (t.get("graph") or {}).get("median_ms")
        torch_wrong = t.get("worst") is not None and t["worst"] > 1.0
        for v in (eager, graph):
            cells.append("-" if v is None else fmt(v) + (" wrong" if torch_wrong else ""))
        best = min(gpu_medians) if gpu_medians else None
        ort_m = median(rows["onnxruntime"]) if "onnxruntime" in rows else None
        torch_best = min([v for v in (eager, graph) if v is not None], default=None)
        ratio = lambda a, b: "-" if a is None or not b else f"{a / b:.2f}x"
        out.append(
            f"| {model} | {case} | {shape} | " + " | ".join(cells)
            + f" | {ratio(best, ort_m)} | {ratio(best, torch_best)} |"
        )
    out.append("")
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
