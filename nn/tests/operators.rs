//! One-operator models, built here: the CPU-specialised (native) kernels against the portable
//! ones, on the `cpu` device with specialised kernels on and off; and the graph rewrites and
//! fusions, against arithmetic done here.

mod common;

use std::sync::Arc;

use prost::Message;
use wasi_parallel_nn::{onnx, DType, Model, NnRuntime, Tensor};

/// A small deterministic generator (an LCG), so that a failure names a case that reproduces.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u32 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as u32
    }
    fn below(&mut self, n: usize) -> usize {
        self.next() as usize % n
    }
    fn float(&mut self) -> f32 {
        self.next() as f32 / (1u64 << 31) as f32 - 1.0
    }
    fn floats(&mut self, n: usize) -> Vec<f32> {
        (0..n).map(|_| self.float()).collect()
    }
}

fn value(name: &str) -> onnx::ValueInfoProto {
    typed_value(name, 1)
}

/// A graph input or output of ONNX element type `elem_type` (1 f32, 7 i64).
fn typed_value(name: &str, elem_type: i32) -> onnx::ValueInfoProto {
    onnx::ValueInfoProto {
        name: Some(name.into()),
        r#type: Some(onnx::TypeProto {
            value: Some(onnx::type_proto::Value::TensorType(
                onnx::type_proto::Tensor {
                    elem_type: Some(elem_type),
                    shape: None,
                },
            )),
            ..Default::default()
        }),
        ..Default::default()
    }
}

fn initializer(name: &str, shape: &[usize], data: &[f32]) -> onnx::TensorProto {
    onnx::TensorProto {
        name: Some(name.into()),
        dims: shape.iter().map(|&d| d as i64).collect(),
        data_type: Some(1),
        float_data: data.to_vec(),
        ..Default::default()
    }
}

fn ints(name: &str, values: &[usize]) -> onnx::AttributeProto {
    onnx::AttributeProto {
        name: Some(name.into()),
        r#type: Some(7),
        ints: values.iter().map(|&v| v as i64).collect(),
        ..Default::default()
    }
}

fn int(name: &str, value: usize) -> onnx::AttributeProto {
    onnx::AttributeProto {
        name: Some(name.into()),
        r#type: Some(2),
        i: Some(value as i64),
        ..Default::default()
    }
}

fn float(name: &str, value: f32) -> onnx::AttributeProto {
    onnx::AttributeProto {
        name: Some(name.into()),
        r#type: Some(1),
        f: Some(value),
        ..Default::default()
    }
}

fn node(
    op: &str,
    inputs: &[&str],
    output: &str,
    attrs: Vec<onnx::AttributeProto>,
) -> onnx::NodeProto {
    onnx::NodeProto {
        op_type: Some(op.into()),
        input: inputs.iter().map(|&i| i.into()).collect(),
        output: vec![output.into()],
        attribute: attrs,
        ..Default::default()
    }
}

/// A model of `nodes` with graph input `x`, output `y` and the given initializers.
fn model(nodes: Vec<onnx::NodeProto>, initializers: Vec<onnx::TensorProto>) -> Arc<Model> {
    model_with_inputs(nodes, vec![value("x")], initializers)
}

/// A model of `nodes` with the given graph inputs, output `y` and initializers.
fn model_with_inputs(
    nodes: Vec<onnx::NodeProto>,
    inputs: Vec<onnx::ValueInfoProto>,
    initializers: Vec<onnx::TensorProto>,
) -> Arc<Model> {
    model_at(17, nodes, inputs, initializers)
}

/// As [`model_with_inputs`], at ONNX opset `opset`.
fn model_at(
    opset: i64,
    nodes: Vec<onnx::NodeProto>,
    inputs: Vec<onnx::ValueInfoProto>,
    initializers: Vec<onnx::TensorProto>,
) -> Arc<Model> {
    let proto = onnx::ModelProto {
        ir_version: Some(9),
        opset_import: vec![onnx::OperatorSetIdProto {
            domain: Some(String::new()),
            version: Some(opset),
        }],
        graph: Some(onnx::GraphProto {
            name: Some("g".into()),
            node: nodes,
            input: inputs,
            output: vec![value("y")],
            initializer: initializers,
            ..Default::default()
        }),
        ..Default::default()
    };
    Arc::new(Model::parse(&proto.encode_to_vec()).expect("model"))
}

/// Runs `model` on `x` on the cpu device with specialised kernels on and off, checks that only
/// the specialised run used a native kernel, and returns both first outputs.
fn run_both(
    fast: &Arc<NnRuntime>,
    portable: &Arc<NnRuntime>,
    model: Arc<Model>,
    x: Tensor,
    case: &str,
) -> (Tensor, Tensor) {
    let cpu = fast.devices().iter().position(|d| d.info().name == "cpu");
    let cpu = cpu.expect("a cpu device");
    let run = |rt: &Arc<NnRuntime>| {
        let prepared = rt.prepare(model.clone(), cpu).expect("prepare");
        prepared.profile(std::slice::from_ref(&x)).expect(case)
    };
    let ((mut a, launches), (mut b, reference)) = (run(fast), run(portable));
    assert!(
        launches.iter().any(|l| l.native),
        "{case}: no native kernel ran"
    );
    assert!(reference.iter().all(|l| !l.native), "{case}");
    (a.swap_remove(0), b.swap_remove(0))
}

/// [`run_both`], then the outputs compared as floats.
fn compare(
    fast: &Arc<NnRuntime>,
    portable: &Arc<NnRuntime>,
    model: Arc<Model>,
    x: Tensor,
    case: &str,
) {
    let (a, b) = run_both(fast, portable, model, x, case);
    let (a, b) = (a.to_f32(), b.to_f32());
    assert_eq!(a.len(), b.len(), "{case}");
    for (k, (x, y)) in a.iter().zip(&b).enumerate() {
        let close = x == y || (x.is_nan() && y.is_nan()) || (x - y).abs() <= 1e-5 + 1e-5 * y.abs();
        assert!(close, "{case}: element {k} is {x} natively, {y} portably");
    }
}

fn runtimes() -> (Arc<NnRuntime>, Arc<NnRuntime>) {
    let fast = common::runtime();
    let portable = NnRuntime::new(fast.devices().to_vec()).expect("runtime");
    portable.set_specialised_kernels(false);
    (fast, portable)
}

