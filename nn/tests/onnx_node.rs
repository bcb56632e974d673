//! ONNX's own per-operator backend tests ("node" tests) on every device.
//!
//! Each `test_*` folder holds a one-node `model.onnx` and data sets of serialised input and output
//! tensors. A model that [`Model::parse`] rejects as unsupported uses an operator or a type that is
//! not implemented: out of scope, and only counted. Every other test must pass on every device
//! within the tolerance of ONNX's backend test runner (rtol 1e-3, atol 1e-7 for floats, exact for
//! integers and bools). A planning error [`Error::Unsupported`] for an implemented operator (an
//! attribute value, a type of input) is an unsupported variant: listed by name, not a failure.
//!
//! Beside them run our own cases in the same layout, `nn/tests/ort-cases/ort_*`, whose outputs
//! come from ONNX Runtime (`ort-cases/generate.py`): what real models use, and the node tests
//! where ONNX Runtime and ONNX's reference disagree and we follow ONNX Runtime
//! ([`FOLLOW_ONNX_RUNTIME`]).
//!
//! The tests come from `nn/tests/fetch-onnx-node-tests.sh`, into `$ONNX_NODE_TESTS` (by default
//! `target/onnx-node-tests/onnx/backend/test/data/node`, which the test fetches the first time it
//! runs: curl and python3 are needed). `ONNX_NODE_FILTER=substring` runs only
//! the tests whose names contain it.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use wasi_parallel_nn::{decode_tensor_proto, DType, Error, Model, NnRuntime, Tensor};

/// The folder of the node tests: `$ONNX_NODE_TESTS`, or `target/onnx-node-tests`, fetched
/// there from PyPI by the script the first time.
fn tests_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("ONNX_NODE_TESTS") {
        Some(d) => PathBuf::from(d),
        None => {
            let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/onnx-node-tests");
            let dir = root.join("onnx/backend/test/data/node");
            if !dir.is_dir() {
                let script =
                    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fetch-onnx-node-tests.sh");
                let fetched = std::process::Command::new("bash")
                    .arg(script)
                    .arg(&root)
                    .status();
                if !fetched.is_ok_and(|s| s.success()) {
                    eprintln!("fetching the ONNX node tests failed");
                }
            }
            dir
        }
    };
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI needs the ONNX node tests in {} (nn/tests/fetch-onnx-node-tests.sh)",
        dir.display()
    );
    eprintln!(
        "skipped: no ONNX node tests in {} (run nn/tests/fetch-onnx-node-tests.sh target/onnx-node-tests)",
        dir.display()
    );
    None
}

/// Our cases, in the node tests' layout, with ONNX Runtime's outputs (`ort-cases/generate.py`).
fn ours_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ort-cases")
}

/// What became of one test on one device.
enum Outcome {
    Passed,
    /// An implemented operator, with something of it that is not.
    Unsupported(String),
    Failed(String),
}

/// The tensors of `dir/{prefix}_N.pb`, in order of N.
fn read_tensors(dir: &Path, prefix: &str) -> Result<Vec<Tensor>, String> {
    let mut files: Vec<(usize, PathBuf)> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| {
            let path = e.ok()?.path();
            let name = path.file_name()?.to_str()?;
            let n = name
                .strip_prefix(prefix)?
                .strip_suffix(".pb")?
                .parse()
                .ok()?;
            Some((n, path))
        })
        .collect();
    files.sort();
    files
        .iter()
        .map(|(_, path)| {
            let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
            decode_tensor_proto(&bytes).map_err(|e| format!("{}: {e}", path.display()))
        })
        .collect()
}

fn is_float(dtype: DType) -> bool {
    matches!(dtype, DType::F32 | DType::F64)
}

/// ONNX node tests whose expected outputs (from ONNX's reference implementation) ONNX Runtime
/// does not give, where we give ONNX Runtime's, with the `ort-cases` folder holding the same
/// model, the same inputs and ONNX Runtime's outputs, which must pass instead.
const FOLLOW_ONNX_RUNTIME: &[(&str, &str)] = &[
    // align_corners with a scale whose output length is not whole: the reference divides by the
    // scaled length (2.4), ONNX Runtime and PyTorch by the output's (2).
    (
        "test_resize_downsample_scales_linear_align_corners",
        "ort_node_resize_downsample_scales_linear_align_corners",
    ),
    (
        "test_resize_downsample_scales_cubic_align_corners",
        "ort_node_resize_downsample_scales_cubic_align_corners",
    ),
];

/// Tests whose expected outputs hold f32 roundoff where the exact result is 0: ONNX's reference
/// gives 1.9e-7 where an inverse DFT of values up to 99 cancels, ONNX Runtime 2.4e-7 for the
/// imaginary part of a real signal's DC bin, where our twiddle factors (sin 0 = 0) give 0.
/// ONNX's absolute tolerance of 1e-7 then judges noise (ONNX Runtime itself fails 20 of
/// test_dft_inverse's 200 elements). For these the absolute tolerance scales with the output's
/// largest magnitude: 1e-5 times it (ONNX Runtime's f32 DFT of length 48 is up to 2.2e-6 times
/// it off the exact transform; ours, with twiddles made in f64, 1e-7); the relative tolerance
/// stays.
const ROUNDOFF_AT_ZERO: &[&str] = &[
    "test_dft_inverse",
    "test_dft_inverse_opset19",
    "ort_stft_window_input",
    "ort_stft_complex",
    "ort_dft_padded_onesided",
    "ort_dft_irfft",
];

