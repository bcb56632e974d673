//! The `wasi-parallel` command line, and what it does as a library.
//!
//! The embedding API lives in `wasi-parallel-runtime` (the `wasi_ephemeral_parallel` host) and
//! `wasi-parallel-nn` (the wasi-nn host); neither depends on this crate. This crate puts them
//! together the way `wasmtime run` puts Wasmtime and its WASI crates together: [`command`] runs a
//! WASI preview 1 command with wasi-parallel and wasi-nn, and the `wasi-parallel` binary
//! (`src/main.rs`) parses the command line around it. Benchmarks (`prk-bench`) use [`command`]
//! so that they run guests exactly as the CLI does.

pub mod command;