/// Convolutions of every kind the native kernels take apart (pointwise as a GEMM or as dot
/// products, depthwise, grouped and general through im2col), with pads, strides, dilations, a
/// bias or none, and each activation that fuses into a convolution.
#[test]
fn native_convolutions_match_the_portable_kernel() {
    let (fast, portable) = runtimes();
    let mut rng = Rng(5);
    let activations = ["", "Relu", "Clip", "HardSigmoid", "HardSwish", "LeakyRelu"];
    let mut cases = 0;
    while cases < 60 {
        // Every fifth case is large enough for the native kernels to use the worker threads.
        let big = cases % 5 == 4;
        let scale = if big { 8 } else { 1 };
        let n = 1 + rng.below(2);
        let (kind, c) = (rng.below(4), scale * (1 + rng.below(6)));
        let (groups, m) = match kind {
            // Pointwise, general, depthwise (with a channel multiplier), grouped.
            0 | 1 => (1, scale * (1 + rng.below(9))),
            2 => (c, c * (1 + rng.below(2))),
            _ => (2, 2 * scale * (1 + rng.below(3))),
        };
        let c = if kind == 3 { 2 * c } else { c };
        let (h, w) = match (big, kind == 0 && rng.below(3) == 0) {
            // A pointwise convolution of a few pixels: dot products.
            (_, true) => (1 + rng.below(2), 1 + rng.below(3)),
            (true, false) => (16 + rng.below(32), 16 + rng.below(32)),
            (false, false) => (1 + rng.below(12), 1 + rng.below(12)),
        };
        let (c, m) = if big && h * w < 8 {
            (40 * c, 40 * m)
        } else {
            (c, m)
        };
        let (kh, kw, stride, pads, dilation) = if kind == 0 {
            (1, 1, [1, 1], [0; 4], [1, 1])
        } else {
            let k = [1, 3, 5];
            (
                k[rng.below(3)],
                k[rng.below(3)],
                [1 + rng.below(2), 1 + rng.below(2)],
                [rng.below(3), rng.below(3), rng.below(3), rng.below(3)],
                [1 + rng.below(2), 1 + rng.below(2)],
            )
        };
        let extent = |size: usize, k: usize, d: usize, lo: usize, hi: usize| {
            (size + lo + hi).checked_sub(d * (k - 1) + 1)
        };
        if extent(h, kh, dilation[0], pads[0], pads[2]).is_none()
            || extent(w, kw, dilation[1], pads[1], pads[3]).is_none()
        {
            continue;
        }
        cases += 1;
        let act = activations[rng.below(activations.len())];
        let bias = rng.below(2) == 1;
        let weights = rng.floats(m * (c / groups) * kh * kw);
        let mut inits = vec![initializer("w", &[m, c / groups, kh, kw], &weights)];
        let mut inputs = vec!["x", "w"];
        if bias {
            inits.push(initializer("b", &[m], &rng.floats(m)));
            inputs.push("b");
        }
        let attrs = vec![
            int("group", groups),
            ints("kernel_shape", &[kh, kw]),
            ints("strides", &stride),
            ints("pads", &pads),
            ints("dilations", &dilation),
        ];
        let conv_out = if act.is_empty() { "y" } else { "c" };
        let mut nodes = vec![node("Conv", &inputs, conv_out, attrs)];
        match act {
            "" => {}
            "Clip" => {
                inits.push(initializer("lo", &[], &[-0.25]));
                inits.push(initializer("hi", &[], &[0.5]));
                nodes.push(node("Clip", &["c", "lo", "hi"], "y", vec![]));
            }
            "LeakyRelu" => nodes.push(node(act, &["c"], "y", vec![float("alpha", 0.3)])),
            _ => nodes.push(node(act, &["c"], "y", vec![])),
        }
        let shape = vec![n, c, h, w];
        let x = Tensor::from_f32(shape.clone(), &rng.floats(n * c * h * w)).unwrap();
        let case = format!(
            "Conv of {shape:?} by {m}x{}x{kh}x{kw} (group {groups}, strides {stride:?}, pads \
             {pads:?}, dilations {dilation:?}, bias {bias}) then `{act}`",
            c / groups
        );
        compare(&fast, &portable, model(nodes, inits), x, &case);
    }
    // GEMMs that the threads split by rows (fewer pixels than output channels) and by columns.
    for (c, m, hw) in [(96, 256, 6), (64, 48, 40)] {
        let weights = rng.floats(m * c);
        let inits = vec![
            initializer("w", &[m, c, 1, 1], &weights),
            initializer("b", &[m], &rng.floats(m)),
        ];
        let nodes = vec![node("Conv", &["x", "w", "b"], "y", vec![])];
        let x = Tensor::from_f32(vec![1, c, hw, hw], &rng.floats(c * hw * hw)).unwrap();
        let case = format!("pointwise Conv of [1, {c}, {hw}, {hw}] to {m} channels");
        compare(&fast, &portable, model(nodes, inits), x, &case);
    }
}

/// Max and average pooling of one to three spatial dimensions, with pads, strides, dilations,
/// ceil mode and padding counted or not; and global pooling.
#[test]
fn native_pooling_matches_the_portable_kernel() {
    let (fast, portable) = runtimes();
    let mut rng = Rng(17);
    for case in 0..60 {
        let big = case % 5 == 4;
        let rank = 1 + rng.below(3);
        let (n, c) = (1 + rng.below(2), if big { 64 } else { 1 + rng.below(4) });
        let spatial: Vec<usize> = (0..rank)
            .map(|_| {
                if big {
                    12 + rng.below(8)
                } else {
                    1 + rng.below(9)
                }
            })
            .collect();
        let mut shape = vec![n, c];
        shape.extend(&spatial);
        let len: usize = shape.iter().product();
        let mut xs = rng.floats(len);
        xs[len / 2] = f32::NAN;
        let x = Tensor::from_f32(shape.clone(), &xs).unwrap();
        let op = [
            "MaxPool",
            "AveragePool",
            "GlobalMaxPool",
            "GlobalAveragePool",
        ][case % 4];
        let mut attrs = Vec::new();
        if !op.starts_with("Global") {
            let kernel: Vec<usize> = spatial.iter().map(|&s| 1 + rng.below(s.min(3))).collect();
            let pads: Vec<usize> = (0..2 * rank)
                .map(|a| rng.below(kernel[a % rank].div_ceil(2)))
                .collect();
            let strides: Vec<usize> = (0..rank).map(|_| 1 + rng.below(2)).collect();
            attrs.push(ints("kernel_shape", &kernel));
            attrs.push(ints("pads", &pads));
            attrs.push(ints("strides", &strides));
            attrs.push(int("ceil_mode", rng.below(2)));
            if op == "AveragePool" {
                attrs.push(int("count_include_pad", rng.below(2)));
            } else if kernel.iter().all(|&k| k <= 2) {
                attrs.push(ints("dilations", &vec![1 + rng.below(2); rank]));
            }
        }
        let described: Vec<String> = attrs
            .iter()
            .map(|a| {
                let values = if a.ints.is_empty() {
                    vec![a.i.unwrap_or(0)]
                } else {
                    a.ints.clone()
                };
                format!("{}={values:?}", a.name.as_deref().unwrap_or_default())
            })
            .collect();
        let case = format!("{op} of {shape:?} with {}", described.join(" "));
        let model = model(vec![node(op, &["x"], "y", attrs)], vec![]);
        compare(&fast, &portable, model, x, &case);
    }
}

