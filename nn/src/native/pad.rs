//! `pad_u32`: Pad in every mode, a row of the innermost padded dimension at a time (the
//! dimensions inside it move as one element). The source of each coordinate in the row is worked
//! out once per launch (a table), and each row's outer coordinates once per row, where the
//! portable kernel works out every coordinate of every element. Words are moved as f32 bit
//! patterns, which a copy keeps exactly.

use super::parallel::ELEMENTS_PER_NS;
use super::{product, size, Ctx};
use crate::abi::{pad, RANK};

/// `pad_u32`: `y[o] = x[source(o)]`, or the constant `value` where `o` has no source.
/// Parameters: [`crate::abi::pad`]; buffers x, value, y. An element is `words` words.
pub(super) fn pad(p: &[i32], inputs: &[&[f32]], y: &mut [f32], cx: Ctx<'_>) -> Result<(), String> {
    let [x, value] = *inputs else {
        return Err(format!("{} inputs, not 2", inputs.len()));
    };
    let mode = *p.get(pad::MODE).ok_or("too few parameters")?;
    let words = size(p, pad::WORDS)?;
    let mut out_dims = [0usize; RANK];
    let mut in_dims = [0usize; RANK];
    let mut strides = [0usize; RANK];
    let mut before = [0i64; RANK];
    for d in 0..RANK {
        out_dims[d] = size(p, pad::OUT_DIMS + d)?;
        in_dims[d] = size(p, pad::IN_DIMS + d)?;
        strides[d] = size(p, pad::IN_STRIDES + d)?;
        before[d] = i64::from(*p.get(pad::BEFORE + d).ok_or("too few parameters")?);
    }
    let out_len = product(&out_dims)?;
    if out_len == 0 || words == 0 {
        return Ok(());
    }
    if value.len() < words {
        return Err(format!(
            "the value holds {} words, not {words}",
            value.len()
        ));
    }
    let total = out_len * words;
    if y.len() < total {
        return Err(format!("y holds {} words, {total} needed", y.len()));
    }
    // The furthest element any source coordinate reaches, checked once.
    if !in_dims.contains(&0) {
        let last = (0..RANK)
            .map(|d| (in_dims[d] - 1) * strides[d])
            .sum::<usize>();
        if (last + 1) * words > x.len() {
            return Err(format!(
                "x holds {} words, the pad reads element {last}",
                x.len()
            ));
        }
    }
    // The dimensions inside the innermost padded one, when the input holds them contiguously,
    // move as one element: a run of whole rows copied at a time rather than word by word.
    let padded = |d: usize| out_dims[d] != in_dims[d] || before[d] != 0;
    let k = (0..RANK).rev().find(|&d| padded(d)).unwrap_or(0);
    let tail = product(&in_dims[k + 1..])?;
    let contiguous = (k + 1..RANK).all(|d| strides[d] == product(&in_dims[d + 1..]).unwrap_or(0));
    let whole = (0..=k).all(|d| strides[d] % tail.max(1) == 0);
    // An element's words, and those of what moves as one.
    let elem = words;
    let words = if k + 1 < RANK && tail > 0 && contiguous && whole {
        // Dimension k becomes the innermost, its element `tail` of the old ones.
        let shift = RANK - 1 - k;
        for d in (0..RANK).rev() {
            if d >= shift {
                let from = d - shift;
                out_dims[d] = out_dims[from];
                in_dims[d] = in_dims[from];
                strides[d] = strides[from] / tail;
                before[d] = before[from];
            } else {
                (out_dims[d], in_dims[d], strides[d], before[d]) = (1, 1, 0, 0);
            }
        }
        words * tail
    } else {
        words
    };
    let source = |d: usize, c: usize| source(mode, c as i64 - before[d], in_dims[d] as i64);
    // The innermost dimension's sources, as runs of words copied or filled.
    let inner = RANK - 1;
    let mut runs: Vec<Run> = Vec::new();
    for c in 0..out_dims[inner] {
        let at = c * words;
        match (
            source(inner, c).map(|s| s * strides[inner] * words),
            runs.last_mut(),
        ) {
            (Some(from), Some(Run::Copy { from: f, len, .. })) if *f + *len == from => {
                *len += words
            }
            (Some(from), _) => runs.push(Run::Copy {
                at,
                from,
                len: words,
            }),
            (None, Some(Run::Fill { len, .. })) => *len += words,
            (None, _) => runs.push(Run::Fill { at, len: words }),
        }
    }
    let fill = |out: &mut [f32]| {
        if elem == 1 {
            out.fill(value[0]);
        } else {
            for o in out.chunks_exact_mut(elem) {
                o.copy_from_slice(&value[..elem]);
            }
        }
    };
    let row_len = out_dims[inner] * words;
    let y = &mut y[..total];
    cx.par.run(total / ELEMENTS_PER_NS, |loops| {
        loops.chunks(y, row_len, |row, out| {
            // The row's outer coordinates, innermost first.
            let (mut rest, mut base) = (row, Some(0usize));
            for d in (0..inner).rev() {
                let c = rest % out_dims[d];
                rest /= out_dims[d];
                base = base.zip(source(d, c)).map(|(b, s)| b + s * strides[d]);
            }
            let Some(base) = base else {
                fill(out);
                return;
            };
            let base = base * words;
            for run in &runs {
                match *run {
                    Run::Copy { at, from, len } => {
                        out[at..at + len].copy_from_slice(&x[base + from..][..len])
                    }
                    Run::Fill { at, len } => fill(&mut out[at..at + len]),
                }
            }
        })
    });
    Ok(())
}

/// A stretch of a row, in words: copied from the input's row at `from`, or filled with the
/// constant.
enum Run {
    Copy { at: usize, from: usize, len: usize },
    Fill { at: usize, len: usize },
}

/// The input coordinate output coordinate `s + before` reads along a dimension of `len`, in
/// `mode`, as the portable kernel maps it; `None` outside, in constant mode (and for an empty
/// dimension, which only constant mode plans).
fn source(mode: i32, mut s: i64, len: i64) -> Option<usize> {
    if len == 0 {
        return None;
    }
    if s < 0 || s >= len {
        match mode {
            pad::EDGE => s = if s < 0 { 0 } else { len - 1 },
            pad::WRAP => s = s.rem_euclid(len),
            pad::REFLECT if len > 1 => {
                // Reflect about the end elements, as often as it takes.
                let period = 2 * (len - 1);
                s = s.rem_euclid(period);
                if s >= len {
                    s = period - s;
                }
            }
            pad::REFLECT => s = 0,
            _ => return None,
        }
    }
    Some(s as usize)
}
