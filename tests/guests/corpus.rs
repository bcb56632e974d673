//! The coverage corpus's Rust kernels: code in the styles people write (iterators, slices,
//! `chunks_exact`, `copy_from_slice`, `fill`, structs of arrays, fixed-size local arrays,
//! closures, generic helpers, early exits, `Option`s, atomics), built by `tests/corpus.rs` as
//! rustc builds them by default (wasm32-unknown-unknown and wasm32-wasip1, opt-levels 2, 3 and
//! "s", bulk memory on) and run on every device against the CPU executor. Safe Rust over
//! slices: every index is bounds-checked, and no kernel here indexes out of bounds.
//!
//! The suite's signature: (item, items, block, a, a_len, b, b_len, out, out_len), `a` and `b`
//! arrays of 8-byte input slots. The guest re-exports the wasi_ephemeral_parallel imports under
//! their own names, and exports `kernel_pointer(k)` and `staging()`.

include!("harness.rs");

/// Item `i`'s window of `len` elements of `v`, wrapping at the end.
fn window<T>(v: &[T], i: usize, len: usize) -> &[T] {
    let start = (i * len) % (v.len() - len + 1);
    &v[start..start + len]
}

/// saxpy over two `f32`s per item, with iterators.
extern "C" fn rs_saxpy_iter(i: i32, _: i32, _: i32, a: *const u8, al: i32, b: *const u8, bl: i32, o: *mut u8, ol: i32) {
    let (a, b, o) = unsafe { (view::<f32>(a, al), view::<f32>(b, bl), view_mut::<f32>(o, ol)) };
    let i = i as usize;
    for ((o, x), y) in o[2 * i..2 * i + 2].iter_mut().zip(&a[2 * i..]).zip(&b[2 * i..]) {
        *o = 2.5 * x + y;
    }
}

/// `copy_from_slice` of 1 to 4 floats per item (a `memory.copy` of a computed length).
extern "C" fn rs_copy_slice(i: i32, _: i32, _: i32, a: *const u8, al: i32, _b: *const u8, _bl: i32, o: *mut u8, ol: i32) {
    let (a, o) = unsafe { (view::<f32>(a, al), view_mut::<f32>(o, ol)) };
    let i = i as usize;
    let len = i % 4 + 1;
    o[4 * i..4 * i + len].copy_from_slice(&a[(2 * i) % 500..][..len]);
}

/// A zeroed local array of 32 counters (a `memory.fill` on the stack).
extern "C" fn rs_zeroed_local(i: i32, _: i32, _: i32, a: *const u8, al: i32, _b: *const u8, _bl: i32, o: *mut u8, ol: i32) {
    let (a, o) = unsafe { (view::<i32>(a, al), view_mut::<i32>(o, ol)) };
    let i = i as usize;
    let mut counts = [0i32; 32];
    for (k, &v) in window(a, i, 24).iter().enumerate() {
        counts[(v as u32 as usize + k) % 32] += k as i32;
    }
    o[2 * i] = counts.iter().enumerate().map(|(k, &c)| c * k as i32).sum();
}

/// Sums of products over `chunks_exact`.
extern "C" fn rs_chunks_exact(i: i32, _: i32, _: i32, a: *const u8, al: i32, b: *const u8, bl: i32, o: *mut u8, ol: i32) {
    let (a, b, o) = unsafe { (view::<f32>(a, al), view::<f32>(b, bl), view_mut::<f32>(o, ol)) };
    let i = i as usize;
    let mut total = 0.0f32;
    for (x, y) in window(a, i, 8).chunks_exact(2).zip(window(b, i, 8).chunks_exact(2)) {
        total += x[0] * y[1] - x[1] * y[0];
    }
    o[2 * i] = total;
}

#[derive(Clone, Copy)]
struct Particle {
    x: f32,
    v: f32,
}

/// A struct of two arrays stepped as an array of structs.
extern "C" fn rs_particles(i: i32, _: i32, _: i32, a: *const u8, al: i32, b: *const u8, bl: i32, o: *mut u8, ol: i32) {
    let (a, b, o) = unsafe { (view::<f32>(a, al), view::<f32>(b, bl), view_mut::<f32>(o, ol)) };
    let i = i as usize;
    let mut p = Particle { x: a[2 * i], v: b[2 * i] };
    for _ in 0..4 {
        p = Particle { x: p.x + 0.25 * p.v, v: p.v * 0.5 - p.x * 0.125 };
    }
    o[2 * i] = p.x;
    o[2 * i + 1] = p.v;
}

