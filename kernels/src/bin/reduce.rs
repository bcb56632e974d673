//! PRK reduce (vector reduction) as a wasi-parallel guest.
//!
//! Usage: `reduce <iterations> <vector length> [vectors] [block] [--f32]`. PRK's OpenMP reduce
//! gives each of its `nthread` threads a pair of vectors: each pass sets thread `id`'s pair to
//! `id + 1` and `id + 1 + nthread`, adds the second into the first (the local part), then sums
//! the first vectors of all threads into thread 0's (the non-local part, here PRK's
//! binary-barrier algorithm: stages that halve the group, the first half adding in the second).
//! Here the threads are `vectors` (default 16) vector pairs, and work items cut each vector into
//! `block` elements (default 65536): one launch for the initialisation and local part (work
//! item = one block of one vector), then one launch per stage of the tree (work item = one block
//! of one receiving vector); the launch boundary is PRK's barrier. Runs `iterations + 1` passes,
//! the first untimed, and validates with PRK's rule: every element of the first vector is
//! `vectors * (2 * vectors + 1)` within 1e-8. The rate is PRK's: `(2 * vectors - 1) * length`
//! flops per pass.

use std::process::ExitCode;

use wasi_parallel_kernels::prk::{self, Outcome, Real};
use wasi_parallel_kernels::{parallel_for, Access, Device, DeviceKind, Error};

/// Where work item `item` works: its vector and its range of elements within that vector.
fn place(item: u32, vector_len: usize, block: usize) -> (usize, core::ops::Range<usize>) {
    let blocks = vector_len.div_ceil(block);
    let (vector, b) = (item as usize / blocks, item as usize % blocks);
    (vector, b * block..((b + 1) * block).min(vector_len))
}

/// Initialises one block of vector pair `id` and adds its second vector into its first. Kernel
/// parameters: the params `[vectors, block]`, then the first and second vectors of all pairs.
extern "C" fn local<T: Real>(
    item: u32,
    _items: u32,
    _unused: u32,
    params: *const u32,
    params_len: usize,
    first: *mut T,
    first_len: usize,
    second: *mut T,
    second_len: usize,
) {
    // SAFETY: the host passes each buffer's pointer and byte length; work items write disjoint
    // blocks.
    let (params, first, second) = unsafe {
        (
            wasi_parallel_kernels::slice(params, params_len),
            wasi_parallel_kernels::slice_mut(first, first_len),
            wasi_parallel_kernels::slice_mut(second, second_len),
        )
    };
    let (vectors, block) = (params[0] as usize, params[1] as usize);
    let length = first.len() / vectors;
    let (id, range) = place(item, length, block);
    let (start, end) = (id * length + range.start, id * length + range.end);
    let (first, second) = (&mut first[start..end], &mut second[start..end]);
    for (a, b) in first.iter_mut().zip(second.iter_mut()) {
        *a = T::whole(id + 1);
        *b = T::whole(id + 1 + vectors);
    }
    for (a, b) in first.iter_mut().zip(second.iter()) {
        *a += *b;
    }
}

/// One stage of the tree: vector `id` adds in vector `id + group` over one block. Work items
/// enumerate only the receiving vectors that have a partner. Kernel parameters: the params
/// `[vectors, block]`, then the first vectors of all pairs.
extern "C" fn combine<T: Real>(
    item: u32,
    _items: u32,
    group: u32,
    params: *const u32,
    params_len: usize,
    first: *mut T,
    first_len: usize,
) {
    // SAFETY: the host passes each buffer's pointer and byte length; work items write disjoint
    // blocks of the first `group` vectors and read the others.
    let (params, first) = unsafe {
        (
            wasi_parallel_kernels::slice(params, params_len),
            wasi_parallel_kernels::slice_mut(first, first_len),
        )
    };
    let (vectors, block) = (params[0] as usize, params[1] as usize);
    let length = first.len() / vectors;
    let (id, range) = place(item, length, block);
    let (receivers, donors) = first.split_at_mut(group as usize * length);
    let (receiver, donor) = (
        &mut receivers[id * length..][range.clone()],
        &donors[id * length..][range],
    );
    for (a, b) in receiver.iter_mut().zip(donor) {
        *a += *b;
    }
}

fn main() -> ExitCode {
    prk::main(
        "reduce <# iterations> <vector length> [vectors] [block size]",
        |args| {
            let iterations = args.number(0, "iterations", None, 1)?;
            let length = args.number(1, "vector length", None, 1)?;
            let vectors = args.number(2, "vectors", Some(16), 1)?;
            let block = args.number(3, "block size", Some(65536), 1)?;
            args.at_most(4)?;
            Ok(if args.f32 {
                run::<f32>(iterations, length, vectors, block)
            } else {
                run::<f64>(iterations, length, vectors, block)
            })
        },
    )
}

fn run<T: Real>(
    iterations: usize,
    length: usize,
    vectors: usize,
    block: usize,
) -> wasi_parallel_kernels::Result<Outcome> {
    prk::banner::<T>(
        "Vector Reduction",
        &[
            ("Number of iterations", prk::show(iterations)),
            ("Vector length", prk::show(length)),
            ("Vectors (threads)", prk::show(vectors)),
            ("Reduction algorithm", "binary-barrier".into()),
            ("Block size", prk::show(block)),
        ],
    );
    let u32_of = |value: usize| u32::try_from(value).map_err(|_| Error::INVALID_ARGUMENT);
    let elements = length.checked_mul(vectors).ok_or(Error::INVALID_ARGUMENT)?;
    let device = Device::get(DeviceKind::Cpu)?;
    let params = device.buffer_from(&[u32_of(vectors)?, u32_of(block)?], Access::Read)?;
    let first = device.create_buffer::<T>(elements, Access::ReadWrite)?;
    let second = device.create_buffer::<T>(elements, Access::ReadWrite)?;
    let blocks = length.div_ceil(block);
    type Local<T> = extern "C" fn(u32, u32, u32, *const u32, usize, *mut T, usize, *mut T, usize);
    type Combine<T> = extern "C" fn(u32, u32, u32, *const u32, usize, *mut T, usize);

    let seconds = prk::timed(iterations, |_| {
        parallel_for(
            local::<T> as Local<T>,
            u32_of(vectors * blocks)?,
            0,
            &[&params],
            &[&first, &second],
        )?;
        let mut group = vectors;
        while group > 1 {
            let old = group;
            group = group.div_ceil(2);
            parallel_for(
                combine::<T> as Combine<T>,
                u32_of((old - group) * blocks)?,
                u32_of(group)?,
                &[&params],
                &[&first],
            )?;
        }
        Ok(())
    })?;

    let mut result = vec![T::ZERO; length];
    first.read(&mut result)?;
    let expected = (vectors * (2 * vectors + 1)) as f64;
    if let Some((i, value)) = result
        .iter()
        .enumerate()
        .find(|(_, x)| (x.to_f64() - expected).abs() >= 1.0e-8)
    {
        return Ok(prk::invalid(&std::format!("element {i}"), expected, value));
    }
    let flops = (2 * vectors - 1) as f64 * length as f64;
    Ok(prk::validated(
        "MFlops/s",
        1.0e-6 * flops / seconds,
        seconds,
    ))
}
