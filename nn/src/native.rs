//! CPU-specialised kernels: native versions of the hottest operator kernels, for the CPU
//! executor.
//!
//! On a CPU space the buffers are host memory ([`HostSpace`]), so these kernels run as native
//! code on them, on a [`Team`] of threads:
//!
//! - `conv1x1_f32`: a GEMM ([`gemm`]: AVX and FMA where the CPU has them) with the weights
//!   packed once per plan, or dot products for a few pixels;
//! - `conv2d_f32`: depthwise and few-tap convolutions directly ([`Layout`]: AVX and FMA where the
//!   CPU has them), the others as the same GEMM over an im2col matrix;
//! - `pool_f32`, `global_pool_f32`, and `binary_f32` for the arithmetic operators.
//!
//! Each one is a drop-in for one kernel of `nn/ops/ops.rs`: the same parameters, the same
//! buffers, the same result up to the order of the float additions. The portable kernel stays
//! the definition: plans are the same with or without these, and `nn/tests/operators.rs` runs
//! each against its portable kernel ([`crate::NnRuntime::set_specialised_kernels`]).
//!
//! Native code cannot lean on a sandbox the way a Wasm kernel does, so every kernel checks its
//! parameters against its buffers' lengths before touching them.
//!
//! [`HostSpace`]: wasi_parallel_device::HostSpace

use std::sync::Mutex;

use crate::team::Team;

mod gemm;
#[cfg(target_arch = "x86_64")]
mod lanes;

/// A native kernel: `(params, inputs, output, context)`, the buffers as the portable kernel takes
/// them (less the parameter buffer), as f32.
pub(crate) type Native = fn(&[i32], &[&[f32]], &mut [f32], Ctx<'_>) -> Result<(), String>;

/// What a native kernel gets besides its parameters and buffers.
#[derive(Debug)]
pub(crate) struct Ctx<'a> {
    /// The caller's, kept between launches: a fresh allocation of a large temporary would be
    /// fresh pages, faulted in and zeroed every time.
    pub scratch: &'a mut Vec<f32>,
    pub par: Par<'a>,
    /// The step's weights as [`prepack`] laid them out, when they are constants of the plan.
    pub packed: Option<&'a [f32]>,
}

/// Estimated single-threaded time (ns) below which a kernel runs on the calling thread alone.
/// Handing work to the team's spinning helpers costs about a microsecond, but the first job
/// after a pause finds them asleep (the caller then works alone while they wake), and splitting
/// work into tasks has its own cost.
const PARALLEL_NANOS: usize = 10_000;

/// Rough single-thread speeds, in operations per nanosecond, for those estimates: a packed
/// GEMM's multiply-adds, the depthwise loop's and the dot products' (im2col copies count as
/// element-wise operations).
const GEMM_OPS_PER_NS: usize = 20;
const DIRECT_OPS_PER_NS: usize = 5;
const LANES_OPS_PER_NS: usize = 10;
const ELEMENTS_PER_NS: usize = 2;

/// Where a native kernel's loops run: on a [`Team`] of threads, or on the calling thread when
/// the work is too small to repay sharing it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Par<'a> {
    team: Option<&'a Team>,
}

