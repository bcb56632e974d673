//! The results of one prk-bench run, and their forms: a Markdown report, CSV and JSON rows, and
//! two SVG plots (ratio to native per kernel and device; the CPU executor's thread scaling).

use std::fmt::Write as _;
use std::path::Path;

use anyhow::Context as _;
use serde::Serialize;
use svg::node::element::{Group, Line, Rectangle, Text as TextElement, Title};
use svg::Document;

use crate::compile::CompileTime;
use crate::kernels::Kernel;
use crate::kernels::Measured;

/// A kernel's measurement, or why there is none.
pub type Outcome = Result<Measured, String>;

/// One kernel on one device (or natively) with one thread count.
#[derive(Serialize)]
pub struct Row {
    pub kernel: &'static str,
    pub unit: &'static str,
    /// A device name, or `native`.
    pub device: String,
    /// Worker threads of the CPU executor and of the native pool.
    pub threads: usize,
    /// `f32` or `f64`.
    pub precision: &'static str,
    #[serde(serialize_with = "outcome")]
    pub outcome: Outcome,
    /// The native rate of the same kernel, precision and thread count, in this run.
    pub native_rate: Option<f64>,
    /// Part of the thread-scaling series.
    pub scaling: bool,
}

impl Row {
    pub fn new(
        kernel: &Kernel,
        device: &str,
        threads: usize,
        single: bool,
        outcome: Outcome,
        native_rate: Option<f64>,
    ) -> Row {
        Row {
            kernel: kernel.name,
            unit: kernel.unit,
            device: device.to_string(),
            threads,
            precision: if single { "f32" } else { "f64" },
            outcome,
            native_rate,
            scaling: false,
        }
    }

    /// The rate as a fraction of native, when both were measured.
    pub fn ratio(&self) -> Option<f64> {
        Some(self.outcome.as_ref().ok()?.rate / self.native_rate?)
    }
}

fn outcome<S: serde::Serializer>(outcome: &Outcome, s: S) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct Fields<'a> {
        rate: Option<f64>,
        seconds: Option<f64>,
        error: Option<&'a str>,
    }
    match outcome {
        Ok(m) => Fields {
            rate: Some(m.rate),
            seconds: Some(m.seconds),
            error: None,
        },
        Err(e) => Fields {
            rate: None,
            seconds: None,
            error: Some(e),
        },
    }
    .serialize(s)
}

/// Everything one run measured.
#[derive(Serialize)]
pub struct Results {
    pub threads: usize,
    pub iterations: usize,
    /// (name, description) of each device run.
    pub devices: Vec<(String, String)>,
    pub rows: Vec<Row>,
    /// Average launch time of an empty kernel per device, in microseconds.
    #[serde(serialize_with = "overheads")]
    pub overheads: Vec<(String, Result<f64, String>)>,
    #[serde(skip)]
    pub compiled: Vec<CompileTime>,
    /// The tuner's choices, one line each.
    pub tuning: Vec<String>,
}

fn overheads<S: serde::Serializer>(
    list: &[(String, Result<f64, String>)],
    s: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap as _;
    let mut map = s.serialize_map(Some(list.len()))?;
    for (device, micros) in list {
        map.serialize_entry(device, &micros.as_ref().ok())?;
    }
    map.end()
}