/// Element-wise arithmetic with broadcasting from either side, NaN included.
#[test]
fn native_binary_operators_match_the_portable_kernel() {
    let (fast, portable) = runtimes();
    let mut rng = Rng(11);
    let ops = [
        "Add", "Sub", "Mul", "Div", "Max", "Min", "PRelu", "Pow", "Mod",
    ];
    for case in 0..90 {
        let op = ops[case % ops.len()];
        let rank = 1 + rng.below(3);
        let mut shape: Vec<usize> = (0..rank).map(|_| 1 + rng.below(7)).collect();
        if case % 5 == 4 {
            // Large enough for the worker threads.
            shape.insert(0, 150_000 / shape.iter().product::<usize>());
        }
        // The other operand: some dimensions broadcast, maybe fewer of them.
        let drop = if op == "PRelu" { 0 } else { rng.below(rank) };
        let other: Vec<usize> = shape[drop..]
            .iter()
            .map(|&d| if rng.below(3) == 0 { 1 } else { d })
            .collect();
        let len: usize = shape.iter().product();
        let mut xs = rng.floats(len);
        xs[0] = f32::NAN;
        let constant = rng.floats(other.iter().product());
        // x op c, or c op x (PRelu's slope is always second).
        let swap = op != "PRelu" && rng.below(2) == 1;
        let inputs = if swap { ["k", "x"] } else { ["x", "k"] };
        // Float Mod is C's fmod; Pow's exponents include the exact ones (2, 0.5) and others.
        let attrs = if op == "Mod" {
            vec![int("fmod", 1)]
        } else {
            vec![]
        };
        let mut constant = constant;
        if op == "Pow" && case % 2 == 0 {
            constant[0] = 2.0;
        }
        let model = model(
            vec![node(op, &inputs, "y", attrs)],
            vec![initializer("k", &other, &constant)],
        );
        let x = Tensor::from_f32(shape.clone(), &xs).unwrap();
        let case = format!("{op} of {shape:?} and {other:?} (swapped {swap})");
        compare(&fast, &portable, model, x, &case);
    }
}

/// MatMul and Gemm of every form: batched with broadcast batch dimensions, vectors, transposed
/// operands, alpha, beta and a broadcast C, small and large.
#[test]
fn native_matrix_products_match_the_portable_kernel() {
    let (fast, portable) = runtimes();
    let mut rng = Rng(23);
    for case in 0..40 {
        let (m, k, n) = (1 + rng.below(40), 1 + rng.below(70), 1 + rng.below(50));
        if case % 2 == 0 {
            // MatMul: x of [batch..., m, k] (or [k]) times a constant of [batch'..., k, n].
            let batch: Vec<usize> = (0..rng.below(3)).map(|_| 1 + rng.below(3)).collect();
            let mut xs = batch.clone();
            xs.extend([m, k]);
            let vector = case % 6 == 0;
            let x_shape = if vector { vec![k] } else { xs };
            let mut w_shape: Vec<usize> = batch
                .iter()
                .map(|&b| if rng.below(2) == 0 { 1 } else { b })
                .collect();
            w_shape.extend([k, n]);
            let w = rng.floats(w_shape.iter().product());
            let model = model(
                vec![node("MatMul", &["x", "w"], "y", vec![])],
                vec![initializer("w", &w_shape, &w)],
            );
            let x =
                Tensor::from_f32(x_shape.clone(), &rng.floats(x_shape.iter().product())).unwrap();
            compare(
                &fast,
                &portable,
                model,
                x,
                &format!("MatMul {x_shape:?} x {w_shape:?}"),
            );
        } else {
            // Gemm: transposes, alpha, beta, and C of [n], [m, 1] or [m, n].
            let (ta, tb) = (rng.below(2), rng.below(2));
            let x_shape = if ta == 1 { vec![k, m] } else { vec![m, k] };
            let w_shape = if tb == 1 { vec![n, k] } else { vec![k, n] };
            let c_shape = match rng.below(3) {
                0 => vec![n],
                1 => vec![m, 1],
                _ => vec![m, n],
            };
            let w = rng.floats(w_shape.iter().product());
            let c = rng.floats(c_shape.iter().product());
            let attrs = vec![
                int("transA", ta),
                int("transB", tb),
                float("alpha", 0.5 + rng.float()),
                float("beta", rng.float()),
            ];
            let model = model(
                vec![node("Gemm", &["x", "w", "c"], "y", attrs)],
                vec![
                    initializer("w", &w_shape, &w),
                    initializer("c", &c_shape, &c),
                ],
            );
            let x =
                Tensor::from_f32(x_shape.clone(), &rng.floats(x_shape.iter().product())).unwrap();
            let case =
                format!("Gemm {x_shape:?} (transA {ta}) x {w_shape:?} (transB {tb}) + {c_shape:?}");
            compare(&fast, &portable, model, x, &case);
        }
    }
    // Vector products (a row at a time, B's rows or columns contiguous), batches of one row
    // sharing B (stacked into one product), and a vector against a B wide enough for threads.
    let shapes: [(&[usize], &[usize]); 6] = [
        (&[5, 1, 33], &[33, 17]),
        (&[2, 3, 1, 20], &[20, 9]),
        (&[2, 3, 2, 20], &[3, 20, 9]),
        (&[1, 7], &[7, 3000]),
        (&[3, 64], &[64, 40]),
        (&[4, 1, 16], &[4, 16, 8]),
    ];
    for (x_shape, w_shape) in shapes {
        let w = rng.floats(w_shape.iter().product());
        let model = model(
            vec![node("MatMul", &["x", "w"], "y", vec![])],
            vec![initializer("w", w_shape, &w)],
        );
        let x = Tensor::from_f32(x_shape.to_vec(), &rng.floats(x_shape.iter().product())).unwrap();
        compare(
            &fast,
            &portable,
            model,
            x,
            &format!("MatMul {x_shape:?} x {w_shape:?}"),
        );
    }
    for (m, k, n) in [(1, 64, 50), (2, 300, 7), (1, 5, 2000)] {
        let w = rng.floats(n * k);
        let model = model(
            vec![node(
                "Gemm",
                &["x", "w"],
                "y",
                vec![int("transB", 1), float("alpha", 0.7)],
            )],
            vec![initializer("w", &[n, k], &w)],
        );
        let x = Tensor::from_f32(vec![m, k], &rng.floats(m * k)).unwrap();
        compare(
            &fast,
            &portable,
            model,
            x,
            &format!("Gemm [{m}, {k}] x [{n}, {k}]'"),
        );
    }
}

/// The strided copies of Transpose, Slice (negative steps included) and Concat.
#[test]
fn native_copies_match_the_portable_kernel() {
    let (fast, portable) = runtimes();
    let mut rng = Rng(31);
    let int64s = |name: &str, v: &[i64]| onnx::TensorProto {
        name: Some(name.into()),
        dims: vec![v.len() as i64],
        data_type: Some(7),
        int64_data: v.to_vec(),
        ..Default::default()
    };
    for case in 0..24 {
        let shape: Vec<usize> = (0..2 + rng.below(3)).map(|_| 1 + rng.below(9)).collect();
        let rank = shape.len();
        let x = Tensor::from_f32(shape.clone(), &rng.floats(shape.iter().product())).unwrap();
        let (model, what) = match case % 3 {
            0 => {
                let mut perm: Vec<usize> = (0..rank).collect();
                perm.rotate_left(1 + rng.below(rank - 1));
                let attr = ints("perm", &perm);
                (
                    model(vec![node("Transpose", &["x"], "y", vec![attr])], vec![]),
                    format!("Transpose {perm:?}"),
                )
            }
            1 => {
                let a = rng.below(rank) as i64;
                let (starts, ends, steps) = if rng.below(2) == 0 {
                    (vec![-1i64], vec![i64::MIN], vec![-1 - rng.below(2) as i64])
                } else {
                    (vec![1i64], vec![shape[a as usize] as i64], vec![1i64])
                };
                let m = model(
                    vec![node("Slice", &["x", "s", "e", "a", "t"], "y", vec![])],
                    vec![
                        int64s("s", &starts),
                        int64s("e", &ends),
                        int64s("a", &[a]),
                        int64s("t", &steps),
                    ],
                );
                (m, format!("Slice axis {a} step {steps:?}"))
            }
            _ => {
                let a = rng.below(rank);
                let mut other = shape.clone();
                other[a] = 1 + rng.below(4);
                let k = rng.floats(other.iter().product());
                let m = model(
                    vec![node("Concat", &["k", "x", "k"], "y", vec![int("axis", a)])],
                    vec![initializer("k", &other, &k)],
                );
                (m, format!("Concat axis {a}"))
            }
        };
        compare(&fast, &portable, model, x, &format!("{what} of {shape:?}"));
    }
}