impl<'a> Par<'a> {
    pub fn new(team: Option<&'a Team>) -> Par<'a> {
        Par { team }
    }

    /// Runs `f`, with loops on the team if its estimated single-threaded time (`nanos`) is
    /// worth it.
    fn run<R>(self, nanos: usize, f: impl FnOnce(Loops<'_>) -> R) -> R {
        match self.team {
            Some(team) if nanos >= PARALLEL_NANOS && team.threads() > 1 => f(Loops::Team(team)),
            _ => f(Loops::Serial),
        }
    }
}

/// Tasks per thread a loop on the team is split into.
const TASKS_PER_THREAD: usize = 4;

/// Loops over independent pieces of work: on a team, or one after the other.
#[derive(Clone, Copy, Debug)]
enum Loops<'a> {
    Serial,
    Team(&'a Team),
}

impl Loops<'_> {
    /// `f(index, chunk)` for each `size`-long chunk of `data`.
    fn chunks<T: Send>(self, data: &mut [T], size: usize, f: impl Fn(usize, &mut [T]) + Sync) {
        self.chunks_with_scratch(data, size, |_, i, chunk| f(i, chunk));
    }

    /// As [`Loops::chunks`], with a scratch vector of the thread's own.
    fn chunks_with_scratch<T: Send>(
        self,
        data: &mut [T],
        size: usize,
        f: impl Fn(&mut Vec<f32>, usize, &mut [T]) + Sync,
    ) {
        // A few tasks per thread, each a run of consecutive chunks: enough to balance the load,
        // few enough that claiming a task costs nothing next to it.
        let size = size.max(1);
        let chunks = data.len().div_ceil(size);
        let per_task = chunks.div_ceil(self.tasks()).max(1);
        let pieces: Vec<Mutex<Option<&mut [T]>>> = data
            .chunks_mut(size * per_task)
            .map(|c| Mutex::new(Some(c)))
            .collect();
        self.range_with_scratch(pieces.len(), |scratch, t| {
            let piece = lock(&pieces[t]).take().expect("each task once");
            for (k, chunk) in piece.chunks_mut(size).enumerate() {
                f(scratch, t * per_task + k, chunk);
            }
        });
    }

    /// `f(scratch, i)` for `i` in `0..n`, with a scratch vector of the thread's own.
    fn range_with_scratch(self, n: usize, f: impl Fn(&mut Vec<f32>, usize) + Sync) {
        match self {
            Loops::Serial => {
                let mut scratch = Vec::new();
                (0..n).for_each(|i| f(&mut scratch, i))
            }
            Loops::Team(team) => {
                let scratch: Vec<Mutex<Vec<f32>>> =
                    (0..team.threads()).map(|_| Mutex::default()).collect();
                team.run(n, &|i, worker| f(&mut lock(&scratch[worker]), i));
            }
        }
    }

    /// `f(i)` for `i` in `0..n`.
    fn range(self, n: usize, f: impl Fn(usize) + Sync) {
        match self {
            Loops::Serial => (0..n).for_each(f),
            Loops::Team(team) => team.run(n, &|i, _| f(i)),
        }
    }

    /// How many tasks to split a loop into: one on the calling thread, a few per thread on a
    /// team.
    fn tasks(self) -> usize {
        match self {
            Loops::Serial => 1,
            Loops::Team(team) => team.threads() * TASKS_PER_THREAD,
        }
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The native version of operator kernel `name` launched with `params`, if there is one.
pub(crate) fn lookup(name: &str, params: &[i32]) -> Option<Native> {
    match name {
        "conv2d_f32" => Some(conv2d),
        "conv1x1_f32" => Some(conv1x1),
        "binary_f32" if params.first().is_some_and(|&op| binop::native(op)) => Some(binary),
        "pool_f32" => Some(pool),
        "global_pool_f32" => Some(global_pool),
        _ => None,
    }
}

/// Activation codes (`unary` in ops.rs) that convolutions apply; see `activate_linear` there.
mod act {
    pub const RELU: i32 = 0;
    pub const CLIP: i32 = 11;
    pub const HARD_SIGMOID: i32 = 12;
    pub const HARD_SWISH: i32 = 13;
    pub const LEAKY_RELU: i32 = 14;
}

/// Applies a fused activation (code, then its two parameters) to `ys`, as `activate_linear` in
/// ops.rs does; the identity and unknown codes leave `ys` as it is.
fn activate(code: i32, a: f32, b: f32, ys: &mut [f32]) {
    match code {
        act::RELU => ys.iter_mut().for_each(|y| {
            if *y < 0.0 {
                *y = 0.0
            }
        }),
        act::CLIP => ys.iter_mut().for_each(|y| {
            if !y.is_nan() {
                *y = y.max(a).min(b)
            }
        }),
        act::HARD_SIGMOID => ys
            .iter_mut()
            .for_each(|y| *y = (a * *y + b).clamp(0.0, 1.0)),
        act::HARD_SWISH => ys
            .iter_mut()
            .for_each(|y| *y *= (*y * (1.0 / 6.0) + 0.5).clamp(0.0, 1.0)),
        act::LEAKY_RELU => ys.iter_mut().for_each(|y| {
            if *y < 0.0 {
                *y *= a
            }
        }),
        _ => {}
    }
}

/// Parameter `k` as a size.
fn size(p: &[i32], k: usize) -> Result<usize, String> {
    let v = *p.get(k).ok_or("too few parameters")?;
    usize::try_from(v).map_err(|_| format!("parameter {k} is negative ({v})"))
}

fn float(p: &[i32], k: usize) -> Result<f32, String> {
    Ok(f32::from_bits(*p.get(k).ok_or("too few parameters")? as u32))
}

/// `a * b` checked for overflow.
fn product(dims: &[usize]) -> Result<usize, String> {
    dims.iter()
        .try_fold(1usize, |acc, &d| acc.checked_mul(d))
        .ok_or_else(|| format!("{dims:?} overflows"))
}

/// Checks that a buffer holds at least `need` elements.
fn fits(what: &str, buffer: &[f32], need: usize) -> Result<(), String> {
    if buffer.len() < need {
        return Err(format!(
            "{what} holds {} elements, the kernel needs {need}",
            buffer.len()
        ));
    }
    Ok(())
}

fn three<'a>(inputs: &[&'a [f32]]) -> Result<[&'a [f32]; 3], String> {
    match *inputs {
        [x, w, bias] => Ok([x, w, bias]),
        _ => Err(format!("{} inputs, not 3", inputs.len())),
    }
}

/// A pointer that worker threads may share: each writes only its own tile through it.
#[derive(Clone, Copy)]
struct SharedOut(*mut f32);
// SAFETY: `gemm` hands every tile to exactly one task, and tiles do not overlap.
unsafe impl Send for SharedOut {}
unsafe impl Sync for SharedOut {}

impl SharedOut {
    /// The pointer `offset` elements on. (A method, so that closures capture the whole
    /// `SharedOut`, not its raw pointer field.)
    fn at(self, offset: usize) -> *mut f32 {
        self.0.wrapping_add(offset)
    }
}

/// `conv1x1_f32`: `y[n, oc, p] = bias[oc] + sum over ci of w[oc, ci] x[n, ci, p]`, then the
/// activation. Parameters `[N, C, plane, M, has_bias, act, act_a, act_b]`.
fn conv1x1(p: &[i32], inputs: &[&[f32]], y: &mut [f32], cx: Ctx<'_>) -> Result<(), String> {
    let Ctx {
        scratch,
        par,
        packed,
    } = cx;
    let [x, w, bias] = three(inputs)?;
    let (n, c, plane, m) = (size(p, 0)?, size(p, 1)?, size(p, 2)?, size(p, 3)?);
    let has_bias = size(p, 4)? != 0;
    let (code, act_a, act_b) = (p.get(5).copied().unwrap_or(0), float(p, 6)?, float(p, 7)?);
    fits("x", x, product(&[n, c, plane])?)?;
    fits("w", w, product(&[m, c])?)?;
    fits("y", y, product(&[n, m, plane])?)?;
    if has_bias {
        fits("bias", bias, m)?;
    }
    let bias_of = |oc: usize| if has_bias { bias[oc] } else { 0.0 };
    let y = &mut y[..n * m * plane];
    let macs = n * m * plane * c;
    if plane < GEMV_PLANE {
        // A few pixels (squeeze-and-excitation, a classifier's head): dot products, which do not
        // pack the whole weight matrix as a GEMM would.
        let columns = sized(scratch, product(&[n, plane, c])?);
        for (col, xcol) in columns.chunks_exact_mut(c.max(1)).enumerate() {
            let (i, px) = (col / plane, col % plane);
            for (ci, v) in xcol.iter_mut().enumerate() {
                *v = x[(i * c + ci) * plane + px];
            }
        }
        let columns = &*columns;
        par.run(macs / DIRECT_OPS_PER_NS, |loops| {
            loops.chunks(y, plane, |row, out| {
                let (i, oc) = (row / m, row % m);
                let wrow = &w[oc * c..][..c];
                for (px, o) in out.iter_mut().enumerate() {
                    let xcol = &columns[(i * plane + px) * c..][..c];
                    *o = bias_of(oc) + dot(wrow, xcol);
                }
                activate(code, act_a, act_b, out);
            })
        });
        return Ok(());
    }
    let mut own = Vec::new();
    let packed = weights(packed, w, (1, m, c), &mut own);
    let epilogue = gemm::Epilogue {
        bias: has_bias.then(|| &bias[..m]),
        act: (code, act_a, act_b),
    };
    par.run(macs / GEMM_OPS_PER_NS, |loops| {
        for (i, yi) in y.chunks_mut(m * plane).enumerate() {
            let xi = &x[i * c * plane..][..c * plane];
            gemm::gemm(loops, packed, (m, c, plane), xi, plane, yi, plane, epilogue);
        }
    });
    Ok(())
}

/// Below this many pixels a pointwise convolution is computed as dot products.
const GEMV_PLANE: usize = 8;

/// `a . b`, in 8 independent lanes (which the compiler turns into vector registers).
fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut lanes = [0f32; 8];
    let (ca, cb) = (a.chunks_exact(8), b.chunks_exact(8));
    let tail: f32 = ca
        .remainder()
        .iter()
        .zip(cb.remainder())
        .map(|(x, y)| x * y)
        .sum();
    for (x, y) in ca.zip(cb) {
        for l in 0..8 {
            lanes[l] += x[l] * y[l];
        }
    }
    lanes.iter().sum::<f32>() + tail
}

