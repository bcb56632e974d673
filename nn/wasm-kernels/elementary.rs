//! The elementary functions and activations of the operator kernels, written out so that every
//! device computes the same thing: included by `kernels.rs` (built for wasm32) and by the host
//! crate's native kernels (`nn/src/native/unary.rs`), so that both run this very code.
//!
//! Only the float operations that are single Wasm instructions (`sqrt`, `floor`, `ceil`,
//! `trunc`, `nearest`) come from std; on the host they are the same correctly rounded
//! operations.

#![allow(dead_code, reason = "each side uses a part")]
#![allow(clippy::eq_op, reason = "`x != x` is the NaN test, one f32.ne in Wasm")]

use crate::abi::unary;

/// The Wasm instructions std's float methods compile to.
pub mod wasm32 {
    #[inline(always)]
    pub fn f32_floor(x: f32) -> f32 {
        x.floor()
    }
    #[inline(always)]
    pub fn f32_ceil(x: f32) -> f32 {
        x.ceil()
    }
    #[inline(always)]
    pub fn f32_sqrt(x: f32) -> f32 {
        x.sqrt()
    }
    #[inline(always)]
    pub fn f32_trunc(x: f32) -> f32 {
        x.trunc()
    }
    #[inline(always)]
    pub fn f32_nearest(x: f32) -> f32 {
        x.round_ties_even()
    }
}

// ---------------------------------------------------------------------------------------------
// Elementary functions (f32), the same on every device.

pub const LN2_HI: f32 = 0.693_145_75;

/// 1.5 * 2^23: an f32 of magnitude below 2^22 added to it is rounded to an integer (in the
/// default rounding mode, ties to even), and that integer stands in the sum's low mantissa bits.
pub const ROUND_SHIFT: f32 = 12_582_912.0;
pub const LN2_LO: f32 = 1.428_606_8e-6;

#[inline(always)]
pub fn floor(x: f32) -> f32 {
    wasm32::f32_floor(x)
}

#[inline(always)]
pub fn exp(x: f32) -> f32 {
    if x != x {
        return x;
    }
    if x > 88.72 {
        return f32::INFINITY;
    }
    if x < -103.9 {
        return 0.0;
    }
    let k = floor(x * core::f32::consts::LOG2_E + 0.5);
    let r = x - k * LN2_HI - k * LN2_LO;
    // exp(r) for |r| <= ln2/2: degree-7 Taylor polynomial (truncation below 6e-9 relative).
    let p = 1.0
        + r * (1.0
            + r * (0.5
                + r * (1.0 / 6.0
                    + r * (1.0 / 24.0
                        + r * (1.0 / 120.0 + r * (1.0 / 720.0 + r * (1.0 / 5040.0)))))));
    // 2^k in two steps, so that k down to -150 (subnormal results) stays representable. k is
    // an integer in [-150, 128]: added to 1.5 * 2^23 it lands in the mantissa's low bits, which
    // is `k as i32` without the saturating conversion that keeps the loop from vectorising.
    let k = (k + ROUND_SHIFT).to_bits() as i32 - ROUND_SHIFT.to_bits() as i32;
    let k1 = k / 2;
    let k2 = k - k1;
    p * f32::from_bits(((k1 + 127) as u32) << 23) * f32::from_bits(((k2 + 127) as u32) << 23)
}

#[inline(always)]
pub fn log(x: f32) -> f32 {
    if x != x || x < 0.0 {
        return f32::NAN;
    }
    if x == 0.0 {
        return f32::NEG_INFINITY;
    }
    if x == f32::INFINITY {
        return x;
    }
    let mut bits = x.to_bits();
    let mut e = 0i32;
    if bits < 0x0080_0000 {
        // Subnormal: scale up by 2^25.
        bits = (x * 33_554_432.0).to_bits();
        e = -25;
    }
    e += ((bits >> 23) as i32) - 127;
    let mut m = f32::from_bits((bits & 0x007f_ffff) | 0x3f80_0000);
    if m > core::f32::consts::SQRT_2 {
        m *= 0.5;
        e += 1;
    }
    let f = m - 1.0;
    let s = f / (2.0 + f);
    let z = s * s;
    let series = 2.0 * s * (1.0 + z * (1.0 / 3.0 + z * (0.2 + z * (1.0 / 7.0 + z * (1.0 / 9.0)))));
    let e = e as f32;
    e * LN2_HI + (e * LN2_LO + series)
}

