//! Exact float semantics for translated kernels on Vulkan, as far as the driver honours them.
//!
//! Without `SPV_KHR_float_controls` execution modes, a Vulkan driver may assume that a shader's
//! floats are never NaN or infinite and ignore the sign of zero; Wasm defines all of these. So on
//! Vulkan the kernel goes to the driver as SPIR-V (written by naga, with naga's bounds checks)
//! through wgpu's SPIR-V passthrough, with the execution mode `SignedZeroInfNanPreserve` for
//! every float width the module uses, and float arithmetic decorated `NoContraction` (no fused
//! multiply-adds). `DenormPreserve` is left out: lavapipe does not support it, and wgpu does not
//! tell which devices do.
//!
//! Known limit: lavapipe (Mesa 22.3) ignores both for operations with a constant operand:
//! `0.0 * x`, `0.0 + x` and `0.0 - x` are folded as if NaN, infinities and -0 did not exist,
//! also where the zero is a local never assigned (a zero constant). The differential test shows
//! it (`WASI_PARALLEL_TEST_DEVICES=wgpu`).

use naga::back::spv;

/// SPIR-V opcodes, capabilities and execution modes used here (SPIR-V 1.6 spec, section 3).
const OP_EXTENSION: u32 = 10;
const OP_ENTRY_POINT: u32 = 15;
const OP_EXECUTION_MODE: u32 = 16;
const OP_CAPABILITY: u32 = 17;
const OP_DECORATE: u32 = 71;
const OP_MEMBER_DECORATE: u32 = 72;
const DECORATION_NO_CONTRACTION: u32 = 42;
const CAPABILITY_FLOAT64: u32 = 10;
const CAPABILITY_SIGNED_ZERO_INF_NAN_PRESERVE: u32 = 4466;
const MODE_SIGNED_ZERO_INF_NAN_PRESERVE: u32 = 4461;