fn lerp<T: Copy + core::ops::Add<Output = T> + core::ops::Sub<Output = T> + core::ops::Mul<Output = T>>(a: T, b: T, t: T) -> T {
    a + (b - a) * t
}

/// A generic helper, instantiated for `i64` and `f64`.
extern "C" fn rs_generic(i: i32, _: i32, _: i32, a: *const u8, al: i32, b: *const u8, bl: i32, o: *mut u8, ol: i32) {
    let (a, b, o) = unsafe { (view::<i64>(a, al), view::<i64>(b, bl), view_mut::<u64>(o, ol)) };
    let i = i as usize;
    let (x, y) = (a[i] % 100_000, b[i] % 100_000);
    o[2 * i] = lerp(x, y, 3).wrapping_mul(7) as u64;
    o[2 * i + 1] = lerp(x as f64, y as f64, 0.375).to_bits();
}

/// A closure capturing the item's values, mapped and folded.
extern "C" fn rs_closure(i: i32, _: i32, _: i32, a: *const u8, al: i32, b: *const u8, bl: i32, o: *mut u8, ol: i32) {
    let (a, b, o) = unsafe { (view::<i32>(a, al), view::<i32>(b, bl), view_mut::<i32>(o, ol)) };
    let i = i as usize;
    let (x, y) = (a[2 * i], b[2 * i]);
    let f = |k: i32| x.wrapping_mul(k).rotate_left(k as u32) ^ y.wrapping_add(k);
    o[2 * i] = (0..8).map(f).fold(0i32, |acc, v| acc.wrapping_add(v) ^ (acc >> 3));
}

/// A running sum of 8 elements, written out.
extern "C" fn rs_prefix_sum(i: i32, _: i32, _: i32, a: *const u8, al: i32, _b: *const u8, _bl: i32, o: *mut u8, ol: i32) {
    let (a, o) = unsafe { (view::<i32>(a, al), view_mut::<i32>(o, ol)) };
    let i = i as usize;
    let mut sum = 0i32;
    for (out, &v) in o[8 * i..8 * i + 8].iter_mut().zip(window(a, i, 8)) {
        sum = sum.wrapping_add(v);
        *out = sum;
    }
}

/// A 5-point stencil on a 16 x 32 grid, neighbours through `get`.
extern "C" fn rs_stencil_2d(i: i32, _: i32, _: i32, a: *const u8, al: i32, _b: *const u8, _bl: i32, o: *mut u8, ol: i32) {
    let (a, o) = unsafe { (view::<f32>(a, al), view_mut::<f32>(o, ol)) };
    let i = i as usize;
    const W: usize = 32;
    let (row, col) = (2 * i / W, 2 * i % W);
    let at = |r: usize, c: usize| {
        if c < W {
            a.get(r * W + c).copied().unwrap_or(0.0)
        } else {
            0.0
        }
    };
    let up = if row > 0 { at(row - 1, col) } else { 0.0 };
    let left = if col > 0 { at(row, col - 1) } else { 0.0 };
    o[2 * i] = 0.5 * at(row, col) + 0.125 * (up + left + at(row + 1, col) + at(row, col + 1));
}

/// A 4 x 4 tile read into a local array and written transposed.
extern "C" fn rs_tile_transpose(i: i32, _: i32, _: i32, a: *const u8, al: i32, _b: *const u8, _bl: i32, o: *mut u8, ol: i32) {
    let (a, o) = unsafe { (view::<i32>(a, al), view_mut::<i32>(o, ol)) };
    let i = i as usize;
    let mut tile = [[0i32; 4]; 4];
    for (r, row) in window(a, i, 16).chunks_exact(4).enumerate() {
        tile[r].copy_from_slice(row);
    }
    for r in 0..4 {
        for c in 0..4 {
            o[16 * i + 4 * c + r] = tile[r][c];
        }
    }
}

/// A dot product of 4 `f64`s.
extern "C" fn rs_dot(i: i32, _: i32, _: i32, a: *const u8, al: i32, b: *const u8, bl: i32, o: *mut u8, ol: i32) {
    let (a, b, o) = unsafe { (view::<f64>(a, al), view::<f64>(b, bl), view_mut::<f64>(o, ol)) };
    let i = i as usize;
    o[i] = window(a, i, 4).iter().zip(window(b, i, 4)).map(|(x, y)| x * y).sum();
}