#[inline(always)]
pub fn sigmoid(x: f32) -> f32 {
    // One exponential, of -|x|, whichever the sign (vectorised, both sides are computed).
    let e = exp(if x >= 0.0 { -x } else { x });
    if x >= 0.0 {
        1.0 / (1.0 + e)
    } else {
        e / (1.0 + e)
    }
}

#[inline(always)]
pub fn tanh(x: f32) -> f32 {
    let a = if x < 0.0 { -x } else { x };
    if a < 0.55 {
        // The Taylor series to x^19: each term is about 0.12 of the one before at 0.55, so the
        // truncation stays below 1e-8 relative (to x^11 it was 3e-6, which softcapped attention
        // scores magnify).
        let z = x * x;
        x * (1.0
            + z * (-1.0 / 3.0
                + z * (2.0 / 15.0
                    + z * (-17.0 / 315.0
                        + z * (62.0 / 2835.0
                            + z * (-1382.0 / 155925.0
                                + z * (21844.0 / 6081075.0
                                    + z * (-929569.0 / 638512875.0
                                        + z * (6404582.0 / 10854718875.0
                                            + z * (-443861162.0 / 1856156927625.0))))))))))
    } else if a > 9.0 {
        if x < 0.0 {
            -1.0
        } else {
            1.0
        }
    } else {
        let t = 1.0 - 2.0 / (exp(2.0 * a) + 1.0);
        if x < 0.0 {
            -t
        } else {
            t
        }
    }
}

#[inline(always)]
pub fn erf(x: f32) -> f32 {
    let a = if x < 0.0 { -x } else { x };
    let y = if a < 0.5 {
        // The Maclaurin series, to x^17: truncation below 1e-10 at 0.5, and no absolute error
        // floor near 0 (erf(x) is about 1.13 x there).
        let z = x * x;
        let s = 1.0
            - z * (1.0 / 3.0
                - z * (1.0 / 10.0
                    - z * (1.0 / 42.0
                        - z * (1.0 / 216.0
                            - z * (1.0 / 1320.0
                                - z * (1.0 / 9360.0 - z * (1.0 / 75600.0 - z / 685440.0)))))));
        return core::f32::consts::FRAC_2_SQRT_PI * x * s;
    } else {
        1.0 - erfc_positive(a)
    };
    if x < 0.0 {
        -y
    } else {
        y
    }
}

/// `erfc(a)` for `a >= 0`, with relative error below 1.2e-7 (the Chebyshev fit of Numerical
/// Recipes' `erfcc`), so that `erfc` of large arguments keeps its digits where `1 - erf` would
/// cancel.
#[inline(always)]
pub fn erfc_positive(a: f32) -> f32 {
    let t = 1.0 / (1.0 + 0.5 * a);
    let p = -1.265_512_2
        + t * (1.000_023_7
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_204
                                + t * (1.488_515_9 + t * (-0.822_152_2 + t * 0.170_872_77))))))));
    t * exp(-a * a + p)
}

/// `a` to the power `b` (ONNX Pow on f32), with the common exponents exact.
#[inline(always)]
pub fn pow(a: f32, b: f32) -> f32 {
    if b == 2.0 {
        return a * a;
    }
    if b == 1.0 {
        return a;
    }
    if b == 0.0 {
        return 1.0;
    }
    if b == 0.5 {
        return wasm32::f32_sqrt(a);
    }
    if a < 0.0 {
        // A negative base has a real power only for an integral exponent.
        if floor(b) != b {
            return f32::NAN;
        }
        let m = exp(b * log(-a));
        let odd = floor(b * 0.5) * 2.0 != b;
        return if odd { -m } else { m };
    }
    exp(b * log(a))
}

/// `max` with NaN propagating, as numpy's `maximum`.
#[inline(always)]
pub fn fmax(a: f32, b: f32) -> f32 {
    if a != a || b != b {
        a + b
    } else if a > b {
        a
    } else {
        b
    }
}

#[inline(always)]
pub fn fmin(a: f32, b: f32) -> f32 {
    if a != a || b != b {
        a + b
    } else if a < b {
        a
    } else {
        b
    }
}

// ---------------------------------------------------------------------------------------------
// Element-wise operators.

