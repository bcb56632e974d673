//! Where a model's time goes: runs a model from `../shared/models` on a device and prints the
//! time per operator kernel (with `WASI_PARALLEL_PROFILE_EACH=1`, per launch too).
//!
//! `cargo run --release -p wasi-parallel-nn --example profile -- MODEL [DEVICE] [RUNS]`

mod common;

use std::collections::BTreeMap;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let name = args.first().map_or("mnist", String::as_str);
    let device = args.get(1).map_or("cpu", String::as_str);
    let runs: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(10);
    let (model, input) = common::fixture(name);
    let rt = common::runtime(None);
    let index = common::device(&rt, device);
    let prepared = rt.prepare(model, index).unwrap();
    prepared.run(std::slice::from_ref(&input)).unwrap();
    let mut per_kernel: BTreeMap<&str, (usize, f64)> = BTreeMap::new();
    // WASI_PARALLEL_PROFILE_EACH=1: every launch, in order, with its median time over the runs.
    if std::env::var_os("WASI_PARALLEL_PROFILE_EACH").is_some() {
        let mut each: Vec<Vec<f64>> = Vec::new();
        let mut names = Vec::new();
        for _ in 0..runs {
            let (_, times) = prepared.profile(std::slice::from_ref(&input)).unwrap();
            each.resize(times.len(), Vec::new());
            names = times
                .iter()
                .map(|t| (t.kernel, t.items, t.native))
                .collect();
            for (k, t) in times.iter().enumerate() {
                each[k].push(t.time.as_secs_f64());
            }
        }
        for ((kernel, items, native), mut times) in names.into_iter().zip(each) {
            times.sort_by(f64::total_cmp);
            let how = if native { "native" } else { "wasm" };
            let median = times[times.len() / 2] * 1e3;
            println!("  {kernel:<18} {how:<6} {items:>9} items {median:>9.3} ms");
        }
    }
    let started = std::time::Instant::now();
    for _ in 0..runs {
        let (_, times) = prepared.profile(std::slice::from_ref(&input)).unwrap();
        for t in times {
            let e = per_kernel.entry(t.kernel).or_default();
            e.0 += 1;
            e.1 += t.time.as_secs_f64();
        }
    }
    let total = started.elapsed().as_secs_f64() / runs as f64;
    println!("{name} on {device}: {:.3} ms per run", total * 1e3);
    let mut rows: Vec<_> = per_kernel.into_iter().collect();
    rows.sort_by(|a, b| b.1 .1.total_cmp(&a.1 .1));
    for (kernel, (launches, secs)) in rows {
        println!(
            "  {kernel:<18} {:>5} launches/run {:>9.3} ms/run",
            launches / runs,
            secs / runs as f64 * 1e3
        );
    }
}