/// `clamp`, `min` and `max` on floats.
extern "C" fn rs_clamp(i: i32, _: i32, _: i32, a: *const u8, al: i32, b: *const u8, bl: i32, o: *mut u8, ol: i32) {
    let (a, b, o) = unsafe { (view::<f32>(a, al), view::<f32>(b, bl), view_mut::<f32>(o, ol)) };
    let i = i as usize;
    let (x, y) = (a[2 * i], b[2 * i]);
    o[2 * i] = if x.is_nan() { 0.0 } else { x.clamp(-100.0, 100.0) };
    o[2 * i + 1] = x.min(y).max(-1e6);
}

/// Bit manipulation on `u32`s and `u64`s.
extern "C" fn rs_bits(i: i32, _: i32, _: i32, a: *const u8, al: i32, b: *const u8, bl: i32, o: *mut u8, ol: i32) {
    let (a, b, o) = unsafe { (view::<u32>(a, al), view::<u32>(b, bl), view_mut::<u64>(o, ol)) };
    let i = i as usize;
    let (x, y) = (a[2 * i], b[2 * i]);
    let r = x.count_ones() + x.leading_zeros() * 3 + y.trailing_zeros();
    o[2 * i] = u64::from(r ^ x.swap_bytes().rotate_right(y % 32));
    o[2 * i + 1] = (u64::from(x) << 32 | u64::from(y)).reverse_bits();
}

/// Nibble counts of 16 bytes, in a local array of bytes, written out as bytes.
extern "C" fn rs_nibbles(i: i32, _: i32, _: i32, a: *const u8, al: i32, _b: *const u8, _bl: i32, o: *mut u8, ol: i32) {
    let (a, o) = unsafe { (view::<u8>(a, al), view_mut::<u8>(o, ol)) };
    let i = i as usize;
    let mut counts = [0u8; 16];
    for &byte in window(a, i, 16) {
        counts[usize::from(byte & 15)] += 1;
        counts[usize::from(byte >> 4)] += 1;
    }
    o[16 * i..16 * i + 16].copy_from_slice(&counts);
}

/// One row of an 8-column matrix times a vector.
extern "C" fn rs_matvec(i: i32, _: i32, _: i32, a: *const u8, al: i32, b: *const u8, bl: i32, o: *mut u8, ol: i32) {
    let (a, b, o) = unsafe { (view::<f32>(a, al), view::<f32>(b, bl), view_mut::<f32>(o, ol)) };
    let i = i as usize;
    let row = &a[(i % 64) * 8..(i % 64) * 8 + 8];
    o[2 * i] = row.iter().zip(&b[..8]).fold(0.0, |acc, (m, v)| acc + m * v);
}

/// A polynomial by Horner's rule, folding over the coefficients reversed.
extern "C" fn rs_horner(i: i32, _: i32, _: i32, a: *const u8, al: i32, b: *const u8, bl: i32, o: *mut u8, ol: i32) {
    let (a, b, o) = unsafe { (view::<f64>(a, al), view::<f64>(b, bl), view_mut::<f64>(o, ol)) };
    let i = i as usize;
    const COEFFICIENTS: [f64; 5] = [1.0, -0.5, 0.25, -0.125, 0.0625];
    let x = a[i].clamp(-4.0, 4.0) + b[i].clamp(-1.0, 1.0);
    o[i] = COEFFICIENTS.iter().rev().fold(0.0, |acc, c| acc * x + c);
}

/// `abs`, `copysign` and `signum`.
extern "C" fn rs_signs(i: i32, _: i32, _: i32, a: *const u8, al: i32, b: *const u8, bl: i32, o: *mut u8, ol: i32) {
    let (a, b, o) = unsafe { (view::<f32>(a, al), view::<f32>(b, bl), view_mut::<f32>(o, ol)) };
    let i = i as usize;
    let (x, y) = (a[2 * i], b[2 * i]);
    o[2 * i] = x.abs().copysign(y);
    o[2 * i + 1] = x.signum() * 3.0 - y.signum();
}

/// SplitMix64, a few rounds.
extern "C" fn rs_splitmix(i: i32, _: i32, _: i32, a: *const u8, al: i32, _b: *const u8, _bl: i32, o: *mut u8, ol: i32) {
    let (a, o) = unsafe { (view::<u64>(a, al), view_mut::<u64>(o, ol)) };
    let i = i as usize;
    let mut s = a[i];
    let mut out = 0;
    for _ in 0..3 {
        s = s.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = s;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        out ^= z ^ (z >> 31);
    }
    o[i] = out;
}

