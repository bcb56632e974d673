//! The tract baseline (`tract-onnx`, in-process), behind the `tract` feature: tract takes minutes
//! to build, so a default build (CI's) leaves it out and the report says how to include it.
//!
//! Each model is loaded for each case's concrete input shapes (its declared output shapes and
//! value_info ignored, as hints that name the symbolic batch), optimised (`into_optimized`) and
//! made runnable with a multithreaded executor of `threads` workers (tract parallelises its
//! matrix products), then run from one kept state, as a server would run it.

use crate::fixtures::{Case, Fixture};
use crate::measure::{Scheme, Timing};

/// The tract version the feature pins (the workspace's `tract-onnx`).
pub const VERSION: &str = "0.23.9";

/// Whether this binary was built with tract.
pub const BUILT: bool = cfg!(feature = "tract");

/// What a tract run gives: loading and optimising in ms, then the timing and the worst error
/// of the cold and last runs.
pub type Outcome = Result<(f64, Timing, f64), String>;

/// Measures `case` of `fixture` on tract.
#[cfg(feature = "tract")]
pub fn measure(fixture: &Fixture, case: &Case, scheme: &Scheme, threads: usize) -> Outcome {
    imp::measure(fixture, case, scheme, threads).map_err(|e| format!("{e:#}"))
}

/// Without the `tract` feature there is nothing to measure.
#[cfg(not(feature = "tract"))]
pub fn measure(_: &Fixture, _: &Case, _: &Scheme, _: usize) -> Outcome {
    Err("not built (--features tract)".into())
}

#[cfg(feature = "tract")]
mod imp {
    use std::time::Instant;

    use anyhow::{bail, Context as _};
    use tract_onnx::prelude::*;

    use super::*;
    use crate::measure::{measure as run_measured, ms};

    pub fn measure(
        fixture: &Fixture,
        case: &Case,
        scheme: &Scheme,
        threads: usize,
    ) -> anyhow::Result<(f64, Timing, f64)> {
        let started = Instant::now();
        // The declared output shapes and value_info name the symbolic batch
        // (`DynamicDimension.0`), which tract cannot unify with the concrete input shapes set
        // below; they are hints only (ONNX Runtime checks nothing against them either).
        let mut model = tract_onnx::onnx()
            .with_ignore_output_shapes(true)
            .with_ignore_value_info(true)
            .model_for_path(&fixture.model_path)
            .with_context(|| format!("loading {}", fixture.model_path.display()))?;
        let inputs = fixture.tensors(&case.inputs)?;
        let names: Vec<String> = model
            .input_outlets()?
            .iter()
            .map(|o| model.node(o.node).name.clone())
            .collect();
        let mut values: TVec<TValue> = TVec::new();
        for (i, name) in names.iter().enumerate() {
            let Some(pos) = case.inputs.iter().position(|t| t.name == *name) else {
                bail!("case {} has no input `{name}`", case.index);
            };
            let t = &inputs[pos];
            if t.dtype != wasi_parallel_nn::DType::F32 {
                bail!("only f32 inputs are handled here; `{name}` is {}", t.dtype);
            }
            model.set_input_fact(i, f32::fact(&t.shape).into())?;
            let tensor = tract_onnx::prelude::Tensor::from_shape(&t.shape, &t.to_f32())?;
            values.push(tensor.into_tvalue());
        }
        let options = RunOptions {
            executor: Some(tract_linalg::multithread::Executor::multithread(threads)),
            ..RunOptions::default()
        };
        let plan = model
            .into_optimized()?
            .into_runnable_with_options(&options)?;
        let mut state = plan.spawn()?;
        let load_ms = ms(started.elapsed());

        let (timing, first, last) = run_measured(scheme, || state.run(values.clone()))?;
        let mut worst = 0.0f64;
        for outputs in [first, last] {
            let tensors = outputs
                .iter()
                .map(|v| {
                    let t = v.cast_to::<f32>()?;
                    let values: Vec<f32> =
                        t.to_plain_array_view::<f32>()?.iter().copied().collect();
                    Ok(wasi_parallel_nn::Tensor::from_f32(
                        t.shape().to_vec(),
                        &values,
                    )?)
                })
                .collect::<anyhow::Result<Vec<_>>>()?;
            worst = worst.max(fixture.worst(case, &tensors)?);
        }
        Ok((load_ms, timing, worst))
    }
}
