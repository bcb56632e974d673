//! Which operators are the vector (`v128`) ones, and their operand and result counts, as
//! wasmparser lists them: what the provenance analysis needs to step over them.

use wasmparser::{BlockType, ContType, FrameKind, FuncType, Operator, RefType, SubType};

macro_rules! define_proposal {
    ($(@$proposal:ident $op:ident $({ $($arg:ident: $argty:ty),* })? => $visit:ident ($($ann:tt)*))*) => {
        /// The proposal that brought `op` to Wasm, as wasmparser names it (`simd`,
        /// `relaxed_simd`, `mvp`, ...).
        fn proposal(op: &Operator<'_>) -> &'static str {
            #[allow(unreachable_patterns, reason = "wasmparser's enum is non-exhaustive")]
            match op {
                $( Operator::$op { .. } => stringify!($proposal), )*
                _ => "unknown",
            }
        }
    };
}
wasmparser::for_each_operator!(define_proposal);

/// Whether `op` is an operator of the fixed-width SIMD proposal or of relaxed SIMD.
pub fn is_vector_op(op: &Operator<'_>) -> bool {
    matches!(proposal(op), "simd" | "relaxed_simd")
}

/// A module that tells nothing: vector operators have fixed arities.
struct NoModule;

impl wasmparser::ModuleArity for NoModule {
    fn sub_type_at(&self, _: u32) -> Option<&SubType> {
        None
    }
    fn tag_type_arity(&self, _: u32) -> Option<(u32, u32)> {
        None
    }
    fn type_index_of_function(&self, _: u32) -> Option<u32> {
        None
    }
    fn func_type_of_cont_type(&self, _: &ContType) -> Option<&FuncType> {
        None
    }
    fn sub_type_of_ref_type(&self, _: &RefType) -> Option<&SubType> {
        None
    }
    fn control_stack_height(&self) -> u32 {
        0
    }
    fn label_block(&self, _: u32) -> Option<(BlockType, FrameKind)> {
        None
    }
}

/// The operands `op` takes and the results it gives.
pub fn arity(op: &Operator<'_>) -> Option<(u32, u32)> {
    op.operator_arity(&NoModule)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vector_operators_are_told_apart_with_their_arities() {
        let add = Operator::F32x4Add;
        assert!(is_vector_op(&add));
        assert_eq!(arity(&add), Some((2, 1)));
        assert_eq!(arity(&Operator::V128Bitselect), Some((3, 1)));
        assert_eq!(arity(&Operator::I32x4Splat), Some((1, 1)));
        assert!(!is_vector_op(&Operator::F32Add));
        assert!(!is_vector_op(&Operator::I32AtomicRmwAdd {
            memarg: wasmparser::MemArg {
                align: 2,
                max_align: 2,
                offset: 0,
                memory: 0
            }
        }));
    }
}
