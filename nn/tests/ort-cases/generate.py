#!/usr/bin/env python3
"""Writes the one-node models of nn/tests/ort-cases with ONNX Runtime's outputs.

Each case is a folder in the layout of ONNX's backend node tests (`model.onnx` and
`test_data_set_0/{input,output}_N.pb`), so `nn/tests/onnx_node.rs` runs them on every device
beside ONNX's own. ONNX's node tests come from ONNX's reference implementation and cover each
attribute on tiny inputs; these cases cover what real models use instead, with ONNX Runtime's
results (integer images, the opsets exporters write, odd sizes, antialiasing), so that where the
two differ it is ONNX Runtime we agree with.

    python3 -m venv venv && venv/bin/pip install onnx==1.22.0 onnxruntime==1.32.0 numpy
    venv/bin/python nn/tests/ort-cases/generate.py

Every case is seeded, so the files only change when a case does.
"""

import os
import shutil
import sys

import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))


def write_case(name, node, inputs, initializers, opset, output_type=None, contrib=False):
    """Builds a one-node model whose graph inputs are `inputs` (name -> array) and whose
    `initializers` are constants, runs it in ONNX Runtime and writes the case. The outputs have
    the first input's type unless `output_type` (one type, or a list with one per output) says
    otherwise. `contrib` imports ONNX Runtime's domain, com.microsoft, too."""
    graph_inputs = [
        helper.make_tensor_value_info(
            n, helper.np_dtype_to_tensor_dtype(a.dtype), list(a.shape)
        )
        for n, a in inputs.items()
    ]
    out_type = output_type
    if out_type is None:
        first = next(iter(inputs.values()))
        out_type = helper.np_dtype_to_tensor_dtype(first.dtype)
    named = [o for o in node.output if o]
    types = out_type if isinstance(out_type, list) else [out_type] * len(named)
    outputs = [helper.make_tensor_value_info(o, t, None) for o, t in zip(named, types)]
    graph = helper.make_graph(
        [node],
        name,
        graph_inputs,
        outputs,
        [numpy_helper.from_array(a, n) for n, a in initializers.items()],
    )
    imports = [helper.make_opsetid("", opset)]
    if contrib:
        imports.append(helper.make_opsetid("com.microsoft", 1))
    model = helper.make_model(graph, opset_imports=imports, producer_name="generate.py")
    model.ir_version = 8
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    session = ort.InferenceSession(
        model.SerializeToString(), options, providers=["CPUExecutionProvider"]
    )
    save(name, model, inputs, named, session.run(None, inputs))


def save(name, model, inputs, output_names, results):
    """Writes a case: the model, and its inputs and ONNX Runtime's outputs as TensorProtos."""
    folder = os.path.join(HERE, name)
    shutil.rmtree(folder, ignore_errors=True)
    data = os.path.join(folder, "test_data_set_0")
    os.makedirs(data)
    onnx.save(model, os.path.join(folder, "model.onnx"))
    for k, (n, a) in enumerate(inputs.items()):
        with open(os.path.join(data, f"input_{k}.pb"), "wb") as f:
            f.write(numpy_helper.from_array(a, n).SerializeToString())
    for k, (n, a) in enumerate(zip(output_names, results)):
        with open(os.path.join(data, f"output_{k}.pb"), "wb") as f:
            f.write(numpy_helper.from_array(a, n).SerializeToString())
    print(name, [r.shape for r in results])


def resize_cases(rng):
    image = rng.integers(0, 256, size=(1, 3, 37, 53), dtype=np.uint8)
    feature = rng.standard_normal((2, 4, 13, 9)).astype(np.float32)
    sizes = lambda *s: np.array(s, dtype=np.int64)
    scales = lambda *s: np.array(s, dtype=np.float32)
    empty = np.array([], dtype=np.float32)

    def resize(name, x, opset, attrs, roi=None, sc=None, sz=None):
        ins = ["x", "roi" if roi is not None else "", "scales" if sc is not None else ""]
        consts = {}
        if roi is not None:
            consts["roi"] = roi
        if sc is not None:
            consts["scales"] = sc
        if sz is not None:
            ins.append("sizes")
            consts["sizes"] = sz
        while ins and ins[-1] == "":
            ins.pop()
        if opset == 10:
            ins = ["x", "scales"]
        node = helper.make_node("Resize", ins, ["y"], **attrs)
        write_case(f"ort_resize_{name}", node, {"x": x}, consts, opset)

    # A u8 image to a network's input size, as preprocessing graphs do.
    resize("u8_linear_to_64", image, 13, {"mode": "linear"}, sz=sizes(1, 3, 64, 64))
    resize(
        "u8_linear_align_corners", image, 13,
        {"mode": "linear", "coordinate_transformation_mode": "align_corners"},
        sz=sizes(1, 3, 20, 30),
    )
    # (ONNX Runtime has no cubic mode for u8.)
    resize(
        "cubic_shrink", image.astype(np.float32), 13, {"mode": "cubic"}, sz=sizes(1, 3, 17, 29)
    )
    # YOLO and U-Net upsampling as PyTorch exports it (nearest x2, asymmetric, floor).
    resize(
        "nearest_x2_pytorch", feature, 11,
        {"mode": "nearest", "coordinate_transformation_mode": "asymmetric",
         "nearest_mode": "floor"},
        roi=empty, sc=scales(1, 1, 2, 2),
    )
    resize(
        "bilinear_pytorch_half_pixel", feature, 11,
        {"mode": "linear", "coordinate_transformation_mode": "pytorch_half_pixel"},
        roi=empty, sc=empty, sz=sizes(2, 4, 1, 20),
    )
    resize(
        "bilinear_align_corners_x1_5", feature, 13,
        {"mode": "linear", "coordinate_transformation_mode": "align_corners"},
        roi=empty, sc=scales(1, 1, 1.5, 1.5),
    )
    resize("nearest_opset10", feature, 10, {"mode": "nearest"}, sc=scales(1, 1, 2, 3))
    resize(
        "linear_antialias_axes", feature, 18,
        {"mode": "linear", "antialias": 1, "axes": [2, 3]},
        sc=scales(0.3, 0.45),
    )
    resize(
        "cubic_antialias_sizes", feature, 18,
        {"mode": "cubic", "antialias": 1, "axes": [3, 2]},
        sz=sizes(4, 5),
    )
    resize(
        "crop_and_resize", feature, 13,
        {"mode": "linear", "coordinate_transformation_mode": "tf_crop_and_resize",
         "extrapolation_value": -3.0},
        roi=np.array([0, 0, -0.2, 0.1, 1, 1, 0.7, 1.3], dtype=np.float32),
        sc=empty, sz=sizes(2, 4, 7, 11),
    )