/// The shape of a `conv2d_f32` launch.
#[derive(Clone, Copy, Debug)]
struct Conv {
    n: usize,
    c: usize,
    h: usize,
    w: usize,
    m: usize,
    oh: usize,
    ow: usize,
    kh: usize,
    kw: usize,
    stride: (usize, usize),
    pad: (isize, isize),
    dilation: (usize, usize),
    groups: usize,
}

impl Conv {
    fn parse(p: &[i32]) -> Result<Conv, String> {
        let s = |k| size(p, k);
        let conv = Conv {
            n: s(0)?,
            c: s(1)?,
            h: s(2)?,
            w: s(3)?,
            m: s(4)?,
            oh: s(5)?,
            ow: s(6)?,
            kh: s(7)?,
            kw: s(8)?,
            stride: (s(9)?, s(10)?),
            pad: (s(11)? as isize, s(12)? as isize),
            dilation: (s(13)?, s(14)?),
            groups: s(15)?,
        };
        if conv.groups == 0
            || !conv.c.is_multiple_of(conv.groups)
            || !conv.m.is_multiple_of(conv.groups)
        {
            return Err(format!("{} groups of {conv:?}", conv.groups));
        }
        if conv.stride.0 == 0 || conv.stride.1 == 0 || conv.dilation.0 == 0 || conv.dilation.1 == 0
        {
            return Err(format!("a zero stride or dilation in {conv:?}"));
        }
        Ok(conv)
    }

    /// The outputs `lo..hi` along one axis whose tap at offset `off` (`out * stride + off`) falls
    /// in `0..size`.
    fn inside(off: isize, stride: usize, size: usize, outs: usize) -> (usize, usize) {
        let s = stride as isize;
        let lo = if off < 0 { (-off + s - 1) / s } else { 0 };
        let last = size as isize - 1 - off;
        let hi = if last < 0 { 0 } else { last / s + 1 };
        let (lo, hi) = (lo as usize, (hi as usize).min(outs));
        (lo, hi.max(lo))
    }
}

/// `conv2d_f32`: see ops.rs for the parameters. Convolutions with one input channel per group
/// (depthwise) run directly, plane by plane; the others as a GEMM over an im2col matrix.
fn conv2d(p: &[i32], inputs: &[&[f32]], y: &mut [f32], cx: Ctx<'_>) -> Result<(), String> {
    conv2d_with(p, inputs, y, cx, fma_available())
}

/// [`conv2d`], with AVX and FMA kernels or without (`simd`, which needs the CPU to have them).
fn conv2d_with(
    p: &[i32],
    inputs: &[&[f32]],
    y: &mut [f32],
    cx: Ctx<'_>,
    simd: bool,
) -> Result<(), String> {
    let Ctx {
        scratch,
        par,
        packed,
    } = cx;
    let [x, w, bias] = three(inputs)?;
    let cv = Conv::parse(p)?;
    let has_bias = size(p, 16)? != 0;
    let (code, act_a, act_b) = (
        p.get(17).copied().unwrap_or(0),
        float(p, 18)?,
        float(p, 19)?,
    );
    let cg = cv.c / cv.groups;
    fits("x", x, product(&[cv.n, cv.c, cv.h, cv.w])?)?;
    fits("w", w, product(&[cv.m, cg, cv.kh, cv.kw])?)?;
    let plane = product(&[cv.oh, cv.ow])?;
    fits("y", y, product(&[cv.n, cv.m, plane])?)?;
    if has_bias {
        fits("bias", bias, cv.m)?;
    }
    let bias_of = |oc: usize| if has_bias { bias[oc] } else { 0.0 };
    if plane == 0 {
        return Ok(());
    }
    let y = &mut y[..cv.n * cv.m * plane];
    let macs = y.len() * cg * cv.kh * cv.kw;
    let mg = cv.m / cv.groups;
    let path = cv.path(simd);
    #[cfg(target_arch = "x86_64")]
    if path == ConvPath::Lanes {
        let bias = has_bias.then(|| &bias[..cv.m]);
        par.run(macs / LANES_OPS_PER_NS, |loops| {
            // SAFETY: the CPU has AVX and FMA (`simd`, the caller's word).
            unsafe { lanes::convolve(loops, &cv, (x, w, bias), (code, act_a, act_b), y) }
        });
        return Ok(());
    }
    if path == ConvPath::Depthwise {
        // Depthwise: each output plane pads its own input plane (the planes of a group are
        // too few to share the work of padding one).
        let layout = Layout::new(&cv, 1, simd);
        par.run(macs / DIRECT_OPS_PER_NS, |loops| {
            loops.chunks_with_scratch(y, plane, |scratch, i, out| {
                let (n, oc) = (i / cv.m, i % cv.m);
                let g = oc / (cv.m / cv.groups);
                let xp = &x[(n * cv.c + g) * cv.h * cv.w..][..cv.h * cv.w];
                let padded = layout.pad(xp, scratch);
                let taps = layout.offsets.len();
                let w = &w[oc * taps..][..taps];
                layout.convolve(padded, w, bias_of(oc), (code, act_a, act_b), out);
            })
        });
        return Ok(());
    }
    if path == ConvPath::Direct {
        // A few taps per output (a network's first convolution, say): the group's input planes
        // are padded once, then each output plane sums its taps over them directly.
        let layout = Layout::new(&cv, cg, simd);
        let taps = layout.offsets.len();
        for (ng, yg) in y.chunks_mut(mg * plane).enumerate() {
            let (n, g) = (ng / cv.groups, ng % cv.groups);
            let xg = &x[(n * cv.c + g * cg) * cv.h * cv.w..][..cg * cv.h * cv.w];
            let padded = layout.pad(xg, scratch);
            par.run(yg.len() * taps / DIRECT_OPS_PER_NS, |loops| {
                loops.chunks(yg, plane, |j, out| {
                    let oc = g * mg + j;
                    let w = &w[oc * taps..][..taps];
                    layout.convolve(padded, w, bias_of(oc), (code, act_a, act_b), out);
                })
            });
        }
        return Ok(());
    }
    // im2col: row (ci, ky, kx) holds, for every output pixel, the input under that tap (0 in the
    // padding).
    let taps = product(&[cg, cv.kh, cv.kw])?;
    let mut own = Vec::new();
    let packed = weights(packed, w, (cv.groups, mg, taps), &mut own);
    let cols = sized(scratch, product(&[taps, plane])?);
    let copies = cv.n * taps * plane;
    let nanos = macs / GEMM_OPS_PER_NS + copies / ELEMENTS_PER_NS;
    let bias = has_bias.then(|| &bias[..cv.m]);
    par.run(nanos, |loops| {
        im2col_gemm(loops, &cv, (x, packed), bias, (code, act_a, act_b), cols, y)
    });
    Ok(())
}

