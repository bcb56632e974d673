//! The ONNX Runtime baseline: `ort_bench.py` (the PyPI wheel's CPU execution provider) run once
//! with `python3` for every model and case, timing the same inputs by the same scheme. A machine
//! without Python or without the wheel gets a report that says so and how to install it.

use std::io::Write as _;
use std::process::{Command, Stdio};

use anyhow::{bail, Context as _};
use serde::Deserialize;
use serde_json::json;

use crate::fixtures::Fixture;
use crate::measure::{Scheme, Timing};

/// The script, built into the binary so that it runs from anywhere.
const SCRIPT: &str = include_str!("../ort_bench.py");

/// What the script reported.
#[derive(Debug)]
pub struct OrtRun {
    /// `onnxruntime 1.32.0 (Python 3.11.7, numpy 2.4.6)`.
    pub version: String,
    /// One result per model and case, by `key` (see [`key`]).
    pub results: Vec<OrtResult>,
}

/// One model and case.
#[derive(Debug)]
pub struct OrtResult {
    /// See [`key`].
    pub key: String,
    /// Session creation, in ms.
    pub load_ms: f64,
    /// The timing, or why it failed.
    pub outcome: Result<(Timing, Option<f64>), String>,
}

#[derive(Deserialize)]
struct Output {
    error: Option<String>,
    install: Option<String>,
    onnxruntime: Option<String>,
    numpy: Option<String>,
    python: Option<String>,
    #[serde(default)]
    results: Vec<RawResult>,
}

#[derive(Deserialize)]
struct RawResult {
    key: String,
    error: Option<String>,
    #[serde(default)]
    load_ms: f64,
    #[serde(default)]
    first_ms: f64,
    #[serde(default)]
    warmup: usize,
    #[serde(default)]
    times_ms: Vec<f64>,
    worst: Option<f64>,
}

/// The key of a model's case in the script's spec and results.
pub fn key(model: &str, case: usize) -> String {
    format!("{model}#{case}")
}

/// Runs the script with `python` over every case of `fixtures`. An error says why there is no
/// baseline (no Python, no onnxruntime: with the command that installs it).
pub fn run(
    python: &str,
    fixtures: &[Fixture],
    scheme: &Scheme,
    threads: usize,
) -> anyhow::Result<OrtRun> {
    let cases: Vec<_> = fixtures
        .iter()
        .flat_map(|f| {
            f.cases.iter().map(move |c| {
                let files = |list: &[crate::fixtures::TensorFile]| {
                    list.iter()
                        .map(|t| {
                            json!({
                                "name": t.name,
                                "file": f.dir.join(&t.file),
                                "dtype": t.dtype,
                                "shape": t.shape,
                            })
                        })
                        .collect::<Vec<_>>()
                };
                json!({
                    "key": key(&f.name, c.index),
                    "model": f.model_path,
                    "atol": f.atol,
                    "rtol": f.rtol,
                    "inputs": files(&c.inputs),
                    "outputs": files(&c.outputs),
                })
            })
        })
        .collect();
    let spec = json!({
        "threads": threads,
        "warmup": scheme.warmup,
        "runs": scheme.runs,
        "min_runs": scheme.min_runs,
        "budget_s": scheme.budget_s,
        "cases": cases,
    });
    let mut child = Command::new(python)
        .args(["-c", SCRIPT, "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("cannot run `{python}`"))?;
    child
        .stdin
        .take()
        .expect("piped")
        .write_all(spec.to_string().as_bytes())
        .context("writing the spec to ort_bench.py")?;
    let output = child.wait_with_output()?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let parsed: Option<Output> = stdout
        .lines()
        .rev()
        .find_map(|l| serde_json::from_str(l).ok());
    let Some(out) = parsed else {
        bail!(
            "ort_bench.py gave no result ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        );
    };
    if let Some(error) = out.error {
        match out.install {
            Some(install) => bail!("{error}; install it with `{install}`"),
            None => bail!("{error}"),
        }
    }
    let version = format!(
        "onnxruntime {} (Python {}, numpy {})",
        out.onnxruntime.as_deref().unwrap_or("?"),
        out.python.as_deref().unwrap_or("?"),
        out.numpy.as_deref().unwrap_or("?")
    );
    let results = out
        .results
        .into_iter()
        .map(|r| OrtResult {
            key: r.key,
            load_ms: r.load_ms,
            outcome: match r.error {
                Some(e) => Err(e),
                None if r.times_ms.is_empty() => Err("no timed runs".into()),
                None => Ok((Timing::new(r.first_ms, r.warmup, r.times_ms), r.worst)),
            },
        })
        .collect();
    Ok(OrtRun { version, results })
}