def conv_transpose_cases(rng):
    def case(name, x_shape, w_shape, attrs, bias=True, opset=17):
        x = rng.standard_normal(x_shape).astype(np.float32)
        consts = {"w": (rng.standard_normal(w_shape) * 0.3).astype(np.float32)}
        ins = ["x", "w"]
        if bias:
            consts["b"] = rng.standard_normal(w_shape[1] * attrs.get("group", 1)).astype(
                np.float32
            )
            ins.append("b")
        node = helper.make_node("ConvTranspose", ins, ["y"], **attrs)
        write_case(f"ort_convtranspose_{name}", node, {"x": x}, consts, opset)

    # U-Net and DCGAN upsampling as PyTorch exports it: kernel 4, stride 2, padding 1.
    case("k4_s2_p1", (2, 8, 7, 9), (8, 5, 4, 4), {"strides": [2, 2], "pads": [1, 1, 1, 1]})
    # Kernel 2, stride 2 (U-Net's up-convolutions), no bias.
    case("k2_s2", (1, 6, 5, 5), (6, 3, 2, 2), {"strides": [2, 2]}, bias=False)
    # Depthwise, with output_padding and dilation.
    case(
        "depthwise_output_padding", (1, 4, 6, 5), (4, 1, 3, 3),
        {"group": 4, "strides": [2, 3], "pads": [1, 0, 2, 1], "output_padding": [1, 2],
         "dilations": [2, 1]},
    )
    # 1-D, as in speech and audio decoders.
    case("1d", (2, 3, 17), (3, 4, 5), {"strides": [3], "pads": [2, 1]})
    # output_shape with and without auto_pad: where the padding goes.
    case("output_shape_same_upper", (1, 2, 4, 4), (2, 2, 3, 3),
         {"strides": [2, 2], "output_shape": [9, 8], "auto_pad": "SAME_UPPER"})
    case("output_shape_notset", (1, 2, 4, 4), (2, 2, 3, 3),
         {"strides": [2, 2], "output_shape": [10, 8]})
    case("same_lower", (1, 2, 5, 4), (2, 3, 4, 3), {"strides": [2, 2], "auto_pad": "SAME_LOWER"})


def lrn_cases(rng):
    # AlexNet's settings, and a narrow window with other constants. (ONNX Runtime refuses even
    # sizes, whose window is not centred; ONNX's node tests have none either.)
    x = (rng.standard_normal((2, 12, 9, 7)) * 4).astype(np.float32)
    for name, attrs in [
        ("alexnet", {"size": 5, "alpha": 1e-4, "beta": 0.75, "bias": 2.0}),
        ("narrow", {"size": 3, "alpha": 0.3, "beta": 0.6, "bias": 1.5}),
    ]:
        node = helper.make_node("LRN", ["x"], ["y"], **attrs)
        write_case(f"ort_lrn_{name}", node, {"x": x}, {}, 13)


