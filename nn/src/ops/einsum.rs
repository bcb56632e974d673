//! Einsum, planned as the operators it comes down to: diagonals taken by Gather, letters no one
//! else needs summed by ReduceSum, each pair of operands multiplied as one batched MatMul (the
//! shared letters the output keeps are its batch, the shared letters it drops its contracted
//! dimension, the others its rows and columns), and the result transposed into the output's
//! order. Operands beyond two are folded in from the left. `...` stands for the same dimensions
//! in every operand, aligned from the right and broadcast.

use std::collections::BTreeSet;

use super::composed::{apply, transpose};
use super::input;
use crate::graph::{Builder, ValueId};
use crate::model::{Attr, Node};
use crate::tensor::{DType, Tensor};
use crate::Error;

/// One operand: its value and the letter of each of its dimensions.
struct Term {
    x: ValueId,
    letters: Vec<char>,
}

/// The letters the ellipsis stands for, outermost first, when it has `n` dimensions: characters
/// no equation uses (ONNX's letters are ASCII).
fn ellipsis_letters(n: usize) -> Vec<char> {
    (0..n)
        .map(|k| char::from_u32(0x3B1 + k as u32).unwrap_or('?'))
        .collect()
}

/// Parses one side of the equation for an operand of `rank` dimensions (`None`: the output,
/// whose ellipsis has `ellipsis` dimensions).
fn letters(term: &str, rank: Option<usize>, ellipsis: usize) -> Result<Vec<char>, Error> {
    let bad = |why: String| Error::InvalidModel(format!("Einsum term `{term}`: {why}"));
    let parts: Vec<&str> = term.split("...").collect();
    if parts.len() > 2 {
        return Err(bad("more than one ellipsis".into()));
    }
    let plain = |s: &str| -> Result<Vec<char>, Error> {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| {
                if c.is_ascii_alphabetic() {
                    Ok(c)
                } else {
                    Err(bad(format!("`{c}` is not a letter")))
                }
            })
            .collect()
    };
    let (head, tail) = (
        plain(parts[0])?,
        plain(parts.get(1).copied().unwrap_or(""))?,
    );
    if parts.len() == 1 {
        if rank.is_some_and(|r| r != head.len()) {
            return Err(bad(format!(
                "{} letters for {} dimensions",
                head.len(),
                rank.unwrap_or(0)
            )));
        }
        return Ok(head);
    }
    let n = match rank {
        Some(r) => r
            .checked_sub(head.len() + tail.len())
            .ok_or_else(|| bad(format!("more letters than the {r} dimensions")))?,
        None => ellipsis,
    };
    let names = ellipsis_letters(ellipsis);
    let mut all = head;
    all.extend(&names[ellipsis - n..]);
    all.extend(tail);
    Ok(all)
}

/// The diagonal of `t` over the dimensions that repeat a letter, until none does.
fn diagonals(b: &mut Builder, mut t: Term) -> Result<Term, Error> {
    loop {
        let Some((p, q)) = (0..t.letters.len()).find_map(|p| {
            (p + 1..t.letters.len())
                .find(|&q| t.letters[q] == t.letters[p])
                .map(|q| (p, q))
        }) else {
            return Ok(t);
        };
        let shape = b.value(t.x).shape.clone();
        let n = shape[p];
        if shape[q] != n {
            return Err(Error::InvalidInput(format!(
                "Einsum repeats `{}` over dimensions of {n} and {}",
                t.letters[p], shape[q]
            )));
        }
        // Move p and q last, flatten them, and gather every (n + 1)-th element.
        let rank = shape.len();
        let mut perm: Vec<usize> = (0..rank).filter(|&d| d != p && d != q).collect();
        perm.extend([p, q]);
        let moved = transpose(b, t.x, &perm.iter().map(|&d| d as i64).collect::<Vec<_>>())?;
        let mut flat: Vec<usize> = perm[..rank - 2].iter().map(|&d| shape[d]).collect();
        flat.push(n * n);
        let flat_x = b.view(moved, flat)?;
        let index: Vec<i64> = (0..n as i64).map(|i| i * (n as i64 + 1)).collect();
        let index = b.constant(Tensor::from_i64(vec![n], &index)?);
        let axis = Attr::Int(rank as i64 - 2);
        let x = apply(
            b,
            "Gather",
            vec![("axis", axis)],
            &[Some(flat_x), Some(index)],
        )?[0];
        let mut letters: Vec<char> = perm[..rank - 2].iter().map(|&d| t.letters[d]).collect();
        letters.push(t.letters[p]);
        t = Term { x, letters };
    }
}