impl Results {
    /// The report: the main table, thread scaling, launch overheads, translation and builds.
    pub fn markdown(&self, launches: u32) -> String {
        let mut md = String::new();
        let _ = writeln!(
            md,
            "{} threads, {} timed iterations per kernel.\n",
            self.threads, self.iterations
        );
        md.push_str("| kernel | device | precision | rate | avg time (s) | ratio to native |\n");
        md.push_str("|---|---|---|---|---|---|\n");
        for row in self.rows.iter().filter(|r| !r.scaling) {
            let _ = writeln!(md, "{}", table_row(row, false));
        }
        if self.rows.iter().any(|r| r.scaling) {
            md.push_str(
                "\nThread scaling (CPU executor against native rayon, same thread count):\n\n",
            );
            md.push_str("| kernel | device | threads | precision | rate | avg time (s) | ratio to native |\n");
            md.push_str("|---|---|---|---|---|---|---|\n");
            for row in self.rows.iter().filter(|r| r.scaling) {
                let _ = writeln!(md, "{}", table_row(row, true));
            }
        }
        if !self.overheads.is_empty() {
            let _ = writeln!(
                md,
                "\n| device | launch overhead (us, {launches} empty launches) |\n|---|---|"
            );
            for (device, micros) in &self.overheads {
                let value = match micros {
                    Ok(us) => format!("{us:.2}"),
                    Err(e) => format!("failed: {}", first_line(e)),
                };
                let _ = writeln!(md, "| {device} | {value} |");
            }
        }
        if !self.tuning.is_empty() {
            md.push_str("\nTuning choices (kernel, device, launch size, setting):\n\n");
            for line in &self.tuning {
                let _ = writeln!(md, "- {line}");
            }
        }
        if !self.compiled.is_empty() {
            md.push_str(
                "\n| kernel | device | translation (ms, median) | first pipeline/program build in this process (ms) |\n|---|---|---|---|\n",
            );
            for c in &self.compiled {
                let build = match &c.build {
                    Ok(ms) => format!("{ms:.1}"),
                    Err(e) => format!("failed: {}", first_line(e)),
                };
                let _ = writeln!(
                    md,
                    "| {} | {} | {:.2} | {build} |",
                    c.kernel, c.device, c.translate_ms
                );
            }
        }
        md
    }

    /// Writes results.md, results.csv, results.json, ratios.svg and (with scaling rows)
    /// scaling.svg into `dir`.
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
            "kernel",
            "device",
            "threads",
            "precision",
            "unit",
            "rate",
            "seconds",
            "native_rate",
            "ratio",
            "scaling",
            "error",
        ])?;
        for row in &self.rows {
            let (rate, seconds, error) = match &row.outcome {
                Ok(m) => (m.rate.to_string(), m.seconds.to_string(), String::new()),
                Err(e) => (String::new(), String::new(), first_line(e).to_string()),
            };
            csv.write_record([
                row.kernel.to_string(),
                row.device.clone(),
                row.threads.to_string(),
                row.precision.to_string(),
                row.unit.to_string(),
                rate,
                seconds,
                row.native_rate.map_or_else(String::new, |r| r.to_string()),
                row.ratio().map_or_else(String::new, |r| r.to_string()),
                row.scaling.to_string(),
                error,
            ])?;
        }
        write("results.csv", &csv.into_inner()?)?;
        let bars: Vec<_> = self.rows.iter().filter(|r| !r.scaling).collect();
        write(
            "ratios.svg",
            bar_chart(
                "Rate as % of native rayon (same run, same thread count)",
                &bars,
            )
            .as_bytes(),
        )?;
        let scaling: Vec<_> = self.rows.iter().filter(|r| r.scaling).collect();
        if !scaling.is_empty() {
            write(
                "scaling.svg",
                bar_chart(
                    "Thread scaling: rate as % of native rayon with 1 thread",
                    &scaling_bars(&scaling),
                )
                .as_bytes(),
            )?;
        }
        Ok(())
    }
}

fn table_row(row: &Row, threads: bool) -> String {
    let (rate, seconds) = match &row.outcome {
        Ok(m) => (
            format!("{} {}", rate(m.rate), row.unit),
            format!("{:.6}", m.seconds),
        ),
        Err(e) => (format!("failed: {}", first_line(e)), "-".into()),
    };
    let ratio = row
        .ratio()
        .map_or_else(|| "-".into(), |r| format!("{:.1}%", 100.0 * r));
    let threads = if threads {
        format!(" {} |", row.threads)
    } else {
        String::new()
    };
    format!(
        "| {} | {} |{threads} {} | {rate} | {seconds} | {ratio} |",
        row.kernel, row.device, row.precision
    )
}

/// A rate with enough digits to tell small ones apart (GUPs/s are often below 1).
fn rate(value: f64) -> String {
    if value.abs() < 10.0 {
        format!("{value:.4}")
    } else {
        format!("{value:.1}")
    }
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or_default()
}

/// Scaling rows re-labelled `device, N threads` and re-based on native with one thread.
fn scaling_bars(rows: &[&Row]) -> Vec<Row> {
    rows.iter()
        .map(|r| {
            let base = rows
                .iter()
                .find(|b| b.kernel == r.kernel && b.device == "native" && b.threads == 1)
                .and_then(|b| b.outcome.as_ref().ok().map(|m| m.rate));
            Row {
                kernel: r.kernel,
                unit: r.unit,
                device: format!("{}, {} thr", r.device, r.threads),
                threads: r.threads,
                precision: r.precision,
                outcome: r.outcome.clone(),
                native_rate: base,
                scaling: true,
            }
        })
        .collect()
}