/// `f32`s summed in `f64`.
extern "C" fn rs_widen_sum(i: i32, _: i32, _: i32, a: *const u8, al: i32, _b: *const u8, _bl: i32, o: *mut u8, ol: i32) {
    let (a, o) = unsafe { (view::<f32>(a, al), view_mut::<f64>(o, ol)) };
    let i = i as usize;
    o[i] = window(a, i, 6).iter().map(|&v| f64::from(v)).filter(|v| v.is_finite()).sum();
}

/// 8 elements written in reverse.
extern "C" fn rs_reverse(i: i32, _: i32, _: i32, a: *const u8, al: i32, _b: *const u8, _bl: i32, o: *mut u8, ol: i32) {
    let (a, o) = unsafe { (view::<i32>(a, al), view_mut::<i32>(o, ol)) };
    let i = i as usize;
    for (out, v) in o[8 * i..8 * i + 8].iter_mut().zip(window(a, i, 8).iter().rev()) {
        *out = *v;
    }
}

/// `fill` with zeros (a `memory.fill`) and with a value, then one element set.
extern "C" fn rs_fill(i: i32, _: i32, _: i32, a: *const u8, al: i32, _b: *const u8, _bl: i32, o: *mut u8, ol: i32) {
    let (a, o) = unsafe { (view::<i32>(a, al), view_mut::<i32>(o, ol)) };
    let i = i as usize;
    let mine = &mut o[6 * i..6 * i + 6];
    mine[..3].fill(0);
    mine[3..].fill(a[2 * i]);
    mine[i % 6] = -7;
}

/// Halves swapped with `split_at_mut` and `copy_from_slice`, through a local copy.
extern "C" fn rs_swap_halves(i: i32, _: i32, _: i32, a: *const u8, al: i32, _b: *const u8, _bl: i32, o: *mut u8, ol: i32) {
    let (a, o) = unsafe { (view::<i32>(a, al), view_mut::<i32>(o, ol)) };
    let i = i as usize;
    let mine = &mut o[8 * i..8 * i + 8];
    mine.copy_from_slice(window(a, i, 8));
    let (low, high) = mine.split_at_mut(4);
    let mut keep = [0i32; 4];
    keep.copy_from_slice(low);
    low.copy_from_slice(high);
    high.copy_from_slice(&keep);
}

/// `filter` and `count`: a branchy loop.
extern "C" fn rs_filter_count(i: i32, _: i32, _: i32, a: *const u8, al: i32, b: *const u8, bl: i32, o: *mut u8, ol: i32) {
    let (a, b, o) = unsafe { (view::<i32>(a, al), view::<i32>(b, bl), view_mut::<i32>(o, ol)) };
    let i = i as usize;
    let pivot = b[2 * i];
    o[2 * i] = window(a, i, 16).iter().filter(|&&v| v > pivot || v % 7 == 0).count() as i32;
}

/// `position`: a loop left early.
extern "C" fn rs_position(i: i32, _: i32, _: i32, a: *const u8, al: i32, b: *const u8, bl: i32, o: *mut u8, ol: i32) {
    let (a, b, o) = unsafe { (view::<i32>(a, al), view::<i32>(b, bl), view_mut::<i32>(o, ol)) };
    let i = i as usize;
    let pivot = b[2 * i];
    o[2 * i] = window(a, i, 32).iter().position(|&v| v < pivot).map_or(-1, |p| p as i32);
}

