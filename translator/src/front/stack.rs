//! The translator's control stack: one frame per open Wasm block, loop or if.

use naga::{Block, Expression, Handle, LocalVariable};
use wasmparser::BlockType;

/// Parameter and result counts of a block type.
pub fn block_arity(ty: BlockType, func_types: &[wasmparser::FuncType]) -> (usize, usize) {
    match ty {
        BlockType::Empty => (0, 0),
        BlockType::Type(_) => (0, 1),
        BlockType::FuncType(i) => func_types
            .get(i as usize)
            .map_or((0, 0), |t| (t.params().len(), t.results().len())),
    }
}

/// What kind of Wasm construct a frame is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameKind {
    /// The function body: a branch to it returns.
    Function,
    /// `block`: a branch to it leaves it.
    Block,
    /// `loop`: a branch to it starts the next iteration.
    Loop,
    /// `if` (then `else`): a branch to it leaves it.
    If,
}

/// One open frame.
#[derive(Debug)]
pub struct Frame {
    pub kind: FrameKind,
    /// Value-stack height at entry.
    pub height: usize,
    /// Locals holding the frame's results, written by branches and by the fallthrough.
    pub results: Vec<Handle<LocalVariable>>,
    /// Wasm types of the results.
    pub result_types: Vec<wasmparser::ValType>,
    /// Whether the rest of the frame is unreachable (after `br`, `return`, `unreachable`).
    pub unreachable: bool,
    /// Whether a branch crossed this frame on its way out, so the code after the frame's naga
    /// `Loop` must look at the branch counter.
    pub crossed: bool,
    /// For `if`: the condition, and the `then` arm once `else` is reached.
    pub condition: Option<Handle<Expression>>,
    pub accept: Option<Block>,
}
