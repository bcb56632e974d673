#!/usr/bin/env python3
"""PyTorch on CUDA as nn-bench's GPU baseline: the model fixtures, executed by interpreting their
ONNX graphs with `onnx` and `torch.nn.functional`.

The GPU machines have PyTorch with CUDA and ONNX Runtime for the CPU only, so the strongest GPU
baseline there is PyTorch itself. This script reads each fixture's `model.onnx` with `onnx`, turns
every node into the matching torch call (exactly the operators the fixture models use; any other
is refused with a clear message), checks the outputs of every case against the fixture's
reference outputs within the manifest's tolerance, and times the cases nn-bench times (the first,
and the first with a batch above 1) by nn-bench's scheme (src/measure.rs): one cold run, warm-up
runs, then timed runs until `--runs` are done or `--budget` seconds are spent (never fewer than
`--min-runs`), each run ended by `torch.cuda.synchronize()`. Two ways are timed:

- eager: the graph's nodes one by one, as written (after the shape-only nodes such as
  Shape/Slice/Concat feeding a Reshape are computed once for the case's input shapes: any
  runtime does that);
- graph: the same nodes captured once into a CUDA graph and replayed (the lowest launch overhead
  PyTorch offers without compiling).

TF32 is off unless `--tf32` (the references were made in full f32); cuDNN picks its fastest
algorithms (`cudnn.benchmark`) during the cold and warm-up runs.

Usage:
    torch_baseline.py --models DIR --out results.json [--markdown results.md] [--device cuda]

Exit status: 0 when every case matched its reference; 1 when one did not, or failed; 2 for a
usage error; 3 when torch (or onnx, numpy) cannot be imported or the device is not available.
"""

import argparse
import json
import math
import os
import platform
import sys
import time


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--models", required=True, help="the fixtures folder (NAME/manifest.json, ...)")
    p.add_argument("--model", action="append", default=[], help="only this model (repeatable)")
    p.add_argument("--out", required=True, help="JSON results file")
    p.add_argument("--markdown", help="also write a Markdown table here")
    p.add_argument("--device", default="cuda", help="torch device (default cuda; cpu to test the interpreter)")
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("--runs", type=int, default=20)
    p.add_argument("--min-runs", type=int, default=3)
    p.add_argument("--budget", type=float, default=8.0, help="seconds of timed runs per model, case and way")
    p.add_argument("--no-graph", action="store_true", help="time eager execution only")
    p.add_argument("--tf32", action="store_true", help="allow TF32 in convolutions and matrix products")
    p.add_argument("--check-only", action="store_true", help="check every case, time nothing")
    return p.parse_args()


class Unsupported(Exception):
    """A model uses something this interpreter does not implement."""


# The operators of the three fixture models (mnist, ppocr-cls, pplcnet-orientation), and nothing
# else: a model with any other operator is refused before it runs.
SUPPORTED = (
    "Add BatchNormalization Cast Clip Concat Constant Conv Div Gemm GlobalAveragePool HardSigmoid "
    "HardSwish Identity MatMul MaxPool Mul Relu Reshape Shape Slice Softmax"
).split()

# Inputs read on the host as integer lists (never as device data).
HOST_INPUTS = {"Reshape": {1}, "Slice": {1, 2, 3, 4}}


def torch_dtype(torch, onnx_type):
    table = {
        1: torch.float32, 2: torch.uint8, 3: torch.int8, 5: torch.int16, 6: torch.int32,
        7: torch.int64, 9: torch.bool, 10: torch.float16, 11: torch.float64, 16: torch.bfloat16,
    }
    if onnx_type not in table:
        raise Unsupported(f"tensor element type {onnx_type} (ONNX TensorProto numbering)")
    return table[onnx_type]