/// Every Reduce operator over inner axes (contiguous runs), outer axes (neighbouring outputs
/// together), several axes at once and all of them, with NaN, infinities and an empty axis.
#[test]
fn native_reductions_match_the_portable_kernel() {
    let (fast, portable) = runtimes();
    let mut rng = Rng(59);
    let ops = [
        "ReduceSum",
        "ReduceMean",
        "ReduceMax",
        "ReduceMin",
        "ReduceProd",
        "ReduceSumSquare",
        "ReduceL1",
        "ReduceL2",
        "ReduceLogSumExp",
    ];
    let int64s = |name: &str, v: &[i64]| onnx::TensorProto {
        name: Some(name.into()),
        dims: vec![v.len() as i64],
        data_type: Some(7),
        int64_data: v.to_vec(),
        ..Default::default()
    };
    for case in 0..72 {
        let op = ops[case % ops.len()];
        let mut shape: Vec<usize> = (0..1 + rng.below(4)).map(|_| 1 + rng.below(9)).collect();
        if case % 8 == 7 {
            // Large enough for the worker threads, and runs longer than the lanes.
            shape = vec![40, 300, 3];
        }
        let rank = shape.len();
        let axes: Vec<i64> = match case % 4 {
            0 => vec![rank as i64 - 1],
            1 => vec![0],
            2 => (0..rank as i64).filter(|_| rng.below(2) == 0).collect(),
            _ => vec![],
        };
        let len: usize = shape.iter().product();
        // Products of many factors stay finite near 1.
        let scale = if op == "ReduceProd" { 0.1 } else { 10.0 };
        let mut xs: Vec<f32> = rng.floats(len).iter().map(|v| 1.0 + v * scale).collect();
        if case % 5 == 0 && len > 3 {
            xs[len / 3] = f32::NAN;
            xs[1] = f32::INFINITY;
        }
        let keep = case % 3 != 0;
        let attrs = vec![int("keepdims", keep as usize)];
        // ReduceSum and ReduceMean take axes as an input from opset 13 and 18; all of them at 18.
        let model = model_at(
            18,
            vec![node(op, &["x", "a"], "y", attrs)],
            vec![value("x")],
            vec![int64s("a", &axes)],
        );
        let x = Tensor::from_f32(shape.clone(), &xs).unwrap();
        let case = format!("{op} of {shape:?} over {axes:?} (keepdims {keep})");
        compare(&fast, &portable, model, x, &case);
    }
}

/// Gather on every axis, with i32 and i64 indices, negative ones, and indices known only at run
/// time that are out of range (both kernels read index 0 for those).
#[test]
fn native_gather_matches_the_portable_kernel() {
    let (fast, portable) = runtimes();
    let mut rng = Rng(61);
    for case in 0..30 {
        let shape: Vec<usize> = if case == 29 {
            vec![3000, 400]
        } else {
            (0..1 + rng.below(3)).map(|_| 1 + rng.below(8)).collect()
        };
        let axis = rng.below(shape.len());
        let n = shape[axis] as i64;
        let index_shape: Vec<usize> = (0..rng.below(3)).map(|_| 1 + rng.below(5)).collect();
        let count: usize = index_shape.iter().product();
        let data = rng.floats(shape.iter().product());
        let attrs = vec![int("axis", axis)];
        let (model, x, what) = if case % 2 == 0 {
            // The data is the input; constant indices, negative ones included.
            let indices: Vec<i64> = (0..count)
                .map(|_| rng.below(2 * n as usize) as i64 - n)
                .collect();
            let i32s = case % 4 == 0;
            let tensor = onnx::TensorProto {
                name: Some("i".into()),
                dims: index_shape.iter().map(|&d| d as i64).collect(),
                data_type: Some(if i32s { 6 } else { 7 }),
                int32_data: if i32s {
                    indices.iter().map(|&k| k as i32).collect()
                } else {
                    vec![]
                },
                int64_data: if i32s { vec![] } else { indices.clone() },
                ..Default::default()
            };
            let model = model(vec![node("Gather", &["x", "i"], "y", attrs)], vec![tensor]);
            let x = Tensor::from_f32(shape.clone(), &data).unwrap();
            (model, x, format!("indices {indices:?} (i32 {i32s})"))
        } else {
            // The indices are the input, some out of range.
            let indices: Vec<i64> = (0..count)
                .map(|_| rng.below(4 * n as usize) as i64 - 2 * n)
                .collect();
            let model = model_with_inputs(
                vec![node("Gather", &["d", "x"], "y", attrs)],
                vec![typed_value("x", 7)],
                vec![initializer("d", &shape, &data)],
            );
            let x = Tensor::from_i64(index_shape.clone(), &indices).unwrap();
            (model, x, format!("run-time indices {indices:?}"))
        };
        let case = format!("Gather of {shape:?} on axis {axis} by {what}");
        compare(&fast, &portable, model, x, &case);
    }
}

/// BatchNormalization on its own (not folded into a convolution): planes long and short, one
/// image and several.
#[test]
fn native_batchnorm_matches_the_portable_kernel() {
    let (fast, portable) = runtimes();
    let mut rng = Rng(67);
    let shapes: [&[usize]; 4] = [&[1, 3, 5, 7], &[2, 4, 9], &[3, 6], &[1, 16, 64, 80]];
    for shape in shapes {
        let c = shape[1];
        let var: Vec<f32> = rng.floats(c).iter().map(|v| v.abs() + 0.1).collect();
        let model = model(
            vec![node(
                "BatchNormalization",
                &["x", "s", "b", "m", "v"],
                "y",
                vec![float("epsilon", 1e-3)],
            )],
            vec![
                initializer("s", &[c], &rng.floats(c)),
                initializer("b", &[c], &rng.floats(c)),
                initializer("m", &[c], &rng.floats(c)),
                initializer("v", &[c], &var),
            ],
        );
        let x = Tensor::from_f32(shape.to_vec(), &rng.floats(shape.iter().product())).unwrap();
        compare(
            &fast,
            &portable,
            model,
            x,
            &format!("BatchNormalization of {shape:?}"),
        );
    }
}

