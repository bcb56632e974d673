//! Per-launch time on a `cpu` device of one thread and of two, alternating runs in one process
//! (a VM's speed moves between invocations): which launches the second thread helps.
//!
//! `cargo run --release -p wasi-parallel-nn --example scaling -- [MODEL]` (a folder of
//! `../shared/models` or `$WASI_PARALLEL_MODELS`; pplcnet-orientation by default).

mod common;

fn main() {
    let name = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "pplcnet-orientation".into());
    let (model, input) = common::fixture(&name);
    let prepared: Vec<_> = [1, 2]
        .map(|threads| {
            let rt = common::runtime(Some(threads));
            let cpu = common::device(&rt, "cpu");
            rt.prepare(model.clone(), cpu).expect("prepare")
        })
        .into_iter()
        .collect();
    let mut per: Vec<Vec<Vec<f64>>> = vec![Vec::new(), Vec::new()];
    let mut names = Vec::new();
    for round in 0..200 {
        for (k, p) in prepared.iter().enumerate() {
            let (_, times) = p.profile(std::slice::from_ref(&input)).unwrap();
            if round < 10 {
                continue;
            }
            per[k].resize(times.len(), Vec::new());
            names = times.iter().map(|t| (t.kernel, t.items)).collect();
            for (j, t) in times.iter().enumerate() {
                per[k][j].push(t.time.as_secs_f64() * 1e3);
            }
        }
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let (mut s1, mut s2) = (0.0, 0.0);
    for (j, (kernel, items)) in names.iter().enumerate() {
        let (a, b) = (median(&mut per[0][j]), median(&mut per[1][j]));
        s1 += a;
        s2 += b;
        println!(
            "{kernel:<16} {items:>8} items  1 thread {a:.3} ms  2 threads {b:.3} ms  x{:.2}",
            a / b
        );
    }
    println!(
        "sum: 1 thread {s1:.3} ms, 2 threads {s2:.3} ms, x{:.2}",
        s1 / s2
    );
}
