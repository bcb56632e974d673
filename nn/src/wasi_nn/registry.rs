//! The backend registry: which backend loads a model, by encoding or by sniffing its bytes, and
//! on which execution targets.

use std::sync::Arc;

use wasmtime_wasi_nn::wit::{ExecutionTarget, GraphEncoding};
use wasmtime_wasi_nn::Backend;

use super::{ErrorKind, NnFailure};

/// Whether bytes are a model a backend loads.
pub type Sniff = Arc<dyn Fn(&[u8]) -> bool + Send + Sync>;

/// A backend the host may pick: how to make one, what it takes, and whether it runs a target
/// on this machine's hardware.
#[derive(Clone)]
pub struct BackendEntry {
    /// A name for logs.
    pub name: String,
    /// The encoding it loads.
    pub encoding: GraphEncoding,
    /// Makes an instance of the backend (one per store).
    pub make: Arc<dyn Fn() -> Backend + Send + Sync>,
    /// Whether the bytes are a model it loads (for autodetect).
    pub sniff: Sniff,
    /// Whether it runs `target` on hardware present here (else it would fall back).
    pub runs_natively: Arc<dyn Fn(ExecutionTarget) -> bool + Send + Sync>,
}

impl std::fmt::Debug for BackendEntry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BackendEntry")
            .field("name", &self.name)
            .field("encoding", &self.encoding)
            .finish_non_exhaustive()
    }
}

/// The backends the host holds, in order of registration.
#[derive(Clone, Debug, Default)]
pub struct BackendRegistry {
    entries: Vec<BackendEntry>,
}

impl BackendRegistry {
    /// Adds a backend; earlier ones win ties.
    pub fn register(&mut self, entry: BackendEntry) {
        self.entries.push(entry);
    }

    /// The entries.
    pub fn entries(&self) -> &[BackendEntry] {
        &self.entries
    }

    /// Picks the backend for a model, by its encoding (or, for `autodetect`, by sniffing the
    /// bytes) and then by whether it runs the target on the hardware here. Returns the entry
    /// and the reason, which is logged.
    pub fn select(
        &self,
        encoding: GraphEncoding,
        bytes: Option<&[u8]>,
        target: ExecutionTarget,
    ) -> Result<(&BackendEntry, String), NnFailure> {
        let (candidates, how): (Vec<&BackendEntry>, String) =
            if encoding == GraphEncoding::Autodetect {
                let bytes = bytes.unwrap_or_default();
                let found: Vec<_> = self.entries.iter().filter(|e| (e.sniff)(bytes)).collect();
                let how = match found.first() {
                    Some(e) => format!("autodetect: the bytes are {}", e.encoding),
                    None => String::new(),
                };
                (found, how)
            } else {
                let found = self
                    .entries
                    .iter()
                    .filter(|e| e.encoding == encoding)
                    .collect();
                (found, format!("encoding {encoding}"))
            };
        if candidates.is_empty() {
            return Err(NnFailure::new(
                ErrorKind::InvalidEncoding,
                if encoding == GraphEncoding::Autodetect {
                    "autodetect: no backend recognises the model's bytes".to_string()
                } else {
                    format!("no backend loads {encoding} models")
                },
            ));
        }
        let native = candidates.iter().find(|e| (e.runs_natively)(target));
        let target = target_name(target);
        let (entry, why) = match native {
            Some(e) => (*e, format!("it runs {target} on the hardware here")),
            None => (
                candidates[0],
                format!("none runs {target} on the hardware here; the first registered"),
            ),
        };
        let reason = format!(
            "backend `{}` for {how}, target {target}: {why} ({} candidate(s))",
            entry.name,
            candidates.len()
        );
        log::debug!(target: "wasi_nn", "{reason}");
        Ok((entry, reason))
    }
}

/// A target's name as the WIT spells it.
pub(super) fn target_name(target: ExecutionTarget) -> &'static str {
    match target {
        ExecutionTarget::Cpu => "cpu",
        ExecutionTarget::Gpu => "gpu",
        ExecutionTarget::Tpu => "tpu",
    }
}
