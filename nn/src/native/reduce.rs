//! `reduce_f32`: the Reduce operators over any set of axes, with the portable kernel's `exp`,
//! `log` and NaN rules.
//!
//! Both the kept and the reduced dimensions are first coalesced (size-1 ones dropped, and each
//! merged into the one outside it where its stride steps over it whole). Then:
//! - short rows, one per output (a complex pair's square sum), are folded one after the other
//!   in a loop compiled for each kind;
//! - where the reduced elements of an output are contiguous (reducing the innermost axes), each
//!   output folds its run in eight lanes, so the sum may differ from the portable one's in its
//!   last bits;
//! - otherwise, where neighbouring outputs read neighbouring elements (reducing an outer axis),
//!   a run of up to [`COLUMNS`] outputs is folded together, each in the portable kernel's own
//!   order, so the result is exactly the portable one.

use super::elementary::{exp, fmax, fmin, log, wasm32};
use super::parallel::ELEMENTS_PER_NS;
use super::{one, size, Ctx};
use crate::abi::{reduce as r, RANK};

/// Outputs folded together when reducing an outer axis.
const COLUMNS: usize = 64;

/// `reduce_f32`: `y[i]` is the reduction of the elements of `x` at `i`'s kept offset plus every
/// reduced offset. Parameters: [`crate::abi::reduce`].
pub(super) fn reduce(
    p: &[i32],
    inputs: &[&[f32]],
    y: &mut [f32],
    cx: Ctx<'_>,
) -> Result<(), String> {
    let x = one(inputs)?;
    let kind = *p.get(r::KIND).ok_or("too few parameters")?;
    let axes = |dims: usize, strides: usize| -> Result<Vec<(usize, usize)>, String> {
        let mut list = Vec::with_capacity(RANK);
        for d in 0..RANK {
            list.push((size(p, dims + d)?, size(p, strides + d)?));
        }
        Ok(list)
    };
    let kept = axes(r::KEPT_DIMS, r::KEPT_STRIDES)?;
    let reduced = axes(r::REDUCED_DIMS, r::REDUCED_STRIDES)?;
    let items = kept.iter().try_fold(1usize, |n, &(d, _)| n.checked_mul(d));
    let count = reduced
        .iter()
        .try_fold(1usize, |n, &(d, _)| n.checked_mul(d));
    let (Some(items), Some(count)) = (items, count) else {
        return Err("the dimensions overflow".into());
    };
    if y.len() < items {
        return Err(format!("y holds {} elements, {items} needed", y.len()));
    }
    let y = &mut y[..items];
    if items == 0 {
        return Ok(());
    }
    if count > 0 {
        // The furthest element read, checked once.
        let reach = |list: &[(usize, usize)]| -> Option<usize> {
            list.iter().try_fold(0usize, |n, &(d, s)| {
                (d - 1).checked_mul(s).and_then(|v| n.checked_add(v))
            })
        };
        let last = reach(&kept)
            .zip(reach(&reduced))
            .and_then(|(a, b)| a.checked_add(b));
        if last.is_none_or(|last| last >= x.len()) {
            return Err(format!("the reduction reads past x's {} elements", x.len()));
        }
    }
    let kept = coalesce(&kept);
    let reduced = coalesce(&reduced);
    let fold = Fold { kind, count };
    let base_of = |mut i: usize| {
        let mut base = 0;
        for &(d, s) in kept.iter().rev() {
            base += (i % d) * s;
            i /= d;
        }
        base
    };
    let (inner, inner_stride) = reduced.last().copied().unwrap_or((1, 1));
    let outer = &reduced[..reduced.len().saturating_sub(1)];
    let kept_inner = kept.last().copied().unwrap_or((1, 0));
    // Short contiguous rows, one per output, one after the other (a complex pair's square sum).
    let short_rows = reduced.len() == 1
        && inner_stride == 1
        && inner < 16
        && (kept.is_empty() || (kept.len() == 1 && kept[0].1 == inner));
    let work = items.saturating_mul(count.max(1));
    cx.par.run(work / ELEMENTS_PER_NS, |loops| {
        loops.chunks(y, 256, |chunk, out| {
            let first = chunk * 256;
            if count == 0 {
                out.fill(fold.finish(fold.init(), 0.0));
            } else if short_rows {
                let xs = &x[first * inner..][..out.len() * inner];
                fold.rows(xs, inner, out);
            } else if inner_stride == 1 || kept_inner.1 != 1 {
                // Each output's reduced elements, a contiguous run at a time.
                for (k, o) in out.iter_mut().enumerate() {
                    let base = base_of(first + k);
                    *o = fold.one(x, base, outer, inner, inner_stride);
                }
            } else {
                // Neighbouring outputs read neighbouring elements: runs of them together.
                let mut k = 0;
                while k < out.len() {
                    let i = first + k;
                    let along = i % kept_inner.0;
                    let run = (kept_inner.0 - along).min(out.len() - k).min(COLUMNS);
                    let base = base_of(i);
                    fold.columns(x, base, &reduced, &mut out[k..k + run]);
                    k += run;
                }
            }
        })
    });
    Ok(())
}