/// An insertion sort of a local array of 8.
extern "C" fn rs_insertion_sort(i: i32, _: i32, _: i32, a: *const u8, al: i32, _b: *const u8, _bl: i32, o: *mut u8, ol: i32) {
    let (a, o) = unsafe { (view::<i32>(a, al), view_mut::<i32>(o, ol)) };
    let i = i as usize;
    let mut v = [0i32; 8];
    v.copy_from_slice(window(a, i, 8));
    for k in 1..v.len() {
        let mut j = k;
        while j > 0 && v[j - 1] > v[j] {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
    o[8 * i..8 * i + 8].copy_from_slice(&v);
}

/// A piecewise function by `match` on ranges.
extern "C" fn rs_piecewise(i: i32, _: i32, _: i32, a: *const u8, al: i32, _b: *const u8, _bl: i32, o: *mut u8, ol: i32) {
    let (a, o) = unsafe { (view::<f32>(a, al), view_mut::<f32>(o, ol)) };
    let i = i as usize;
    let x = a[2 * i];
    o[2 * i] = match x as i32 {
        i32::MIN..=-100 => -1.0,
        -99..=0 => x * 0.01,
        1..=100 => x * x * 0.0001,
        _ => 1.0 + (x - 100.0) * 1e-6,
    };
}

/// Lookups through `get` and `Option`s.
extern "C" fn rs_option_lookup(i: i32, _: i32, _: i32, a: *const u8, al: i32, b: *const u8, bl: i32, o: *mut u8, ol: i32) {
    let (a, b, o) = unsafe { (view::<i32>(a, al), view::<i32>(b, bl), view_mut::<i32>(o, ol)) };
    let i = i as usize;
    let index = b[2 * i].unsigned_abs() as usize % 1024;
    let found = a.get(index).copied().filter(|v| v % 2 == 0);
    o[2 * i] = found.map(|v| v / 2).unwrap_or(-1) + a.get(i + 500).copied().unwrap_or(100);
}

/// A moving average over `windows(3)`.
extern "C" fn rs_moving_average(i: i32, _: i32, _: i32, a: *const u8, al: i32, _b: *const u8, _bl: i32, o: *mut u8, ol: i32) {
    let (a, o) = unsafe { (view::<f32>(a, al), view_mut::<f32>(o, ol)) };
    let i = i as usize;
    let w = window(a, i, 10);
    o[2 * i] = w.windows(3).map(|t| (t[0] + t[1] + t[2]) / 3.0).fold(f32::MIN, f32::max);
}

/// An `AtomicU32` counter in the item's own output slot.
extern "C" fn rs_atomic_counter(i: i32, _: i32, _: i32, a: *const u8, al: i32, _b: *const u8, _bl: i32, o: *mut u8, ol: i32) {
    use core::sync::atomic::{AtomicU32, Ordering};
    let (a, o) = unsafe { (view::<u32>(a, al), view_mut::<u32>(o, ol)) };
    let i = i as usize;
    // SAFETY: the slot is the item's own, aligned, and lives for the call.
    let counter = unsafe { &*(&mut o[2 * i] as *mut u32 as *const AtomicU32) };
    for &v in window(a, i, 4) {
        counter.fetch_add(v % 1000, Ordering::Relaxed);
    }
    counter.fetch_xor(0x5a5a, Ordering::SeqCst);
}

/// Half-words read and written.
extern "C" fn rs_halfwords(i: i32, _: i32, _: i32, a: *const u8, al: i32, _b: *const u8, _bl: i32, o: *mut u8, ol: i32) {
    let (a, o) = unsafe { (view::<u16>(a, al), view_mut::<u16>(o, ol)) };
    let i = i as usize;
    for (k, v) in window(a, i, 4).iter().enumerate() {
        o[4 * i + k] = v.rotate_left(k as u32 + 1) ^ (i as u16);
    }
}

/// A three-byte blur of a window starting at any byte: with `+simd128`, rustc reads it as
/// vectors at unaligned addresses.
extern "C" fn rs_byte_blur(i: i32, _: i32, _: i32, a: *const u8, al: i32, _b: *const u8, _bl: i32, o: *mut u8, ol: i32) {
    let (a, o) = unsafe { (view::<u8>(a, al), view_mut::<u8>(o, ol)) };
    let i = i as usize;
    let start = (3 * i + 1) % 200;
    let row = &a[start..start + 34];
    for (x, out) in o[32 * i..32 * i + 32].iter_mut().enumerate() {
        let sum = u16::from(row[x]) + 2 * u16::from(row[x + 1]) + u16::from(row[x + 2]);
        *out = ((sum + 2) >> 2) as u8;
    }
}

static KERNELS: [Kernel; 31] = [
    rs_saxpy_iter, rs_copy_slice, rs_zeroed_local, rs_chunks_exact, rs_particles, rs_generic,
    rs_closure, rs_prefix_sum, rs_stencil_2d, rs_tile_transpose, rs_dot, rs_clamp, rs_bits,
    rs_nibbles, rs_matvec, rs_horner, rs_signs, rs_splitmix, rs_widen_sum, rs_reverse, rs_fill,
    rs_swap_halves, rs_filter_count, rs_position, rs_insertion_sort, rs_piecewise,
    rs_option_lookup, rs_moving_average, rs_atomic_counter, rs_halfwords, rs_byte_blur,
];

#[export_name = "kernel_pointer"]
pub extern "C" fn kernel_pointer(k: i32) -> i32 {
    KERNELS[k as usize] as usize as i32
}