def quantization_cases(rng):
    x = (rng.standard_normal((3, 8, 5)) * 3).astype(np.float32)
    # Ties: values that land exactly on a half after the division round to even.
    x.flat[:6] = [0.25, 0.75, -0.25, -1.25, 100.0, -100.0]
    f32 = lambda *v: np.array(v, dtype=np.float32)
    node = helper.make_node("QuantizeLinear", ["x", "s", "z"], ["y"])
    write_case("ort_quantize_u8_per_tensor", node, {"x": x},
               {"s": f32(0.5), "z": np.array(128, dtype=np.uint8)}, 13,
               output_type=TensorProto.UINT8)
    node = helper.make_node("QuantizeLinear", ["x", "s", "z"], ["y"], axis=1)
    write_case("ort_quantize_i8_per_axis", node, {"x": x},
               {"s": (rng.random(8) * 0.1 + 0.01).astype(np.float32),
                "z": rng.integers(-20, 20, 8, dtype=np.int8)}, 13,
               output_type=TensorProto.INT8)
    node = helper.make_node("QuantizeLinear", ["x", "s"], ["y"], axis=2, block_size=2)
    write_case("ort_quantize_blocked_no_zero_point", node, {"x": x},
               {"s": (rng.random((3, 8, 3)) * 0.1 + 0.01).astype(np.float32)}, 21,
               output_type=TensorProto.UINT8)

    q = rng.integers(-128, 128, (4, 6, 7), dtype=np.int8)
    node = helper.make_node("DequantizeLinear", ["q", "s", "z"], ["y"], axis=1)
    write_case("ort_dequantize_i8_per_axis", node, {"q": q},
               {"s": (rng.random(6) * 0.2).astype(np.float32),
                "z": rng.integers(-5, 5, 6, dtype=np.int8)}, 13,
               output_type=TensorProto.FLOAT)
    bias = rng.integers(-50000, 50000, 16, dtype=np.int32)
    node = helper.make_node("DequantizeLinear", ["b", "s"], ["y"], axis=0)
    write_case("ort_dequantize_i32_bias", node, {"b": bias},
               {"s": (rng.random(16) * 1e-3).astype(np.float32)}, 13,
               output_type=TensorProto.FLOAT)

    # Dynamic quantisation of activations, as in dynamically quantised transformers.
    for name, act in [
        ("mixed", (rng.standard_normal((2, 9, 33)) * 2).astype(np.float32)),
        ("positive", (rng.random((5, 17)) * 6 + 1).astype(np.float32)),
    ]:
        node = helper.make_node("DynamicQuantizeLinear", ["x"], ["y", "s", "z"])
        write_case(f"ort_dynamic_quantize_{name}", node, {"x": act}, {}, 11,
                   output_type=[TensorProto.UINT8, TensorProto.FLOAT, TensorProto.UINT8])

    # MatMulInteger: u8 activations (zero point 131) times i8 weights, K large enough that an
    # f32 sum would not be exact. The weights are 7-bit, as ONNX Runtime's quantiser makes them
    # (reduce_range): with full-range i8 weights, ONNX Runtime's x86 kernels saturate pairs of
    # products to 16 bits and give other sums than the exact ones, which we compute.
    a = rng.integers(0, 256, (2, 5, 300), dtype=np.uint8)
    w = rng.integers(-64, 64, (300, 24), dtype=np.int8)
    node = helper.make_node("MatMulInteger", ["a", "w", "az", "wz"], ["y"])
    write_case("ort_matmul_integer", node, {"a": a},
               {"w": w, "az": np.array(131, dtype=np.uint8), "wz": np.array(3, dtype=np.int8)},
               10, output_type=TensorProto.INT32)
    node = helper.make_node("MatMulInteger", ["a", "w"], ["y"])
    write_case("ort_matmul_integer_no_zero_points", node, {"a": a[0]}, {"w": w}, 10,
               output_type=TensorProto.INT32)

    # Statically quantised layers (QOperator format): u8 activations, i8 weights per channel.
    x8 = rng.integers(0, 256, (1, 6, 11, 10), dtype=np.uint8)
    # 7-bit weights again: with full-range ones ONNX Runtime's x86 kernels saturate (off by up to
    # 103 here, where ONNX's reference implementation agrees with us).
    wc = rng.integers(-64, 64, (8, 6, 3, 3), dtype=np.int8)
    node = helper.make_node(
        "QLinearConv", ["x", "xs", "xz", "w", "ws", "wz", "ys", "yz", "b"], ["y"],
        pads=[1, 1, 1, 1], strides=[2, 1],
    )
    write_case("ort_qlinear_conv_per_channel", node, {"x": x8},
               {"xs": f32(0.02), "xz": np.array(120, dtype=np.uint8), "w": wc,
                "ws": (rng.random(8) * 0.01 + 0.002).astype(np.float32),
                "wz": np.zeros(8, dtype=np.int8), "ys": f32(0.05),
                "yz": np.array(100, dtype=np.uint8),
                "b": rng.integers(-2000, 2000, 8, dtype=np.int32)}, 13)
    a8 = rng.integers(0, 256, (7, 40), dtype=np.uint8)
    b8 = rng.integers(0, 256, (40, 9), dtype=np.uint8)
    node = helper.make_node(
        "QLinearMatMul", ["a", "as", "az", "b", "bs", "bz", "ys", "yz"], ["y"]
    )
    write_case("ort_qlinear_matmul", node, {"a": a8},
               {"as": f32(0.03), "az": np.array(125, dtype=np.uint8), "b": b8,
                "bs": f32(0.01), "bz": np.array(130, dtype=np.uint8), "ys": f32(0.2),
                "yz": np.array(128, dtype=np.uint8)}, 10)


def composed_cases(rng):
    x = rng.standard_normal((2, 8, 6, 5)).astype(np.float32) * 2 + 0.5
    c8 = lambda: rng.standard_normal(8).astype(np.float32)
    node = helper.make_node("InstanceNormalization", ["x", "s", "b"], ["y"], epsilon=1e-3)
    write_case("ort_instance_norm", node, {"x": x}, {"s": c8(), "b": c8()}, 13)
    node = helper.make_node(
        "GroupNormalization", ["x", "s", "b"], ["y"], num_groups=4, epsilon=1e-5
    )
    write_case("ort_group_norm", node, {"x": x}, {"s": c8(), "b": c8()}, 21)
    for mode in ["DCR", "CRD"]:
        node = helper.make_node("DepthToSpace", ["x"], ["y"], blocksize=2, mode=mode)
        write_case(f"ort_depth_to_space_{mode.lower()}", node, {"x": x}, {}, 13)
    node = helper.make_node("SpaceToDepth", ["x"], ["y"], blocksize=2)
    write_case("ort_space_to_depth", node, {"x": x[:, :, :6, :4]}, {}, 13)
    node = helper.make_node("Tile", ["x", "r"], ["y"])
    write_case("ort_tile", node, {"x": x}, {"r": np.array([1, 2, 3, 1], dtype=np.int64)}, 13)
    node = helper.make_node("Mish", ["x"], ["y"])
    write_case("ort_mish", node, {"x": x}, {}, 18)
    node = helper.make_node("Trilu", ["x", "k"], ["y"], upper=0)
    write_case("ort_trilu_lower", node, {"x": x}, {"k": np.array(-1, dtype=np.int64)}, 14)