/// `dims` (size, stride) without the size-1 ones, each merged into the one outside it where
/// that one's stride steps over it whole.
fn coalesce(dims: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut kept: Vec<(usize, usize)> = Vec::with_capacity(dims.len());
    for &(d, s) in dims {
        if d == 1 {
            continue;
        }
        match kept.last_mut() {
            Some(last) if last.1 == s * d => *last = (last.0 * d, s),
            _ => kept.push((d, s)),
        }
    }
    kept
}

/// Calls `f` with the offset of each index of `dims` (size, stride), the last fastest.
fn each_offset(dims: &[(usize, usize)], mut f: impl FnMut(usize)) {
    let mut at = [0usize; RANK];
    let mut offset = 0;
    loop {
        f(offset);
        let mut d = dims.len();
        loop {
            if d == 0 {
                return;
            }
            d -= 1;
            at[d] += 1;
            offset += dims[d].1;
            if at[d] < dims[d].0 {
                break;
            }
            offset -= dims[d].1 * dims[d].0;
            at[d] = 0;
        }
    }
}

/// One kind of reduction over `count` elements.
#[derive(Clone, Copy)]
struct Fold {
    kind: i32,
    count: usize,
}

impl Fold {
    #[inline(always)]
    fn init(self) -> f32 {
        match self.kind {
            r::MAX => f32::NEG_INFINITY,
            r::MIN => f32::INFINITY,
            r::PROD => 1.0,
            _ => 0.0,
        }
    }

    /// `acc` with `v` folded in; `max` is the largest element, for LogSumExp.
    #[inline(always)]
    fn step(self, acc: f32, v: f32, max: f32) -> f32 {
        match self.kind {
            r::MAX => fmax(acc, v),
            r::MIN => fmin(acc, v),
            r::PROD => acc * v,
            r::SUM_SQUARE | r::L2 => acc + v * v,
            r::L1 => acc + if v < 0.0 { -v } else { v },
            r::LOG_SUM_EXP => acc + exp(v - max),
            _ => acc + v,
        }
    }

    /// Two partial folds combined.
    #[inline(always)]
    fn combine(self, a: f32, b: f32) -> f32 {
        match self.kind {
            r::MAX => fmax(a, b),
            r::MIN => fmin(a, b),
            r::PROD => a * b,
            _ => a + b,
        }
    }

    #[inline(always)]
    fn finish(self, acc: f32, max: f32) -> f32 {
        match self.kind {
            r::MEAN => acc / self.count as f32,
            r::L2 => wasm32::f32_sqrt(acc),
            r::LOG_SUM_EXP => max + log(acc),
            _ => acc,
        }
    }