/// Compares an output with the expected one; `None` when they match, else the first bad element.
/// `integer_slack` is how far integers may be off: 0 for ONNX's tests; 1 for ours, whose
/// outputs ONNX Runtime computes in f32 and truncates or rounds to integers, so that a last-bit
/// difference in the sum (212.99986 against 213.0) is 1 in the result.
fn mismatch(
    actual: &Tensor,
    expected: &Tensor,
    integer_slack: i64,
    roundoff_at_zero: bool,
) -> Option<String> {
    if actual.dtype != expected.dtype || actual.shape != expected.shape {
        return Some(format!(
            "got {} {:?}, expected {} {:?}",
            actual.dtype, actual.shape, expected.dtype, expected.shape
        ));
    }
    let (rtol, atol) = (1e-3, 1e-7f64);
    if is_float(expected.dtype) {
        let (a, e) = (actual.to_f64(), expected.to_f64());
        let atol = if roundoff_at_zero {
            let largest = e
                .iter()
                .filter(|v| v.is_finite())
                .fold(0.0f64, |m, v| m.max(v.abs()));
            atol.max(1e-5 * largest)
        } else {
            atol
        };
        let bad = a.iter().zip(&e).position(|(&a, &e)| {
            if a.is_nan() || e.is_nan() {
                a.is_nan() != e.is_nan()
            } else if a.is_infinite() || e.is_infinite() {
                a != e
            } else {
                (a - e).abs() > atol + rtol * e.abs()
            }
        })?;
        Some(format!(
            "element {bad}: got {}, expected {} (of {} elements)",
            a[bad],
            e[bad],
            e.len()
        ))
    } else {
        let (a, e) = (
            actual.to_i64().expect("integers"),
            expected.to_i64().expect("integers"),
        );
        let bad = a
            .iter()
            .zip(&e)
            .position(|(a, e)| (a - e).abs() > integer_slack)?;
        Some(format!(
            "element {bad}: got {}, expected {} (of {} elements)",
            a[bad],
            e[bad],
            e.len()
        ))
    }
}

/// Runs one test on one device.
fn run_on(rt: &Arc<NnRuntime>, model: &Arc<Model>, dir: &Path, device: usize) -> Outcome {
    let prepared = match rt.prepare(model.clone(), device) {
        Ok(p) => p,
        Err(e) => return Outcome::Failed(format!("prepare: {e}")),
    };
    let mut sets: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("test folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.is_dir()
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("test_data_set_"))
        })
        .collect();
    sets.sort();
    for set in &sets {
        let set_name = set.file_name().unwrap().to_string_lossy();
        let (inputs, expected) = match (read_tensors(set, "input_"), read_tensors(set, "output_")) {
            (Ok(i), Ok(o)) => (i, o),
            (Err(e), _) | (_, Err(e)) => return Outcome::Failed(e),
        };
        let outputs = match prepared.run(&inputs) {
            Ok(o) => o,
            Err(Error::Unsupported(m)) => return Outcome::Unsupported(m),
            Err(e) => return Outcome::Failed(format!("{set_name}: {e}")),
        };
        if outputs.len() != expected.len() {
            return Outcome::Failed(format!(
                "{set_name}: {} outputs, expected {}",
                outputs.len(),
                expected.len()
            ));
        }
        for (k, (o, e)) in outputs.iter().zip(&expected).enumerate() {
            let slack = i64::from(dir.starts_with(ours_dir()));
            let roundoff = ROUNDOFF_AT_ZERO.iter().any(|t| dir.ends_with(t));
            if let Some(m) = mismatch(o, e, slack, roundoff) {
                return Outcome::Failed(format!("{set_name} output {k}: {m}"));
            }
        }
    }
    Outcome::Passed
}

#[derive(Default)]
struct Tally {
    passed: usize,
    unsupported: Vec<(String, String)>,
    failed: Vec<(String, String)>,
}