def indexing_cases(rng):
    x = rng.standard_normal((4, 7, 5)).astype(np.float32)
    i64 = lambda a: np.array(a, dtype=np.int64)
    node = helper.make_node("GatherElements", ["x", "i"], ["y"], axis=1)
    write_case("ort_gather_elements", node, {"x": x},
               {"i": rng.integers(-7, 7, (4, 3, 5)).astype(np.int64)}, 13)
    # A KV-cache update as transformer exports write it, and a scatter-add of class scores.
    cache = rng.standard_normal((2, 6, 4)).astype(np.float32)
    node = helper.make_node("ScatterND", ["c", "i", "u"], ["y"])
    write_case("ort_scatter_nd_cache", node, {"c": cache},
               {"i": i64([[[0, 3]], [[1, -1]]]),
                "u": rng.standard_normal((2, 1, 4)).astype(np.float32)}, 13)
    node = helper.make_node("ScatterElements", ["x", "i", "u"], ["y"], axis=0, reduction="add")
    write_case("ort_scatter_elements_add", node, {"x": x[:, :, 0]},
               {"i": rng.integers(0, 4, (6, 7)).astype(np.int64),
                "u": rng.standard_normal((6, 7)).astype(np.float32)}, 16)
    for name, attrs in [("", {}), ("_exclusive_reverse", {"exclusive": 1, "reverse": 1})]:
        node = helper.make_node("CumSum", ["x", "a"], ["y"], **attrs)
        write_case(f"ort_cumsum{name}", node, {"x": x}, {"a": np.array(1, dtype=np.int64)}, 14)
    node = helper.make_node("CumSum", ["x", "a"], ["y"])
    write_case("ort_cumsum_i64", node, {"x": rng.integers(-9, 9, (3, 8)).astype(np.int64)},
               {"a": np.array(-1, dtype=np.int32)}, 14)
    # Top 5 of 80 class scores per box, as detector heads do.
    scores = rng.random((2, 30, 80)).astype(np.float32)
    node = helper.make_node("TopK", ["s", "k"], ["v", "i"], axis=-1)
    write_case("ort_topk_scores", node, {"s": scores}, {"k": i64([5])}, 11,
               output_type=[TensorProto.FLOAT, TensorProto.INT64])
    node = helper.make_node("TopK", ["s", "k"], ["v", "i"], axis=1, largest=0)
    write_case("ort_topk_smallest", node, {"s": scores}, {"k": i64([3])}, 11,
               output_type=[TensorProto.FLOAT, TensorProto.INT64])


def recurrent_cases(rng):
    seq, batch, feat, h = 6, 3, 5, 4
    x = rng.standard_normal((seq, batch, feat)).astype(np.float32)
    f = lambda *shape: (rng.standard_normal(shape) * 0.5).astype(np.float32)
    lens = np.array([6, 2, 4], dtype=np.int32)

    def case(name, op, gates, dirs, attrs, extra=(), opset=14, outputs=("y", "yh")):
        consts = {"w": f(dirs, gates * h, feat), "r": f(dirs, gates * h, h),
                  "b": f(dirs, 2 * gates * h)}
        names = ["x", "w", "r", "b"]
        for n, v in extra:
            names.append(n if v is not None else "")
            if v is not None:
                consts[n] = v
        node = helper.make_node(op, names, list(outputs), hidden_size=h, **attrs)
        write_case(f"ort_{name}", node, {"x": x}, consts, opset)

    # A bidirectional LSTM over sequences of different lengths, with initial states and
    # peepholes (speech and OCR recognisers).
    case("lstm_bidirectional_lengths", "LSTM", 4, 2, {"direction": "bidirectional"},
         extra=[("l", lens), ("h0", f(2, batch, h)), ("c0", f(2, batch, h)),
                ("p", f(2, 3 * h))], outputs=("y", "yh", "yc"))
    case("lstm_clip_input_forget", "LSTM", 4, 1, {"clip": 0.7, "input_forget": 1},
         outputs=("y", "yh", "yc"))
    # PyTorch exports GRUs with linear_before_reset = 1.
    case("gru_linear_before_reset", "GRU", 3, 2,
         {"direction": "bidirectional", "linear_before_reset": 1})
    case("gru_reverse_lengths", "GRU", 3, 1, {"direction": "reverse"},
         extra=[("l", lens), ("h0", f(1, batch, h))])
    case("rnn_relu_initial", "RNN", 1, 1, {"activations": ["Relu"]},
         extra=[("l", None), ("h0", f(1, batch, h))])


def write_graph(name, nodes, inputs, outputs, initializers, opset):
    """A model of several nodes (control flow): `inputs` name -> array, `outputs` (name, type)."""
    graph = helper.make_graph(
        nodes, name,
        [helper.make_tensor_value_info(n, helper.np_dtype_to_tensor_dtype(a.dtype), list(a.shape))
         for n, a in inputs.items()],
        [helper.make_tensor_value_info(n, t, None) for n, t in outputs],
        [numpy_helper.from_array(a, n) for n, a in initializers.items()],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)])
    model.ir_version = 8
    session = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    save(name, model, inputs, [n for n, _ in outputs], session.run(None, inputs))


