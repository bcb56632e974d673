//! Online tuning of what a guest leaves to the host: how many work items a CPU worker takes at
//! once, and the workgroup size of a GPU kernel.
//!
//! Neither changes what a kernel computes, only how fast it runs, so the host may try settings
//! on the guest's real launches. For each (kernel, device, size class of the launch) the tuner
//! gives the first launches each candidate in turn, timing them, then keeps the candidate with the
//! lowest time per work item for every later launch of that class. Choices live in the
//! [`WasiParallelHost`](crate::WasiParallelHost), so every instance sharing it benefits from
//! them; [`Tuner::choices`] lists them. Size classes are powers of two of the work-item count,
//! since the best chunking of ten work items is not that of a million.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

/// Chunks per CPU worker to try: one chunk each (least overhead) up to many (best balance).
const CHUNKS_PER_WORKER: [u32; 4] = [1, 4, 8, 32];
/// GPU workgroup sizes to try (the translator's default is 64).
const WORKGROUP_SIZES: [u32; 4] = [32, 64, 128, 256];
/// The candidates equal to the devices' defaults (the CPU device's 8 chunks per worker, the
/// translator's workgroup of 64).
const DEFAULTS: [Setting; 2] = [Setting::Chunks(8), Setting::Workgroup(64)];
/// Another candidate replaces the default only when it is faster by more than this factor: one
/// timed launch per candidate is noisy, and a change must pay for that.
const MARGIN: f64 = 1.10;
/// GPU launches with fewer work items keep the default workgroup size.
const MIN_GPU_ITEMS: u32 = 256;
/// Timed launches per candidate; the fastest counts. One keeps exploration short (four
/// launches); a noisy trial may pick a candidate that is not the best, never a wrong result.
const TRIALS: usize = 1;

/// What the tuner sets for one launch.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Setting {
    /// The device's defaults: nothing to tune, or tuning off.
    Default,
    /// CPU executor: this many chunks of work items per worker.
    Chunks(u32),
    /// GPU: the kernel's workgroup size.
    Workgroup(u32),
}

/// What a device lets the tuner choose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Knob {
    /// Nothing (the sequential device).
    None,
    /// Chunking over this many CPU workers.
    Chunks { workers: u32 },
    /// The workgroup size of translated kernels.
    Workgroup,
}

/// A tuning decision key: a kernel (its cache key's text), a device, a size class.
type Key = (String, usize, u32);

#[derive(Debug)]
enum State {
    /// Still trying candidates: the best time per item seen for each.
    Trying {
        candidates: Vec<Setting>,
        best: Vec<Option<f64>>,
        launches: usize,
    },
    Chosen(Setting),
}

/// The launch in which a candidate is being tried: report its time with [`Tuner::record`].
#[derive(Debug)]
pub struct Trial {
    key: Key,
    candidate: usize,
    items: u32,
}

/// Tuning state of one context.
#[derive(Debug, Default)]
pub struct Tuner {
    states: Mutex<HashMap<Key, State>>,
}

impl Tuner {
    /// The setting for a launch of `items` work items of `kernel` on device `device`, and the
    /// trial to record when the setting is still being tried.
    pub fn setting(
        &self,
        kernel: &str,
        device: usize,
        knob: Knob,
        items: u32,
    ) -> (Setting, Option<Trial>) {
        let candidates: Vec<Setting> = match knob {
            Knob::None => return (Setting::Default, None),
            // With fewer than two work items per worker every chunking is the same.
            Knob::Chunks { workers } if workers <= 1 || items < 2 * workers => {
                return (Setting::Default, None)
            }
            // A launch smaller than the largest workgroup gains nothing from another size
            // worth the pipeline builds of the candidates.
            Knob::Workgroup if items < MIN_GPU_ITEMS => return (Setting::Default, None),
            Knob::Chunks { .. } => CHUNKS_PER_WORKER
                .iter()
                .map(|&c| Setting::Chunks(c))
                .collect(),
            Knob::Workgroup => WORKGROUP_SIZES
                .iter()
                .map(|&w| Setting::Workgroup(w))
                .collect(),
        };
        if items == 0 || candidates.len() < 2 {
            return (
                candidates.first().copied().unwrap_or(Setting::Default),
                None,
            );
        }
        let key = (kernel.to_string(), device, class(items));
        let mut states = self.states.lock().unwrap_or_else(PoisonError::into_inner);
        let state = states.entry(key.clone()).or_insert_with(|| State::Trying {
            best: vec![None; candidates.len()],
            candidates: candidates.clone(),
            launches: 0,
        });
        match state {
            State::Chosen(setting) => (*setting, None),
            State::Trying {
                candidates,
                launches,
                ..
            } => {
                let candidate = (*launches / TRIALS) % candidates.len();
                *launches += 1;
                (
                    candidates[candidate],
                    Some(Trial {
                        key,
                        candidate,
                        items,
                    }),
                )
            }
        }
    }

    /// Records how long a trial launch took; chooses once every candidate had its trials.
    pub fn record(&self, trial: Trial, elapsed: Duration) {
        let per_item = elapsed.as_secs_f64() / f64::from(trial.items.max(1));
        self.settle(trial, per_item);
    }

    /// Records that the trial's candidate cannot run (a workgroup size the device refuses).
    pub fn reject(&self, trial: Trial) {
        self.settle(trial, f64::INFINITY);
    }