/// How `conv2d_f32` computes a convolution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ConvPath {
    /// Output channels in the vector lanes ([`lanes`]), with AVX and FMA.
    Lanes,
    /// Depthwise: each output plane from its own padded input plane ([`Layout`]).
    Depthwise,
    /// Few taps per output: directly over the group's padded input planes.
    Direct,
    /// A GEMM over an im2col matrix.
    Im2col,
}

impl Conv {
    /// The path for this convolution, with AVX and FMA kernels (`simd`) or without.
    fn path(&self, simd: bool) -> ConvPath {
        let (cg, mg) = (self.c / self.groups, self.m / self.groups);
        // Lanes: depthwise convolutions, and those of few taps or few output channels (for
        // which an im2col matrix costs more copies than the GEMM saves) whose groups hold
        // whole blocks of eight channels (or that have one group).
        let lanes = cg == 1
            || ((cg * self.kh * self.kw <= DIRECT_TAPS || mg <= LANES_CHANNELS)
                && (self.groups == 1 || mg.is_multiple_of(8)));
        if simd && cfg!(target_arch = "x86_64") && lanes {
            ConvPath::Lanes
        } else if cg == 1 && mg < 4 {
            ConvPath::Depthwise
        } else if cg * self.kh * self.kw <= DIRECT_TAPS {
            ConvPath::Direct
        } else {
            ConvPath::Im2col
        }
    }
}

/// The weights of `groups` GEMMs of `m x k` each, packed: `prepacked` if the plan packed them
/// (see [`prepack`]), or packed now into `own`.
fn weights<'a>(
    prepacked: Option<&'a [f32]>,
    w: &[f32],
    (groups, m, k): (usize, usize, usize),
    own: &'a mut Vec<f32>,
) -> &'a [f32] {
    let len = gemm::packed_len(m, k);
    match prepacked {
        Some(p) if p.len() == groups * len => p,
        _ => {
            own.resize(groups * len, 0.0);
            for (g, out) in own.chunks_exact_mut(len.max(1)).enumerate().take(groups) {
                gemm::pack(&w[g * m * k..], m, k, out);
            }
            own
        }
    }
}

/// Step weights `w` (the bytes of f32s) packed for the GEMM of native kernel `name` launched
/// with `params`, when it runs one: the plan does this once for constant weights, rather than
/// every launch.
pub(crate) fn prepack(name: &str, params: &[i32], w: &[u8]) -> Option<Vec<f32>> {
    let (groups, m, k) = match name {
        "conv1x1_f32" => {
            let (c, plane, m) = (
                size(params, 1).ok()?,
                size(params, 2).ok()?,
                size(params, 3).ok()?,
            );
            if plane < GEMV_PLANE {
                return None;
            }
            (1, m, c)
        }
        "conv2d_f32" => {
            let cv = Conv::parse(params).ok()?;
            if cv.path(fma_available()) != ConvPath::Im2col {
                return None;
            }
            let taps = product(&[cv.c / cv.groups, cv.kh, cv.kw]).ok()?;
            (cv.groups, cv.m / cv.groups, taps)
        }
        _ => return None,
    };
    let w: Vec<f32> = bytemuck::pod_collect_to_vec(w);
    if w.len() < product(&[groups, m, k]).ok()? {
        return None;
    }
    let mut own = Vec::new();
    weights(None, &w, (groups, m, k), &mut own);
    Some(own)
}

/// The first `len` elements of `scratch`, grown if needed.
fn sized(scratch: &mut Vec<f32>, len: usize) -> &mut [f32] {
    if scratch.len() < len {
        scratch.resize(len, 0.0);
    }
    &mut scratch[..len]
}

/// The convolution as one GEMM per image and group over an im2col matrix in `cols`, with the
/// weights packed by [`weights`].
fn im2col_gemm(
    loops: Loops,
    cv: &Conv,
    (x, packed): (&[f32], &[f32]),
    bias: Option<&[f32]>,
    act: (i32, f32, f32),
    cols: &mut [f32],
    y: &mut [f32],
) {
    let cg = cv.c / cv.groups;
    let taps = cg * cv.kh * cv.kw;
    let plane = cv.oh * cv.ow;
    let mg = cv.m / cv.groups;
    let len = gemm::packed_len(mg, taps);
    for n in 0..cv.n {
        for g in 0..cv.groups {
            let xg = &x[(n * cv.c + g * cg) * cv.h * cv.w..][..cg * cv.h * cv.w];
            loops.chunks(cols, plane, |t, row| im2col_row(cv, xg, t, row));
            let epilogue = gemm::Epilogue {
                bias: bias.map(|b| &b[g * mg..][..mg]),
                act,
            };
            gemm::gemm(
                loops,
                &packed[g * len..][..len],
                (mg, taps, plane),
                cols,
                plane,
                &mut y[(n * cv.m + g * mg) * plane..][..mg * plane],
                plane,
                epilogue,
            );
        }
    }
}

/// Row `t` = (ci, ky, kx) of the im2col matrix of one image and group (`xg`: its `cg` input
/// planes).
fn im2col_row(cv: &Conv, xg: &[f32], t: usize, row: &mut [f32]) {
    let (ci, ky, kx) = (t / (cv.kh * cv.kw), (t / cv.kw) % cv.kh, t % cv.kw);
    let xc = &xg[ci * cv.h * cv.w..][..cv.h * cv.w];
    let off_x = (kx * cv.dilation.1) as isize - cv.pad.1;
    let (lo, hi) = Conv::inside(off_x, cv.stride.1, cv.w, cv.ow);
    for (oy, out) in row.chunks_exact_mut(cv.ow).enumerate() {
        let iy = (oy * cv.stride.0 + ky * cv.dilation.0) as isize - cv.pad.0;
        if iy < 0 || iy >= cv.h as isize || lo == hi {
            out.fill(0.0);
            continue;
        }
        let xrow = &xc[iy as usize * cv.w..][..cv.w];
        out[..lo].fill(0.0);
        out[hi..].fill(0.0);
        let start = (lo as isize * cv.stride.1 as isize + off_x) as usize;
        if cv.stride.1 == 1 {
            out[lo..hi].copy_from_slice(&xrow[start..start + hi - lo]);
        } else {
            for (o, v) in out[lo..hi]
                .iter_mut()
                .zip(xrow[start..].iter().step_by(cv.stride.1))
            {
                *o = *v;
            }
        }
    }
}

/// Taps per output up to which a convolution with several input channels per group runs
/// directly (as [`Layout::convolve`]) rather than as a GEMM over an im2col matrix.
const DIRECT_TAPS: usize = 48;

/// Output channels per group up to which a convolution of many taps runs directly too, on the
/// [`ConvPath::Lanes`] path: the im2col matrix costs a copy per tap and output, one for every
/// `mg` multiply-adds.
const LANES_CHANNELS: usize = 32;