/// Whether `opcode` is float arithmetic, whose result gets `NoContraction`: SPIR-V's word for
/// "compute exactly this", which keeps a driver from fusing a multiply and an add into an `fma`
/// (one rounding instead of Wasm's two) and which Mesa compiles as exact. The instructions all
/// have the layout `opcode, result type, result id, ...`.
fn is_float_arithmetic(opcode: u32) -> bool {
    // OpFNegate, OpFAdd, OpFSub, OpFMul, OpFDiv, OpFRem, OpFMod
    matches!(opcode, 127 | 129 | 131 | 133 | 136 | 140 | 141)
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
    while !bytes.len().is_multiple_of(4) {
        bytes.push(0);
    }
    bytes
        .chunks(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect()
}

/// The module as SPIR-V for Vulkan, with exact float semantics; an error names what failed.
pub fn spirv(module: &naga::Module, info: &naga::valid::ModuleInfo) -> Result<Vec<u32>, String> {
    let policy = naga::proc::BoundsCheckPolicy::Restrict;
    let options = spv::Options {
        lang_version: (1, 3),
        bounds_check_policies: naga::proc::BoundsCheckPolicies {
            index: policy,
            buffer: policy,
            image_load: policy,
            binding_array: policy,
        },
        ..spv::Options::default()
    };
    let pipeline = spv::PipelineOptions {
        shader_stage: naga::ShaderStage::Compute,
        entry_point: "main".into(),
    };
    let words = spv::write_vec(module, info, &options, Some(&pipeline))
        .map_err(|e| format!("naga cannot write SPIR-V: {e}"))?;
    preserve_floats(&words)
}

/// `words` with the float-controls capabilities, extension and execution modes added.
fn preserve_floats(words: &[u32]) -> Result<Vec<u32>, String> {
    if words.len() < HEADER_WORDS {
        return Err("SPIR-V shorter than its header".into());
    }
    // Walk the instructions once: where the capabilities end, which are declared, where the
    // execution modes start, and the entry point's id.
    let mut at = HEADER_WORDS;
    let (mut after_capabilities, mut modes_at, mut entry, mut float64) = (None, None, None, false);
    let (mut decorations_at, mut exact) = (None, Vec::new());
    while at < words.len() {
        let count = (words[at] >> 16) as usize;
        let opcode = words[at] & 0xffff;
        if count == 0 || at + count > words.len() {
            return Err(format!("malformed SPIR-V instruction at word {at}"));
        }
        match opcode {
            OP_CAPABILITY => {
                float64 |= words[at + 1] == CAPABILITY_FLOAT64;
                after_capabilities = Some(at + count);
            }
            OP_ENTRY_POINT if entry.is_none() => entry = Some(words[at + 2]),
            OP_EXECUTION_MODE if modes_at.is_none() => modes_at = Some(at),
            OP_DECORATE | OP_MEMBER_DECORATE if decorations_at.is_none() => {
                decorations_at = Some(at)
            }
            op if is_float_arithmetic(op) && count >= 3 => exact.push(words[at + 2]),
            _ => {}
        }
        at += count;
    }
    let (Some(after_capabilities), Some(modes_at), Some(entry), Some(decorations_at)) =
        (after_capabilities, modes_at, entry, decorations_at)
    else {
        return Err(
            "SPIR-V without capabilities, entry point, execution mode or decorations".into(),
        );
    };
    let mut declarations = instruction(OP_CAPABILITY, &[CAPABILITY_SIGNED_ZERO_INF_NAN_PRESERVE]);
    declarations.extend(instruction(
        OP_EXTENSION,
        &string_words("SPV_KHR_float_controls"),
    ));
    let mut modes = Vec::new();
    let widths: &[u32] = if float64 { &[32, 64] } else { &[32] };
    for &width in widths {
        modes.extend(instruction(
            OP_EXECUTION_MODE,
            &[entry, MODE_SIGNED_ZERO_INF_NAN_PRESERVE, width],
        ));
    }
    let mut out = Vec::with_capacity(words.len() + declarations.len() + modes.len());
    out.extend_from_slice(&words[..after_capabilities]);
    out.extend(declarations);
    out.extend_from_slice(&words[after_capabilities..modes_at]);
    out.extend(modes);
    out.extend_from_slice(&words[modes_at..decorations_at]);
    for id in exact {
        out.extend(instruction(OP_DECORATE, &[id, DECORATION_NO_CONTRACTION]));
    }
    out.extend_from_slice(&words[decorations_at..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_nul_terminated_and_padded() {
        assert_eq!(string_words("abc"), vec![u32::from_le_bytes(*b"abc\0")]);
        assert_eq!(string_words("abcd").len(), 2);
    }

    #[test]
    fn modes_follow_the_entry_point_and_capabilities_come_first() {
        let wat = r#"(module (memory 1) (table 2 funcref) (elem (i32.const 1) $k)
          (func $k (param i32 i32 i32 i32 i32)
            (f64.store (local.get 3) (f64.sub (f64.const 0) (f64.load (local.get 3))))))"#;
        let wasm = wat::parse_str(wat).expect("WAT");
        let t = wasi_parallel_translator::translate(
            &wasm,
            wasi_parallel_translator::KernelRef::TableIndex(1),
            &wasi_parallel_translator::Options::default(),
        )
        .expect("translates");
        let words = spirv(&t.module, &t.info).expect("SPIR-V");
        let plain = spv::write_vec(
            &t.module,
            &t.info,
            &spv::Options::default(),
            Some(&spv::PipelineOptions {
                shader_stage: naga::ShaderStage::Compute,
                entry_point: "main".into(),
            }),
        )
        .expect("SPIR-V");
        // A capability, the extension (7 words), two execution modes (4 words each), and
        // `NoContraction` on the subtraction at least.
        assert!(words.len() >= plain.len() + 2 + 7 + 2 * 4 + 3);
        let modes: Vec<&[u32]> = {
            let mut at = HEADER_WORDS;
            let mut found = Vec::new();
            while at < words.len() {
                let count = (words[at] >> 16) as usize;
                if words[at] & 0xffff == OP_EXECUTION_MODE {
                    found.push(&words[at..at + count]);
                }
                at += count;
            }
            found
        };
        for width in [32, 64] {
            assert!(modes
                .iter()
                .any(|m| m[2] == MODE_SIGNED_ZERO_INF_NAN_PRESERVE && m[3] == width));
        }
    }
}