/// Cast from every element type to every other (f32, f64, u8, i8, bool, i32, i64), NaN,
/// infinities, negative and out-of-range values included; and the integer comparisons (Equal,
/// Less, Greater and their or-equal forms) with broadcasting. Both compared byte for byte.
#[test]
fn native_casts_and_integer_comparisons_match_the_portable_kernels() {
    let (fast, portable) = runtimes();
    let exact = |model: Arc<Model>, x: Tensor, case: &str| {
        let (a, b) = run_both(&fast, &portable, model, x, case);
        assert_eq!(a.dtype, b.dtype, "{case}");
        assert_eq!(a.data, b.data, "{case}");
    };
    let values = [
        0.0f64,
        -0.0,
        1.5,
        -1.5,
        2.5,
        255.0,
        256.7,
        -129.0,
        3e9,
        -3e9,
        1e20,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        0.3,
        127.9,
    ];
    // ONNX element types: f32 1, u8 2, i8 3, i32 6, i64 7, bool 9, f64 11.
    let types = [1, 2, 3, 6, 7, 9, 11];
    for from in types {
        // The input, built as its own type from the values (integers from their truncation).
        let ints: Vec<i64> = values.iter().map(|&v| v as i64).collect();
        let (x, len) = match from {
            1 => (
                Tensor::from_f32(vec![16], &values.map(|v| v as f32)).unwrap(),
                16,
            ),
            11 => {
                let bytes: Vec<u8> = values.iter().flat_map(|v| v.to_le_bytes()).collect();
                (Tensor::new(DType::F64, vec![16], bytes).unwrap(), 16)
            }
            7 => (Tensor::from_i64(vec![16], &ints).unwrap(), 16),
            6 => {
                let bytes: Vec<u8> = ints
                    .iter()
                    .flat_map(|&v| (v as i32).to_le_bytes())
                    .collect();
                (Tensor::new(DType::I32, vec![16], bytes).unwrap(), 16)
            }
            code => {
                let dtype = match code {
                    2 => DType::U8,
                    3 => DType::I8,
                    _ => DType::Bool,
                };
                let bytes: Vec<u8> = ints
                    .iter()
                    .map(|&v| if code == 9 { (v != 0) as u8 } else { v as u8 })
                    .collect();
                (Tensor::new(dtype, vec![16], bytes).unwrap(), 16)
            }
        };
        for to in types {
            if to == from {
                continue;
            }
            let model = model_with_inputs(
                vec![node("Cast", &["x"], "y", vec![int("to", to as usize)])],
                vec![typed_value("x", from)],
                vec![],
            );
            exact(model, x.clone(), &format!("Cast {from} -> {to} of {len}"));
        }
    }
    let mut rng = Rng(71);
    for (k, op) in ["Equal", "Less", "LessOrEqual", "Greater", "GreaterOrEqual"]
        .iter()
        .enumerate()
    {
        let shape = [3 + k, 40, 5];
        let xs: Vec<u8> = (0..shape.iter().product::<usize>())
            .flat_map(|_| (rng.below(7) as i32 - 3).to_le_bytes())
            .collect();
        let x = Tensor::new(DType::I32, shape.to_vec(), xs).unwrap();
        let other: Vec<i32> = (0..5).map(|_| rng.below(7) as i32 - 3).collect();
        let k_tensor = onnx::TensorProto {
            name: Some("k".into()),
            dims: vec![1, 5],
            data_type: Some(6),
            int32_data: other,
            ..Default::default()
        };
        let model = model_with_inputs(
            vec![node(op, &["x", "k"], "y", vec![])],
            vec![typed_value("x", 6)],
            vec![k_tensor],
        );
        exact(model, x, &format!("{op} of i32 {shape:?} and [1, 5]"));
    }
}

/// Pad in every mode (constant, reflect, edge, wrap), on every axis at once or with the
/// innermost ones left alone, with pads wider than the dimension (reflected and wrapped more than
/// once) and negative ones (crops).
#[test]
fn native_pad_matches_the_portable_kernel() {
    let (fast, portable) = runtimes();
    let mut rng = Rng(53);
    for case in 0..32 {
        let mode = ["constant", "reflect", "edge", "wrap"][case % 4];
        let shape: Vec<usize> = if case == 31 {
            // Large enough for the worker threads.
            vec![64, 300]
        } else {
            (0..1 + rng.below(4)).map(|_| 1 + rng.below(7)).collect()
        };
        let pads: Vec<i64> = (0..2 * shape.len())
            .map(|k| {
                let d = shape[k % shape.len()] as i64;
                // Crops only as deep as the dimension allows, for both ends together.
                rng.below(2 * d as usize + 4) as i64 - (d - 1) / 2
            })
            .collect();
        let mut pads = pads;
        if case % 2 == 1 {
            // The innermost dimensions unpadded, which move as whole runs.
            let rank = shape.len();
            for d in rank - rng.below(rank + 1).min(rank - 1)..rank {
                (pads[d], pads[d + rank]) = (0, 0);
            }
        }
        let x = Tensor::from_f32(shape.clone(), &rng.floats(shape.iter().product())).unwrap();
        let pads_tensor = onnx::TensorProto {
            name: Some("p".into()),
            dims: vec![pads.len() as i64],
            data_type: Some(7),
            int64_data: pads.clone(),
            ..Default::default()
        };
        let attr = onnx::AttributeProto {
            name: Some("mode".into()),
            r#type: Some(3),
            s: Some(mode.as_bytes().to_vec()),
            ..Default::default()
        };
        let model = model_at(
            19,
            vec![node("Pad", &["x", "p", "v"], "y", vec![attr])],
            vec![value("x")],
            vec![pads_tensor, initializer("v", &[], &[2.5])],
        );
        let case = format!("Pad {mode} of {shape:?} by {pads:?}");
        compare(&fast, &portable, model, x, &case);
    }
}

/// Every activation and element-wise function, on ordinary values and NaN, infinities, zeros
/// and large ones: the native kernel runs the portable kernel's own code.
#[test]
fn native_unary_functions_match_the_portable_kernel() {
    let (fast, portable) = runtimes();
    let mut rng = Rng(41);
    let ops = [
        "Relu",
        "Sigmoid",
        "Tanh",
        "Exp",
        "Log",
        "Sqrt",
        "Neg",
        "Abs",
        "Floor",
        "Ceil",
        "Reciprocal",
        "HardSigmoid",
        "HardSwish",
        "LeakyRelu",
        "Elu",
        "Erf",
        "Softplus",
        "Selu",
        "Softsign",
        "Round",
        "Sign",
        "Sin",
        "Cos",
        "Gelu",
    ];
    for op in ops {
        let mut xs: Vec<f32> = rng.floats(5000).iter().map(|v| v * 12.0).collect();
        xs[..8].copy_from_slice(&[
            f32::NAN,
            f32::INFINITY,
            f32::NEG_INFINITY,
            0.0,
            -0.0,
            1e30,
            -1e30,
            0.5,
        ]);
        // Not fused into anything: the graph input goes straight in.
        let model = model(vec![node(op, &["x"], "y", vec![])], vec![]);
        let x = Tensor::from_f32(vec![5000], &xs).unwrap();
        compare(&fast, &portable, model, x, op);
    }
}

/// Softmax, LogSoftmax and Hardmax along the last axis and inner ones, long and short rows, small
/// and large tensors, with rows of NaN, infinities and ties.
#[test]
fn native_softmax_matches_the_portable_kernel() {
    let (fast, portable) = runtimes();
    let mut rng = Rng(47);
    let shapes: [&[usize]; 5] = [
        &[3, 7],
        &[2, 5, 3],
        &[6, 400, 400],
        &[4, 33, 17, 2],
        &[1, 1],
    ];
    for (k, shape) in shapes.iter().enumerate() {
        for op in ["Softmax", "LogSoftmax", "Hardmax"] {
            for axis in 0..shape.len() {
                let len: usize = shape.iter().product();
                let mut xs: Vec<f32> = rng.floats(len).iter().map(|v| v * 20.0).collect();
                if len > 16 {
                    // An infinity, a NaN, and a tie, each somewhere.
                    xs[1] = f32::INFINITY;
                    xs[len / 2] = f32::NAN;
                    xs[len - 1] = xs[len - 2];
                }
                let model = model(vec![node(op, &["x"], "y", vec![int("axis", axis)])], vec![]);
                let x = Tensor::from_f32(shape.to_vec(), &xs).unwrap();
                let case = format!("{op} of {shape:?} on axis {axis} (case {k})");
                compare(&fast, &portable, model, x, &case);
            }
        }
    }
}