/// How a direct convolution lays out its input planes: padded with zeros on every side as far
/// as any window reaches, and split by columns into `stride` phases (phase `r` holds columns
/// `r`, `r + stride`, ...). Every tap of a run of outputs then reads a contiguous run of one
/// phase, with no bounds to check. Worked out once per launch; [`Layout::pad`] lays out the
/// planes of each image and group.
struct Layout {
    /// Per window tap (input channel, row, column): its offset in the padded planes from an
    /// output's first tap. As many as weights per output channel.
    offsets: Vec<usize>,
    planes: usize,
    /// Padded rows, and padded columns per phase.
    rows: usize,
    width: usize,
    stride: (usize, usize),
    /// Padding above and to the left.
    pad: (usize, usize),
    /// Input and output plane sizes.
    h: usize,
    w: usize,
    oh: usize,
    ow: usize,
    /// Whether blocks are summed with AVX and FMA ([`Layout::block_fma`]).
    simd: bool,
}

/// Outputs of a row that [`Layout::convolve`] sums at once, and rows at once.
const LANES: usize = 8;
const ROWS: usize = 4;

impl Layout {
    /// The layout of `planes` input planes of `cv` per image and group, its blocks summed with
    /// AVX and FMA if `simd` (the CPU must then have them).
    fn new(cv: &Conv, planes: usize, simd: bool) -> Layout {
        let (sh, sw) = cv.stride;
        let (dh, dw) = cv.dilation;
        // Padded rows: as far down as the windows of the last block of ROWS output rows reach
        // (rows past the output are computed and dropped). Padded columns, per phase: as far
        // right as the last block of LANES outputs reads.
        let pt = cv.pad.0.max(0) as usize;
        let rows = ((cv.oh.div_ceil(ROWS) * ROWS - 1) * sh + (cv.kh - 1) * dh + 1).max(pt + cv.h);
        let width = ((cv.kw - 1) * dw) / sw + cv.ow.div_ceil(LANES) * LANES;
        let phase_len = rows * width;
        let mut offsets = Vec::with_capacity(planes * cv.kh * cv.kw);
        for ci in 0..planes {
            for ky in 0..cv.kh {
                for kx in 0..cv.kw {
                    let col = kx * dw;
                    offsets.push(
                        ci * sw * phase_len + col % sw * phase_len + ky * dh * width + col / sw,
                    );
                }
            }
        }
        Layout {
            offsets,
            planes,
            rows,
            width,
            stride: cv.stride,
            pad: (pt, cv.pad.1.max(0) as usize),
            h: cv.h,
            w: cv.w,
            oh: cv.oh,
            ow: cv.ow,
            simd,
        }
    }

    /// Lays out the planes of `x` (each `h x w`) in `scratch` and returns them.
    fn pad<'a>(&self, x: &[f32], scratch: &'a mut Vec<f32>) -> &'a [f32] {
        let (rows, width, sw) = (self.rows, self.width, self.stride.1);
        let (pt, pl) = self.pad;
        let phase_len = rows * width;
        let plane_len = sw * phase_len;
        let data_len = self.planes * plane_len;
        // The planes, then one padded row laid out whole (zeros around the input row). Every
        // element of the planes is written below: no need to clear what an earlier use left.
        if scratch.len() < data_len + sw * width {
            scratch.resize(data_len + sw * width, 0.0);
        }
        let (data, line) = scratch.split_at_mut(data_len);
        let line = &mut line[..sw * width];
        line.fill(0.0);
        for (xp, dst) in x
            .chunks_exact(self.h * self.w)
            .zip(data.chunks_exact_mut(plane_len))
        {
            for row in 0..rows {
                let iy = row.wrapping_sub(pt);
                if sw == 1 {
                    // Straight into the plane, with no phases to split.
                    let d = &mut dst[row * width..][..width];
                    let n = if iy < self.h && pl < width {
                        self.w.min(width - pl)
                    } else {
                        0
                    };
                    if n > 0 {
                        d[pl..pl + n].copy_from_slice(&xp[iy * self.w..][..n]);
                    }
                    d[..pl.min(width)].fill(0.0);
                    d[(pl + n).min(width)..].fill(0.0);
                    continue;
                }
                if iy < self.h && pl < line.len() {
                    let n = self.w.min(line.len() - pl);
                    line[pl..pl + n].copy_from_slice(&xp[iy * self.w..][..n]);
                } else {
                    line.fill(0.0);
                }
                // Split by columns into the phases.
                match sw {
                    2 => {
                        // (The compiler does this with vector shuffles; element by element it
                        // would cost more than the convolution.)
                        let (even, odd) = dst.split_at_mut(phase_len);
                        let even = &mut even[row * width..][..width];
                        let odd = &mut odd[row * width..][..width];
                        for ((e, o), pair) in even
                            .iter_mut()
                            .zip(odd.iter_mut())
                            .zip(line.chunks_exact(2))
                        {
                            *e = pair[0];
                            *o = pair[1];
                        }
                    }
                    _ => {
                        for (j, group) in line.chunks_exact(sw).enumerate() {
                            for (phase, &v) in group.iter().enumerate() {
                                dst[phase * phase_len + row * width + j] = v;
                            }
                        }
                    }
                }
            }
        }
        &scratch[..data_len]
    }

    /// One output plane from the laid-out planes `data`: `out = act(bias + ` the sums of `w`
    /// (one weight per tap) over the windows`)`. Blocks of eight outputs in each of four rows are
    /// summed at once, in registers, so that four chains of additions overlap.
    fn convolve(&self, data: &[f32], w: &[f32], bias: f32, act: (i32, f32, f32), out: &mut [f32]) {
        let (oh, ow) = (self.oh, self.ow);
        assert!(w.len() >= self.offsets.len() && out.len() >= oh * ow);
        // The furthest any block reads: the last block of the last rows, at its furthest tap.
        let reach = (oh.div_ceil(ROWS) * ROWS - 1) * self.stride.0 * self.width
            + ow.div_ceil(LANES) * LANES
            + self.offsets.iter().max().copied().unwrap_or(0);
        assert!(oh == 0 || ow == 0 || data.len() >= reach);
        for oy0 in (0..oh).step_by(ROWS) {
            let count = ROWS.min(oh - oy0);
            let base: [usize; ROWS] =
                std::array::from_fn(|r| (oy0 + r) * self.stride.0 * self.width);
            for start in (0..ow).step_by(LANES) {
                let base = base.map(|b| b + start);
                let n = LANES.min(ow - start);
                let full = count == ROWS && n == LANES;
                let sums = match self.simd {
                    #[cfg(target_arch = "x86_64")]
                    true => {
                        let dst = full.then(|| out[oy0 * ow + start..].as_mut_ptr());
                        // SAFETY: the CPU has AVX and FMA (`simd`); every load lies below
                        // `reach`, in `data`; a full block's rows `oy0..oy0 + ROWS` and columns
                        // `start..start + LANES` lie in `out`, `ow` apart.
                        match unsafe {
                            self.block_fma(data, w, bias, base, dst.map(|d| (d, ow, act)))
                        } {
                            Some(sums) => sums,
                            None => continue,
                        }
                    }
                    _ => self.block(data, w, bias, base, count),
                };
                for (r, sum) in sums.iter().enumerate().take(count) {
                    let row = &mut out[(oy0 + r) * ow + start..][..n];
                    row.iter_mut().zip(sum).for_each(|(o, s)| *o = *s);
                    activate(act.0, act.1, act.2, row);
                }
            }
        }
    }

    /// The sums of the first `count` of [`ROWS`] blocks of [`LANES`] outputs, block `r`'s
    /// windows starting at `base[r]`.
    fn block(
        &self,
        data: &[f32],
        w: &[f32],
        bias: f32,
        base: [usize; ROWS],
        count: usize,
    ) -> [[f32; LANES]; ROWS] {
        let mut sums = [[bias; LANES]; ROWS];
        for (sum, &b) in sums.iter_mut().zip(&base).take(count) {
            for (&offset, &wv) in self.offsets.iter().zip(w) {
                let src: &[f32; LANES] = data[b + offset..][..LANES].try_into().expect("LANES");
                for l in 0..LANES {
                    sum[l] += wv * src[l];
                }
            }
        }
        sums
    }

    /// [`Layout::block`] for all [`ROWS`] blocks, in AVX registers with fused multiply-adds.
    /// With `dst` (the block's first output, the distance between rows, and the activation),
    /// the block is activated and stored there; otherwise its sums are returned.
    ///
    /// # Safety
    /// The CPU has AVX and FMA; `data` holds every tap of every block (`base[r] + offset +
    /// LANES` for each); `dst`, if given, is valid for [`ROWS`] rows of [`LANES`].
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx,fma")]
    unsafe fn block_fma(
        &self,
        data: &[f32],
        w: &[f32],
        bias: f32,
        base: [usize; ROWS],
        dst: Option<(*mut f32, usize, (i32, f32, f32))>,
    ) -> Option<[[f32; LANES]; ROWS]> {
        use std::arch::x86_64::{
            _mm256_fmadd_ps, _mm256_loadu_ps, _mm256_set1_ps, _mm256_storeu_ps,
        };
        let mut acc = [_mm256_set1_ps(bias); ROWS];
        let d = data.as_ptr();
        for (&offset, &wv) in self.offsets.iter().zip(w) {
            let wv = _mm256_set1_ps(wv);
            for r in 0..ROWS {
                // SAFETY: LANES = 8 floats of `data` (the caller's guarantee).
                let v = unsafe { _mm256_loadu_ps(d.add(base[r] + offset)) };
                acc[r] = _mm256_fmadd_ps(wv, v, acc[r]);
            }
        }
        if let Some((dst, ld, act)) = dst {
            for (r, &a) in acc.iter().enumerate() {
                // SAFETY: row `r` of the block (the caller's guarantee).
                unsafe { _mm256_storeu_ps(dst.add(r * ld), gemm::activate_fma(act, a)) };
            }
            return None;
        }
        let mut sums = [[0f32; LANES]; ROWS];
        for (sum, a) in sums.iter_mut().zip(acc) {
            // SAFETY: `sum` is LANES = 8 floats, one 256-bit store.
            unsafe { _mm256_storeu_ps(sum.as_mut_ptr(), a) };
        }
        Some(sums)
    }
}