def control_flow_cases(rng):
    F = TensorProto.FLOAT
    x = rng.standard_normal((3, 4)).astype(np.float32)
    w = rng.standard_normal((4, 4)).astype(np.float32)
    # If on a sample-rate input, as Silero VAD chooses its 8 or 16 kHz branch; the branches
    # read the outer scope's x and w.
    then_g = helper.make_graph(
        [helper.make_node("MatMul", ["x", "w"], ["t"])], "then", [],
        [helper.make_tensor_value_info("t", F, None)])
    else_g = helper.make_graph(
        [helper.make_node("Relu", ["x"], ["e0"]), helper.make_node("Add", ["e0", "x"], ["e"])],
        "else", [], [helper.make_tensor_value_info("e", F, None)])
    nodes = [
        helper.make_node("Equal", ["sr", "k16"], ["is16"]),
        helper.make_node("If", ["is16"], ["y"], then_branch=then_g, else_branch=else_g),
    ]
    for rate in [16000, 8000]:
        write_graph(f"ort_if_sample_rate_{rate}", nodes,
                    {"x": x, "sr": np.array(rate, dtype=np.int64)}, [("y", F)],
                    {"w": w, "k16": np.array(16000, dtype=np.int64)}, 13)
    # A Loop of five steps with a loop-carried state and a scan output.
    body = helper.make_graph(
        [helper.make_node("MatMul", ["s_in", "w"], ["m"]),
         helper.make_node("Tanh", ["m"], ["s_out"]),
         helper.make_node("Identity", ["c_in"], ["c_out"]),
         helper.make_node("Cast", ["i"], ["fi"], to=TensorProto.FLOAT),
         helper.make_node("Mul", ["s_out", "fi"], ["scan"])],
        "body",
        [helper.make_tensor_value_info("i", TensorProto.INT64, []),
         helper.make_tensor_value_info("c_in", TensorProto.BOOL, []),
         helper.make_tensor_value_info("s_in", F, None)],
        [helper.make_tensor_value_info("c_out", TensorProto.BOOL, []),
         helper.make_tensor_value_info("s_out", F, None),
         helper.make_tensor_value_info("scan", F, None)])
    nodes = [helper.make_node("Loop", ["n", "c", "x"], ["s", "all"], body=body)]
    write_graph("ort_loop_carried_and_scan", nodes, {"x": x}, [("s", F), ("all", F)],
                {"w": w, "n": np.array(5, dtype=np.int64), "c": np.array(True)}, 13)
    # Scan: a running sum over axis 1, read backwards, stacked along axis 1.
    body = helper.make_graph(
        [helper.make_node("Add", ["acc", "col"], ["acc_out"]),
         helper.make_node("Identity", ["acc_out"], ["out"])],
        "scan_body",
        [helper.make_tensor_value_info("acc", F, None),
         helper.make_tensor_value_info("col", F, None)],
        [helper.make_tensor_value_info("acc_out", F, None),
         helper.make_tensor_value_info("out", F, None)])
    nodes = [helper.make_node("Scan", ["zero", "x"], ["total", "sums"], body=body,
                              num_scan_inputs=1, scan_input_axes=[1],
                              scan_input_directions=[1], scan_output_axes=[1])]
    write_graph("ort_scan_reverse_axis1", nodes, {"x": x}, [("total", F), ("sums", F)],
                {"zero": np.zeros(3, dtype=np.float32)}, 13)


def qdq_cases(rng):
    # Activations wrapped in QuantizeLinear then DequantizeLinear, as QDQ models write them (our
    # planner fuses each pair into one step): ties, saturation, NaN-free.
    x = (rng.standard_normal((4, 33)) * 3).astype(np.float32)
    x.flat[:6] = [0.25, 0.75, -0.25, -1.25, 100.0, -100.0]
    for name, zero in [("u8", np.array(120, dtype=np.uint8)), ("i8", np.array(-3, dtype=np.int8))]:
        nodes = [
            helper.make_node("QuantizeLinear", ["x", "s", "z"], ["q"]),
            helper.make_node("DequantizeLinear", ["q", "s", "z"], ["y"]),
        ]
        write_graph(f"ort_qdq_pair_{name}", nodes, {"x": x}, [("y", TensorProto.FLOAT)],
                    {"s": np.array(0.5, dtype=np.float32), "z": zero}, 13)


def onehot_cases(rng):
    # Class ids to one-hot rows, negative ids counting from the end, along axis 1.
    ids = rng.integers(-5, 5, (3, 4)).astype(np.int64)
    node = helper.make_node("OneHot", ["i", "d", "v"], ["y"], axis=1)
    write_case("ort_onehot_axis1", node, {"i": ids},
               {"d": np.array(5, dtype=np.int64), "v": np.array([-1.0, 2.5], dtype=np.float32)},
               11, output_type=TensorProto.FLOAT)


def node_test_twins(node_tests):
    """ONNX Runtime's outputs for the ONNX node tests where it and ONNX's reference disagree and
    we follow ONNX Runtime (listed in `onnx_node.rs`'s `FOLLOW_ONNX_RUNTIME`): the node test's
    model and inputs, ONNX Runtime's outputs."""
    twins = {
        # align_corners with a scale whose output length is not whole: the reference divides by
        # the scaled length, ONNX Runtime (and PyTorch, whose exports these are) by the output's.
        "test_resize_downsample_scales_linear_align_corners": "ort_node_resize_downsample_scales_linear_align_corners",
        "test_resize_downsample_scales_cubic_align_corners": "ort_node_resize_downsample_scales_cubic_align_corners",
    }
    for test, twin in twins.items():
        folder = os.path.join(node_tests, test)
        model = onnx.load(os.path.join(folder, "model.onnx"))
        names = [i.name for i in model.graph.input]
        inputs = {
            n: numpy_helper.to_array(
                onnx.load_tensor(os.path.join(folder, "test_data_set_0", f"input_{k}.pb"))
            )
            for k, n in enumerate(names)
        }
        inits = {numpy_helper.to_array(t).dtype for t in model.graph.initializer}
        assert not inits, "the node tests give every value as an input"
        write_case(twin, model.graph.node[0], inputs, {}, model.opset_import[0].version)