#[test]
fn onnx_node_tests() {
    let Some(root) = tests_dir() else {
        return;
    };
    let started = Instant::now();
    let filter = std::env::var("ONNX_NODE_FILTER").unwrap_or_default();
    // ONNX's tests, then ours in the same layout with ONNX Runtime's outputs.
    let ours = ours_dir();
    let mut tests: Vec<PathBuf> = [(&root, "test_"), (&ours, "ort_")]
        .iter()
        .flat_map(|(dir, prefix)| {
            std::fs::read_dir(dir)
                .expect("node tests folder")
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with(prefix) && n.contains(&filter))
                })
                .collect::<Vec<_>>()
        })
        .collect();
    tests.sort();
    assert!(
        !tests.is_empty() || !filter.is_empty(),
        "no test_* folders in {}",
        root.display()
    );

    let rt = common::runtime();
    let devices = common::test_devices(&rt);
    let names: Vec<String> = devices
        .iter()
        .map(|&d| rt.devices()[d].info().name.clone())
        .collect();
    let tallies: Vec<Mutex<Tally>> = devices.iter().map(|_| Mutex::default()).collect();
    let not_implemented = AtomicUsize::new(0);
    let missing: Mutex<Vec<String>> = Mutex::default();
    let invalid: Mutex<Vec<(String, String)>> = Mutex::default();
    let next = AtomicUsize::new(0);

    // Tests run on a few threads: the GPU devices spend much of a test waiting on their driver.
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get()) * 2;
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let k = next.fetch_add(1, Ordering::Relaxed);
                let Some(dir) = tests.get(k) else { break };
                let name = dir.file_name().unwrap().to_string_lossy().into_owned();
                if let Some((_, twin)) = FOLLOW_ONNX_RUNTIME.iter().find(|(t, _)| *t == name) {
                    assert!(
                        ours_dir().join(twin).is_dir(),
                        "{name} is replaced by {twin}, which is missing"
                    );
                    continue;
                }
                let bytes = std::fs::read(dir.join("model.onnx")).expect("model.onnx");
                let model = match Model::parse(&bytes) {
                    Ok(m) => Arc::new(m),
                    Err(Error::Unsupported(m)) => {
                        not_implemented.fetch_add(1, Ordering::Relaxed);
                        missing.lock().unwrap().push(m);
                        continue;
                    }
                    Err(e) => {
                        invalid.lock().unwrap().push((name, e.to_string()));
                        continue;
                    }
                };
                for (i, &device) in devices.iter().enumerate() {
                    // A panic is a failure of this test, not the end of the others.
                    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        run_on(&rt, &model, dir, device)
                    }))
                    .unwrap_or_else(|p| {
                        let m = wasi_parallel_device::panic_message(&*p);
                        Outcome::Failed(format!("panicked: {m}"))
                    });
                    let mut t = tallies[i].lock().unwrap();
                    match outcome {
                        Outcome::Passed => t.passed += 1,
                        Outcome::Unsupported(m) => t.unsupported.push((name.clone(), m)),
                        Outcome::Failed(m) => t.failed.push((name.clone(), m)),
                    }
                }
            });
        }
    });

    let mut failures = 0;
    let not_implemented = not_implemented.into_inner();
    let mut invalid = invalid.into_inner().unwrap();
    invalid.sort();
    eprintln!(
        "\nONNX node tests and ours: {} in {} and {}, {not_implemented} not implemented (an \
         operator or type), {} following ONNX Runtime instead, {:.1} s",
        tests.len(),
        root.display(),
        ours.display(),
        FOLLOW_ONNX_RUNTIME.len(),
        started.elapsed().as_secs_f64()
    );
    // What the tests that do not load lack, most common first.
    let mut lacking: BTreeMap<String, usize> = BTreeMap::new();
    for m in missing.into_inner().unwrap() {
        *lacking.entry(lacking_what(&m)).or_default() += 1;
    }
    let mut lacking: Vec<(String, usize)> = lacking.into_iter().collect();
    lacking.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let list: Vec<String> = lacking.iter().map(|(w, n)| format!("{w} {n}")).collect();
    eprintln!("not implemented, by what they lack: {}", list.join(", "));
    for (name, m) in &invalid {
        eprintln!("  FAILED to parse {name}: {m}");
    }
    failures += invalid.len();
    // Unsupported variants are usually the same on every device: list each once.
    let mut variants: BTreeMap<String, (String, Vec<&str>)> = BTreeMap::new();
    for (tally, device) in tallies.iter().zip(&names) {
        let mut t = tally.lock().unwrap();
        t.failed.sort();
        eprintln!(
            "{device}: {} passed, {} unsupported variants, {} failed",
            t.passed,
            t.unsupported.len(),
            t.failed.len()
        );
        for (name, m) in &t.failed {
            eprintln!("  FAILED {name}: {m}");
        }
        failures += t.failed.len();
        for (name, m) in t.unsupported.drain(..) {
            variants
                .entry(name)
                .or_insert_with(|| (m, Vec::new()))
                .1
                .push(device);
        }
    }
    eprintln!("unsupported variants:");
    for (name, (m, on)) in &variants {
        if on.len() == names.len() {
            eprintln!("  {name}: {m}");
        } else {
            eprintln!("  {name} (on {}): {m}", on.join(", "));
        }
    }
    assert_eq!(
        failures, 0,
        "{failures} ONNX node tests failed (listed above)"
    );
}

/// The short name of what a model lacks, from its load error: the first operator named, or the
/// error itself for types and other features.
fn lacking_what(message: &str) -> String {
    message
        .split_once("not implemented: ")
        .and_then(|(_, rest)| rest.split(" (").next())
        .unwrap_or(message)
        .to_string()
}