/// Whether the CPU has AVX and FMA (and so [`Layout::block_fma`] may run).
fn fma_available() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::arch::is_x86_feature_detected!("avx") && std::arch::is_x86_feature_detected!("fma")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

/// NaN if either is, else the larger: `fmax` in ops.rs.
fn fmax(a: f32, b: f32) -> f32 {
    if a.is_nan() || b.is_nan() {
        a + b
    } else if a > b {
        a
    } else {
        b
    }
}

/// The one input of a kernel that takes one.
fn one<'a>(inputs: &[&'a [f32]]) -> Result<&'a [f32], String> {
    match *inputs {
        [x] => Ok(x),
        _ => Err(format!("{} inputs, not 1", inputs.len())),
    }
}

/// `pool_f32`: max or average pooling over windows of up to three dimensions; see ops.rs for
/// the parameters. Each window as `pool_window` there computes it.
fn pool(
    p: &[i32],
    inputs: &[&[f32]],
    y: &mut [f32],
    Ctx { par, .. }: Ctx<'_>,
) -> Result<(), String> {
    let x = one(inputs)?;
    let s = |k| size(p, k);
    let int = |k: usize| p.get(k).copied().ok_or("too few parameters");
    let (n, c, d, h, w) = (s(0)?, s(1)?, s(2)?, s(3)?, s(4)?);
    let (od, oh, ow) = (s(5)?, s(6)?, s(7)?);
    let (kd, kh, kw) = (s(8)?, s(9)?, s(10)?);
    let stride = [int(11)?, int(12)?, int(13)?];
    let pad = [int(14)?, int(15)?, int(16)?];
    let dilation = [int(17)?, int(18)?, int(19)?];
    let (average, include_pad) = (int(20)? == 1, int(21)? != 0);
    if stride.iter().chain(&dilation).any(|&v| v < 1) {
        return Err(format!(
            "strides {stride:?} or dilations {dilation:?} below 1"
        ));
    }
    // Where padding ends: windows that ceil_mode lets run past it do not count what is beyond.
    let end = [
        d as i32 + int(22)?,
        h as i32 + int(23)?,
        w as i32 + int(24)?,
    ];
    let (plane, out_plane) = (product(&[d, h, w])?, product(&[od, oh, ow])?);
    fits("x", x, product(&[n, c, plane])?)?;
    fits("y", y, product(&[n, c, out_plane])?)?;
    if out_plane == 0 {
        return Ok(());
    }
    let y = &mut y[..n * c * out_plane];
    let window = product(&[kd, kh, kw])?;
    // The outputs along a row whose windows lie inside it.
    let columns_inside = {
        let first = (pad[2] + stride[2] - 1).div_euclid(stride[2]).max(0);
        let reach = (kw as i32 - 1) * dilation[2];
        let last = (w as i32 - 1 - reach + pad[2]).div_euclid(stride[2]);
        (first, (last + 1).clamp(first, ow as i32))
    };
    par.run(y.len() * window / ELEMENTS_PER_NS, |loops| {
        loops.chunks_with_scratch(y, out_plane, |scratch, i, out| {
            let xp = &x[i * plane..][..plane];
            // Output coordinates by counting, not dividing (a division per output costs more
            // than a small window).
            let mut outputs = out.iter_mut();
            for oz in 0..od as i32 {
                for oy in 0..oh as i32 {
                    // Outputs whose windows lie inside the input (in 2-D, where the depth
                    // window is the one plane) are reduced with no checks, and separably: each
                    // column of the rows under the windows first, then along the row.
                    let y0 = oy * stride[1] - pad[1];
                    let rows_inside = kd == 1
                        && d == 1
                        && y0 >= 0
                        && y0 + (kh as i32 - 1) * dilation[1] < h as i32;
                    let (lo, hi) = if rows_inside { columns_inside } else { (0, 0) };
                    let mut ox = 0;
                    while ox < ow as i32 {
                        if ox == lo && lo < hi {
                            let xa = (lo * stride[2] - pad[2]) as usize;
                            let xb = ((hi - 1) * stride[2] - pad[2]) as usize
                                + (kw - 1) * dilation[2] as usize;
                            let columns = sized(scratch, xb + 1 - xa);
                            let row = |ky: usize| {
                                let iy = y0 as usize + ky * dilation[1] as usize;
                                &xp[iy * w + xa..=iy * w + xb]
                            };
                            columns.copy_from_slice(row(0));
                            for ky in 1..kh {
                                let pairs = columns.iter_mut().zip(row(ky));
                                if average {
                                    pairs.for_each(|(c, &v)| *c += v);
                                } else {
                                    pairs.for_each(|(c, &v)| *c = fmax(*c, v));
                                }
                            }
                            for o in 0..(hi - lo) as usize {
                                let at = o * stride[2] as usize;
                                let mut acc = columns[at];
                                for kx in 1..kw {
                                    let v = columns[at + kx * dilation[2] as usize];
                                    acc = if average { acc + v } else { fmax(acc, v) };
                                }
                                let v = outputs.next().expect("out_plane outputs");
                                *v = if average { acc / window as f32 } else { acc };
                            }
                            ox = hi;
                            continue;
                        }
                        let at = [oz, oy, ox];
                        let start: [i32; 3] = std::array::from_fn(|a| at[a] * stride[a] - pad[a]);
                        let (mut acc, mut count) =
                            (if average { 0.0 } else { f32::NEG_INFINITY }, 0u32);
                        for kz in 0..kd as i32 {
                            let zz = start[0] + kz * dilation[0];
                            for ky in 0..kh as i32 {
                                let yy = start[1] + ky * dilation[1];
                                for kx in 0..kw as i32 {
                                    let xx = start[2] + kx * dilation[2];
                                    let inside = (0..d as i32).contains(&zz)
                                        && (0..h as i32).contains(&yy)
                                        && (0..w as i32).contains(&xx);
                                    if inside {
                                        let v =
                                            xp[(zz as usize * h + yy as usize) * w + xx as usize];
                                        acc = if average { acc + v } else { fmax(acc, v) };
                                        count += 1;
                                    } else if include_pad
                                        && zz < end[0]
                                        && yy < end[1]
                                        && xx < end[2]
                                    {
                                        count += 1;
                                    }
                                }
                            }
                        }
                        let v = outputs.next().expect("out_plane outputs");
                        *v = if average {
                            acc / count.max(1) as f32
                        } else {
                            acc
                        };
                        ox += 1;
                    }
                }
            }
        })
    });
    Ok(())
}

