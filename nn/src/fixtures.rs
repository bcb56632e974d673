//! Where the model fixtures are: the real ONNX models with reference inputs and outputs that the
//! tests and benchmarks use (`../shared/models` beside the repository).

use std::path::PathBuf;

/// The fixtures folder: `$WASI_PARALLEL_MODELS` if set, else `../shared/models` beside the
/// repository. `None` when it is not there; under CI (`CI` set) that is a failure, not a skip.
pub fn models() -> Option<PathBuf> {
    let dir = match std::env::var_os("WASI_PARALLEL_MODELS") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/models"),
    };
    if dir.is_dir() {
        return Some(dir.canonicalize().unwrap_or(dir));
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI needs the model fixtures in {} (or WASI_PARALLEL_MODELS)",
        dir.display()
    );
    eprintln!("skipped: the model fixtures are not in {}", dir.display());
    None
}