/// A constant of ONNX element type `elem_type` from its little-endian bytes.
fn raw_initializer(
    name: &str,
    shape: &[usize],
    elem_type: i32,
    bytes: Vec<u8>,
) -> onnx::TensorProto {
    onnx::TensorProto {
        name: Some(name.into()),
        dims: shape.iter().map(|&d| d as i64).collect(),
        data_type: Some(elem_type),
        raw_data: Some(bytes),
        ..Default::default()
    }
}

/// QuantizeLinear to u8 and i8 and DequantizeLinear from u8, i8 and i32, per tensor and per
/// axis: the native kernels against the portable ones, element for element (ties, saturation,
/// NaN and infinities included).
#[test]
fn native_quantisers_match_the_portable_kernel() {
    let (fast, portable) = runtimes();
    let mut rng = Rng(43);
    let shape = [6usize, 5, 7];
    let n: usize = shape.iter().product();
    let mut xs: Vec<f32> = rng.floats(n).iter().map(|v| v * 40.0).collect();
    xs[..10].copy_from_slice(&[
        f32::NAN,
        f32::INFINITY,
        f32::NEG_INFINITY,
        2.5,
        -2.5,
        3.5,
        0.0,
        0.25,
        -0.25,
        0.75,
    ]);
    let x = Tensor::from_f32(shape.to_vec(), &xs).unwrap();
    let scales: Vec<f32> = (0..5).map(|k| 0.05 + 0.1 * k as f32).collect();
    let axis = |a: usize| onnx::AttributeProto {
        name: Some("axis".into()),
        i: Some(a as i64),
        r#type: Some(onnx::attribute_proto::AttributeType::Int as i32),
        ..Default::default()
    };
    // (case, zero point type, zero points, per axis)
    let quantise = [
        ("u8 per tensor", 2, vec![131u8], false),
        (
            "i8 per axis",
            3,
            vec![0, 3, (-7i8) as u8, 100, (-128i8) as u8],
            true,
        ),
    ];
    for (case, elem, zeros, per_axis) in quantise {
        let (sshape, sdata) = if per_axis {
            (vec![5], scales.clone())
        } else {
            (vec![], vec![0.5])
        };
        let m = model(
            vec![node("QuantizeLinear", &["x", "s", "z"], "y", vec![axis(1)])],
            vec![
                initializer("s", &sshape, &sdata),
                raw_initializer("z", &sshape, elem, zeros),
            ],
        );
        compare(
            &fast,
            &portable,
            m,
            x.clone(),
            &format!("QuantizeLinear {case}"),
        );
    }
    let ints: Vec<i32> = (0..n)
        .map(|_| rng.below(1 << 20) as i32 - (1 << 19))
        .collect();
    let bytes: Vec<u8> = ints.iter().map(|&v| v as u8).collect();
    let dequantise = [
        (
            "u8 per axis",
            2,
            DType::U8,
            bytes.clone(),
            Some(vec![1u8, 2, 3, 250, 128]),
            true,
        ),
        (
            "i8 per tensor",
            3,
            DType::I8,
            bytes,
            Some(vec![(-5i8) as u8]),
            false,
        ),
        (
            "i32 per axis",
            6,
            DType::I32,
            ints.iter().flat_map(|v| v.to_le_bytes()).collect(),
            None,
            true,
        ),
    ];
    for (case, elem, dtype, data, zeros, per_axis) in dequantise {
        let (sshape, sdata) = if per_axis {
            (vec![5], scales.clone())
        } else {
            (vec![], vec![0.25])
        };
        let mut inits = vec![initializer("s", &sshape, &sdata)];
        let mut ins = vec!["x", "s"];
        if let Some(z) = zeros {
            inits.push(raw_initializer("z", &sshape, elem, z));
            ins.push("z");
        }
        let m = model_with_inputs(
            vec![node("DequantizeLinear", &ins, "y", vec![axis(1)])],
            vec![typed_value("x", elem)],
            inits,
        );
        let x = Tensor::new(dtype, shape.to_vec(), data).unwrap();
        compare(&fast, &portable, m, x, &format!("DequantizeLinear {case}"));
    }
}

/// Transposed convolutions of one to three spatial dimensions, with groups, strides, pads,
/// dilations and output padding, with and without a bias.
#[test]
fn native_transposed_convolutions_match_the_portable_kernel() {
    let (fast, portable) = runtimes();
    let mut rng = Rng(53);
    for case in 0..30 {
        let k = 1 + case % 3;
        let groups = 1 + rng.below(2);
        let (c, m) = (groups * (1 + rng.below(3)), groups * (1 + rng.below(3)));
        let n = 1 + rng.below(2);
        let spatial: Vec<usize> = (0..k).map(|_| 1 + rng.below(6)).collect();
        let kernel: Vec<usize> = (0..k).map(|_| 1 + rng.below(3)).collect();
        let strides: Vec<usize> = (0..k).map(|_| 1 + rng.below(3)).collect();
        let dilations: Vec<usize> = (0..k).map(|_| 1 + rng.below(2)).collect();
        let output_padding: Vec<usize> = strides.iter().map(|&s| rng.below(s)).collect();
        let pads: Vec<usize> = (0..2 * k).map(|i| rng.below(kernel[i % k])).collect();
        let fits = (0..k).all(|d| {
            let full = strides[d] * (spatial[d] - 1)
                + output_padding[d]
                + (kernel[d] - 1) * dilations[d]
                + 1;
            full > pads[d] + pads[k + d]
        });
        if !fits {
            continue;
        }
        let mut x_shape = vec![n, c];
        x_shape.extend(&spatial);
        let mut w_shape = vec![c, m / groups];
        w_shape.extend(&kernel);
        let w = rng.floats(w_shape.iter().product());
        let bias = rng.floats(m);
        let with_bias = case % 2 == 0;
        let attrs = vec![
            int("group", groups),
            ints("strides", &strides),
            ints("dilations", &dilations),
            ints("pads", &pads),
            ints("output_padding", &output_padding),
        ];
        let (ins, inits) = if with_bias {
            (
                vec!["x", "w", "b"],
                vec![
                    initializer("w", &w_shape, &w),
                    initializer("b", &[m], &bias),
                ],
            )
        } else {
            (vec!["x", "w"], vec![initializer("w", &w_shape, &w)])
        };
        let model = model(vec![node("ConvTranspose", &ins, "y", attrs)], inits);
        let x = Tensor::from_f32(x_shape.clone(), &rng.floats(x_shape.iter().product())).unwrap();
        let case = format!(
            "ConvTranspose {x_shape:?} by {w_shape:?}, groups {groups}, strides {strides:?}, \
             dilations {dilations:?}, pads {pads:?}, output padding {output_padding:?}"
        );
        compare(&fast, &portable, model, x, &case);
    }
}

