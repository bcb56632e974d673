//! The translator never panics, whatever the module: the snapshot inputs mutated byte by byte
//! (mostly invalid modules, which must be refused) and operator by operator (an arithmetic,
//! comparison or unary opcode swapped for another of the same type, which keeps most modules
//! valid and takes the translator down paths no snapshot takes). What translates must also be
//! accepted or refused by the OpenCL writer without a panic. The same property is the cargo-fuzz
//! target in `fuzz/`, for unbounded runs.

use std::path::Path;

use wasi_parallel_translator::back::opencl;
use wasi_parallel_translator::{translate, KernelRef, Options};

/// Mutations per input and kind.
const MUTATIONS: usize = 150;

/// Opcode classes whose members can replace each other without changing types.
const CLASSES: &[std::ops::RangeInclusive<u8>] = &[
    0x46..=0x4f, // i32 comparisons
    0x51..=0x5a, // i64 comparisons
    0x5b..=0x60, // f32 comparisons
    0x61..=0x66, // f64 comparisons
    0x67..=0x69, // i32 clz ctz popcnt
    0x6a..=0x78, // i32 binary
    0x79..=0x7b, // i64 clz ctz popcnt
    0x7c..=0x8a, // i64 binary
    0x8b..=0x91, // f32 unary
    0x92..=0x98, // f32 binary
    0x99..=0x9f, // f64 unary
    0xa0..=0xa6, // f64 binary
];

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// Translates `wasm` every way there is; returns how many translations succeeded.
fn translate_every_way(wasm: &[u8]) -> usize {
    let mut translated = 0;
    for kernel in [
        KernelRef::TableIndex(1),
        KernelRef::TableIndex(2),
        KernelRef::Export("kernel"),
    ] {
        for (f64, i64) in [(true, true), (false, true), (true, false)] {
            let options = Options {
                f64,
                i64,
                ..Options::default()
            };
            if let Ok(t) = translate(wasm, kernel, &options) {
                translated += 1;
                let _ = opencl::write(&t.module, &t.info, &opencl::Options { f64, i64 });
            }
        }
    }
    translated
}

#[test]
fn mutated_modules_are_translated_or_refused_never_a_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/in");
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/in")
        .map(|e| e.expect("entry").path())
        .collect();
    inputs.sort();
    let (mut runs, mut translated) = (0, 0);
    for (n, path) in inputs.iter().enumerate() {
        let text = std::fs::read(path).expect("input");
        let wasm = wat::parse_bytes(&text).expect("WAT or Wasm").into_owned();
        let mut rng = Rng(0x5eed + n as u64);
        for _ in 0..MUTATIONS {
            let mut bytes = wasm.clone();
            let at = rng.below(bytes.len());
            match rng.below(3) {
                0 => bytes[at] = rng.below(256) as u8,
                1 => bytes.truncate(at),
                _ => {
                    bytes.remove(at);
                }
            }
            translated += translate_every_way(&bytes);
            runs += 1;
        }
        // Opcode swaps: every byte that could be an operator of a class is a candidate.
        let candidates: Vec<(usize, usize)> = wasm
            .iter()
            .enumerate()
            .filter_map(|(i, b)| CLASSES.iter().position(|c| c.contains(b)).map(|c| (i, c)))
            .collect();
        for _ in 0..MUTATIONS.min(candidates.len() * 4) {
            let mut bytes = wasm.clone();
            for _ in 0..1 + rng.below(3) {
                let (at, class) = candidates[rng.below(candidates.len())];
                let range = &CLASSES[class];
                let width = (range.end() - range.start()) as usize + 1;
                bytes[at] = range.start() + rng.below(width) as u8;
            }
            translated += translate_every_way(&bytes);
            runs += 1;
        }
    }
    eprintln!("{runs} mutants, {translated} translations");
    // Not a vacuous test: many mutants are valid kernels that translate.
    assert!(runs > 1000, "{runs} mutants");
    assert!(
        translated > 200,
        "only {translated} translations of {runs} mutants"
    );
}
