//! The report: one table of latencies with the ratios to ONNX Runtime and tract, the goals of the
//! issue checked against it, setup costs, and the machine and devices named; written as
//! markdown, CSV and JSON.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::Context as _;
use serde::Serialize;
use wasi_parallel_device::DeviceKind;

use crate::measure::{Scheme, Timing};

/// The runtime name of the ONNX Runtime rows.
pub const ORT: &str = "onnxruntime";
/// The runtime name of the tract rows.
pub const TRACT: &str = "tract";
/// The kind of the ONNX Runtime and tract rows.
pub const BASELINE: &str = "baseline";

/// A device kind as the report names it.
pub fn kind_name(kind: DeviceKind) -> &'static str {
    match kind {
        DeviceKind::Sequential => "sequential",
        DeviceKind::Cpu => "cpu",
        DeviceKind::DiscreteGpu => "discrete GPU",
        DeviceKind::IntegratedGpu => "integrated GPU",
        DeviceKind::SoftwareGpu => "software GPU",
    }
}

/// The CPU path's goal: at most this many times ONNX Runtime's latency.
const CPU_GOAL: f64 = 1.5;

/// One model, case and runtime (a baseline or a device).
#[derive(Debug, Serialize)]
pub struct Row {
    /// The fixture's name.
    pub model: String,
    /// The case's index in its manifest.
    pub case: usize,
    /// The input shapes, `1x3x224x224`.
    pub input: String,
    /// `onnxruntime`, `tract`, or a device name.
    pub runtime: String,
    /// [`BASELINE`], or the device's kind ([`kind_name`]).
    pub kind: String,
    /// Loading: parsing and preparing (ours, once per model: on its first case only), session
    /// creation (ONNX Runtime), loading and optimising (tract).
    pub load_ms: Option<f64>,
    /// The timing, or why there is none.
    #[serde(serialize_with = "outcome")]
    pub timing: Result<Timing, String>,
    /// The largest error of the cold and last runs as a multiple of the tolerance (the check
    /// passes at most 1); `None` when not finite or not checked.
    pub worst: Option<f64>,
    /// Why the output could not be checked.
    pub check_error: Option<String>,
    /// Where one run's time went (`--profile`, devices only).
    pub profile: Option<Profile>,
}

/// One run with every launch timed (each waited for), summed per operator kernel.
#[derive(Debug, Serialize)]
pub struct Profile {
    /// The whole run, input upload and output read-back included.
    pub wall_ms: f64,
    /// Launches in the run.
    pub launches: usize,
    /// Per kernel, most time first.
    pub kernels: Vec<KernelTime>,
}

/// One operator kernel's share of a profiled run.
#[derive(Debug, Serialize)]
pub struct KernelTime {
    /// The operator kernel (`conv2d`, `binary`, ...).
    pub kernel: String,
    /// Its launches in the run.
    pub launches: usize,
    /// Their time, summed.
    pub ms: f64,
}

fn outcome<S: serde::Serializer>(t: &Result<Timing, String>, s: S) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct Failed<'a> {
        error: &'a str,
    }
    match t {
        Ok(t) => t.serialize(s),
        Err(error) => Failed { error }.serialize(s),
    }
}

impl Row {
    /// The median latency, when measured.
    pub fn median(&self) -> Option<f64> {
        self.timing.as_ref().ok().map(|t| t.median_ms)
    }

    /// Whether the output matched the reference.
    pub fn passed(&self) -> bool {
        self.timing.is_ok() && self.check_error.is_none() && self.worst.is_some_and(|w| w <= 1.0)
    }

    fn check(&self) -> String {
        if self.timing.is_err() {
            return "-".into();
        }
        match (&self.check_error, self.worst) {
            (Some(e), _) => format!("FAIL: {}", first_line(e)),
            (None, Some(w)) if w <= 1.0 => format!("ok ({w:.3})"),
            (None, Some(w)) => format!("FAIL ({w:.2}x tolerance)"),
            (None, None) => "FAIL (NaN or infinite)".into(),
        }
    }
}

/// The machine the run was made on.
#[derive(Debug, Serialize)]
pub struct Machine {
    /// The processor's model name.
    pub cpu: String,
    /// Cores (hardware threads) available to this process.
    pub cores: usize,
    /// Memory, in GiB.
    pub memory_gib: f64,
    /// Operating system and kernel.
    pub os: String,
    /// The 1-minute load average when the run started and when it ended: other work on the
    /// machine shows here (this program keeps it near `threads` while it runs).
    pub load: (f64, f64),
}

