//! Writes SPIR-V for Vulkan from naga IR: the words the wgpu device hands to the driver, and what
//! `wasi-parallel translate --emit spv` prints, from one function with one set of [`Options`].
//!
//! naga's own SPIR-V writer does the work; this back end exists because its defaults are not what
//! a translated kernel must run with, and because the kernel a user inspects must be the kernel
//! that runs. A device that runs SPIR-V asks for its [`Options`] once (the wgpu device:
//! `Device::spirv_options` in `wasi-parallel-device`) and calls [`write`] with them; anyone
//! else who wants the same words calls [`write`] with the same options.
//!
//! # How
//!
//! 1. naga writes the module's compute entry point with every writer setting fixed here, none left
//!    to naga's defaults: SPIR-V [`Options::lang_version`], naga's `Restrict` bounds-check policy
//!    for every kind of access (an index past the end of a buffer reads or writes its last
//!    element, so no kernel touches memory outside its bindings, which the wgpu device's
//!    passthrough of the words to the driver relies on), and debug names (`OpName`) always on.
//!    naga's default turns names on only in debug builds of naga, which would make a test build
//!    and a release build of the same kernel differ.
//! 2. Then the words get exact float semantics, which Wasm defines and naga does not ask for.
//!    Without `SPV_KHR_float_controls` a Vulkan driver may assume that floats are never NaN or
//!    infinite and ignore the sign of zero: with [`Options::signed_zero_inf_nan_preserve`] the
//!    capability, the extension and the execution mode `SignedZeroInfNanPreserve` for every float
//!    width the module declares are added. With [`Options::no_contraction`] every float
//!    negation, addition, subtraction, multiplication, division and remainder is decorated
//!    `NoContraction`, SPIR-V's word for "compute exactly this", which keeps a driver from fusing
//!    a multiply and an add into one `fma` (one rounding where Wasm has two). The words are
//!    walked once to find where each addition belongs (after the capabilities, before the first
//!    execution mode, before the first decoration), as the SPIR-V module layout orders them.
//!
//! # Design notes
//!
//! - `DenormPreserve` is never added: lavapipe does not support it, and wgpu does not say which
//!   devices do, so no device could fill such an option truthfully.
//! - Known limit of the float controls, on the driver's side: lavapipe (Mesa 22.3) ignores both
//!   for operations with a constant operand: `0.0 * x`, `0.0 + x` and `0.0 - x` are folded as if
//!   NaN, infinities and -0 did not exist, also where the zero is a local never assigned. The
//!   differential test shows it (`WASI_PARALLEL_TEST_DEVICES=wgpu`).
//! - The output is deterministic: the same module and options give the same words on every build
//!   and run (the snapshot tests in `tests/out/spv` hold them).

use naga::back::spv as naga_spv;

/// How to write the SPIR-V: what the device that runs it supports and wants. `Default` is what
/// the wgpu device uses on Vulkan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Options {
    /// The SPIR-V version, `(major, minor)`. Vulkan 1.1 devices take 1.3.
    pub lang_version: (u8, u8),
    /// Add `SPV_KHR_float_controls`' `SignedZeroInfNanPreserve` for every float width the module
    /// declares (Vulkan 1.2, or 1.1 with `VK_KHR_shader_float_controls`).
    pub signed_zero_inf_nan_preserve: bool,
    /// Decorate float arithmetic `NoContraction` (no fused multiply-adds).
    pub no_contraction: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            lang_version: (1, 3),
            signed_zero_inf_nan_preserve: true,
            no_contraction: true,
        }
    }
}

/// Why the SPIR-V could not be written.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The module has no compute entry point to write.
    #[error("the module has no compute entry point")]
    NoEntryPoint,
    /// naga's SPIR-V writer refused the module or the options.
    #[error("naga cannot write SPIR-V: {0}")]
    Naga(#[from] naga_spv::Error),
    /// naga's words lack something the float-controls pass needs, or are malformed: a bug of this
    /// back end or of naga, never of the kernel.
    #[error("internal error, naga's SPIR-V {0}")]
    Layout(String),
}