/// `t` summed over the letters not in `keep`.
fn sum_out(b: &mut Builder, t: Term, keep: &BTreeSet<char>) -> Result<Term, Error> {
    let axes: Vec<i64> = (0..t.letters.len())
        .filter(|&d| !keep.contains(&t.letters[d]))
        .map(|d| d as i64)
        .collect();
    if axes.is_empty() {
        return Ok(t);
    }
    let x = if b.opset >= 13 {
        let a = b.constant(Tensor::from_i64(vec![axes.len()], &axes)?);
        let attrs = vec![("keepdims", Attr::Int(0))];
        apply(b, "ReduceSum", attrs, &[Some(t.x), Some(a)])?[0]
    } else {
        let attrs = vec![("keepdims", Attr::Int(0)), ("axes", Attr::Ints(axes))];
        apply(b, "ReduceSum", attrs, &[Some(t.x)])?[0]
    };
    let letters = t.letters.into_iter().filter(|c| keep.contains(c)).collect();
    Ok(Term { x, letters })
}

/// `t` with its dimensions in the order of `order` (a permutation of its letters).
fn reorder(b: &mut Builder, t: Term, order: &[char]) -> Result<Term, Error> {
    let perm: Vec<i64> = order
        .iter()
        .map(|c| {
            t.letters
                .iter()
                .position(|l| l == c)
                .expect("a letter of t") as i64
        })
        .collect();
    Ok(Term {
        x: transpose(b, t.x, &perm)?,
        letters: order.to_vec(),
    })
}

/// The product of two terms, keeping the letters in `keep`.
fn contract(b: &mut Builder, l: Term, r: Term, keep: &BTreeSet<char>) -> Result<Term, Error> {
    let (ls, rs) = (b.value(l.x).shape.clone(), b.value(r.x).shape.clone());
    let size =
        |t: &Term, s: &[usize], c: char| t.letters.iter().position(|&l| l == c).map(|d| s[d]);
    let in_r = |c: &char| r.letters.contains(c);
    let in_l = |c: &char| l.letters.contains(c);
    let batch: Vec<char> = l
        .letters
        .iter()
        .copied()
        .filter(|c| in_r(c) && keep.contains(c))
        .collect();
    let summed: Vec<char> = l
        .letters
        .iter()
        .copied()
        .filter(|c| in_r(c) && !keep.contains(c))
        .collect();
    let rows: Vec<char> = l.letters.iter().copied().filter(|c| !in_r(c)).collect();
    let cols: Vec<char> = r.letters.iter().copied().filter(|c| !in_l(c)).collect();
    // Shared letters must agree in size, or be 1 on one side (broadcast).
    let mut shared = Vec::new();
    for &c in batch.iter().chain(&summed) {
        let (a, z) = (size(&l, &ls, c).unwrap_or(1), size(&r, &rs, c).unwrap_or(1));
        if a != z && a != 1 && z != 1 {
            return Err(Error::InvalidInput(format!(
                "Einsum's `{c}` is {a} in one operand and {z} in the other"
            )));
        }
        shared.push((c, a.max(z)));
    }
    let full = |c: char| shared.iter().find(|(s, _)| *s == c).map(|&(_, n)| n);
    let dims = |t: &Term, s: &[usize], cs: &[char]| -> Vec<usize> {
        cs.iter()
            .map(|&c| full(c).unwrap_or_else(|| size(t, s, c).unwrap_or(1)))
            .collect()
    };
    let (bd, kd) = (dims(&l, &ls, &batch), dims(&l, &ls, &summed));
    let (md, nd) = (dims(&l, &ls, &rows), dims(&r, &rs, &cols));
    let product = |v: &[usize]| v.iter().product::<usize>();
    // Each side in [batch, rows, summed] or [batch, summed, cols] order, broadcast where 1.
    let prepare = |b: &mut Builder, t: Term, order: Vec<char>, to: Vec<usize>, flat: Vec<usize>| {
        let t = reorder(b, t, &order)?;
        let x = if b.value(t.x).shape != to {
            let shape: Vec<i64> = to.iter().map(|&d| d as i64).collect();
            let shape = b.constant(Tensor::from_i64(vec![shape.len()], &shape)?);
            apply(b, "Expand", vec![], &[Some(t.x), Some(shape)])?[0]
        } else {
            t.x
        };
        b.view(x, flat)
    };
    let l_order: Vec<char> = batch.iter().chain(&rows).chain(&summed).copied().collect();
    let l_to: Vec<usize> = bd.iter().chain(&md).chain(&kd).copied().collect();
    let lx = prepare(
        b,
        l,
        l_order,
        l_to,
        vec![product(&bd), product(&md), product(&kd)],
    )?;
    let r_order: Vec<char> = batch.iter().chain(&summed).chain(&cols).copied().collect();
    let r_to: Vec<usize> = bd.iter().chain(&kd).chain(&nd).copied().collect();
    let rx = prepare(
        b,
        r,
        r_order,
        r_to,
        vec![product(&bd), product(&kd), product(&nd)],
    )?;
    let y = apply(b, "MatMul", vec![], &[Some(lx), Some(rx)])?[0];
    let shape: Vec<usize> = bd.iter().chain(&md).chain(&nd).copied().collect();
    let letters = batch.iter().chain(&rows).chain(&cols).copied().collect();
    Ok(Term {
        x: b.view(y, shape)?,
        letters,
    })
}