def conv_integer_cases():
    # Its own seed: the cases before it keep their data.
    rng = np.random.default_rng(2026120701)
    # u8 data and weights with zero points, K = 6 * 3 * 3 sums; strides, pads, dilations.
    x = rng.integers(0, 256, (2, 6, 11, 9), dtype=np.uint8)
    w = rng.integers(0, 256, (4, 6, 3, 3), dtype=np.uint8)
    node = helper.make_node("ConvInteger", ["x", "w", "xz", "wz"], ["y"],
                            pads=[1, 2, 0, 1], strides=[2, 1], dilations=[1, 2])
    write_case("ort_conv_integer", node, {"x": x},
               {"w": w, "xz": np.array(119, dtype=np.uint8), "wz": np.array(131, dtype=np.uint8)},
               10, output_type=TensorProto.INT32)
    # 1-D, grouped, SAME_UPPER, no zero points.
    x = rng.integers(0, 256, (1, 8, 23), dtype=np.uint8)
    w = rng.integers(0, 256, (6, 4, 5), dtype=np.uint8)
    node = helper.make_node("ConvInteger", ["x", "w"], ["y"], group=2, auto_pad="SAME_UPPER")
    write_case("ort_conv_integer_1d_groups", node, {"x": x}, {"w": w}, 10,
               output_type=TensorProto.INT32)


def transformer_cases():
    # Its own seed: the cases before it keep their data.
    rng = np.random.default_rng(2026120702)
    f = lambda *shape: rng.standard_normal(shape).astype(np.float32)
    # A decoder step as exporters write it at opset 23: 3-D, grouped-query heads (8 query, 2
    # key/value), a cache of 29 positions, causal, and a boolean padding mask over all 37 keys.
    mask = np.ones((1, 1, 8, 37), dtype=bool)
    mask[:, :, :, :3] = False
    node = helper.make_node(
        "Attention", ["q", "k", "v", "mask", "pk", "pv"], ["y", "present_k", "present_v"],
        q_num_heads=8, kv_num_heads=2, is_causal=1,
    )
    write_case("ort_attention_gqa_cache_causal", node,
               {"q": f(1, 8, 8 * 64), "k": f(1, 8, 2 * 64), "v": f(1, 8, 2 * 64), "mask": mask,
                "pk": f(1, 2, 29, 64), "pv": f(1, 2, 29, 64)}, {}, 23,
               output_type=TensorProto.FLOAT)
    # 4-D, a float mask broadcast over heads, an explicit scale and a softcap.
    node = helper.make_node("Attention", ["q", "k", "v", "mask"], ["y"], scale=0.2, softcap=5.0)
    write_case("ort_attention_4d_softcap", node,
               {"q": f(2, 4, 13, 32), "k": f(2, 4, 21, 32), "v": f(2, 4, 21, 48),
                "mask": f(2, 1, 13, 21)}, {}, 23)
    # Rotary embeddings with position ids, half the head rotated, both layouts.
    positions = np.array([[3, 4, 5, 6, 7], [0, 1, 2, 3, 4]], dtype=np.int64)
    angles = np.arange(16)[:, None] * (10000.0 ** (-np.arange(8) / 8))[None, :]
    cos, sin = np.cos(angles).astype(np.float32), np.sin(angles).astype(np.float32)
    for interleaved in [0, 1]:
        node = helper.make_node("RotaryEmbedding", ["x", "cos", "sin", "pos"], ["y"],
                                interleaved=interleaved, rotary_embedding_dim=16)
        write_case(f"ort_rotary_embedding_{'interleaved' if interleaved else 'halves'}", node,
                   {"x": f(2, 3, 5, 32), "pos": positions}, {"cos": cos, "sin": sin}, 23,
                   output_type=TensorProto.FLOAT)


