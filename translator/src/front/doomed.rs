//! Code that can only end in a trap, and the shadow stack there.
//!
//! Compilers build a panic's arguments on the way to it: rustc with `+simd128` vectorises a
//! bounds check and, on failure, stores the lanes of its index vectors to the stack to read
//! back the one that failed, just before `slice_index_fail` traps. Kept, such code gives a
//! kernel a shadow stack (a private array indexed at run time) that its real work never uses,
//! and some drivers refuse those (llvmpipe). A position is *doomed* when every way on from it
//! reaches a trap (`unreachable`, a call that never returns) through nothing that another work
//! item or the host could see: no store outside the stack, no atomic, no bulk operation, no
//! loop back. The stack is the invocation's own and is gone once it traps, so its accesses at
//! doomed positions are dropped: their loads read zero and their stores do nothing. The work
//! item still traps; at most an earlier trap (a division by a value that was loaded) may take
//! the panic's place.

use std::collections::HashSet;

use wasmparser::Operator;

use super::inline::Flat;
use super::module::Context;
use super::provenance::{lane_access, memory_access, Analysis, STACK};

/// What a branch to a frame continues with.
#[derive(Clone, Copy)]
enum Opened {
    /// The function body: a branch returns.
    Function,
    /// A loop: a branch goes back to its head.
    Loop,
    /// A block or an `if` whose `end` is at this position: a branch leaves it.
    Ends(usize),
}

/// Moves the shadow stack accesses at doomed positions of `flat` from `analysis.accesses` to
/// `analysis.doomed_stack`.
pub fn drop_stack_accesses(flat: &Flat<'_>, analysis: &mut Analysis, cx: &Context<'_>) {
    if !analysis.accesses.values().any(|&k| k == STACK) {
        return;
    }
    let doomed = doomed_positions(&flat.ops, analysis, cx);
    let dropped: HashSet<usize> = analysis
        .accesses
        .iter()
        .filter(|&(&at, &k)| k == STACK && doomed[at])
        .map(|(&at, _)| at)
        .collect();
    for at in &dropped {
        analysis.accesses.remove(at);
    }
    analysis.doomed_stack = dropped;
}

/// For every position of `ops` (and one past the end): whether it is doomed.
fn doomed_positions(
    ops: &[(Operator<'_>, usize)],
    analysis: &Analysis,
    cx: &Context<'_>,
) -> Vec<bool> {
    // Where each frame ends, and the frame of every branch, `else` and `end`.
    let mut opened = vec![Opened::Function];
    let mut open = vec![0usize];
    let mut frame_of = vec![usize::MAX; ops.len()];
    let mut else_of = vec![None; ops.len() + 1];
    for (at, (op, _)) in ops.iter().enumerate() {
        match *op {
            Operator::Block { .. } | Operator::If { .. } | Operator::Loop { .. } => {
                frame_of[at] = opened.len();
                open.push(opened.len());
                opened.push(match op {
                    Operator::Loop { .. } => Opened::Loop,
                    _ => Opened::Ends(usize::MAX),
                });
            }
            Operator::Else => {
                let frame = *open.last().unwrap_or(&0);
                frame_of[at] = frame;
                else_of[frame] = Some(at);
            }
            Operator::End => {
                let frame = open.pop().unwrap_or(0);
                frame_of[at] = frame;
                if let Opened::Ends(end) = &mut opened[frame] {
                    *end = at;
                }
            }
            Operator::Br { relative_depth } | Operator::BrIf { relative_depth } => {
                frame_of[at] = open
                    .len()
                    .checked_sub(1 + relative_depth as usize)
                    .map_or(usize::MAX, |i| open[i]);
            }
            _ => {}
        }
    }
    let mut doomed = vec![false; ops.len() + 1];
    // Where a branch to `frame` continues: doomed or not.
    let branch = |doomed: &[bool], frame: usize| match opened.get(frame) {
        Some(&Opened::Ends(end)) if end != usize::MAX => doomed[end + 1],
        _ => false,
    };
    for at in (0..ops.len()).rev() {
        let next = doomed[at + 1];
        doomed[at] = match ops[at].0 {
            Operator::Unreachable => true,
            Operator::Call { function_index } => cx.diverging_call(function_index).is_some(),
            Operator::Br { .. } => branch(&doomed, frame_of[at]),
            Operator::BrIf { .. } => next && branch(&doomed, frame_of[at]),
            Operator::Block { .. } | Operator::Loop { .. } | Operator::Nop => next,
            Operator::If { .. } => {
                let frame = frame_of[at];
                // Without an `else`, a false condition goes on after the `end`.
                let otherwise = match else_of.get(frame).copied().flatten() {
                    Some(e) => doomed[e + 1],
                    None => branch(&doomed, frame),
                };
                next && otherwise
            }
            Operator::Else => branch(&doomed, frame_of[at]),
            Operator::End => match opened.get(frame_of[at]) {
                Some(Opened::Function) | None => false,
                Some(_) => next,
            },
            ref op => next && !has_effect(op, at, analysis),
        };
    }
    doomed
}

/// Whether `op`, at position `at`, might do something another work item or the host could see,
/// or leave the straight line: a store outside the stack, an atomic or bulk operation, a call,
/// a return, a table of branches, memory growth. Operators the translator refuses anyway count
/// as without effect.
fn has_effect(op: &Operator<'_>, at: usize, analysis: &Analysis) -> bool {
    let store = match op {
        Operator::V128Load8Lane { memarg, .. }
        | Operator::V128Load16Lane { memarg, .. }
        | Operator::V128Load32Lane { memarg, .. }
        | Operator::V128Load64Lane { memarg, .. }
        | Operator::V128Store8Lane { memarg, .. }
        | Operator::V128Store16Lane { memarg, .. }
        | Operator::V128Store32Lane { memarg, .. }
        | Operator::V128Store64Lane { memarg, .. } => Some(lane_access(op, *memarg).store),
        other => memory_access(other).map(|access| access.store),
    };
    match store {
        Some(false) => false,
        Some(true) => analysis.accesses.get(&at) != Some(&STACK),
        // Atomics are accesses too, but none of the loads and stores above.
        None if analysis.accesses.contains_key(&at) || analysis.bulk.contains_key(&at) => true,
        None => matches!(
            op,
            Operator::Call { .. }
                | Operator::CallIndirect { .. }
                | Operator::ReturnCall { .. }
                | Operator::ReturnCallIndirect { .. }
                | Operator::Return
                | Operator::BrTable { .. }
                | Operator::MemoryGrow { .. }
                | Operator::MemoryCopy { .. }
                | Operator::MemoryFill { .. }
                | Operator::MemoryInit { .. }
                | Operator::DataDrop { .. }
                | Operator::TableSet { .. }
                | Operator::TableGrow { .. }
                | Operator::TableFill { .. }
                | Operator::TableCopy { .. }
                | Operator::TableInit { .. }
                | Operator::ElemDrop { .. }
                | Operator::AtomicFence
        ),
    }
}