/// `global_pool_f32`: the average (kind 0) or maximum (kind 1) of each plane. Parameters
/// `[plane, kind, planes]`.
fn global_pool(
    p: &[i32],
    inputs: &[&[f32]],
    y: &mut [f32],
    Ctx { par, .. }: Ctx<'_>,
) -> Result<(), String> {
    let x = one(inputs)?;
    let (plane, max, planes) = (size(p, 0)?, size(p, 1)? == 1, size(p, 2)?);
    fits("x", x, product(&[planes, plane])?)?;
    fits("y", y, planes)?;
    let y = &mut y[..planes];
    par.run(y.len() * plane / ELEMENTS_PER_NS, |loops| {
        loops.chunks(y, 1, |i, out| {
            let xp = &x[i * plane..][..plane];
            out[0] = if max {
                xp.iter().fold(f32::NEG_INFINITY, |acc, &v| fmax(acc, v))
            } else {
                xp.iter().sum::<f32>() / plane as f32
            };
        })
    });
    Ok(())
}

/// Binary operator codes (`binop` in ops.rs).
mod binop {
    pub const ADD: i32 = 0;
    pub const SUB: i32 = 1;
    pub const MUL: i32 = 2;
    pub const DIV: i32 = 3;
    pub const MAX: i32 = 4;
    pub const MIN: i32 = 5;
    pub const PRELU: i32 = 7;

    /// The ones [`super::binary`] computes (Pow and Mod stay portable).
    pub fn native(op: i32) -> bool {
        matches!(op, ADD | SUB | MUL | DIV | MAX | MIN | PRELU)
    }
}

/// The rank of the strided kernels' index arithmetic (`RANK` in ops.rs).
const RANK: usize = crate::ops::RANK;

/// `binary_f32`: `y = a op b` with broadcasting. Parameters `[op, dims[RANK], a_strides[RANK],
/// b_strides[RANK], contiguous]`.
fn binary(
    p: &[i32],
    inputs: &[&[f32]],
    y: &mut [f32],
    Ctx { par, .. }: Ctx<'_>,
) -> Result<(), String> {
    let [a, b] = match *inputs {
        [a, b] => [a, b],
        _ => return Err(format!("{} inputs, not 2", inputs.len())),
    };
    if p.len() < 2 + 3 * RANK {
        return Err("too few parameters".into());
    }
    let dims: Vec<usize> = (0..RANK)
        .map(|d| size(p, 1 + d))
        .collect::<Result<_, _>>()?;
    let len = product(&dims)?;
    fits("y", y, len)?;
    let y = &mut y[..len];
    if len == 0 {
        return Ok(());
    }
    let contiguous = p[1 + 3 * RANK] == 1;
    let strides =
        |at: usize| -> Result<Vec<usize>, String> { (0..RANK).map(|d| size(p, at + d)).collect() };
    let (sa, sb) = if contiguous {
        (crate::tensor::strides(&dims), crate::tensor::strides(&dims))
    } else {
        (strides(1 + RANK)?, strides(1 + 2 * RANK)?)
    };
    // The last element each input is read at.
    let last = |s: &[usize]| dims.iter().zip(s).map(|(d, s)| (d - 1) * s).sum::<usize>();
    fits("a", a, last(&sa) + 1)?;
    fits("b", b, last(&sb) + 1)?;
    let shape = Strided {
        dims: &dims,
        sa: &sa,
        sb: &sb,
        par,
    };
    match p[0] {
        binop::ADD => shape.apply(a, b, y, |x, y| x + y),
        binop::SUB => shape.apply(a, b, y, |x, y| x - y),
        binop::MUL => shape.apply(a, b, y, |x, y| x * y),
        binop::DIV => shape.apply(a, b, y, |x, y| x / y),
        // As `fmax` and `fmin` in ops.rs: NaN if either is.
        binop::MAX => shape.apply(a, b, y, |x, y| {
            if x.is_nan() || y.is_nan() {
                x + y
            } else if x > y {
                x
            } else {
                y
            }
        }),
        binop::MIN => shape.apply(a, b, y, |x, y| {
            if x.is_nan() || y.is_nan() {
                x + y
            } else if x < y {
                x
            } else {
                y
            }
        }),
        binop::PRELU => shape.apply(a, b, y, |x, s| if x < 0.0 { x * s } else { x }),
        op => return Err(format!("binary operator {op} has no native kernel")),
    }
    Ok(())
}