def contrib_cases():
    """ONNX Runtime's operators, as its optimiser writes them into the models it saves."""
    rng = np.random.default_rng(2026120703)
    f = lambda *shape: rng.standard_normal(shape).astype(np.float32)
    ms = lambda op, ins, outs, **kw: helper.make_node(op, ins, outs, domain="com.microsoft", **kw)
    x = f(2, 6, 9, 8)
    node = ms("FusedConv", ["x", "w", "b", "z"], ["y"], activation="LeakyRelu",
              activation_params=[0.1], pads=[1, 1, 1, 1], dilations=[2, 1], kernel_shape=[3, 3])
    write_case("ort_ms_fused_conv_leaky_sum", node, {"x": x, "z": f(2, 4, 7, 8)},
               {"w": f(4, 6, 3, 3), "b": f(4)}, 13, contrib=True)
    node = ms("FusedConv", ["x", "w", "b"], ["y"], activation="Clip", activation_params=[0.0, 6.0],
              strides=[2, 2], group=2)
    write_case("ort_ms_fused_conv_clip_groups", node, {"x": x}, {"w": f(6, 3, 1, 1), "b": f(6)},
               13, contrib=True)
    node = ms("FusedConv", ["x", "w", "b"], ["y"], activation="HardSigmoid",
              activation_params=[0.2, 0.5])
    write_case("ort_ms_fused_conv_hard_sigmoid", node, {"x": x}, {"w": f(5, 6, 1, 1), "b": f(5)},
               13, contrib=True)
    node = ms("FusedGemm", ["a", "w", "c"], ["y"], activation="LeakyRelu", activation_alpha=0.1,
              transB=1, alpha=0.5, beta=2.0)
    write_case("ort_ms_fused_gemm_leaky", node, {"a": f(7, 33)}, {"w": f(12, 33), "c": f(12)}, 13,
               contrib=True)
    node = ms("FusedMatMul", ["a", "b"], ["y"], transA=1, transB=1, alpha=0.125)
    write_case("ort_ms_fused_matmul_trans", node, {"a": f(3, 2, 16, 5), "b": f(3, 2, 7, 16)}, {},
               13, contrib=True)
    node = ms("FusedMatMul", ["a", "b"], ["y"], transA=1, transBatchA=1, transBatchB=1)
    write_case("ort_ms_fused_matmul_trans_batch", node,
               {"a": f(4, 2, 3, 5), "b": f(4, 2, 3, 6)}, {}, 13, contrib=True)
    node = ms("FusedMatMul", ["a", "b"], ["y"], transB=1)
    write_case("ort_ms_fused_matmul_broadcast", node, {"a": f(4, 9, 32)}, {"b": f(10, 32)}, 13,
               contrib=True)
    h = f(2, 11, 24) * 2
    node = ms("QuickGelu", ["x"], ["y"], alpha=1.702)
    write_case("ort_ms_quick_gelu", node, {"x": h}, {}, 13, contrib=True)
    for op in ["FastGelu", "BiasGelu"]:
        node = ms(op, ["x", "bias"], ["y"])
        # FastGelu's inputs stay above -3: below, ONNX Runtime's 1 + tanh(u) cancels (4% off
        # the exact value at -4.5, where ours, computed as a sigmoid, keeps its digits).
        x = np.clip(h, -2.5, None) if op == "FastGelu" else h
        write_case(f"ort_ms_{op.lower()}", node, {"x": x}, {"bias": f(24) * 0.5}, 13,
                   contrib=True)
    node = ms("Gelu", ["x"], ["y"])
    write_case("ort_ms_gelu", node, {"x": h}, {}, 13, contrib=True)
    node = ms("SkipLayerNormalization", ["x", "skip", "gamma", "beta", "bias"],
              ["y", "", "", "sum"], epsilon=1e-5)
    write_case("ort_ms_skip_layer_norm", node, {"x": h, "skip": f(2, 11, 24)},
               {"gamma": f(24), "beta": f(24), "bias": f(24)}, 13, contrib=True)
    node = ms("SkipSimplifiedLayerNormalization", ["x", "skip", "gamma"], ["y", "", "", "sum"],
              epsilon=1e-6)
    write_case("ort_ms_skip_simplified_layer_norm", node, {"x": h, "skip": f(2, 11, 24)},
               {"gamma": f(24)}, 13, contrib=True)
    node = helper.make_node("SimplifiedLayerNormalization", ["x", "scale"], ["y"], axis=-1,
                            epsilon=1e-6)
    write_case("ort_simplified_layer_norm", node, {"x": h}, {"scale": f(24)}, 13)
    # QGemm as ONNX Runtime's QDQ-to-QOperator fusion writes it: u8 activations, i8 weights
    # (7-bit, as its quantiser makes them) per output column, an i32 bias.
    a8 = rng.integers(0, 256, (5, 40), dtype=np.uint8)
    w8 = rng.integers(-64, 64, (9, 40), dtype=np.int8)
    scales = {"as": np.array(0.03, np.float32), "az": np.array(121, np.uint8), "w": w8,
              "ws": (rng.random(9) * 0.01 + 0.002).astype(np.float32),
              "wz": np.zeros(9, np.int8), "c": rng.integers(-3000, 3000, 9, dtype=np.int32)}
    node = ms("QGemm", ["a", "as", "az", "w", "ws", "wz", "c", "ys", "yz"], ["y"], transB=1)
    write_case("ort_ms_qgemm", node, {"a": a8},
               dict(scales, ys=np.array(0.05, np.float32), yz=np.array(110, np.uint8)), 13,
               contrib=True)
    node = ms("QGemm", ["a", "as", "az", "w", "ws", "wz", "c"], ["y"], transB=1)
    write_case("ort_ms_qgemm_float", node, {"a": a8}, scales, 13, contrib=True,
               output_type=TensorProto.FLOAT)
    q = rng.integers(0, 256, (2, 3, 17), dtype=np.uint8)
    node = ms("QLinearSoftmax", ["x", "xs", "xz", "ys", "yz"], ["y"], opset=13, axis=-1)
    write_case("ort_ms_qlinear_softmax", node, {"x": q},
               {"xs": np.array(0.08, np.float32), "xz": np.array(130, np.uint8),
                "ys": np.array(1 / 256, np.float32), "yz": np.array(0, np.uint8)}, 13, contrib=True)


def spectral_cases():
    rng = np.random.default_rng(2026120704)
    f = lambda *shape: rng.standard_normal(shape).astype(np.float32)
    # STFT as torch.stft exports it: a 2-D real signal, a Hann window given as an input (not
    # folded into the transform), frames of 64 every 24 samples.
    window = (np.sin(np.pi * np.arange(64) / 64) ** 2).astype(np.float32)
    node = helper.make_node("STFT", ["x", "step", "window"], ["y"])
    write_case("ort_stft_window_input", node, {"x": f(2, 500), "window": window},
               {"step": np.array(24, np.int64)}, 17)
    # A complex signal, two-sided, frame_length given without a window.
    node = helper.make_node("STFT", ["x", "step", "", "length"], ["y"], onesided=0)
    write_case("ort_stft_complex", node, {"x": f(1, 130, 2)},
               {"step": np.array(16, np.int64), "length": np.array(32, np.int64)}, 17)
    # DFT at opset 20: the axis as an input, a longer dft_length (zero-padded), and the inverse
    # of a one-sided spectrum (irfft, real output).
    node = helper.make_node("DFT", ["x", "len", "axis"], ["y"], onesided=1)
    write_case("ort_dft_padded_onesided", node, {"x": f(3, 37, 5, 1)},
               {"len": np.array(48, np.int64), "axis": np.array(1, np.int64)}, 20)
    node = helper.make_node("DFT", ["x", "len", "axis"], ["y"], inverse=1, onesided=1)
    write_case("ort_dft_irfft", node, {"x": f(2, 4, 17, 2)},
               {"len": np.array(32, np.int64), "axis": np.array(-2, np.int64)}, 20)


