//! Kernels of the cross-device suite as rustc compiles them (`-O`, wasm32-unknown-unknown,
//! cdylib): safe Rust over slices, so every index is bounds-checked and its failure is a panic
//! path the translator turns into a trap.
//!
//! The suite's signature: (item, items, block, a, a_len, b, b_len, out, out_len), `a` and `b`
//! arrays of 8-byte input slots. The guest re-exports the wasi_ephemeral_parallel imports under
//! their own names, and exports `kernel_pointer(k)` and `staging()`.

include!("harness.rs");

/// PRK nstream's triad on 8-byte slots: out = a + 3 * b.
extern "C" fn rs_triad(i: i32, _: i32, _: i32, a: *const u8, al: i32, b: *const u8, bl: i32, o: *mut u8, ol: i32) {
    let (a, b, o) = unsafe { (view::<f64>(a, al), view::<f64>(b, bl), view_mut::<f64>(o, ol)) };
    let i = i as usize;
    o[i] = a[i] + 3.0 * b[i];
}

/// Integer work with iterators, checked arithmetic turned wrapping, and a match.
extern "C" fn rs_integers(i: i32, _: i32, _: i32, a: *const u8, al: i32, b: *const u8, bl: i32, o: *mut u8, ol: i32) {
    let (a, b, o) = unsafe { (view::<i64>(a, al), view::<i64>(b, bl), view_mut::<i64>(o, ol)) };
    let i = i as usize;
    let x = a[i];
    let y = b[i];
    let digits = (0..8).map(|k| (x >> (8 * k)) & 0xff).filter(|d| d % 3 == 0).count() as i64;
    let shaped = match x.rem_euclid(4) {
        0 => x.wrapping_mul(y),
        1 => x.rotate_left((y & 63) as u32),
        2 => x.leading_zeros() as i64 - y.count_ones() as i64,
        _ => x.wrapping_div(if y == 0 || y == -1 { 1 } else { y }),
    };
    o[2 * i] = shaped;
    o[2 * i + 1] = digits;
}

/// Floats: clamps, conversions that saturate in Rust, min/max.
extern "C" fn rs_floats(i: i32, _: i32, _: i32, a: *const u8, al: i32, b: *const u8, bl: i32, o: *mut u8, ol: i32) {
    let (a, b, o) = unsafe { (view::<f32>(a, al), view::<f32>(b, bl), view_mut::<f32>(o, ol)) };
    let i = i as usize;
    let x = a[2 * i];
    let y = b[2 * i];
    o[4 * i] = x.clamp(-10.0, 10.0).max(y.min(5.0));
    o[4 * i + 1] = (x as i32) as f32 + (y as u8) as f32;
    o[4 * i + 2] = (x * 0.5).round() + x.abs().sqrt();
    o[4 * i + 3] = f32::from_bits(x.to_bits() ^ (i as u32));
}

/// A stencil over a row with bounds-checked neighbours, and bytes written per item.
extern "C" fn rs_stencil_bytes(i: i32, _: i32, _: i32, a: *const u8, al: i32, _b: *const u8, _bl: i32, o: *mut u8, ol: i32) {
    let (a, o) = unsafe { (view::<i32>(a, al), view_mut::<u8>(o, ol)) };
    let i = i as usize;
    let n = a.len() / 2;
    let left = if i > 0 { a[2 * (i - 1)] } else { 0 };
    let right = if i + 1 < n { a[2 * (i + 1)] } else { 0 };
    o[i] = (left.wrapping_add(a[2 * i]).wrapping_sub(right) & 0xff) as u8;
}

/// Indexes past the end in one work item: a bounds-check panic.
extern "C" fn rs_panics(i: i32, _: i32, _: i32, a: *const u8, al: i32, _b: *const u8, _bl: i32, o: *mut u8, ol: i32) {
    let (a, o) = unsafe { (view::<i32>(a, al), view_mut::<i32>(o, ol)) };
    let i = i as usize;
    let k = if i == 17 { a.len() + 3 } else { 2 * i };
    o[2 * i] = a[k] + 1;
}

static KERNELS: [Kernel; 5] = [rs_triad, rs_integers, rs_floats, rs_stencil_bytes, rs_panics];

#[export_name = "kernel_pointer"]
pub extern "C" fn kernel_pointer(k: i32) -> i32 {
    KERNELS[k as usize] as usize as i32
}
