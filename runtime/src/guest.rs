//! What the host keeps of a guest module: its bytes (kernels are cut out of them on demand), an
//! identity for caches, and the static data a device space starts with.

use std::fmt;
use std::sync::Arc;

use walrus::{ConstExpr, DataKind, ModuleConfig};

/// A guest module as wasi-parallel sees it; parse it once and share it between instances.
pub struct GuestModule {
    bytes: Arc<[u8]>,
    id: [u8; 32],
    static_size: u64,
    segments: Vec<(u64, Vec<u8>)>,
    shared_memory: bool,
}

impl fmt::Debug for GuestModule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GuestModule")
            .field("bytes", &self.bytes.len())
            .field("static_size", &self.static_size)
            .field("segments", &self.segments.len())
            .field("shared_memory", &self.shared_memory)
            .finish()
    }
}

/// Why a guest module could not be read.
#[derive(Debug, thiserror::Error)]
#[error("invalid guest module: {0}")]
pub struct GuestModuleError(String);

impl GuestModule {
    /// Reads a guest module's binary (Wasm text is accepted too and converted).
    pub fn new(bytes: &[u8]) -> Result<Arc<GuestModule>, GuestModuleError> {
        let bytes = wat::parse_bytes(bytes).map_err(|e| GuestModuleError(e.to_string()))?;
        let mut config = ModuleConfig::new();
        config.generate_dwarf(false).generate_name_section(false);
        let module = config
            .parse(&bytes)
            .map_err(|e| GuestModuleError(format!("{e:#}")))?;
        let memory = module.memories.iter().next();
        let static_size = memory.map_or(0, |m| m.initial.saturating_mul(1 << 16));
        let shared_memory = memory.is_some_and(|m| m.shared);
        let mut segments = Vec::new();
        for data in module.data.iter() {
            let DataKind::Active { offset, .. } = &data.kind else {
                continue;
            };
            match offset {
                ConstExpr::Value(walrus::ir::Value::I32(address)) => {
                    segments.push((u64::from(*address as u32), data.value.clone()));
                }
                _ => log::warn!(
                    "a data segment of the guest is placed at a non-constant address; kernels \
                     will not see it"
                ),
            }
        }
        Ok(Arc::new(GuestModule {
            id: *blake3::hash(&bytes).as_bytes(),
            bytes: bytes.into(),
            static_size,
            segments,
            shared_memory,
        }))
    }

    /// The module's binary.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// A content hash identifying the module in kernel caches.
    pub fn id(&self) -> [u8; 32] {
        self.id
    }

    /// The guest's initial memory size in bytes: the region holding its static data.
    pub fn static_size(&self) -> u64 {
        self.static_size
    }

    /// The guest's active data segments: `(address, bytes)`.
    pub fn segments(&self) -> &[(u64, Vec<u8>)] {
        &self.segments
    }

    /// Whether the guest's memory is declared shared (zero-copy buffers for `parallel_exec`).
    pub fn has_shared_memory(&self) -> bool {
        self.shared_memory
    }
}