pub(crate) fn einsum(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let equation = node.string("equation", "")?;
    let (lhs, rhs) = match equation.split_once("->") {
        Some((l, r)) => (l, Some(r)),
        None => (equation.as_str(), None),
    };
    let terms: Vec<&str> = lhs.split(',').collect();
    if terms.len() != inputs.len() {
        return Err(Error::InvalidModel(format!(
            "Einsum `{equation}` names {} operands and has {}",
            terms.len(),
            inputs.len()
        )));
    }
    let mut operands = Vec::new();
    let mut ellipsis = 0;
    for (k, term) in terms.iter().enumerate() {
        let x = input(inputs, k)?;
        match b.value(x).dtype {
            DType::F32 | DType::F64 => {}
            other => {
                return Err(Error::Unsupported(format!("Einsum of {other} tensors")));
            }
        }
        let rank = b.value(x).shape.len();
        let named = term
            .replace("...", "")
            .chars()
            .filter(|c| !c.is_whitespace())
            .count();
        if term.contains("...") {
            ellipsis = ellipsis.max(rank.saturating_sub(named));
        }
        operands.push((x, *term, rank));
    }
    let mut parsed = Vec::new();
    for (x, term, rank) in operands {
        parsed.push(Term {
            x,
            letters: letters(term, Some(rank), ellipsis)?,
        });
    }
    let output: Vec<char> = match rhs {
        Some(r) => letters(r, None, ellipsis)?,
        None => {
            // Implicit: the ellipsis, then the letters used once, in alphabetical order.
            let mut count = std::collections::BTreeMap::new();
            for t in &parsed {
                for &c in &t.letters {
                    *count.entry(c).or_insert(0) += 1;
                }
            }
            let mut out = ellipsis_letters(ellipsis);
            out.extend(
                count
                    .iter()
                    .filter(|&(c, &n)| n == 1 && c.is_ascii_alphabetic())
                    .map(|(&c, _)| c),
            );
            out
        }
    };
    let used: BTreeSet<char> = parsed
        .iter()
        .flat_map(|t| t.letters.iter().copied())
        .collect();
    if let Some(c) = output.iter().find(|c| !used.contains(c)) {
        return Err(Error::InvalidModel(format!(
            "Einsum `{equation}`: the output's `{c}` is in no operand"
        )));
    }
    // Left to right: each operand's diagonals and private letters first, then the product.
    let mut rest: Vec<Term> = parsed.into_iter().rev().collect();
    let needed = |rest: &[Term], extra: &[char]| -> BTreeSet<char> {
        rest.iter()
            .flat_map(|t| t.letters.iter().copied())
            .chain(output.iter().copied())
            .chain(extra.iter().copied())
            .collect()
    };
    let first = rest.pop().expect("at least one operand");
    let first = diagonals(b, first)?;
    let mut acc = sum_out(b, first, &needed(&rest, &[]))?;
    while let Some(next) = rest.pop() {
        let next = diagonals(b, next)?;
        let next = sum_out(b, next, &needed(&rest, &acc.letters))?;
        let keep = needed(&rest, &[]);
        acc = contract(b, acc, next, &keep)?;
        acc = sum_out(b, acc, &keep)?;
    }
    let acc = reorder(b, acc, &output)?;
    Ok(vec![acc.x])
}
