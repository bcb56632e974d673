//! The model fixtures (`../shared/models/NAME/manifest.json`): which cases are measured, their
//! tensors, and the check of an output against the reference within the manifest's tolerance.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _};
use serde::Deserialize;
use wasi_parallel_nn::{DType, Tensor};

/// One model folder.
#[derive(Debug)]
pub struct Fixture {
    /// The folder's name (`mnist`, `ppocr-cls`, ...).
    pub name: String,
    /// The folder.
    pub dir: PathBuf,
    /// `model.onnx` (or the manifest's `model_file`).
    pub model_path: PathBuf,
    /// `|actual - expected| <= atol + rtol * |expected|`.
    pub atol: f64,
    /// See `atol`.
    pub rtol: f64,
    /// The cases measured: the first, and the first with a batch above 1 if there is one.
    pub cases: Vec<Case>,
}

/// One test case of a fixture.
#[derive(Clone, Debug, Deserialize)]
pub struct Case {
    /// The case's index in the manifest.
    pub index: usize,
    /// Input tensor files, by input name.
    pub inputs: Vec<TensorFile>,
    /// Reference output tensor files, by output name.
    pub outputs: Vec<TensorFile>,
}

/// A raw tensor file named by a manifest case.
#[derive(Clone, Debug, Deserialize, serde::Serialize)]
pub struct TensorFile {
    /// The graph input or output it is for.
    pub name: String,
    /// The file, relative to the fixture's folder.
    pub file: String,
    /// `float32`, `int64`, ...
    pub dtype: String,
    /// Its dimensions.
    pub shape: Vec<usize>,
}

#[derive(Deserialize)]
struct Manifest {
    #[serde(default = "default_model_file")]
    model_file: String,
    tolerance: Tolerance,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Tolerance {
    atol: f64,
    rtol: f64,
}

fn default_model_file() -> String {
    "model.onnx".into()
}

impl Case {
    /// The first input's shape as `1x3x224x224` (with `+` between several inputs).
    pub fn input_shapes(&self) -> String {
        self.inputs
            .iter()
            .map(|t| {
                t.shape
                    .iter()
                    .map(usize::to_string)
                    .collect::<Vec<_>>()
                    .join("x")
            })
            .collect::<Vec<_>>()
            .join("+")
    }

    /// The batch: the first input's leading dimension.
    fn batch(&self) -> usize {
        self.inputs
            .first()
            .and_then(|t| t.shape.first().copied())
            .unwrap_or(1)
    }
}

/// Every folder of `root` holding a `manifest.json`, by name; only those in `only` when it is not
/// empty.
pub fn load_all(root: &Path, only: &[String]) -> anyhow::Result<Vec<Fixture>> {
    let mut names: Vec<String> = std::fs::read_dir(root)
        .with_context(|| format!("reading the model folder {}", root.display()))?
        .filter_map(Result::ok)
        .filter(|e| e.path().join("manifest.json").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for name in only {
        if !names.contains(name) {
            bail!(
                "no model `{name}` in {}; the models are {}",
                root.display(),
                names.join(", ")
            );
        }
    }
    names
        .into_iter()
        .filter(|n| only.is_empty() || only.contains(n))
        .map(|name| load(root, &name))
        .collect()
}

fn load(root: &Path, name: &str) -> anyhow::Result<Fixture> {
    let dir = root.join(name);
    let path = dir.join("manifest.json");
    let manifest: Manifest =
        serde_json::from_slice(&std::fs::read(&path).with_context(|| path.display().to_string())?)
            .with_context(|| format!("parsing {}", path.display()))?;
    let Some(first) = manifest.cases.first() else {
        bail!("{} has no cases", path.display());
    };
    let mut cases = vec![first.clone()];
    if let Some(batched) = manifest.cases.iter().find(|c| c.batch() > 1) {
        cases.push(batched.clone());
    }
    Ok(Fixture {
        name: name.to_string(),
        model_path: dir.join(&manifest.model_file),
        dir,
        atol: manifest.tolerance.atol,
        rtol: manifest.tolerance.rtol,
        cases,
    })
}

impl Fixture {
    /// The tensors of `files`, read from the fixture's folder.
    pub fn tensors(&self, files: &[TensorFile]) -> anyhow::Result<Vec<Tensor>> {
        files.iter().map(|f| self.tensor(f)).collect()
    }

    fn tensor(&self, f: &TensorFile) -> anyhow::Result<Tensor> {
        let dtype = match f.dtype.as_str() {
            "float32" => DType::F32,
            "float64" => DType::F64,
            "int64" => DType::I64,
            "int32" => DType::I32,
            "uint8" => DType::U8,
            other => bail!("{}: dtype {other} is not handled here", f.file),
        };
        let path = self.dir.join(&f.file);
        let bytes = std::fs::read(&path).with_context(|| path.display().to_string())?;
        Tensor::new(dtype, f.shape.clone(), bytes).with_context(|| path.display().to_string())
    }

    /// The case's inputs in the order of `names` (the model's declared inputs).
    pub fn inputs_in_order(&self, case: &Case, names: &[String]) -> anyhow::Result<Vec<Tensor>> {
        names
            .iter()
            .map(|name| {
                let file = case
                    .inputs
                    .iter()
                    .find(|t| t.name == *name)
                    .with_context(|| format!("case {} has no input `{name}`", case.index))?;
                self.tensor(file)
            })
            .collect()
    }

    /// How far `actual` is from the case's reference outputs: the largest violation of the
    /// tolerance rule, as a multiple of the allowance (the check passes when it is at most 1).
    pub fn worst(&self, case: &Case, actual: &[Tensor]) -> anyhow::Result<f64> {
        let expected = self.tensors(&case.outputs)?;
        if actual.len() != expected.len() {
            bail!(
                "{} outputs where the reference has {}",
                actual.len(),
                expected.len()
            );
        }
        let mut worst = 0.0f64;
        for (a, e) in actual.iter().zip(&expected) {
            if a.shape != e.shape {
                bail!("output shape {:?}, expected {:?}", a.shape, e.shape);
            }
            worst = worst.max(worst_of(&a.to_f64(), &e.to_f64(), self.atol, self.rtol));
        }
        Ok(worst)
    }
}

/// The largest `|a - e| / (atol + rtol |e|)`; NaN matches only NaN.
pub fn worst_of(actual: &[f64], expected: &[f64], atol: f64, rtol: f64) -> f64 {
    actual
        .iter()
        .zip(expected)
        .map(|(&a, &e)| {
            if a.is_nan() || e.is_nan() {
                if a.is_nan() && e.is_nan() {
                    0.0
                } else {
                    f64::INFINITY
                }
            } else {
                (a - e).abs() / (atol + rtol * e.abs())
            }
        })
        .fold(0.0, f64::max)
}