/// Writes `module`'s compute entry point as SPIR-V words.
///
/// `info` must be the result of validating `module`. The first compute entry point is written
/// (the translator's modules have exactly one, `main`).
pub fn write(
    module: &naga::Module,
    info: &naga::valid::ModuleInfo,
    options: &Options,
) -> Result<Vec<u32>, Error> {
    let entry = module
        .entry_points
        .iter()
        .find(|e| e.stage == naga::ShaderStage::Compute)
        .ok_or(Error::NoEntryPoint)?;
    let policy = naga::proc::BoundsCheckPolicy::Restrict;
    let naga_options = naga_spv::Options {
        lang_version: options.lang_version,
        flags: naga_spv::WriterFlags::DEBUG,
        bounds_check_policies: naga::proc::BoundsCheckPolicies {
            index: policy,
            buffer: policy,
            image_load: policy,
            binding_array: policy,
        },
        ..naga_spv::Options::default()
    };
    let pipeline = naga_spv::PipelineOptions {
        shader_stage: naga::ShaderStage::Compute,
        entry_point: entry.name.clone(),
    };
    let words = naga_spv::write_vec(module, info, &naga_options, Some(&pipeline))?;
    exact_floats(&words, options)
}

/// The words as bytes, little-endian: the content of a `.spv` file.
pub fn to_bytes(words: &[u32]) -> Vec<u8> {
    words.iter().flat_map(|w| w.to_le_bytes()).collect()
}

impl crate::Translation {
    /// The translated kernel as SPIR-V words (see [`write`]).
    pub fn to_spirv(&self, options: &Options) -> Result<Vec<u32>, Error> {
        write(&self.module, &self.info, options)
    }
}

/// SPIR-V opcodes, capabilities, decorations and execution modes used here (SPIR-V 1.6
/// specification, section 3).
mod op {
    pub const EXTENSION: u32 = 10;
    pub const ENTRY_POINT: u32 = 15;
    pub const EXECUTION_MODE: u32 = 16;
    pub const CAPABILITY: u32 = 17;
    pub const DECORATE: u32 = 71;
    pub const MEMBER_DECORATE: u32 = 72;
    pub const DECORATION_NO_CONTRACTION: u32 = 42;
    pub const CAPABILITY_FLOAT64: u32 = 10;
    pub const CAPABILITY_SIGNED_ZERO_INF_NAN_PRESERVE: u32 = 4466;
    pub const MODE_SIGNED_ZERO_INF_NAN_PRESERVE: u32 = 4461;

    /// Whether `opcode` is float arithmetic whose result gets `NoContraction`: OpFNegate, OpFAdd,
    /// OpFSub, OpFMul, OpFDiv, OpFRem, OpFMod. All have the layout `opcode, result type, result
    /// id, ...`.
    pub fn is_float_arithmetic(opcode: u32) -> bool {
        matches!(opcode, 127 | 129 | 131 | 133 | 136 | 140 | 141)
    }
}

/// SPIR-V's header: magic, version, generator, bound, schema.
const HEADER_WORDS: usize = 5;

fn instruction(opcode: u32, operands: &[u32]) -> Vec<u32> {
    let mut words = vec![((operands.len() as u32 + 1) << 16) | opcode];
    words.extend_from_slice(operands);
    words
}

