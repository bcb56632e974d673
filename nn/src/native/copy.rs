//! `copy_u32`, the strided copy of the movement operators (Transpose, Slice, Concat, Split,
//! Expand, Pad's interior): whole runs of the innermost dimension at a time (after merging the
//! dimensions both sides step over whole), a memcpy where both sides are contiguous. Words are
//! moved as f32 bit patterns, which a copy keeps exactly. And `gather_u32`, Gather's runs.

use super::parallel::ELEMENTS_PER_NS;
use super::{one, product, size, Ctx};
use crate::abi::{copy as c, RANK};

/// `copy_u32`: `y[out_base + i . out_strides] = x[in_base + i . in_strides]` for every index `i`
/// of `dims`. Parameters: [`crate::abi::copy`].
pub(super) fn copy(
    p: &[i32],
    inputs: &[&[f32]],
    y: &mut [f32],
    _cx: Ctx<'_>,
) -> Result<(), String> {
    let x = one(inputs)?;
    let mut dims = [0usize; RANK];
    let mut ins = [0i64; RANK];
    let mut outs = [0i64; RANK];
    for d in 0..RANK {
        dims[d] = size(p, c::DIMS + d)?;
        ins[d] = i64::from(*p.get(c::IN_STRIDES + d).ok_or("too few parameters")?);
        outs[d] = i64::from(*p.get(c::OUT_STRIDES + d).ok_or("too few parameters")?);
    }
    let in_base = i64::from(*p.get(c::IN_BASE).ok_or("too few parameters")?);
    let out_base = i64::from(*p.get(c::OUT_BASE).ok_or("too few parameters")?);
    if dims.contains(&0) {
        return Ok(());
    }
    // Every offset the copy reads and writes lies between these, checked once.
    let span = |base: i64, strides: &[i64; RANK]| -> (i64, i64) {
        let (mut lo, mut hi) = (base, base);
        for d in 0..RANK {
            let reach = (dims[d] as i64 - 1) * strides[d];
            if reach < 0 {
                lo += reach;
            } else {
                hi += reach;
            }
        }
        (lo, hi)
    };
    let (lo, hi) = span(in_base, &ins);
    if lo < 0 || hi >= x.len() as i64 {
        return Err(format!("the copy reads {lo}..={hi} of {} words", x.len()));
    }
    let (lo, hi) = span(out_base, &outs);
    if lo < 0 || hi >= y.len() as i64 {
        return Err(format!("the copy writes {lo}..={hi} of {} words", y.len()));
    }
    // Dimensions of one coalesced: size-1 ones dropped, and each merged into the one outside it
    // where both sides step over it whole, so that rows are as long as the layout allows.
    let mut kept: Vec<(usize, i64, i64)> = Vec::with_capacity(RANK);
    for d in 0..RANK {
        if dims[d] == 1 {
            continue;
        }
        match kept.last_mut() {
            Some((n, i, o)) if *i == ins[d] * dims[d] as i64 && *o == outs[d] * dims[d] as i64 => {
                (*n, *i, *o) = (*n * dims[d], ins[d], outs[d]);
            }
            _ => kept.push((dims[d], ins[d], outs[d])),
        }
    }
    let pad = RANK - kept.len();
    for d in 0..RANK {
        (dims[d], ins[d], outs[d]) = if d < pad { (1, 0, 0) } else { kept[d - pad] };
    }
    let inner = dims[RANK - 1];
    let (si, so) = (ins[RANK - 1], outs[RANK - 1]);
    let rows: usize = dims[..RANK - 1].iter().product();
    for row in 0..rows {
        let (mut rest, mut ib, mut ob) = (row, in_base, out_base);
        for d in (0..RANK - 1).rev() {
            let coord = (rest % dims[d]) as i64;
            rest /= dims[d];
            ib += coord * ins[d];
            ob += coord * outs[d];
        }
        let (ib, ob) = (ib as usize, ob as usize);
        if si == 1 && so == 1 {
            y[ob..ob + inner].copy_from_slice(&x[ib..ib + inner]);
        } else {
            for t in 0..inner as i64 {
                y[(ob as i64 + t * so) as usize] = x[(ib as i64 + t * si) as usize];
            }
        }
    }
    Ok(())
}

/// `gather_u32`: `y[o, j, r] = x[o, idx[j], r]` over `outer` blocks, `indices` indices and
/// `inner` words, a run of `inner` words at a time. As in the portable kernel, a negative index
/// counts from the end and one still out of range reads index 0 (the planner refuses constant
/// ones). Parameters: [`crate::abi::gather`]; buffers x, indices (their low words), y.
pub(super) fn gather(
    p: &[i32],
    inputs: &[&[f32]],
    y: &mut [f32],
    cx: Ctx<'_>,
) -> Result<(), String> {
    use crate::abi::gather as g;
    let [x, idx] = *inputs else {
        return Err(format!("{} inputs, not 2", inputs.len()));
    };
    let (axis, inner) = (size(p, g::AXIS_LEN)?, size(p, g::INNER)?);
    let (count, words, outer) = (
        size(p, g::INDICES)?,
        size(p, g::INDEX_WORDS)?,
        size(p, g::OUTER)?,
    );
    let rows = product(&[outer, count])?;
    let total = product(&[rows, inner])?;
    if total == 0 {
        return Ok(());
    }
    if words == 0 || idx.len() < product(&[count, words])? {
        return Err(format!("{} index words for {count} indices", idx.len()));
    }
    if x.len() < product(&[outer, axis, inner])? || axis == 0 {
        return Err(format!(
            "x holds {} words, not {outer} x {axis} x {inner}",
            x.len()
        ));
    }
    if y.len() < total {
        return Err(format!("y holds {} words, {total} needed", y.len()));
    }
    let source = |row: usize| {
        let (o, j) = (row / count, row % count);
        let mut k = idx[j * words].to_bits() as i32 as i64;
        if k < 0 {
            k += axis as i64;
        }
        if k < 0 || k >= axis as i64 {
            k = 0;
        }
        (o * axis + k as usize) * inner
    };
    let per = (4096 / inner).max(1);
    cx.par.run(total / ELEMENTS_PER_NS, |loops| {
        loops.chunks(&mut y[..total], per * inner, |chunk, out| {
            let first = chunk * per;
            if inner == 1 {
                for (k, o) in out.iter_mut().enumerate() {
                    *o = x[source(first + k)];
                }
            } else {
                for (k, o) in out.chunks_exact_mut(inner).enumerate() {
                    o.copy_from_slice(&x[source(first + k)..][..inner]);
                }
            }
        })
    });
    Ok(())
}