    /// The reduction at `base`: the outer reduced dimensions, then runs of `inner` elements
    /// `stride` apart.
    fn one(
        self,
        x: &[f32],
        base: usize,
        outer: &[(usize, usize)],
        inner: usize,
        stride: usize,
    ) -> f32 {
        let mut max = f32::NEG_INFINITY;
        if self.kind == r::LOG_SUM_EXP {
            let all = Fold {
                kind: r::MAX,
                ..self
            };
            each_offset(outer, |o| {
                max = fmax(max, all.run(x, base + o, inner, stride, 0.0));
            });
        }
        let mut acc = self.init();
        each_offset(outer, |o| {
            acc = self.combine(acc, self.run(x, base + o, inner, stride, max));
        });
        self.finish(acc, max)
    }

    /// `inner` elements `stride` apart from `at`, folded: in eight lanes where contiguous and
    /// long.
    #[inline(always)]
    fn run(self, x: &[f32], at: usize, inner: usize, stride: usize, max: f32) -> f32 {
        if stride != 1 || inner < 16 {
            // Strided, or too short for lanes to pay (a complex pair's square sum).
            let mut acc = self.init();
            for k in 0..inner {
                acc = self.step(acc, x[at + k * stride], max);
            }
            return acc;
        }
        lanes(self, &x[at..at + inner], max)
    }

    /// One output per row of `inner` elements of `xs`, each folded in order, the loop compiled
    /// for each kind.
    fn rows(self, xs: &[f32], inner: usize, out: &mut [f32]) {
        #[inline(always)]
        fn rows_of<const KIND: i32>(count: usize, xs: &[f32], inner: usize, out: &mut [f32]) {
            let fold = Fold { kind: KIND, count };
            for (o, row) in out.iter_mut().zip(xs.chunks_exact(inner)) {
                let mut max = f32::NEG_INFINITY;
                if KIND == r::LOG_SUM_EXP {
                    max = row.iter().fold(max, |m, &v| fmax(m, v));
                }
                let mut acc = fold.init();
                for &v in row {
                    acc = fold.step(acc, v, max);
                }
                *o = fold.finish(acc, max);
            }
        }
        macro_rules! each {
            ($($kind:ident)*) => {
                match self.kind {
                    $(r::$kind => rows_of::<{ r::$kind }>(self.count, xs, inner, out),)*
                    _ => rows_of::<{ r::SUM }>(self.count, xs, inner, out),
                }
            };
        }
        each!(SUM MEAN MAX MIN PROD SUM_SQUARE L1 L2 LOG_SUM_EXP)
    }

    /// `out.len()` neighbouring outputs from `base` on, each over every reduced offset in the
    /// portable kernel's order.
    fn columns(self, x: &[f32], base: usize, reduced: &[(usize, usize)], out: &mut [f32]) {
        let n = out.len();
        let mut max = [f32::NEG_INFINITY; COLUMNS];
        if self.kind == r::LOG_SUM_EXP {
            each_offset(reduced, |o| {
                for (m, &v) in max[..n].iter_mut().zip(&x[base + o..][..n]) {
                    *m = fmax(*m, v);
                }
            });
        }
        let mut acc = [self.init(); COLUMNS];
        each_offset(reduced, |o| {
            let row = &x[base + o..][..n];
            for ((a, &v), &m) in acc[..n].iter_mut().zip(row).zip(&max[..n]) {
                *a = self.step(*a, v, m);
            }
        });
        for ((o, &a), &m) in out.iter_mut().zip(&acc[..n]).zip(&max[..n]) {
            *o = self.finish(a, m);
        }
    }
}

vectorised! {
    /// `xs` folded in eight lanes, then the lanes and the tail.
    fn lanes_into(fold: Fold, xs: &[f32], max: f32, result: &mut f32) {
        let mut lanes = [fold.init(); 8];
        let chunks = xs.chunks_exact(8);
        let mut tail = fold.init();
        for &v in chunks.remainder() {
            tail = fold.step(tail, v, max);
        }
        for c in chunks {
            for l in 0..8 {
                lanes[l] = fold.step(lanes[l], c[l], max);
            }
        }
        *result = lanes.iter().fold(tail, |a, &b| fold.combine(a, b));
    }
}

fn lanes(fold: Fold, xs: &[f32], max: f32) -> f32 {
    let mut result = 0.0;
    lanes_into(fold, xs, max, &mut result);
    result
}