/// An activation applied in place of, or after, an operator: `code` as in [`abi::unary`], with
/// parameters `a` and `b`.
#[inline(always)]
pub fn activate(code: i32, a: f32, b: f32, x: f32) -> f32 {
    match code {
        unary::RELU | unary::CLIP | unary::HARD_SIGMOID | unary::HARD_SWISH | unary::LEAKY_RELU => {
            activate_linear(code, a, b, x)
        }
        unary::SIGMOID => sigmoid(x),
        unary::TANH => tanh(x),
        unary::EXP => exp(x),
        unary::LOG => log(x),
        unary::SQRT => wasm32::f32_sqrt(x),
        unary::NEG => -x,
        unary::ABS => {
            if x < 0.0 {
                -x
            } else {
                x
            }
        }
        unary::FLOOR => floor(x),
        unary::CEIL => wasm32::f32_ceil(x),
        unary::RECIPROCAL => 1.0 / x,
        unary::ELU => {
            if x < 0.0 {
                a * (exp(x) - 1.0)
            } else {
                x
            }
        }
        unary::ERF => erf(x),
        unary::SOFTPLUS => {
            if x > 20.0 {
                x
            } else {
                log(1.0 + exp(x))
            }
        }
        unary::GELU => {
            let z = x * core::f32::consts::FRAC_1_SQRT_2;
            if z < -0.5 {
                // 1 + erf(z) = erfc(-z), without the cancellation in the negative tail.
                0.5 * x * erfc_positive(-z)
            } else {
                0.5 * x * (1.0 + erf(z))
            }
        }
        unary::GELU_TANH => {
            // sqrt(2 / pi) (x + 0.044715 x^3); 0.5 (1 + tanh(u)) = sigmoid(2 u), which keeps its
            // digits in the negative tail where 1 + tanh(u) cancels.
            let inner = 0.797_884_6 * (x + 0.044_715 * x * x * x);
            x * sigmoid(2.0 * inner)
        }
        unary::SELU => {
            if x > 0.0 {
                b * x
            } else {
                b * (a * exp(x) - a)
            }
        }
        unary::SOFTSIGN => {
            let m = if x < 0.0 { -x } else { x };
            x / (1.0 + m)
        }
        unary::ROUND => wasm32::f32_nearest(x),
        unary::FAKE_QUANT_U8 | unary::FAKE_QUANT_I8 => {
            // As `quantize_f32` then `dequantize`: the same operations, in the same order.
            let (low, high) = if code == unary::FAKE_QUANT_U8 {
                (0.0, 255.0)
            } else {
                (-128.0, 127.0)
            };
            let q = if a == 0.0 {
                b
            } else {
                wasm32::f32_nearest(x / a) + b
            };
            let q = if q != q {
                0.0
            } else {
                fmin(fmax(q, low), high)
            };
            (q - b) * a
        }
        unary::SIGN => {
            if x > 0.0 {
                1.0
            } else if x < 0.0 {
                -1.0
            } else {
                x
            }
        }
        unary::SIN | unary::COS => {
            // Reduce to [-pi, pi], then a degree-11 polynomial for sin.
            let tau = core::f32::consts::TAU;
            let y = if code == unary::COS {
                x + core::f32::consts::FRAC_PI_2
            } else {
                x
            };
            let r = y - tau * floor(y / tau + 0.5);
            let z = r * r;
            r * (1.0
                + z * (-1.0 / 6.0
                    + z * (1.0 / 120.0
                        + z * (-1.0 / 5040.0
                            + z * (1.0 / 362_880.0
                                + z * (-1.0 / 39_916_800.0 + z / 6_227_020_800.0))))))
        }
        _ => x,
    }
}

/// The activations a convolution can apply in its own launch: the piecewise-linear ones. (The
/// others would put `exp` and friends into every convolution kernel, which GPU drivers then take
/// far longer to compile.)
#[inline(always)]
pub fn activate_linear(code: i32, a: f32, b: f32, x: f32) -> f32 {
    match code {
        unary::RELU => {
            if x < 0.0 {
                0.0
            } else {
                x
            }
        }
        unary::CLIP => {
            if x != x {
                x
            } else {
                fmin(fmax(x, a), b)
            }
        }
        unary::HARD_SIGMOID => fmax(0.0, fmin(1.0, a * x + b)),
        unary::HARD_SWISH => x * fmax(0.0, fmin(1.0, x * (1.0 / 6.0) + 0.5)),
        unary::LEAKY_RELU => {
            if x < 0.0 {
                a * x
            } else {
                x
            }
        }
        _ => x,
    }
}