class Interpreter:
    """One ONNX model as a list of torch calls."""

    def __init__(self, torch, onnx, model, device):
        self.torch = torch
        self.F = torch.nn.functional
        self.onnx = onnx
        self.device = device
        graph = model.graph
        self.opset = 1
        for imp in model.opset_import:
            if imp.domain in ("", "ai.onnx"):
                self.opset = imp.version
        unknown = sorted({
            (n.domain or "ai.onnx") + "::" + n.op_type
            for n in graph.node
            if n.op_type not in SUPPORTED or n.domain not in ("", "ai.onnx")
        })
        if unknown:
            raise Unsupported(
                "operator(s) " + ", ".join(unknown) + f" (opset {self.opset}): torch_baseline.py interprets "
                "exactly the operators of the fixture models (" + ", ".join(SUPPORTED) + ")"
            )
        for n in graph.node:
            for a in n.attribute:
                if a.type == onnx.AttributeProto.GRAPH or a.type == onnx.AttributeProto.GRAPHS:
                    raise Unsupported(f"{n.op_type} with a subgraph")
        self.nodes = list(graph.node)
        self.constants = {}
        for init in graph.initializer:
            self.constants[init.name] = self.tensor_of(onnx.numpy_helper.to_array(init))
        self.inputs = [i.name for i in graph.input if i.name not in self.constants]
        self.outputs = [o.name for o in graph.output]

    def tensor_of(self, array):
        """A torch tensor from a numpy array: floats on the device, integers on the host."""
        t = self.torch.from_numpy(array.copy())
        return t.to(self.device) if t.is_floating_point() else t

    # --- specialisation for one set of input shapes -------------------------------------------

    def specialise(self, inputs):
        """Runs the graph once on `inputs` (name -> tensor on the device) and returns a function
        running it again on new inputs of the same shapes: nodes depending on the inputs' values
        are replayed, nodes depending only on constants or shapes were computed here once."""
        env = dict(self.constants)
        static = set(self.constants)
        plan = []
        for name, t in inputs.items():
            env[name] = t
        for node in self.nodes:
            fn = self.op(node)
            args = [env[i] if i else None for i in node.input]
            outs = fn(*args)
            if not isinstance(outs, tuple):
                outs = (outs,)
            for name, value in zip(node.output, outs):
                if name:
                    env[name] = value
            is_static = node.op_type in ("Shape", "Constant") or all(
                (not i) or i in static for i in node.input
            )
            if is_static:
                static.update(o for o in node.output if o)
            else:
                plan.append((fn, list(node.input), list(node.output), node.op_type))
        # Static values the replayed nodes read as data must already be on the device.
        fixed = {}
        for fn, ins, outs, op in plan:
            host = HOST_INPUTS.get(op, set())
            for k, name in enumerate(ins):
                if name and name in static and name not in fixed:
                    v = env[name]
                    if k not in host and v.device != self.device_obj():
                        v = v.to(self.device)
                    fixed[name] = v
        outputs = self.outputs
        input_names = list(inputs)

        def run(new_inputs):
            e = dict(fixed)
            for name in input_names:
                e[name] = new_inputs[name]
            for fn, ins, outs, _ in plan:
                r = fn(*[e[i] if i else None for i in ins])
                if not isinstance(r, tuple):
                    r = (r,)
                for name, value in zip(outs, r):
                    if name:
                        e[name] = value
            return [e[o] if o in e else env[o] for o in outputs]

        first = [env[o] for o in outputs]
        return run, first

    def device_obj(self):
        return self.torch.device(self.device) if self.device != "cuda" else self.torch.device("cuda", self.torch.cuda.current_device())

    # --- the operators -------------------------------------------------------------------------

    def attrs(self, node):
        return {a.name: self.onnx.helper.get_attribute_value(a) for a in node.attribute}

    def op(self, node):
        a = self.attrs(node)
        method = getattr(self, "op_" + node.op_type)
        return method(node, a)

    @staticmethod
    def host_list(t):
        return [int(v) for v in t.reshape(-1).tolist()]

    def op_Identity(self, node, a):
        return lambda x: x

    def op_Relu(self, node, a):
        return self.F.relu

    def op_Add(self, node, a):
        return lambda x, y: x + y

    def op_Mul(self, node, a):
        return lambda x, y: x * y

    def op_Div(self, node, a):
        torch = self.torch

        def div(x, y):
            if x.is_floating_point():
                return x / y
            return torch.div(x, y, rounding_mode="trunc")

        return div

    def op_MatMul(self, node, a):
        return self.torch.matmul

    def op_Constant(self, node, a):
        numpy_helper = self.onnx.numpy_helper
        torch = self.torch
        if "value" in a:
            value = self.tensor_of(numpy_helper.to_array(a["value"]))
        elif "value_float" in a:
            value = torch.tensor(a["value_float"], dtype=torch.float32, device=self.device)
        elif "value_floats" in a:
            value = torch.tensor(list(a["value_floats"]), dtype=torch.float32, device=self.device)
        elif "value_int" in a:
            value = torch.tensor(a["value_int"], dtype=torch.int64)
        elif "value_ints" in a:
            value = torch.tensor(list(a["value_ints"]), dtype=torch.int64)
        else:
            raise Unsupported(f"Constant with attributes {sorted(a)}")
        return lambda: value

    def op_Cast(self, node, a):
        dtype = torch_dtype(self.torch, a["to"])
        return lambda x: x.to(dtype)

    def op_Shape(self, node, a):
        torch = self.torch
        start, end = a.get("start", 0), a.get("end")

        def shape(x):
            dims = list(x.shape)
            return torch.tensor(dims[start:end] if end is not None else dims[start:], dtype=torch.int64)

        return shape

    def op_Reshape(self, node, a):
        allowzero = a.get("allowzero", 0)

        def reshape(x, shape):
            dims = self.host_list(shape)
            if not allowzero:
                dims = [x.shape[i] if d == 0 else d for i, d in enumerate(dims)]
            return x.reshape(dims)

        return reshape

    def op_Slice(self, node, a):
        if self.opset < 10:
            starts0, ends0, axes0 = a["starts"], a["ends"], a.get("axes")
        else:
            starts0 = ends0 = axes0 = None

        def slice_(x, starts=None, ends=None, axes=None, steps=None):
            if starts0 is not None:
                s, e, ax, st = list(starts0), list(ends0), axes0, None
            else:
                s, e = self.host_list(starts), self.host_list(ends)
                ax = self.host_list(axes) if axes is not None else None
                st = self.host_list(steps) if steps is not None else None
            ax = list(range(len(s))) if ax is None else [d + x.dim() if d < 0 else d for d in ax]
            st = [1] * len(s) if st is None else st
            index = [slice(None)] * x.dim()
            for d, b, f, k in zip(ax, s, e, st):
                if k <= 0:
                    raise Unsupported("Slice with a step below 1")
                n = x.shape[d]
                b = max(0, min(n, b + n if b < 0 else b))
                f = max(0, min(n, f + n if f < 0 else f))
                index[d] = slice(b, f, k)
            return x[tuple(index)]

        return slice_

    def op_Concat(self, node, a):
        torch = self.torch
        axis = a["axis"]

        def concat(*xs):
            devices = {x.device for x in xs}
            if len(devices) > 1:
                xs = [x.to(self.device) for x in xs]
            return torch.cat(xs, dim=axis)

        return concat

    def op_Softmax(self, node, a):
        F = self.F
        if self.opset >= 13:
            axis = a.get("axis", -1)
            return lambda x: F.softmax(x, dim=axis)
        axis = a.get("axis", 1)

        def softmax(x):
            # Before opset 13: the input is seen as 2-D, [prod(dims[:axis]), prod(dims[axis:])].
            ax = axis + x.dim() if axis < 0 else axis
            rows = math.prod(x.shape[:ax])
            return F.softmax(x.reshape(rows, -1), dim=1).reshape(x.shape)

        return softmax

    def op_Clip(self, node, a):
        torch = self.torch
        if self.opset < 11:
            lo, hi = a.get("min", -math.inf), a.get("max", math.inf)
            return lambda x: torch.clamp(x, min=lo, max=hi)

        def clip(x, lo=None, hi=None):
            return torch.clamp(x, min=lo, max=hi)

        return clip

    def op_HardSigmoid(self, node, a):
        torch = self.torch
        alpha, beta = a.get("alpha", 0.2), a.get("beta", 0.5)
        return lambda x: torch.clamp(x * alpha + beta, 0.0, 1.0)

    def op_HardSwish(self, node, a):
        # ONNX: x * max(0, min(1, x / 6 + 1 / 2)), torch's hardswish exactly.
        return self.F.hardswish

    def op_GlobalAveragePool(self, node, a):
        return lambda x: x.mean(dim=tuple(range(2, x.dim())), keepdim=True)

    def op_BatchNormalization(self, node, a):
        F = self.F
        if a.get("training_mode", 0):
            raise Unsupported("BatchNormalization in training mode")
        if len([o for o in node.output if o]) > 1:
            raise Unsupported("BatchNormalization with running-statistics outputs")
        eps = a.get("epsilon", 1e-5)
        return lambda x, scale, bias, mean, var: F.batch_norm(
            x, mean, var, scale, bias, training=False, eps=eps
        )

    def op_Gemm(self, node, a):
        alpha, beta = a.get("alpha", 1.0), a.get("beta", 1.0)
        trans_a, trans_b = a.get("transA", 0), a.get("transB", 0)
        if self.opset < 7 and len(node.input) > 2 and not a.get("broadcast", 0):
            raise Unsupported("Gemm before opset 7 without broadcast")

        def gemm(x, w, c=None):
            if trans_a:
                x = x.t()
            if trans_b:
                w = w.t()
            y = x @ w
            if alpha != 1.0:
                y = y * alpha
            if c is not None:
                y = y + (c * beta if beta != 1.0 else c)
            return y

        return gemm

    @staticmethod
    def spatial(node, a, x_rank):
        n = x_rank - 2
        if n != 2:
            raise Unsupported(f"{node.op_type} on {n}-D data (only 2-D)")
        return n

    @staticmethod
    def auto_pads(auto_pad, sizes, kernel, strides, dilations):
        """[begin..., end...] for SAME_UPPER / SAME_LOWER / VALID."""
        begins, ends = [], []
        for size, k, s, d in zip(sizes, kernel, strides, dilations):
            if auto_pad == "VALID":
                total = 0
            else:
                out = -(-size // s)
                total = max(0, (out - 1) * s + (k - 1) * d + 1 - size)
            small, big = total // 2, total - total // 2
            if auto_pad == "SAME_LOWER":
                begins.append(big)
                ends.append(small)
            else:
                begins.append(small)
                ends.append(big)
        return begins + ends

    def op_Conv(self, node, a):
        F = self.F
        auto_pad = a.get("auto_pad", b"NOTSET")
        auto_pad = auto_pad.decode() if isinstance(auto_pad, bytes) else auto_pad
        group = a.get("group", 1)

        def conv(x, w, b=None):
            self.spatial(node, a, x.dim())
            kernel = list(a.get("kernel_shape", w.shape[2:]))
            strides = list(a.get("strides", [1, 1]))
            dilations = list(a.get("dilations", [1, 1]))
            if auto_pad == "NOTSET":
                pads = list(a.get("pads", [0, 0, 0, 0]))
            else:
                pads = self.auto_pads(auto_pad, x.shape[2:], kernel, strides, dilations)
            if pads[0] == pads[2] and pads[1] == pads[3]:
                padding = (pads[0], pads[1])
            else:
                x = F.pad(x, (pads[1], pads[3], pads[0], pads[2]))
                padding = (0, 0)
            return F.conv2d(x, w, b, stride=strides, padding=padding, dilation=dilations, groups=group)

        return conv

    def op_MaxPool(self, node, a):
        F = self.F
        if len([o for o in node.output if o]) > 1:
            raise Unsupported("MaxPool with an Indices output")
        auto_pad = a.get("auto_pad", b"NOTSET")
        auto_pad = auto_pad.decode() if isinstance(auto_pad, bytes) else auto_pad
        kernel = list(a["kernel_shape"])
        strides = list(a.get("strides", [1] * len(kernel)))
        dilations = list(a.get("dilations", [1] * len(kernel)))
        ceil_mode = bool(a.get("ceil_mode", 0))
        if a.get("storage_order", 0):
            raise Unsupported("MaxPool with storage_order 1")

        def maxpool(x):
            self.spatial(node, a, x.dim())
            if auto_pad == "NOTSET":
                pads = list(a.get("pads", [0, 0, 0, 0]))
            else:
                pads = self.auto_pads(auto_pad, x.shape[2:], kernel, strides, dilations)
            symmetric = pads[0] == pads[2] and pads[1] == pads[3]
            if symmetric and pads[0] <= kernel[0] // 2 and pads[1] <= kernel[1] // 2:
                padding = (pads[0], pads[1])
            else:
                x = F.pad(x, (pads[1], pads[3], pads[0], pads[2]), value=-math.inf)
                padding = (0, 0)
            return F.max_pool2d(x, kernel, strides, padding, dilations, ceil_mode=ceil_mode)

        return maxpool


# --- fixtures, checks, timing -----------------------------------------------------------------

def load_fixtures(root, only):
    names = sorted(
        d for d in os.listdir(root) if os.path.isfile(os.path.join(root, d, "manifest.json"))
    )
    for n in only:
        if n not in names:
            raise SystemExit(f"torch_baseline.py: no model `{n}` in {root}; the models are {', '.join(names)}")
    fixtures = []
    for name in names:
        if only and name not in only:
            continue
        d = os.path.join(root, name)
        with open(os.path.join(d, "manifest.json")) as f:
            manifest = json.load(f)
        fixtures.append((name, d, manifest))
    return fixtures


def timed_cases(cases):
    """nn-bench's choice: the first case, and the first with a batch above 1."""
    chosen = [cases[0]]
    for c in cases:
        shape = c["inputs"][0]["shape"] if c["inputs"] else [1]
        if shape and shape[0] > 1:
            chosen.append(c)
            break
    return chosen


def read_tensor(np, d, entry):
    data = np.fromfile(os.path.join(d, entry["file"]), dtype=np.dtype(entry["dtype"]).newbyteorder("<"))
    return data.reshape(entry["shape"]).astype(np.dtype(entry["dtype"]))


def worst_of(np, actual, expected, atol, rtol):
    """The largest |a - e| / (atol + rtol |e|): the check passes at 1 or below; NaN matches NaN."""
    if tuple(actual.shape) != tuple(expected.shape):
        return math.inf
    a = actual.astype(np.float64).ravel()
    e = expected.astype(np.float64).ravel()
    both_nan = np.isnan(a) & np.isnan(e)
    ratio = np.abs(a - e) / (atol + rtol * np.abs(e))
    ratio = np.where(both_nan, 0.0, np.where(np.isnan(ratio), np.inf, ratio))
    return float(ratio.max()) if ratio.size else 0.0


def percentile(sorted_values, q):
    """Linear interpolation between the nearest ranks (numpy's default, as nn-bench's)."""
    if not sorted_values:
        return math.nan
    pos = q * (len(sorted_values) - 1)
    lo = math.floor(pos)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (pos - lo)


def summary(first_ms, warmup, times):
    s = sorted(times)
    return {
        "first_ms": first_ms,
        "warmup": warmup,
        "times_ms": times,
        "median_ms": percentile(s, 0.5),
        "p10_ms": percentile(s, 0.1),
        "p90_ms": percentile(s, 0.9),
    }


def measure(sync, run, args):
    """nn-bench's scheme around `run` (which returns the outputs); returns (timing, first, last)."""
    started = time.perf_counter()
    first = run()
    sync()
    first_ms = (time.perf_counter() - started) * 1e3
    warmup = 0
    started = time.perf_counter()
    while warmup < args.warmup and (warmup == 0 or time.perf_counter() - started < args.budget / 4):
        run()
        sync()
        warmup += 1
    times, last = [], first
    runs, min_runs = max(args.runs, 1), max(1, min(args.min_runs, max(args.runs, 1)))
    started = time.perf_counter()
    while len(times) < runs and (len(times) < min_runs or time.perf_counter() - started < args.budget):
        t = time.perf_counter()
        last = run()
        sync()
        times.append((time.perf_counter() - t) * 1e3)
    return summary(first_ms, warmup, times), first, last


def main():
    args = parse_args()
    try:
        import numpy as np
        import onnx
        import onnx.numpy_helper
        import torch
    except ImportError as e:
        print(f"torch_baseline.py: cannot import {e.name}: {e}", file=sys.stderr)
        return 3
    cuda = args.device.startswith("cuda")
    if cuda and not torch.cuda.is_available():
        print("torch_baseline.py: torch.cuda.is_available() is False", file=sys.stderr)
        return 3
    torch.backends.cudnn.benchmark = True
    torch.backends.cudnn.allow_tf32 = args.tf32
    torch.backends.cuda.matmul.allow_tf32 = args.tf32
    torch.set_grad_enabled(False)
    sync = torch.cuda.synchronize if cuda else (lambda: None)
    out = {
        "runtime": "pytorch-cuda" if cuda else f"pytorch-{args.device}",
        "torch": torch.__version__,
        "cuda": torch.version.cuda,
        "cudnn": torch.backends.cudnn.version() if cuda else None,
        "onnx": onnx.__version__,
        "numpy": np.__version__,
        "python": platform.python_version(),
        "device": torch.cuda.get_device_name() if cuda else args.device,
        "tf32": args.tf32,
        "scheme": {"warmup": args.warmup, "runs": args.runs, "min_runs": args.min_runs, "budget_s": args.budget},
        "checks": [],
        "results": [],
    }
    failed = []
    for name, d, manifest in load_fixtures(args.models, args.model):
        atol, rtol = manifest["tolerance"]["atol"], manifest["tolerance"]["rtol"]
        started = time.perf_counter()
        try:
            model = onnx.load(os.path.join(d, manifest.get("model_file", "model.onnx")))
            interp = Interpreter(torch, onnx, model, args.device)
        except Unsupported as e:
            msg = f"unsupported: {e}"
            print(f"torch_baseline.py: {name}: {msg}", file=sys.stderr)
            out["checks"].append({"model": name, "case": None, "passed": False, "error": msg})
            failed.append(name)
            continue
        load_ms = (time.perf_counter() - started) * 1e3
        chosen = {c["index"] for c in timed_cases(manifest["cases"])}
        for case in manifest["cases"]:
            key = f"{name}#{case['index']}"
            shape = "+".join("x".join(str(s) for s in t["shape"]) for t in case["inputs"])
            check = {"model": name, "case": case["index"], "input": shape, "passed": False, "worst": None, "error": None}
            row = {"model": name, "case": case["index"], "input": shape, "load_ms": load_ms}
            try:
                inputs = {
                    t["name"]: torch.from_numpy(read_tensor(np, d, t)).to(args.device) for t in case["inputs"]
                }
                expected = [read_tensor(np, d, t) for t in case["outputs"]]
                run, first = interp.specialise(inputs)
                sync()

                def worst(outs):
                    if len(outs) != len(expected):
                        return math.inf
                    return max(
                        worst_of(np, o.detach().cpu().numpy(), e, atol, rtol) for o, e in zip(outs, expected)
                    )

                w = worst(first)
                if case["index"] in chosen and not args.check_only:
                    timing, a, b = measure(sync, lambda: run(inputs), args)
                    w = max(w, worst(a), worst(b))
                    row["eager"] = timing
                    if cuda and not args.no_graph:
                        try:
                            row["graph"], g_worst = graph_timing(torch, run, inputs, args, sync, worst)
                            w = max(w, g_worst)
                        except Unsupported:
                            raise
                        except Exception as e:  # reported, not hidden
                            row["graph"] = {"error": f"{type(e).__name__}: {e}"}
                check["worst"] = w if math.isfinite(w) else None
                check["passed"] = w <= 1.0
                if not check["passed"]:
                    check["error"] = f"error {w:.3g} times the tolerance"
            except Unsupported as e:
                check["error"] = f"unsupported: {e}"
            except Exception as e:  # reported in the results, and the run fails
                check["error"] = f"{type(e).__name__}: {e}"
            out["checks"].append(check)
            status = "ok" if check["passed"] else f"FAILED ({check['error']})"
            print(f"torch_baseline.py: {key} {shape}: {status}", file=sys.stderr)
            if not check["passed"]:
                failed.append(key)
            if "eager" in row:
                row["worst"] = check["worst"]
                out["results"].append(row)
            if check["error"] and "eager" not in row and case["index"] in chosen:
                row["error"] = check["error"]
                out["results"].append(row)
    out["failed"] = failed
    with open(args.out, "w") as f:
        json.dump(out, f, indent=1)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(markdown(out))
    print(markdown(out))
    return 1 if failed else 0


def graph_timing(torch, run, inputs, args, sync, worst):
    """The case captured into a CUDA graph (after eager warm-up on a side stream) and replayed."""
    static_inputs = {k: v.clone() for k, v in inputs.items()}
    stream = torch.cuda.Stream()
    stream.wait_stream(torch.cuda.current_stream())
    with torch.cuda.stream(stream):
        for _ in range(3):
            run(static_inputs)
    torch.cuda.current_stream().wait_stream(stream)
    sync()
    graph = torch.cuda.CUDAGraph()
    started = time.perf_counter()
    with torch.cuda.graph(graph):
        static_outputs = run(static_inputs)
    sync()
    capture_ms = (time.perf_counter() - started) * 1e3

    def replay():
        graph.replay()
        return static_outputs

    timing, first, last = measure(sync, replay, args)
    timing["capture_ms"] = capture_ms
    return timing, max(worst(first), worst(last))


def ms(v):
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "-"
    return f"{v:.3f}" if v < 10 else f"{v:.1f}"


def markdown(out):
    lines = [
        f"## PyTorch baseline ({out['runtime']}, torch {out['torch']}, CUDA {out['cuda']}, {out['device']})",
        "",
        "ONNX graphs interpreted node by node with torch.nn.functional (scripts/gpu-kit/torch_baseline.py); "
        f"TF32 {'on' if out['tf32'] else 'off'}. Times in ms: median (p10-p90) of the timed runs.",
        "",
        "| model | case | input | eager median | eager p10-p90 | graph median | graph p10-p90 | cold | worst/tol |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in out["results"]:
        e, g = r.get("eager") or {}, r.get("graph") or {}
        if "error" in r:
            lines.append(f"| {r['model']} | {r['case']} | {r['input']} | failed: {r['error']} | | | | | |")
            continue
        g_med = ms(g.get("median_ms")) if "median_ms" in g else ("failed: " + g["error"] if "error" in g else "-")
        g_rng = f"{ms(g.get('p10_ms'))}-{ms(g.get('p90_ms'))}" if "median_ms" in g else ""
        worst = r.get("worst")
        lines.append(
            f"| {r['model']} | {r['case']} | {r['input']} | {ms(e.get('median_ms'))} | "
            f"{ms(e.get('p10_ms'))}-{ms(e.get('p90_ms'))} | {g_med} | {g_rng} | {ms(e.get('first_ms'))} | "
            f"{'-' if worst is None else f'{worst:.3f}'} |"
        )
    lines.append("")
    bad = [c for c in out["checks"] if not c["passed"]]
    lines.append(
        f"Checks: {len(out['checks']) - len(bad)} of {len(out['checks'])} cases match their reference outputs."
    )
    for c in bad:
        lines.append(f"- {c['model']} #{c['case']}: {c['error']}")
    lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