/// Resize in each mode and coordinate transformation, up and down, with crop-and-resize's
/// extrapolation.
#[test]
fn native_resize_matches_the_portable_kernel() {
    let (fast, portable) = runtimes();
    let mut rng = Rng(61);
    let modes = ["nearest", "linear", "cubic"];
    let coordinates = [
        "half_pixel",
        "align_corners",
        "asymmetric",
        "pytorch_half_pixel",
        "tf_crop_and_resize",
    ];
    let text = |name: &str, v: &str| onnx::AttributeProto {
        name: Some(name.into()),
        r#type: Some(3),
        s: Some(v.as_bytes().to_vec()),
        ..Default::default()
    };
    for case in 0..30 {
        let shape = vec![
            1 + rng.below(2),
            1 + rng.below(3),
            2 + rng.below(9),
            2 + rng.below(9),
        ];
        let sizes = vec![
            shape[0] as i64,
            shape[1] as i64,
            1 + rng.below(14) as i64,
            1 + rng.below(14) as i64,
        ];
        let mode = modes[case % 3];
        let coords = coordinates[rng.below(coordinates.len())];
        let roi = onnx::TensorProto {
            name: Some("roi".into()),
            dims: vec![8],
            data_type: Some(1),
            float_data: vec![0.0, 0.0, -0.2, 0.1, 1.0, 1.0, 0.8, 1.3],
            ..Default::default()
        };
        let sizes_t = onnx::TensorProto {
            name: Some("sizes".into()),
            dims: vec![4],
            data_type: Some(7),
            int64_data: sizes.clone(),
            ..Default::default()
        };
        let attrs = vec![
            text("mode", mode),
            text("coordinate_transformation_mode", coords),
            float("extrapolation_value", -2.0),
        ];
        let model = model(
            vec![node("Resize", &["x", "roi", "", "sizes"], "y", attrs)],
            vec![roi, sizes_t],
        );
        let x = Tensor::from_f32(shape.clone(), &rng.floats(shape.iter().product())).unwrap();
        compare(
            &fast,
            &portable,
            model,
            x,
            &format!("Resize {mode} {coords} {shape:?} to {sizes:?}"),
        );
    }
}

#[test]
fn operators_without_a_native_kernel_run_the_portable_one() {
    let (fast, _) = runtimes();
    let cpu = fast.devices().iter().position(|d| d.info().name == "cpu");
    // ArgMax's kernel, argreduce_f32, has no native version.
    let proto_model = model(vec![node("ArgMax", &["x"], "y", vec![])], vec![]);
    let prepared = fast.prepare(proto_model, cpu.unwrap()).unwrap();
    let x = Tensor::from_f32(vec![3], &[1.0, -2.0, 3.0]).unwrap();
    let (out, launches) = prepared.profile(&[x]).unwrap();
    assert_eq!(out[0].dtype, DType::I64);
    assert_eq!(out[0].to_i64().unwrap(), [2]);
    assert!(!launches.is_empty() && launches.iter().all(|l| !l.native));
}

/// `x * Clip(x + 3, 0, 6) / 6` after a convolution, and a bias added by its own node: one launch,
/// with the bias and the HardSwish inside the convolution, on every device.
#[test]
fn decomposed_hardswish_and_a_separate_bias_fold_into_the_convolution() {
    let rt = common::runtime();
    let mut rng = Rng(3);
    let (c, m, hw) = (3, 4, 5);
    let weights = rng.floats(m * c);
    let bias = rng.floats(m);
    let inits = vec![
        initializer("w", &[m, c, 1, 1], &weights),
        initializer("b", &[1, m, 1, 1], &bias),
        initializer("three", &[], &[3.0]),
        initializer("zero", &[], &[0.0]),
        initializer("six", &[], &[6.0]),
    ];
    let nodes = vec![
        node("Conv", &["x", "w"], "c", vec![]),
        node("Add", &["c", "b"], "cb", vec![]),
        node("Add", &["cb", "three"], "s", vec![]),
        node("Clip", &["s", "zero", "six"], "r", vec![]),
        node("Mul", &["cb", "r"], "p", vec![]),
        node("Div", &["p", "six"], "y", vec![]),
    ];
    let model = model(nodes, inits);
    let xs: Vec<f32> = rng.floats(c * hw * hw).iter().map(|v| 4.0 * v).collect();
    let x = Tensor::from_f32(vec![1, c, hw, hw], &xs).unwrap();
    let expected: Vec<f32> = (0..m * hw * hw)
        .map(|i| {
            let (oc, px) = (i / (hw * hw), i % (hw * hw));
            let v = bias[oc]
                + (0..c)
                    .map(|ci| weights[oc * c + ci] * xs[ci * hw * hw + px])
                    .sum::<f32>();
            v * (v + 3.0).clamp(0.0, 6.0) / 6.0
        })
        .collect();
    for device in common::test_devices(&rt) {
        let prepared = rt.prepare(model.clone(), device).unwrap();
        let (out, launches) = prepared.profile(std::slice::from_ref(&x)).unwrap();
        let name = prepared.device_name();
        assert_eq!(launches.len(), 1, "{name}: {launches:?}");
        let w = common::worst(&out[0].to_f32(), &expected, 1e-5, 1e-5);
        assert!(w <= 1.0, "{name}: {w}");
    }
}

/// A Reshape whose shape is a graph input: planned once per value of the shape, on every device.
#[test]
fn shapes_given_at_run_time_get_a_plan_per_value() {
    let rt = common::runtime();
    let model = model_with_inputs(
        vec![
            node("Reshape", &["x", "shape"], "r", vec![]),
            node("Relu", &["r"], "y", vec![]),
        ],
        vec![value("x"), typed_value("shape", 7)],
        vec![],
    );
    let xs: Vec<f32> = (0..24).map(|v| v as f32 - 12.0).collect();
    let x = Tensor::from_f32(vec![2, 3, 4], &xs).unwrap();
    let shape = |dims: &[i64]| Tensor::from_i64(vec![dims.len()], dims).unwrap();
    let relu: Vec<f32> = xs.iter().map(|v| v.max(0.0)).collect();
    for device in common::test_devices(&rt) {
        let prepared = rt.prepare(model.clone(), device).unwrap();
        for dims in [&[6i64, 4][..], &[4, -1], &[24], &[6, 4]] {
            let out = prepared.run(&[x.clone(), shape(dims)]).unwrap();
            let expected: Vec<usize> = match dims {
                [4, -1] => vec![4, 6],
                d => d.iter().map(|&v| v as usize).collect(),
            };
            assert_eq!(out[0].shape, expected, "{}", prepared.device_name());
            assert_eq!(out[0].to_f32(), relu);
        }
        // A shape that does not fit is the caller's error, not a panic.
        let err = prepared.run(&[x.clone(), shape(&[5, 5])]).unwrap_err();
        assert!(err.to_string().contains("shape"), "{err}");
    }
}