/// A literal string as SPIR-V words: UTF-8, NUL-terminated, zero-padded to a word.
fn string_words(s: &str) -> Vec<u32> {
    let mut bytes = s.as_bytes().to_vec();
    bytes.push(0);
    bytes.resize(bytes.len().next_multiple_of(4), 0);
    bytes
        .chunks(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect()
}

/// Where the float-controls pass inserts its instructions, and what it decorates.
#[derive(Default)]
struct Layout {
    /// The word after the last `OpCapability`.
    after_capabilities: Option<usize>,
    /// The first `OpExecutionMode`.
    modes_at: Option<usize>,
    /// The first decoration.
    decorations_at: Option<usize>,
    /// The first entry point's id.
    entry: Option<u32>,
    /// Whether the module declares 64-bit floats (the translator's modules use no `f16`).
    float64: bool,
    /// Result ids of float arithmetic.
    exact: Vec<u32>,
}

impl Layout {
    fn of(words: &[u32]) -> Result<Layout, Error> {
        if words.len() < HEADER_WORDS {
            return Err(Error::Layout("is shorter than its header".into()));
        }
        let mut layout = Layout::default();
        let mut at = HEADER_WORDS;
        while at < words.len() {
            let count = (words[at] >> 16) as usize;
            let opcode = words[at] & 0xffff;
            if count == 0 || at + count > words.len() {
                return Err(Error::Layout(format!("is malformed at word {at}")));
            }
            match opcode {
                op::CAPABILITY if count == 2 => {
                    layout.float64 |= words[at + 1] == op::CAPABILITY_FLOAT64;
                    layout.after_capabilities = Some(at + count);
                }
                op::ENTRY_POINT if layout.entry.is_none() && count >= 3 => {
                    layout.entry = Some(words[at + 2]);
                }
                op::EXECUTION_MODE if layout.modes_at.is_none() => layout.modes_at = Some(at),
                op::DECORATE | op::MEMBER_DECORATE if layout.decorations_at.is_none() => {
                    layout.decorations_at = Some(at);
                }
                opcode if op::is_float_arithmetic(opcode) && count >= 3 => {
                    layout.exact.push(words[at + 2]);
                }
                _ => {}
            }
            at += count;
        }
        Ok(layout)
    }
}

/// `words` with the float controls and decorations `options` ask for.
fn exact_floats(words: &[u32], options: &Options) -> Result<Vec<u32>, Error> {
    let layout = Layout::of(words)?;
    let missing = |what: &str| Error::Layout(format!("has no {what}"));
    let mut out = Vec::with_capacity(words.len() + 32 + 3 * layout.exact.len());
    let mut copied = 0;
    if options.signed_zero_inf_nan_preserve {
        let after_capabilities = layout
            .after_capabilities
            .ok_or_else(|| missing("capability"))?;
        let entry = layout.entry.ok_or_else(|| missing("entry point"))?;
        let modes_at = layout.modes_at.ok_or_else(|| missing("execution mode"))?;
        out.extend_from_slice(&words[..after_capabilities]);
        out.extend(instruction(
            op::CAPABILITY,
            &[op::CAPABILITY_SIGNED_ZERO_INF_NAN_PRESERVE],
        ));
        out.extend(instruction(
            op::EXTENSION,
            &string_words("SPV_KHR_float_controls"),
        ));
        out.extend_from_slice(&words[after_capabilities..modes_at]);
        let widths: &[u32] = if layout.float64 { &[32, 64] } else { &[32] };
        for &width in widths {
            out.extend(instruction(
                op::EXECUTION_MODE,
                &[entry, op::MODE_SIGNED_ZERO_INF_NAN_PRESERVE, width],
            ));
        }
        copied = modes_at;
    }
    if options.no_contraction && !layout.exact.is_empty() {
        let decorations_at = layout
            .decorations_at
            .filter(|&at| at >= copied)
            .ok_or_else(|| missing("decoration after its execution modes"))?;
        out.extend_from_slice(&words[copied..decorations_at]);
        for &id in &layout.exact {
            out.extend(instruction(
                op::DECORATE,
                &[id, op::DECORATION_NO_CONTRACTION],
            ));
        }
        copied = decorations_at;
    }
    out.extend_from_slice(&words[copied..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The instructions of `words` with opcode `opcode`, operands only.
    fn operands(words: &[u32], opcode: u32) -> Vec<&[u32]> {
        let mut found = Vec::new();
        let mut at = HEADER_WORDS;
        while at < words.len() {
            let count = (words[at] >> 16) as usize;
            if words[at] & 0xffff == opcode {
                found.push(&words[at + 1..at + count]);
            }
            at += count;
        }
        found
    }

    fn translation(wat: &str) -> crate::Translation {
        let wasm = wat::parse_str(wat).expect("WAT");
        crate::translate(
            &wasm,
            crate::KernelRef::TableIndex(1),
            &crate::Options::default(),
        )
        .expect("translates")
    }

    const F64_NEGATE: &str = r#"(module (memory 1) (table 2 funcref) (elem (i32.const 1) $k)
      (func $k (param i32 i32 i32 i32 i32)
        (f64.store (local.get 3) (f64.sub (f64.const 0) (f64.load (local.get 3))))))"#;

    #[test]
    fn strings_are_nul_terminated_and_padded() {
        assert_eq!(string_words("abc"), vec![u32::from_le_bytes(*b"abc\0")]);
        assert_eq!(string_words("abcd").len(), 2);
        assert_eq!(to_bytes(&[0x0723_0203]), vec![3, 2, 0x23, 7]);
    }

    #[test]
    fn float_modes_follow_the_entry_point_for_every_width_used() {
        let t = translation(F64_NEGATE);
        let words = t.to_spirv(&Options::default()).expect("SPIR-V");
        let entry = operands(&words, op::ENTRY_POINT)[0][1];
        let modes = operands(&words, op::EXECUTION_MODE);
        for width in [32, 64] {
            assert!(
                modes.contains(&&[entry, op::MODE_SIGNED_ZERO_INF_NAN_PRESERVE, width][..]),
                "{width}-bit floats are preserved"
            );
        }
        assert!(operands(&words, op::CAPABILITY)
            .contains(&&[op::CAPABILITY_SIGNED_ZERO_INF_NAN_PRESERVE][..]));
        assert_eq!(
            operands(&words, op::EXTENSION)
                .iter()
                .filter(|s| **s == string_words("SPV_KHR_float_controls"))
                .count(),
            1
        );
        // The subtraction is exact.
        assert!(operands(&words, op::DECORATE)
            .iter()
            .any(|d| d.get(1) == Some(&op::DECORATION_NO_CONTRACTION)));
    }

    #[test]
    fn options_off_give_nagas_words() {
        let t = translation(F64_NEGATE);
        let off = Options {
            signed_zero_inf_nan_preserve: false,
            no_contraction: false,
            ..Options::default()
        };
        let plain = t.to_spirv(&off).expect("SPIR-V");
        let exact = t.to_spirv(&Options::default()).expect("SPIR-V");
        let decorated = operands(&exact, op::DECORATE)
            .iter()
            .filter(|d| d.get(1) == Some(&op::DECORATION_NO_CONTRACTION))
            .count();
        assert!(decorated >= 1);
        // A capability (2 words), the extension (7), two execution modes (4 each) and one
        // decoration (3 words) per exact operation: nothing else changes.
        assert_eq!(exact.len(), plain.len() + 2 + 7 + 2 * 4 + 3 * decorated);
        assert!(operands(&plain, op::EXECUTION_MODE)
            .iter()
            .all(|m| m[1] != op::MODE_SIGNED_ZERO_INF_NAN_PRESERVE));
        // The version is the one asked for.
        assert_eq!(plain[1], 0x0001_0300);
    }

    #[test]
    fn the_same_module_gives_the_same_words() {
        let a = translation(F64_NEGATE).to_spirv(&Options::default());
        let b = translation(F64_NEGATE).to_spirv(&Options::default());
        assert_eq!(a.expect("SPIR-V"), b.expect("SPIR-V"));
    }

    #[test]
    fn malformed_words_are_errors() {
        assert!(matches!(
            exact_floats(&[0x0723_0203, 0x0001_0300], &Options::default()),
            Err(Error::Layout(_))
        ));
        // An instruction claiming more words than there are.
        let words = [
            0x0723_0203,
            0x0001_0300,
            0,
            10,
            0,
            (9 << 16) | op::CAPABILITY,
        ];
        assert!(matches!(
            exact_floats(&words, &Options::default()),
            Err(Error::Layout(_))
        ));
    }
}