impl Machine {
    /// This machine, as far as `/proc` tells (Linux); fields it cannot read say so.
    pub fn this() -> Machine {
        let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
        let cpu = cpuinfo
            .lines()
            .find(|l| l.starts_with("model name"))
            .and_then(|l| l.split_once(':'))
            .map_or_else(|| "unknown CPU".into(), |(_, v)| v.trim().to_string());
        let memory_gib = std::fs::read_to_string("/proc/meminfo")
            .ok()
            .and_then(|m| {
                let line = m.lines().find(|l| l.starts_with("MemTotal:"))?;
                let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
                Some(kib / (1024.0 * 1024.0))
            })
            .unwrap_or(0.0);
        let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease")
            .map(|s| s.trim().to_string())
            .unwrap_or_default();
        Machine {
            cpu,
            cores: std::thread::available_parallelism().map_or(1, |n| n.get()),
            memory_gib,
            os: format!("{} {kernel}", std::env::consts::OS)
                .trim()
                .to_string(),
            load: (load_average(), 0.0),
        }
    }
}

/// The 1-minute load average (0 where `/proc/loadavg` cannot be read).
pub fn load_average() -> f64 {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0.0)
}

/// A device the run measured.
#[derive(Debug, Serialize)]
pub struct DeviceEntry {
    /// Its name (`cpu`, `wgpu-0`).
    pub name: String,
    /// Its kind.
    pub kind: String,
    /// The adapter or processor it is.
    pub description: String,
    /// Worker threads or compute units.
    pub compute_units: u32,
}

/// Everything one run measured.
#[derive(Debug, Serialize)]
pub struct Results {
    /// When (UTC).
    pub date: String,
    /// Where.
    pub machine: Machine,
    /// Threads for the cpu device, ONNX Runtime's intra-op pool and tract's executor.
    pub threads: usize,
    /// The timing scheme.
    pub scheme: Scheme,
    /// The devices measured.
    pub devices: Vec<DeviceEntry>,
    /// ONNX Runtime's version, or why it did not run.
    pub ort: Result<String, String>,
    /// tract's version, or why it did not run.
    pub tract: Result<String, String>,
    /// The source measured: the commit, and whether the crates it runs had uncommitted changes.
    pub source: String,
    /// The command line.
    pub command: String,
    /// Every model, case and runtime.
    pub rows: Vec<Row>,
}

impl Results {
    fn baseline(&self, row: &Row, runtime: &str) -> Option<f64> {
        self.rows
            .iter()
            .find(|b| b.model == row.model && b.case == row.case && b.runtime == runtime)
            .filter(|b| b.passed())
            .and_then(Row::median)
    }

    /// A baseline's median over `row`'s: above 1, `row` is faster.
    pub fn ratio(&self, row: &Row, runtime: &str) -> Option<f64> {
        Some(self.baseline(row, runtime)? / row.median()?)
    }