/// Twenty ConstantOfShape nodes of 1 MiB each, in a model file of a few hundred bytes: past the
/// plan's byte limit (4 MiB here, 4 GiB by default) preparing or running it is `TooLarge`,
/// refused before the constants are made, on every device.
#[test]
fn constant_bombs_are_too_large() {
    let rt = NnRuntime::new(common::runtime().devices().to_vec()).expect("runtime");
    rt.set_plan_bytes_limit(4 << 20);
    let shape = onnx::TensorProto {
        name: Some("shape".into()),
        dims: vec![1],
        data_type: Some(7),
        int64_data: vec![1 << 18],
        ..Default::default()
    };
    let mut nodes = Vec::new();
    let mut sum = "x".to_string();
    for k in 0..20 {
        nodes.push(node(
            "ConstantOfShape",
            &["shape"],
            &format!("c{k}"),
            vec![],
        ));
        let out = if k == 19 {
            "y".to_string()
        } else {
            format!("s{k}")
        };
        nodes.push(node("Add", &[&sum, &format!("c{k}")], &out, vec![]));
        sum = out;
    }
    let model = model(nodes, vec![shape]);
    let x = Tensor::from_f32(vec![1], &[1.0]).unwrap();
    for device in common::test_devices(&rt) {
        let result = rt
            .prepare(model.clone(), device)
            .and_then(|prepared| prepared.run(std::slice::from_ref(&x)));
        match result {
            Err(wasi_parallel_nn::Error::TooLarge(_)) => {}
            other => panic!("device {device}: {other:?}"),
        }
    }
    // Under the limit the same kind of model runs.
    rt.set_plan_bytes_limit(1 << 30);
    let prepared = rt
        .prepare(model, common::test_devices(&rt)[0])
        .expect("prepare");
    let y = prepared.run(std::slice::from_ref(&x)).expect("run");
    assert_eq!(y[0].shape, [1 << 18]);
    assert!(
        y[0].to_f32().iter().all(|&v| v == 1.0),
        "x + 0 twenty times"
    );
}

/// A MatMul whose weight is 160 MiB, more than one storage binding of lavapipe holds (128 MiB),
/// as VGG-19's 411 MB fully connected weight is: it runs on every device, the GPUs binding it in
/// parts, and gives the CPU's result.
#[test]
fn weights_larger_than_one_gpu_binding_run_on_every_device() {
    let rt = common::runtime();
    let (k, n) = (4096, 10240);
    let mut rng = Rng(11);
    let w: Vec<f32> = (0..k * n).map(|_| rng.float()).collect();
    assert!(4 * w.len() > 128 << 20);
    let model = model(
        vec![node("MatMul", &["x", "w"], "y", vec![])],
        vec![initializer("w", &[k, n], &w)],
    );
    drop(w);
    let x = Tensor::from_f32(vec![1, k], &rng.floats(k)).unwrap();
    let mut expected: Option<Vec<f32>> = None;
    for device in common::test_devices(&rt) {
        let prepared = rt.prepare(model.clone(), device).expect("prepare");
        let name = prepared.device_name().to_string();
        let y = prepared
            .run(std::slice::from_ref(&x))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let y = y[0].to_f32();
        assert_eq!(y.len(), n, "{name}");
        match &expected {
            None => expected = Some(y),
            Some(e) => {
                for (j, (a, b)) in y.iter().zip(e).enumerate() {
                    let close = (a - b).abs() <= 1e-3 + 1e-4 * b.abs();
                    assert!(close, "{name}: element {j} is {a}, the cpu's {b}");
                }
            }
        }
    }
}

/// A Loop body `s_out = s_in + 1` with the condition passed through, as a GraphProto.
fn counting_body() -> onnx::GraphProto {
    onnx::GraphProto {
        name: Some("body".into()),
        node: vec![
            node("Identity", &["c_in"], "c_out", vec![]),
            node("Add", &["s_in", "one"], "s_out", vec![]),
        ],
        input: vec![typed_value("i", 7), typed_value("c_in", 9), value("s_in")],
        output: vec![typed_value("c_out", 9), value("s_out")],
        initializer: vec![initializer("one", &[], &[1.0])],
        ..Default::default()
    }
}

/// A Loop of `trips` iterations around `body`, from `x`.
fn loop_model(trips: i64, body: onnx::GraphProto) -> Arc<Model> {
    let trip_count = onnx::TensorProto {
        name: Some("n".into()),
        dims: vec![],
        data_type: Some(7),
        int64_data: vec![trips],
        ..Default::default()
    };
    let mut looped = node("Loop", &["n", "", "x"], "y", vec![]);
    looped.attribute.push(onnx::AttributeProto {
        name: Some("body".into()),
        r#type: Some(5),
        g: Some(body),
        ..Default::default()
    });
    model(vec![looped], vec![trip_count])
}

/// Loops are unrolled when the plan is made: a small one gives its result, and one that would
/// unroll without bound (a trip count of 2^40, or loops nested inside loops) stops with
/// `TooLarge` instead of exhausting the host.
#[test]
fn loops_unroll_within_a_bound() {
    let rt = common::runtime();
    let x = Tensor::from_f32(vec![2], &[1.0, -1.0]).unwrap();
    let device = common::test_devices(&rt)[0];
    let prepared = rt.prepare(loop_model(7, counting_body()), device).unwrap();
    let y = prepared.run(std::slice::from_ref(&x)).unwrap();
    assert_eq!(y[0].to_f32(), [8.0, 6.0]);

    let result = rt
        .prepare(loop_model(1 << 40, counting_body()), device)
        .and_then(|p| p.run(std::slice::from_ref(&x)));
    assert!(
        matches!(result, Err(wasi_parallel_nn::Error::TooLarge(_))),
        "{result:?}"
    );
    // Nested: 300 iterations of a body that loops 300 times.
    let mut outer_body = counting_body();
    let trip_count = onnx::TensorProto {
        name: Some("m".into()),
        dims: vec![],
        data_type: Some(7),
        int64_data: vec![300],
        ..Default::default()
    };
    let mut nested = node("Loop", &["m", "", "s_in"], "s_out", vec![]);
    nested.attribute.push(onnx::AttributeProto {
        name: Some("body".into()),
        r#type: Some(5),
        g: Some(counting_body()),
        ..Default::default()
    });
    outer_body.node = vec![node("Identity", &["c_in"], "c_out", vec![]), nested];
    outer_body.initializer.push(trip_count);
    let result = rt
        .prepare(loop_model(300, outer_body), device)
        .and_then(|p| p.run(std::slice::from_ref(&x)));
    assert!(
        matches!(result, Err(wasi_parallel_nn::Error::TooLarge(_))),
        "{result:?}"
    );
}

/// A recurrent layer unrolls one set of launches per time step: a sequence longer than the
/// unrolling bound is `TooLarge`, not a plan that exhausts the host; a short one runs.
#[test]
fn recurrent_layers_unroll_within_the_bound() {
    let rt = common::runtime();
    let device = common::test_devices(&rt)[0];
    let model = model(
        vec![node(
            "GRU",
            &["x", "w", "r"],
            "y",
            vec![int("hidden_size", 1)],
        )],
        vec![
            initializer("w", &[1, 3, 1], &[0.5, -0.5, 0.25]),
            initializer("r", &[1, 3, 1], &[0.1, 0.2, 0.3]),
        ],
    );
    let short = Tensor::from_f32(vec![4, 1, 1], &[1.0, 2.0, 3.0, 4.0]).unwrap();
    let y = rt
        .prepare(model.clone(), device)
        .and_then(|p| p.run(std::slice::from_ref(&short)))
        .expect("a short sequence runs");
    assert_eq!(y[0].shape, [4, 1, 1, 1]);
    let long = Tensor::from_f32(vec![70_000, 1, 1], &vec![0.5; 70_000]).unwrap();
    let result = rt
        .prepare(model, device)
        .and_then(|p| p.run(std::slice::from_ref(&long)));
    assert!(
        matches!(result, Err(wasi_parallel_nn::Error::TooLarge(_))),
        "{result:?}"
    );
}
