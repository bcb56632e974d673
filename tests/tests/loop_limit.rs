//! Devices that end loops silently past a limit (lavapipe: 65535 iterations per invocation,
//! over all its loops) make the work item trap instead of giving a wrong result: in strict mode
//! the launch is `KERNEL_TRAPPED`, otherwise it runs again on the CPU executor from copies of
//! its buffers taken before it. Below the limit every device gives the CPU executor's results.

use wasi_parallel_runtime::Errno;
use wasi_parallel_tests::suite::{
    check, context, context_with, devices, run, Case, Suite, Ty, PARAMS,
};

/// A kernel storing how many loop iterations it ran: `loops` counts them in `$c`.
fn counting(name: &str, loops: &str) -> Case {
    Case {
        name: name.into(),
        wat: format!(
            "(func ${name} {PARAMS} (local $c i32) (local $k i32) (local $j i32)\n{loops}\n\
             (i32.store (i32.add (local.get $o) (i32.shl (local.get $i) (i32.const 3))) \
             (local.get $c)))"
        ),
        input: Ty::I32,
        outputs: vec![Ty::I32],
        out_bytes: 0,
        traps: false,
        in_place: false,
    }
}

/// A loop of `count` iterations, with blocks and an `if` inside (which lavapipe does not count).
fn loop_of(count: u32) -> String {
    format!(
        "(local.set $k (i32.const 0))\n\
         (loop $l\n\
           (block $x (br_if $x (i32.eqz (local.get $k))))\n\
           (if (local.get $i) (then (nop)))\n\
           (local.set $c (i32.add (local.get $c) (i32.const 1)))\n\
           (local.set $k (i32.add (local.get $k) (i32.const 1)))\n\
           (br_if $l (i32.lt_u (local.get $k) (i32.const {count}))))"
    )
}

fn suite(cases: Vec<Case>) -> Suite {
    Suite::from_wat("loops", cases, "")
}

#[test]
fn below_the_limit_every_device_agrees() {
    let cases = vec![
        counting("one_65534", &loop_of(65534)),
        counting(
            "two_30000",
            &format!("{} {}", loop_of(30000), loop_of(30000)),
        ),
        // 250 outer and 62500 inner iterations.
        counting(
            "nested_250x250",
            "(local.set $k (i32.const 0))\n\
             (loop $outer\n\
               (local.set $j (i32.const 0))\n\
               (loop $inner\n\
                 (local.set $c (i32.add (local.get $c) (i32.const 1)))\n\
                 (local.set $j (i32.add (local.get $j) (i32.const 1)))\n\
                 (br_if $inner (i32.lt_u (local.get $j) (i32.const 250))))\n\
               (local.set $k (i32.add (local.get $k) (i32.const 1)))\n\
               (br_if $outer (i32.lt_u (local.get $k) (i32.const 250))))",
        ),
    ];
    let failures = check(&suite(cases), &devices());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn past_the_limit_lavapipe_traps_and_the_others_count_on() {
    let cases = vec![
        counting("one_70000", &loop_of(70000)),
        counting(
            "two_40000",
            &format!("{} {}", loop_of(40000), loop_of(40000)),
        ),
    ];
    let suite = suite(cases);
    let mut lavapipe = false;
    for (device, _) in devices() {
        let ctx = context(&device);
        let limited = ctx
            .devices()
            .iter()
            .any(|d| d.info().name == device && d.info().limits.max_loop_iterations.is_some());
        lavapipe |= limited;
        let mut g = suite.program.instantiate(&ctx).expect("instantiate");
        for (case, &pointer) in suite.cases.iter().zip(&suite.pointers) {
            let (errno, out) = run(&mut g, pointer, suite.staging, case);
            if limited {
                assert_eq!(
                    Errno::from_raw(errno),
                    Some(Errno::KernelTrapped),
                    "{device}: {}",
                    case.name
                );
            } else {
                assert_eq!(errno, 0, "{device}: {}", case.name);
                let want: u32 = if case.name == "one_70000" {
                    70000
                } else {
                    80000
                };
                assert_eq!(out[..4], want.to_le_bytes(), "{device}: {}", case.name);
            }
        }
    }
    if std::env::var_os("CI").is_some() {
        assert!(lavapipe, "CI has lavapipe, whose loops are limited");
    }
}

/// `a[i] += 1`, a loop of 70,000 iterations, then `a[i] += count`: a kernel that changes its
/// buffer before it reaches lavapipe's limit.
fn in_place() -> Case {
    Case {
        name: "in_place_70000".into(),
        wat: format!(
            "(func $in_place_70000 {PARAMS} (local $c i32) (local $k i32) (local $p i32)\n\
             (local.set $p (i32.add (local.get $a) (i32.shl (local.get $i) (i32.const 3))))\n\
             (i32.store (local.get $p) (i32.add (i32.load (local.get $p)) (i32.const 1)))\n\
             {}\n\
             (i32.store (local.get $p) (i32.add (i32.load (local.get $p)) (local.get $c))))",
            loop_of(70000)
        ),
        input: Ty::I32,
        outputs: vec![Ty::I32],
        out_bytes: 0,
        traps: false,
        in_place: true,
    }
}

/// Outside strict mode a launch past lavapipe's limit runs again on the CPU executor, from
/// copies of its buffers taken before it: every device gives the CPU executor's results, also
/// for a kernel that changed its buffer before it trapped.
#[test]
fn past_the_limit_lavapipe_runs_the_launch_again_on_the_cpu() {
    let cases = vec![
        counting("one_70000", &loop_of(70000)),
        counting(
            "two_40000",
            &format!("{} {}", loop_of(40000), loop_of(40000)),
        ),
        in_place(),
    ];
    let suite = suite(cases);
    let mut reference = suite
        .program
        .instantiate(&context("cpu"))
        .expect("instantiate");
    let expected: Vec<(i32, Vec<u8>)> = suite
        .cases
        .iter()
        .zip(&suite.pointers)
        .map(|(case, &pointer)| run(&mut reference, pointer, suite.staging, case))
        .collect();
    for (device, _) in devices() {
        let mut g = suite
            .program
            .instantiate(&context_with(&device, false))
            .expect("instantiate");
        for ((case, &pointer), want) in suite.cases.iter().zip(&suite.pointers).zip(&expected) {
            let got = run(&mut g, pointer, suite.staging, case);
            assert_eq!(got.0, 0, "{device}: {}", case.name);
            assert!(got == *want, "{device}: {}: results differ", case.name);
        }
    }
}
