//! The cross-device suite's vector kernels written with `core::arch::wasm32` intrinsics, as
//! people hand-vectorise Rust for Wasm, built by tests/cross_device.rs with rustc -O and
//! `+simd128,+relaxed-simd` for wasm32-unknown-unknown. Every kernel has the suite's signature
//! (`harness.rs`): 8-byte input slots in `a` and `b`, outputs by slot. Loads come from
//! `v128_load`, which Rust emits with `align=1`, at addresses that start inside words.

#![allow(clippy::missing_safety_doc)]

use core::arch::wasm32::*;

include!("harness.rs");

/// 16 bytes of `a` from a byte that moves with the item (inside words), and the next 16.
fn bytes_at(a: &[u8], i: usize) -> (v128, v128) {
    let at = (i % 100) * 8 + i % 7;
    let window = &a[at..at + 32];
    // SAFETY: the window holds 32 bytes; v128_load reads 16 at any alignment.
    unsafe {
        (
            v128_load(window.as_ptr() as *const v128),
            v128_load(window.as_ptr().add(16) as *const v128),
        )
    }
}

/// Stores `v` into output slot pair `k` of item `i` (`slots` slot pairs of 16 bytes each).
fn put(o: &mut [u8], i: usize, slots: usize, k: usize, v: v128) {
    let at = 16 * (slots * i + k);
    let out = &mut o[at..at + 16];
    // SAFETY: 16 bytes of the output.
    unsafe { v128_store(out.as_mut_ptr() as *mut v128, v) }
}

/// Bytes: saturating arithmetic, averages, swizzles, shuffles, narrowing, popcnt, bitmasks.
extern "C" fn rs_simd_bytes(i: i32, _: i32, _: i32, a: *const u8, al: i32, _b: *const u8, _bl: i32, o: *mut u8, ol: i32) {
    let (a, o) = unsafe { (view::<u8>(a, al), view_mut::<u8>(o, ol)) };
    let i = i as usize;
    let (x, y) = bytes_at(a, i);
    put(o, i, 4, 0, u8x16_add_sat(x, y));
    put(o, i, 4, 1, i8x16_sub_sat(x, u8x16_avgr(x, y)));
    let picked = i8x16_swizzle(x, u8x16_shr(y, 3));
    let mixed = i8x16_shuffle::<0, 17, 2, 19, 31, 30, 6, 7, 8, 24, 10, 11, 3, 13, 14, 16>(x, y);
    put(o, i, 4, 2, v128_xor(picked, mixed));
    let narrow = u8x16_narrow_i16x8(i16x8_sub(x, y), i16x8_add(x, y));
    let counts = i8x16_popcnt(v128_andnot(x, y));
    let mask = i32::from(i8x16_bitmask(x)) << 16 | i32::from(i16x8_bitmask(y));
    let flags = i32::from(v128_any_true(i8x16_eq(x, y))) | i32::from(i8x16_all_true(x)) << 1;
    put(o, i, 4, 3, i32x4_replace_lane::<3>(v128_or(narrow, counts), mask ^ flags));
}

/// Half-words and words: q15mulr, extending multiplies, pairwise sums, dot, shifts, min/max.
extern "C" fn rs_simd_halves(i: i32, _: i32, _: i32, a: *const u8, al: i32, _b: *const u8, _bl: i32, o: *mut u8, ol: i32) {
    let (a, o) = unsafe { (view::<u8>(a, al), view_mut::<u8>(o, ol)) };
    let i = i as usize;
    let (x, y) = bytes_at(a, i);
    put(o, i, 4, 0, i16x8_q15mulr_sat(x, y));
    put(o, i, 4, 1, i16x8_add(i16x8_extmul_low_i8x16(x, y), u16x8_extadd_pairwise_u8x16(y)));
    put(o, i, 4, 2, i32x4_add(i32x4_dot_i16x8(x, y), i32x4_extmul_high_u16x8(x, y)));
    let shifted = u16x8_shr(u16x8_max(x, y), (i % 19) as u32);
    let wide = i64x2_mul(i64x2_extend_low_i32x4(x), i64x2_shr(y, (i % 70) as u32));
    put(o, i, 4, 3, v128_bitselect(shifted, wide, i16x8_min(x, y)));
}

