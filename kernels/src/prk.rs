//! What the PRK guests share: their command line, the element type (`f64`, or `f32` with
//! `--f32`), the timing rule (iterations + 1 passes, the first untimed), and PRK's report lines.

use std::process::ExitCode;
use std::string::{String, ToString};
use std::time::Instant;
use std::vec::Vec;
use std::{eprintln, println};

use crate::Pod;

/// The floating-point element of a kernel: `f64` by default, `f32` with `--f32`.
pub trait Real:
    Pod
    + PartialOrd
    + core::fmt::Display
    + core::ops::Add<Output = Self>
    + core::ops::Sub<Output = Self>
    + core::ops::Mul<Output = Self>
    + core::ops::Div<Output = Self>
    + core::ops::AddAssign
    + core::ops::SubAssign
    + core::ops::MulAssign
{
    /// PRK's name for the type in its banner.
    const NAME: &'static str;
    /// Zero.
    const ZERO: Self;
    /// One.
    const ONE: Self;
    /// The value nearest to `value`.
    fn of(value: f64) -> Self;
    /// A whole number, converted in `Self`'s own precision (no `f64` in an `f32` kernel).
    fn whole(value: usize) -> Self;
    /// The value as `f64`, exactly.
    fn to_f64(self) -> f64;
    /// Absolute value.
    fn abs(self) -> Self;
}

impl Real for f64 {
    const NAME: &'static str = "f64";
    const ZERO: f64 = 0.0;
    const ONE: f64 = 1.0;
    fn of(value: f64) -> f64 {
        value
    }
    fn whole(value: usize) -> f64 {
        value as f64
    }
    fn to_f64(self) -> f64 {
        self
    }
    fn abs(self) -> f64 {
        f64::abs(self)
    }
}

impl Real for f32 {
    const NAME: &'static str = "f32";
    const ZERO: f32 = 0.0;
    const ONE: f32 = 1.0;
    fn of(value: f64) -> f32 {
        value as f32
    }
    fn whole(value: usize) -> f32 {
        value as f32
    }
    fn to_f64(self) -> f64 {
        f64::from(self)
    }
    fn abs(self) -> f32 {
        f32::abs(self)
    }
}

/// A guest's command line: PRK's positional arguments, and `--f32`.
pub struct Args {
    positional: Vec<String>,
    /// Compute in `f32` instead of `f64` (for devices without f64), with PRK's single-precision
    /// tolerances.
    pub f32: bool,
}

/// A command line PRK's rules reject; the guest prints it with its usage line and exits with 2.
pub struct Usage(pub String);

impl Args {
    /// The process's arguments.
    pub fn from_env() -> Args {
        let mut positional = Vec::new();
        let mut f32 = false;
        for arg in std::env::args().skip(1) {
            if arg == "--f32" {
                f32 = true;
            } else {
                positional.push(arg);
            }
        }
        Args { positional, f32 }
    }

    /// Positional argument `index` (0 = the first after the program name) as a number of at
    /// least `min`; `default` when absent, or an error when there is none.
    pub fn number(
        &self,
        index: usize,
        name: &str,
        default: Option<usize>,
        min: usize,
    ) -> Result<usize, Usage> {
        let value = match (self.positional.get(index), default) {
            (Some(text), _) => text
                .parse()
                .map_err(|_| Usage(std::format!("{name} must be a number, not `{text}`")))?,
            (None, Some(value)) => value,
            (None, None) => return Err(Usage(std::format!("missing {name}"))),
        };
        if value < min {
            return Err(Usage(std::format!(
                "{name} must be at least {min}, not {value}"
            )));
        }
        Ok(value)
    }

    /// Positional argument `index` as text, if given.
    pub fn text(&self, index: usize) -> Option<&str> {
        self.positional.get(index).map(String::as_str)
    }

    /// Fails when more than `count` positional arguments were given.
    pub fn at_most(&self, count: usize) -> Result<(), Usage> {
        match self.positional.get(count) {
            Some(extra) => Err(Usage(std::format!("unexpected argument `{extra}`"))),
            None => Ok(()),
        }
    }
}

/// How a guest's run ended.
pub enum Outcome {
    /// Validated; the rate was printed.
    Validated,
    /// The solution was wrong; PRK's failure lines were printed.
    Invalid,
}

/// Runs a guest: parses the command line, calls `run` for the element type `--f32` picks, and
/// maps the outcome to PRK's exit status (2 for a bad command line, 1 when the solution does not
/// validate or the host fails).
pub fn main(
    usage: &str,
    run: impl FnOnce(&Args) -> Result<Result<Outcome, crate::Error>, Usage>,
) -> ExitCode {
    let args = Args::from_env();
    match run(&args) {
        Ok(Ok(Outcome::Validated)) => ExitCode::SUCCESS,
        Ok(Ok(Outcome::Invalid)) => ExitCode::FAILURE,
        Ok(Err(e)) => {
            eprintln!("ERROR: {e}");
            ExitCode::FAILURE
        }
        Err(Usage(problem)) => {
            eprintln!("ERROR: {problem}");
            eprintln!("Usage: {usage} [--f32]");
            ExitCode::from(2)
        }
    }
}

/// Prints PRK's banner: the kernel's title and its parameters.
pub fn banner<T: Real>(title: &str, parameters: &[(&str, String)]) {
    println!("Parallel Research Kernels");
    println!("Rust/wasi-parallel {title}");
    println!("Element type         = {}", T::NAME);
    for (name, value) in parameters {
        println!("{name:<21}= {value}");
    }
}

/// Runs `pass` `iterations + 1` times and returns the average seconds of the timed ones (all but
/// the first).
pub fn timed<E>(iterations: usize, mut pass: impl FnMut(usize) -> Result<(), E>) -> Result<f64, E> {
    let mut start = Instant::now();
    for k in 0..=iterations {
        if k == 1 {
            start = Instant::now();
        }
        pass(k)?;
    }
    Ok(start.elapsed().as_secs_f64() / iterations.max(1) as f64)
}

/// Prints PRK's closing lines for a validated run: `Solution validates` and the rate line.
pub fn validated(unit: &str, rate: f64, seconds: f64) -> Outcome {
    println!("Solution validates");
    println!("Rate ({unit}): {rate:.3} Avg time (s): {seconds:.6}");
    Outcome::Validated
}

/// Prints PRK's lines for a solution that does not validate.
pub fn invalid(
    what: &str,
    expected: impl core::fmt::Display,
    observed: impl core::fmt::Display,
) -> Outcome {
    println!("ERROR: {what}: expected {expected}, observed {observed}");
    println!("ERROR: solution did not validate");
    Outcome::Invalid
}

/// `(observed - expected) / expected` is within `epsilon` (PRK's relative check).
pub fn close(observed: f64, expected: f64, epsilon: f64) -> bool {
    ((observed - expected) / expected).abs() <= epsilon
}

/// Text of a value, for banners.
pub fn show(value: impl ToString) -> String {
    value.to_string()
}