    /// The report in markdown.
    pub fn markdown(&self) -> String {
        let mut md = String::new();
        let m = &self.machine;
        let _ = writeln!(md, "nn-bench, {}: `{}`\n", self.date, self.command);
        let _ = writeln!(md, "- Source: {}.", self.source);
        let _ = writeln!(
            md,
            "- Machine: {} ({} cores available), {:.0} GiB, {}; load average {:.2} at the start, \
             {:.2} at the end.",
            m.cpu, m.cores, m.memory_gib, m.os, m.load.0, m.load.1
        );
        let _ = writeln!(
            md,
            "- Threads: {} for the `cpu` device, ONNX Runtime (intra-op) and tract.",
            self.threads
        );
        md.push_str("- Devices:\n");
        for d in &self.devices {
            let units = match d.compute_units {
                0 => String::new(),
                n => format!(", {n} compute units"),
            };
            let _ = writeln!(
                md,
                "  - `{}` ({}{units}): {}",
                d.name, d.kind, d.description
            );
        }
        let _ = writeln!(
            md,
            "- ONNX Runtime: {}.",
            match &self.ort {
                Ok(v) => format!("{v}, CPUExecutionProvider, default graph optimisations"),
                Err(e) => format!("not run: {e}"),
            }
        );
        let _ = writeln!(
            md,
            "- tract: {}.",
            match &self.tract {
                Ok(v) => format!(
                    "tract-onnx {v}, optimised plan, {}-thread executor",
                    self.threads
                ),
                Err(e) => e.clone(),
            }
        );
        let s = &self.scheme;
        let _ = writeln!(
            md,
            "- Scheme: per model, case and runtime one cold run, up to {} warm-up runs, then up to \
             {} timed runs (at least {}, within {} s); median and 10th/90th percentiles.\n",
            s.warmup, s.runs, s.min_runs, s.budget_s
        );

        md.push_str(
            "| model | input | runtime | median (ms) | p10 (ms) | p90 (ms) | runs | output check | ORT / this | tract / this |\n",
        );
        md.push_str("|---|---|---|---|---|---|---|---|---|---|\n");
        for row in &self.rows {
            let (median, p10, p90, runs) = match &row.timing {
                Ok(t) => (
                    ms(t.median_ms),
                    ms(t.p10_ms),
                    ms(t.p90_ms),
                    t.times_ms.len().to_string(),
                ),
                Err(e) => (
                    format!("failed: {}", first_line(e)),
                    "-".into(),
                    "-".into(),
                    "-".into(),
                ),
            };
            let _ = writeln!(
                md,
                "| {} #{} | {} | {} | {median} | {p10} | {p90} | {runs} | {} | {} | {} |",
                row.model,
                row.case,
                row.input,
                row.runtime,
                row.check(),
                ratio(self.ratio(row, ORT)),
                ratio(self.ratio(row, TRACT)),
            );
        }
        md.push_str(
            "\nRatios are the baseline's median latency over the row's, both from this run: above \
             1 the row is faster than the baseline. A baseline whose output check fails gives no \
             ratio. The output check is the largest error of the cold and the last timed run, as \
             a multiple of the manifest's tolerance (ok at most 1).\n",
        );

        md.push_str("\nGoals (issue: CPU path within 1.5x of ONNX Runtime; GPUs ahead of it):\n\n");
        for row in self
            .rows
            .iter()
            .filter(|r| r.kind == kind_name(DeviceKind::Cpu))
        {
            let verdict = match self.ratio(row, ORT) {
                Some(r) if !row.passed() => {
                    format!("{:.2}x ORT's speed, but the output check fails", r)
                }
                Some(r) if r >= 1.0 / CPU_GOAL => format!("met ({r:.2}x ORT's speed)"),
                Some(r) => format!(
                    "missed: {:.2}x ORT's latency, goal at most {CPU_GOAL}x",
                    1.0 / r
                ),
                None => "not judged (no ORT or no timing)".into(),
            };
            let _ = writeln!(
                md,
                "- {} #{} ({}) on `{}`: {verdict}",
                row.model, row.case, row.input, row.runtime
            );
        }
        let gpus: Vec<&Row> = self
            .rows
            .iter()
            .filter(|r| r.kind.ends_with("GPU"))
            .collect();
        let software: Vec<&str> = self
            .devices
            .iter()
            .filter(|d| d.kind == kind_name(DeviceKind::SoftwareGpu))
            .map(|d| d.name.as_str())
            .collect();
        if !software.is_empty() {
            let _ = writeln!(
                md,
                "- GPU goal: not judged on software devices, which run GPU code on this CPU: {}.",
                software
                    .iter()
                    .map(|n| format!("`{n}`"))
                    .collect::<Vec<_>>()
                    .join(" and ")
            );
        }
        for row in gpus
            .iter()
            .filter(|r| r.kind != kind_name(DeviceKind::SoftwareGpu))
        {
            let verdict = match self.ratio(row, ORT) {
                Some(r) if !row.passed() => {
                    format!("{r:.2}x ORT's speed, but the output check fails")
                }
                Some(r) if r > 1.0 => format!("met ({r:.2}x ORT's speed)"),
                Some(r) => format!("missed ({r:.2}x ORT's speed)"),
                None => "not judged (no ORT or no timing)".into(),
            };
            let _ = writeln!(
                md,
                "- {} #{} on `{}`: {verdict}",
                row.model, row.case, row.runtime
            );
        }
        if self.devices.iter().all(|d| !d.kind.ends_with("GPU")) {
            md.push_str("- GPU goal: no GPU among the devices.\n");
        }

        if self.rows.iter().any(|r| r.profile.is_some()) {
            md.push_str(
                "\nWhere the time goes (`--profile`: one more run, each launch timed to its end; \
                 the kernels with the most time, with their launches and share of the run; \
                 * marks a kernel's CPU-specialised native version):\n\n\
                 | model | input | runtime | run (ms) | launches | in launches | top kernels |\n\
                 |---|---|---|---|---|---|---|\n",
            );
            for row in &self.rows {
                let Some(p) = &row.profile else { continue };
                let in_launches: f64 = p.kernels.iter().map(|k| k.ms).sum();
                let top = p
                    .kernels
                    .iter()
                    .take(4)
                    .map(|k| {
                        format!(
                            "{} x{} {:.0}%",
                            k.kernel,
                            k.launches,
                            100.0 * k.ms / p.wall_ms
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(", ");
                let _ = writeln!(
                    md,
                    "| {} #{} | {} | {} | {} | {} | {:.0}% | {top} |",
                    row.model,
                    row.case,
                    row.input,
                    row.runtime,
                    ms(p.wall_ms),
                    p.launches,
                    100.0 * in_launches / p.wall_ms
                );
            }
        }

        md.push_str(
            "\n| model | input | runtime | load (ms) | cold run (ms) | warm-up runs |\n|---|---|---|---|---|---|\n",
        );
        for row in &self.rows {
            let Ok(t) = &row.timing else { continue };
            let _ = writeln!(
                md,
                "| {} #{} | {} | {} | {} | {} | {} |",
                row.model,
                row.case,
                row.input,
                row.runtime,
                row.load_ms.map_or_else(|| "-".into(), ms),
                ms(t.first_ms),
                t.warmup
            );
        }
        md.push_str(
            "\nLoad: ours parses the model and prepares it for the device (once per model and \
             device, so only on its first case); ONNX Runtime creates a session; tract loads and \
             optimises for the case's shapes. The cold run plans the shapes, builds the operator \
             kernels not yet built for the device (by an earlier model) and uploads the weights.\n",
        );
        md
    }

    /// Writes results.md, results.csv and results.json into `dir`.
    pub fn write(&self, dir: &Path, markdown: &str) -> anyhow::Result<()> {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        let write = |name: &str, bytes: &[u8]| {
            let path = dir.join(name);
            std::fs::write(&path, bytes).with_context(|| format!("writing {}", path.display()))
        };
        write("results.md", markdown.as_bytes())?;
        write("results.json", &serde_json::to_vec_pretty(self)?)?;
        let mut csv = csv::Writer::from_writer(Vec::new());
        csv.write_record([
            "model",
            "case",
            "input",
            "runtime",
            "kind",
            "median_ms",
            "p10_ms",
            "p90_ms",
            "runs",
            "first_ms",
            "load_ms",
            "worst",
            "passed",
            "ort_ratio",
            "tract_ratio",
            "error",
        ])?;
        let opt = |v: Option<f64>| v.map_or_else(String::new, |v| v.to_string());
        for row in &self.rows {
            let t = row.timing.as_ref().ok();
            let error = match (&row.timing, &row.check_error) {
                (Err(e), _) | (Ok(_), Some(e)) => first_line(e).to_string(),
                _ => String::new(),
            };
            csv.write_record([
                row.model.clone(),
                row.case.to_string(),
                row.input.clone(),
                row.runtime.clone(),
                row.kind.clone(),
                opt(t.map(|t| t.median_ms)),
                opt(t.map(|t| t.p10_ms)),
                opt(t.map(|t| t.p90_ms)),
                t.map_or_else(String::new, |t| t.times_ms.len().to_string()),
                opt(t.map(|t| t.first_ms)),
                opt(row.load_ms),
                opt(row.worst),
                row.passed().to_string(),
                opt(self.ratio(row, ORT)),
                opt(self.ratio(row, TRACT)),
                error,
            ])?;
        }
        write("results.csv", &csv.into_inner()?)?;
        Ok(())
    }
}

/// Milliseconds with three significant digits at least.
fn ms(v: f64) -> String {
    if v < 1.0 {
        format!("{v:.3}")
    } else if v < 100.0 {
        format!("{v:.2}")
    } else {
        format!("{v:.0}")
    }
}

fn ratio(r: Option<f64>) -> String {
    r.map_or_else(|| "-".into(), |r| format!("{r:.2}"))
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or_default()
}

/// The commit of this checkout, and which of the crates the benchmark runs had uncommitted
/// changes when it ran (read with `git` at run time; "unknown" without it).
pub fn source() -> String {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .arg("-C")
            .arg(&repo)
            .args(args)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
    };
    let Some(commit) = git(&["rev-parse", "--short=12", "HEAD"]) else {
        return "unknown (no git checkout)".into();
    };
    let crates = ["nn", "device", "translator", "nn-bench"];
    let dirty: Vec<&str> = crates
        .iter()
        .copied()
        .filter(|c| {
            git(&[
                "status",
                "--porcelain",
                "--",
                &format!("{c}/src"),
                &format!("{c}/ops"),
            ])
            .is_some_and(|s| !s.is_empty())
        })
        .collect();
    if dirty.is_empty() {
        format!("commit {commit}")
    } else {
        format!(
            "commit {commit}, with uncommitted changes in {}",
            dirty
                .iter()
                .map(|c| format!("{c}/"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    }
}

/// Today's date (UTC) from the system clock, as `YYYY-MM-DD`.
pub fn today() -> String {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400) as i64;
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}