/// `f32x4` arithmetic, rounding, comparisons and conversions, from the item's floats.
extern "C" fn rs_simd_floats(i: i32, _: i32, _: i32, a: *const u8, al: i32, b: *const u8, bl: i32, o: *mut u8, ol: i32) {
    let (a, b, o) = unsafe { (view::<f32>(a, al), view::<f32>(b, bl), view_mut::<u8>(o, ol)) };
    let i = i as usize;
    let x = f32x4(a[2 * i], b[2 * i], -a[2 * i + 1], a[2 * i] * b[2 * i]);
    let y = f32x4(b[2 * i + 1], a[2 * i], 0.5, f32::NAN);
    put(o, i, 4, 0, f32x4_add(f32x4_mul(x, y), f32x4_sqrt(f32x4_abs(x))));
    put(o, i, 4, 1, v128_or(f32x4_pmin(x, y), f32x4_lt(f32x4_nearest(x), f32x4_ceil(y))));
    put(o, i, 4, 2, i32x4_trunc_sat_f32x4(f32x4_div(x, y)));
    let back = f32x4_convert_u32x4(u32x4_trunc_sat_f32x4(f32x4_floor(x)));
    put(o, i, 4, 3, f32x4_max(back, f32x4_demote_f64x2_zero(f64x2_promote_low_f32x4(y))));
}

/// `f64x2` arithmetic and the conversions to and from `i32x4`.
extern "C" fn rs_simd_doubles(i: i32, _: i32, _: i32, a: *const u8, al: i32, b: *const u8, bl: i32, o: *mut u8, ol: i32) {
    let (a, b, o) = unsafe { (view::<f64>(a, al), view::<f64>(b, bl), view_mut::<u8>(o, ol)) };
    let i = i as usize;
    let x = f64x2(a[i], -b[i]);
    let y = f64x2(b[i], a[i] * 0.25);
    put(o, i, 3, 0, f64x2_sub(f64x2_div(x, y), f64x2_sqrt(f64x2_abs(y))));
    put(o, i, 3, 1, f64x2_min(f64x2_trunc(x), f64x2_convert_low_i32x4(i32x4_trunc_sat_f64x2_zero(y))));
    put(o, i, 3, 2, v128_and(f64x2_ge(x, y), f64x2_pmax(x, f64x2_floor(y))));
}

/// Relaxed SIMD without multiply-adds: swizzle, truncation, lane select, q15mulr, dot products.
extern "C" fn rs_simd_relaxed(i: i32, _: i32, _: i32, a: *const u8, al: i32, _b: *const u8, _bl: i32, o: *mut u8, ol: i32) {
    let (a, o) = unsafe { (view::<u8>(a, al), view_mut::<u8>(o, ol)) };
    let i = i as usize;
    let (x, y) = bytes_at(a, i);
    put(o, i, 4, 0, i8x16_relaxed_swizzle(x, u8x16_shr(y, 3)));
    put(o, i, 4, 1, i32x4_relaxed_trunc_f32x4(f32x4_convert_i32x4(x)));
    put(o, i, 4, 2, i16x8_add(i16x8_relaxed_q15mulr(x, y), i16x8_relaxed_dot_i8x16_i7x16(x, y)));
    let dot = i32x4_relaxed_dot_i8x16_i7x16_add(x, u8x16_shr(y, 1), y);
    put(o, i, 4, 3, i8x16_relaxed_laneselect(dot, x, i8x16_lt(x, y)));
}

/// Relaxed multiply-adds, fused on the CPU executor (llvmpipe refuses them, unfused).
extern "C" fn rs_simd_madd(i: i32, _: i32, _: i32, a: *const u8, al: i32, b: *const u8, bl: i32, o: *mut u8, ol: i32) {
    let (a, b, o) = unsafe { (view::<f32>(a, al), view::<f32>(b, bl), view_mut::<u8>(o, ol)) };
    let i = i as usize;
    let x = f32x4(a[2 * i], b[2 * i], a[2 * i + 1], 1.0 + 1.0 / 4096.0);
    let y = f32x4(b[2 * i + 1], a[2 * i], -3.0, 1.0 + 1.0 / 4096.0);
    put(o, i, 2, 0, f32x4_relaxed_madd(x, y, f32x4(1.0, -1.0, 0.25, -1.0)));
    let wide = f64x2_promote_low_f32x4(x);
    put(o, i, 2, 1, f64x2_relaxed_nmadd(wide, wide, f64x2_promote_low_f32x4(y)));
}

static KERNELS: [Kernel; 6] =
    [rs_simd_bytes, rs_simd_halves, rs_simd_floats, rs_simd_doubles, rs_simd_relaxed, rs_simd_madd];

#[export_name = "kernel_pointer"]
pub extern "C" fn kernel_pointer(k: i32) -> i32 {
    KERNELS[k as usize] as usize as i32
}