def einsum_cases():
    rng = np.random.default_rng(2026120705)
    f = lambda *shape: rng.standard_normal(shape).astype(np.float32)
    cases = [
        # As in real models: a BERT attention output projection and a positional encoding's
        # outer product.
        ("projection", "abcd,cde->abe", [f(2, 7, 4, 16), f(4, 16, 32)]),
        ("outer", "i, j -> i j", [f(9), f(13)]),
        # Broadcast ellipsis, three operands, an implicit output, a trace inside a product.
        ("ellipsis_broadcast", "...ij,...jk->...ik", [f(3, 1, 5, 6), f(1, 4, 6, 2)]),
        ("three_operands", "ab,bc,cd->ad", [f(5, 6), f(6, 7), f(7, 3)]),
        ("implicit", "ij,jk", [f(4, 5), f(5, 3)]),
        ("diagonal_product", "bii,bij->bj", [f(2, 4, 4), f(2, 4, 3)]),
        ("sum_private", "abc,cd->d", [f(3, 4, 5), f(5, 2)]),
    ]
    for name, eq, arrays in cases:
        names = [f"x{k}" for k in range(len(arrays))]
        node = helper.make_node("Einsum", names, ["y"], equation=eq)
        write_case(f"ort_einsum_{name}", node, dict(zip(names, arrays)), {}, 12)
    # ReverseSequence as a Keras backward LSTM exports it: batch-major, lengths given at run time.
    node = helper.make_node("ReverseSequence", ["x", "lens"], ["y"], batch_axis=0, time_axis=1)
    write_case("ort_reverse_sequence_batch_major", node,
               {"x": f(3, 9, 2, 5), "lens": np.array([9, 4, 1], np.int64)}, {}, 15)
    # GatherND as tf2onnx writes it: indices at run time, negative ones among them, and a batch
    # dimension.
    node = helper.make_node("GatherND", ["x", "i"], ["y"])
    idx = np.stack([rng.integers(-4, 4, (5, 3)), rng.integers(-6, 6, (5, 3))], -1)
    write_case("ort_gather_nd_negative", node, {"x": f(4, 6, 7), "i": idx.astype(np.int64)}, {}, 13)
    node = helper.make_node("GatherND", ["x", "i"], ["y"], batch_dims=1)
    idx = rng.integers(0, 5, (3, 4, 1))
    write_case("ort_gather_nd_batch", node, {"x": f(3, 5, 2, 2), "i": idx.astype(np.int64)}, {}, 13)


def data_dependent_if_cases():
    """If on a condition computed from tensor data (as openwakeword's hey_jarvis model has):
    planned as both branches and a choice. Two inputs, one per branch."""
    rng = np.random.default_rng(2026120706)
    F = TensorProto.FLOAT
    w = rng.standard_normal((4, 4)).astype(np.float32)
    then_g = helper.make_graph(
        [helper.make_node("MatMul", ["x", "w"], ["t0"]), helper.make_node("Tanh", ["t0"], ["t"]),
         helper.make_node("Shape", ["x"], ["ts"])], "then", [],
        [helper.make_tensor_value_info("t", F, None),
         helper.make_tensor_value_info("ts", TensorProto.INT64, None)])
    else_g = helper.make_graph(
        [helper.make_node("Sigmoid", ["x"], ["e"]), helper.make_node("Shape", ["x"], ["es"])],
        "else", [],
        [helper.make_tensor_value_info("e", F, None),
         helper.make_tensor_value_info("es", TensorProto.INT64, None)])
    nodes = [
        helper.make_node("ReduceSum", ["x"], ["total"], keepdims=0),
        helper.make_node("Greater", ["total", "zero"], ["positive"]),
        helper.make_node("If", ["positive"], ["y", "s"], then_branch=then_g, else_branch=else_g),
    ]
    for name, shift in [("then", 1.0), ("else", -1.0)]:
        x = (rng.standard_normal((3, 4)) + shift).astype(np.float32)
        write_graph(f"ort_if_data_dependent_{name}", nodes, {"x": x},
                    [("y", F), ("s", TensorProto.INT64)],
                    {"w": w, "zero": np.array(0.0, dtype=np.float32)}, 13)


def scatter_duplicate_cases():
    """Scatters with fewer updates than elements and repeated targets: ONNX Runtime applies them
    in order, so the last update aimed at an element wins."""
    rng = np.random.default_rng(2026120707)
    f = lambda *shape: rng.standard_normal(shape).astype(np.float32)
    idx = rng.integers(0, 40, (3, 25)).astype(np.int64)
    idx[:, 5] = idx[:, 2]
    node = helper.make_node("ScatterElements", ["x", "i", "u"], ["y"], axis=1)
    write_case("ort_scatter_elements_repeated", node, {"x": f(3, 40), "i": idx, "u": f(3, 25)},
               {}, 16)
    tuples = rng.integers(0, 6, (7, 2)).astype(np.int64)
    tuples[4] = tuples[1]
    node = helper.make_node("ScatterND", ["x", "i", "u"], ["y"])
    write_case("ort_scatter_nd_repeated", node,
               {"x": rng.integers(-9, 9, (6, 6, 5)).astype(np.int64), "i": tuples,
                "u": rng.integers(-9, 9, (7, 5)).astype(np.int64)}, {}, 13)


def main():
    rng = np.random.default_rng(20261207)
    resize_cases(rng)
    conv_transpose_cases(rng)
    lrn_cases(rng)
    quantization_cases(rng)
    composed_cases(rng)
    indexing_cases(rng)
    recurrent_cases(rng)
    control_flow_cases(rng)
    qdq_cases(rng)
    onehot_cases(rng)
    conv_integer_cases()
    transformer_cases()
    contrib_cases()
    spectral_cases()
    einsum_cases()
    data_dependent_if_cases()
    scatter_duplicate_cases()
    node_tests = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        HERE, "../../../target/onnx-node-tests/onnx/backend/test/data/node"
    )
    node_test_twins(node_tests)


if __name__ == "__main__":
    sys.exit(main())