/// Two inputs read with their own strides over the output's dimensions.
struct Strided<'a> {
    dims: &'a [usize],
    sa: &'a [usize],
    sb: &'a [usize],
    par: Par<'a>,
}

impl Strided<'_> {
    /// `y[i] = f(a[i'], b[i''])` over rows of the innermost dimension, rows shared out among
    /// the threads.
    fn apply(&self, a: &[f32], b: &[f32], y: &mut [f32], f: impl Fn(f32, f32) -> f32 + Sync) {
        let inner = self.dims[RANK - 1];
        let (ia, ib) = (self.sa[RANK - 1], self.sb[RANK - 1]);
        // At least 16 Ki elements per task: below that a task costs more than it saves.
        let rows_per_task = (16384 / inner).max(1);
        self.par.run(y.len() / ELEMENTS_PER_NS, |loops| {
            loops.chunks(y, rows_per_task * inner, |t, chunk| {
                for (r, out) in chunk.chunks_exact_mut(inner).enumerate() {
                    let (mut row, mut oa, mut ob) = (t * rows_per_task + r, 0, 0);
                    for d in (0..RANK - 1).rev() {
                        let coord = row % self.dims[d];
                        row /= self.dims[d];
                        oa += coord * self.sa[d];
                        ob += coord * self.sb[d];
                    }
                    match (ia, ib) {
                        (1, 1) => {
                            for ((o, x), y) in out.iter_mut().zip(&a[oa..]).zip(&b[ob..]) {
                                *o = f(*x, *y);
                            }
                        }
                        (1, 0) => {
                            let y = b[ob];
                            for (o, x) in out.iter_mut().zip(&a[oa..]) {
                                *o = f(*x, y);
                            }
                        }
                        (0, 1) => {
                            let x = a[oa];
                            for (o, y) in out.iter_mut().zip(&b[ob..]) {
                                *o = f(x, *y);
                            }
                        }
                        _ => {
                            for (k, o) in out.iter_mut().enumerate() {
                                *o = f(a[oa + k * ia], b[ob + k * ib]);
                            }
                        }
                    }
                }
            })
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The AVX and FMA convolutions against the portable ones, which the CPUs that run the tests
    /// would otherwise never take: every path, strides, dilations, pads, channel multipliers,
    /// partial blocks of channels and of outputs, with and without a team.
    #[test]
    fn simd_convolutions_match_the_portable_ones() {
        if !fma_available() {
            return eprintln!("no AVX and FMA here: only the portable kernels run");
        }
        let team = Team::new(2);
        let mut seed = 12345u32;
        let mut next = |below: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed as usize % below
        };
        let mut paths = std::collections::BTreeSet::new();
        for case in 0..100 {
            // From case 60 on, depthwise convolutions as networks have them (3 or 5 columns,
            // stride 1 or 2, undilated), which the lanes path sums along rows.
            let typical = case >= 60;
            let groups = if typical {
                [9, 16, 24][next(3)]
            } else {
                [1, 1, 2, 3, 8][next(5)]
            };
            let depthwise = typical || case % 2 == 0;
            let cg = if depthwise { 1 } else { 1 + next(4) };
            let mg = if typical {
                1 + next(2)
            } else {
                [1, 2, 3, 8, 16][next(5)]
            };
            let (c, m) = (cg * groups, mg * groups);
            let (kh, mut kw) = (1 + next(5), 1 + next(5));
            let (sh, mut sw, dh, mut dw) = (1 + next(2), 1 + next(3), 1 + next(2), 1 + next(2));
            if typical {
                (kw, sw, dw) = ([3, 5][next(2)], 1 + next(2), 1);
            }
            let (ph, pw) = (next(3), next(3));
            let (n, h, w) = (1 + next(2), 5 + next(20), 5 + next(20));
            let oh = (h + 2 * ph).saturating_sub((kh - 1) * dh + 1) / sh + 1;
            let ow = (w + 2 * pw).saturating_sub((kw - 1) * dw + 1) / sw + 1;
            if h + 2 * ph < (kh - 1) * dh + 1 || w + 2 * pw < (kw - 1) * dw + 1 {
                continue;
            }
            let act = [
                (-1, 0.0f32, 0.0f32),
                (0, 0.0, 0.0),
                (13, 0.0, 0.0),
                (11, -0.3, 0.4),
            ][next(4)];
            let mut p: Vec<i32> = [
                n, c, h, w, m, oh, ow, kh, kw, sh, sw, ph, pw, dh, dw, groups,
            ]
            .iter()
            .map(|&v| v as i32)
            .collect();
            p.extend([1, act.0, act.1.to_bits() as i32, act.2.to_bits() as i32]);
            let values = |len: usize, next: &mut dyn FnMut(usize) -> usize| -> Vec<f32> {
                (0..len).map(|_| next(2001) as f32 / 1000.0 - 1.0).collect()
            };
            let x = values(n * c * h * w, &mut next);
            let wt = values(m * cg * kh * kw, &mut next);
            let bias = values(m, &mut next);
            let cv = Conv::parse(&p).unwrap();
            paths.insert(format!("{:?}", cv.path(true)));
            let mut outs = Vec::new();
            for (simd, team) in [(false, None), (true, None), (true, Some(&team))] {
                let mut y = vec![f32::NAN; n * m * oh * ow];
                let cx = Ctx {
                    scratch: &mut Vec::new(),
                    par: Par::new(team),
                    packed: None,
                };
                conv2d_with(&p, &[&x, &wt, &bias], &mut y, cx, simd).unwrap();
                outs.push(y);
            }
            for y in &outs[1..] {
                for (i, (a, b)) in y.iter().zip(&outs[0]).enumerate() {
                    assert!(
                        (a - b).abs() <= 1e-4 * (1.0 + b.abs()),
                        "case {case} {cv:?} at {i}: {a} against {b}"
                    );
                }
            }
        }
        assert!(paths.len() >= 3, "paths taken: {paths:?}");
    }
}