/// A grouped bar chart: one group per kernel, one bar per device (its ratio to native, in %).
fn bar_chart<R: std::borrow::Borrow<Row>>(title: &str, rows: &[R]) -> String {
    const PALETTE: [&str; 8] = [
        "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#9c755f",
    ];
    let rows: Vec<&Row> = rows.iter().map(|r| r.borrow()).collect();
    let mut kernels: Vec<&str> = Vec::new();
    let mut series: Vec<&str> = Vec::new();
    for r in &rows {
        if !kernels.contains(&r.kernel) {
            kernels.push(r.kernel);
        }
        if !series.contains(&r.device.as_str()) {
            series.push(&r.device);
        }
    }
    let top = rows.iter().filter_map(|r| r.ratio()).fold(1.0f64, f64::max) * 100.0;
    let top = (top / 25.0).ceil() * 25.0;
    let (left, right, plot_top, height) = (60.0, 20.0, 40.0, 300.0);
    let bar = 14.0;
    let group = bar * series.len() as f64 + 20.0;
    let width = left + right + group * kernels.len().max(1) as f64;
    let legend_height = 18.0 * series.len() as f64 + 10.0;
    let total_height = plot_top + height + 40.0 + legend_height;
    let y = |percent: f64| plot_top + height * (1.0 - percent / top);

    let mut doc = Document::new()
        .set("viewBox", (0, 0, width, total_height))
        .set("width", width)
        .set("height", total_height)
        .set("font-family", "sans-serif")
        .set("font-size", 11)
        .add(
            TextElement::new(title)
                .set("x", left)
                .set("y", 20)
                .set("font-size", 13),
        );
    let mut axis = Group::new();
    let ticks = 4;
    for t in 0..=ticks {
        let percent = top * t as f64 / ticks as f64;
        axis = axis
            .add(
                Line::new()
                    .set("x1", left)
                    .set("x2", width - right)
                    .set("y1", y(percent))
                    .set("y2", y(percent))
                    .set("stroke", if t == 0 { "#000" } else { "#ddd" }),
            )
            .add(
                TextElement::new(format!("{percent:.0}%"))
                    .set("x", left - 6.0)
                    .set("y", y(percent) + 4.0)
                    .set("text-anchor", "end"),
            );
    }
    // The 100% line: native.
    axis = axis.add(
        Line::new()
            .set("x1", left)
            .set("x2", width - right)
            .set("y1", y(100.0))
            .set("y2", y(100.0))
            .set("stroke", "#000")
            .set("stroke-dasharray", "4 3"),
    );
    doc = doc.add(axis);
    for (k, kernel) in kernels.iter().enumerate() {
        let x0 = left + group * k as f64 + 10.0;
        for (s, device) in series.iter().enumerate() {
            let Some(row) = rows
                .iter()
                .find(|r| r.kernel == *kernel && r.device == *device)
            else {
                continue;
            };
            let Some(ratio) = row.ratio() else { continue };
            let percent = (100.0 * ratio).min(top);
            doc = doc.add(
                Rectangle::new()
                    .set("x", x0 + bar * s as f64)
                    .set("y", y(percent))
                    .set("width", bar - 2.0)
                    .set("height", y(0.0) - y(percent))
                    .set("fill", PALETTE[s % PALETTE.len()])
                    .add(Title::new(format!(
                        "{kernel} on {device}: {:.1}%",
                        100.0 * ratio
                    ))),
            );
        }
        doc = doc.add(
            TextElement::new(*kernel)
                .set("x", x0 + bar * series.len() as f64 / 2.0)
                .set("y", y(0.0) + 16.0)
                .set("text-anchor", "middle"),
        );
    }
    for (s, device) in series.iter().enumerate() {
        let ly = plot_top + height + 40.0 + 18.0 * s as f64;
        doc = doc
            .add(
                Rectangle::new()
                    .set("x", left)
                    .set("y", ly - 10.0)
                    .set("width", 12)
                    .set("height", 12)
                    .set("fill", PALETTE[s % PALETTE.len()]),
            )
            .add(TextElement::new(*device).set("x", left + 18.0).set("y", ly));
    }
    doc.to_string()
}