    fn settle(&self, trial: Trial, per_item: f64) {
        let mut states = self.states.lock().unwrap_or_else(PoisonError::into_inner);
        let Some(state) = states.get_mut(&trial.key) else {
            return;
        };
        let State::Trying {
            candidates,
            best,
            launches,
        } = state
        else {
            return;
        };
        let slot = &mut best[trial.candidate];
        *slot = Some(slot.map_or(per_item, |b: f64| b.min(per_item)));
        if *launches >= TRIALS * candidates.len() && best.iter().all(Option::is_some) {
            let time = |i: usize| best[i].unwrap_or(f64::INFINITY);
            let winner = (0..candidates.len())
                .min_by(|&a, &b| time(a).total_cmp(&time(b)))
                .expect("at least two candidates");
            let default = candidates.iter().position(|c| DEFAULTS.contains(c));
            let choice = match default {
                Some(d) if time(d) <= time(winner) * MARGIN => candidates[d],
                _ => candidates[winner],
            };
            log::debug!(
                "tuned {} on device {} for about 2^{} work items: {choice:?}",
                trial.key.0,
                trial.key.1,
                trial.key.2
            );
            *state = State::Chosen(choice);
        }
    }

    /// The choices made so far: (kernel, device index, size class as a power of two, setting).
    pub fn choices(&self) -> Vec<(String, usize, u32, Setting)> {
        let states = self.states.lock().unwrap_or_else(PoisonError::into_inner);
        let mut list: Vec<_> = states
            .iter()
            .filter_map(|((kernel, device, class), state)| match state {
                State::Chosen(s) => Some((kernel.clone(), *device, *class, *s)),
                State::Trying { .. } => None,
            })
            .collect();
        list.sort_by(|a, b| (&a.0, a.1, a.2).cmp(&(&b.0, b.1, b.2)));
        list
    }
}

/// The size class of a launch: the power of two at or above its work items.
fn class(items: u32) -> u32 {
    items.max(1).next_power_of_two().trailing_zeros()
}

impl Setting {
    /// Work items per chunk for a CPU launch of `items` over `workers` (`None`: the default).
    pub fn chunk(self, items: u32, workers: u32) -> Option<u32> {
        match self {
            Setting::Chunks(per_worker) => Some(
                items
                    .div_ceil(workers.max(1).saturating_mul(per_worker))
                    .max(1),
            ),
            _ => None,
        }
    }

    /// The workgroup size for a GPU kernel (`None`: the translator's default).
    pub fn workgroup(self) -> Option<u32> {
        match self {
            Setting::Workgroup(size) => Some(size),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tries_every_candidate_then_keeps_the_fastest() {
        let tuner = Tuner::default();
        let knob = Knob::Workgroup;
        let mut tried = Vec::new();
        for _ in 0..TRIALS * WORKGROUP_SIZES.len() {
            let (setting, trial) = tuner.setting("k", 0, knob, 1000);
            let trial = trial.expect("still tuning");
            // 128 is fastest.
            let ms = if setting == Setting::Workgroup(128) {
                1
            } else {
                5
            };
            tried.push(setting);
            tuner.record(trial, Duration::from_millis(ms));
        }
        for w in WORKGROUP_SIZES {
            assert_eq!(
                tried
                    .iter()
                    .filter(|&&s| s == Setting::Workgroup(w))
                    .count(),
                TRIALS
            );
        }
        let (setting, trial) = tuner.setting("k", 0, knob, 1000);
        assert_eq!(setting, Setting::Workgroup(128));
        assert!(trial.is_none());
        assert_eq!(tuner.choices().len(), 1);
        // Another size class, device or kernel is tuned on its own.
        assert!(tuner.setting("k", 0, knob, 300).1.is_some());
        let (setting, trial) = tuner.setting("k", 0, knob, 10);
        assert!(setting == Setting::Default && trial.is_none());
        assert!(tuner.setting("k", 1, knob, 1000).1.is_some());
        assert!(tuner.setting("j", 0, knob, 1000).1.is_some());
    }

    #[test]
    fn cpu_chunks_cover_the_work_items() {
        let tuner = Tuner::default();
        let knob = Knob::Chunks { workers: 2 };
        let mut chunks = Vec::new();
        for _ in 0..TRIALS * CHUNKS_PER_WORKER.len() {
            let (setting, trial) = tuner.setting("k", 0, knob, 1000);
            let c = setting.chunk(1000, 2).expect("a chunk");
            chunks.push(c);
            tuner.record(
                trial.expect("still tuning"),
                Duration::from_millis(u64::from(c)),
            );
        }
        assert!(chunks.contains(&500) && chunks.contains(&16));
        // The smallest chunk took the least time per item here.
        assert_eq!(tuner.setting("k", 0, knob, 1000).0, Setting::Chunks(32));
        assert_eq!(Setting::Chunks(32).chunk(10, 2), Some(1));
    }

    #[test]
    fn the_default_stays_unless_another_is_clearly_faster() {
        let tuner = Tuner::default();
        for _ in 0..TRIALS * WORKGROUP_SIZES.len() {
            let (setting, trial) = tuner.setting("k", 0, Knob::Workgroup, 1000);
            // 256 is 5% faster than the default: within the noise margin.
            let us = if setting == Setting::Workgroup(256) {
                100
            } else {
                105
            };
            tuner.record(trial.expect("still tuning"), Duration::from_micros(us));
        }
        assert_eq!(
            tuner.setting("k", 0, Knob::Workgroup, 1000).0,
            Setting::Workgroup(64)
        );
        // One worker, or no work: nothing to tune.
        assert_eq!(
            tuner.setting("k", 0, Knob::Chunks { workers: 1 }, 1000).0,
            Setting::Default
        );
        assert_eq!(tuner.setting("k", 0, Knob::None, 1000).0, Setting::Default);
    }
}
