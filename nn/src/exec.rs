//! Running plans on devices: operator kernels compiled once per device, models prepared once per
//! device with their weights resident there, and one plan per set of input shapes.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use wasi_parallel_device::{
    compile_kernel, Access, Buffer, BufferDescriptor, CompileError, CompileOptions, Device,
    DeviceKind, Kernel, KernelEntry, Launch, Space, SpaceDescriptor,
};

use crate::graph::{Step, Value, ValueId};
use crate::model::Model;
use crate::native::{self, Ctx, Deadline, Native, Par};
use crate::plan::{self, Executable, Folder, Ref};
use crate::quota::{ByteQuota, Reservation};
use crate::team::Team;
use crate::tensor::{DType, Tensor};
use crate::Error;

/// The operator kernels, compiled to Wasm by `build.rs`.
pub(crate) const KERNELS_WASM: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/kernels.wasm"));

/// Bytes at the bottom of every space that no buffer uses, so that no buffer sits at address 0.
const RESERVED: u64 = 1024;

/// A compiled operator kernel's key: the device index and the kernel's name.
type KernelSlot = (usize, &'static str);

/// The devices models run on, and the operator kernels compiled for them. One per process;
/// shared by every model and instance.
pub struct NnRuntime {
    devices: Vec<Arc<dyn Device>>,
    kernels: Mutex<HashMap<KernelSlot, Arc<dyn Kernel>>>,
    compiled: AtomicUsize,
    prepared: AtomicUsize,
    /// Prepared models not yet dropped.
    live: AtomicUsize,
    /// Whether plans use the operators' specialised kernels.
    specialised: AtomicBool,
    /// Bytes one plan may create (see [`NnRuntime::set_plan_bytes_limit`]).
    plan_bytes: AtomicUsize,
    /// The native kernels' thread team per CPU device index, made on first use.
    teams: Mutex<HashMap<usize, Arc<Team>>>,
    /// The bytes models, plans and execution contexts may hold (see [`crate::quota`]).
    quota: Arc<ByteQuota>,
}

impl std::fmt::Debug for NnRuntime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NnRuntime")
            .field(
                "devices",
                &self
                    .devices
                    .iter()
                    .map(|d| d.info().name.clone())
                    .collect::<Vec<_>>(),
            )
            .field("compiled_kernels", &self.compiled_kernels())
            .finish()
    }
}

impl NnRuntime {
    /// A runtime over `devices` (as [`wasi_parallel_device::discover`] finds them); it must hold
    /// the `sequential` device, which folds constants.
    pub fn new(devices: Vec<Arc<dyn Device>>) -> Result<Arc<NnRuntime>, Error> {
        if !devices
            .iter()
            .any(|d| d.info().kind == DeviceKind::Sequential)
        {
            return Err(Error::Device(
                "no sequential device to fold constants on".into(),
            ));
        }
        Ok(Arc::new(NnRuntime {
            devices,
            kernels: Mutex::new(HashMap::new()),
            compiled: AtomicUsize::new(0),
            prepared: AtomicUsize::new(0),
            live: AtomicUsize::new(0),
            specialised: AtomicBool::new(true),
            plan_bytes: AtomicUsize::new(crate::graph::PLAN_BYTES),
            teams: Mutex::new(HashMap::new()),
            quota: ByteQuota::new(crate::quota::DEFAULT_NN_BYTES),
        }))
    }

    /// The devices, in discovery order.
    pub fn devices(&self) -> &[Arc<dyn Device>] {
        &self.devices
    }

    /// How many operator kernels have been compiled, over all devices.
    pub fn compiled_kernels(&self) -> usize {
        self.compiled.load(Ordering::Relaxed)
    }

    /// How many times a model has been prepared for a device.
    pub fn prepared_models(&self) -> usize {
        self.prepared.load(Ordering::Relaxed)
    }

    /// Whether plans made from now on may use the operators' specialised kernels (on by
    /// default); off, every operator runs its portable kernel, the reference the specialised ones
    /// are tested against.
    pub fn set_specialised_kernels(&self, on: bool) {
        self.specialised.store(on, Ordering::Relaxed);
    }

    /// The most bytes of tensors one plan of a model may create: the tensors its steps write
    /// (as declared, before buffers are shared) and the constants planning computes
    /// (ConstantOfShape, folded operators). Past it, preparing or running the model fails with
    /// [`Error::TooLarge`] before anything is allocated. Default 4 GiB; applies to plans made
    /// from now on.
    pub fn set_plan_bytes_limit(&self, bytes: usize) {
        self.plan_bytes.store(bytes, Ordering::Relaxed);
    }

    /// Limits the bytes every prepared model (its weights), plan (its buffers and packed weights)
    /// and execution context (its input and output tensors) of this runtime may hold together;
    /// past it, preparing, planning or setting an input fails with [`Error::TooLarge`] before
    /// anything is allocated. Default 16 GiB ([`crate::DEFAULT_NN_BYTES`]).
    pub fn set_bytes_limit(&self, bytes: u64) {
        self.quota.set_limit(bytes);
    }

    /// The bytes counted against [`NnRuntime::set_bytes_limit`] now.
    pub fn bytes_in_use(&self) -> u64 {
        self.quota.used()
    }

    /// The runtime's byte quota: the host's.
    pub(crate) fn quota(&self) -> &Arc<ByteQuota> {
        &self.quota
    }

    /// How many prepared models exist now (each holds its weights on its device).
    pub fn live_models(&self) -> usize {
        self.live.load(Ordering::Relaxed)
    }

    /// The thread team for native kernels on device `index`: as many threads as the device has
    /// workers.
    fn team(&self, index: usize) -> Arc<Team> {
        let mut teams = self.teams.lock().unwrap_or_else(PoisonError::into_inner);
        let threads = self.devices[index].info().compute_units as usize;
        teams
            .entry(index)
            .or_insert_with(|| Arc::new(Team::new(threads)))
            .clone()
    }

    /// The device index of the first device of `kind`.
    pub fn find(&self, kind: DeviceKind) -> Option<usize> {
        self.devices.iter().position(|d| d.info().kind == kind)
    }

    /// The operator kernel `name` compiled for device `index`.
    fn kernel(&self, index: usize, name: &'static str) -> Result<Arc<dyn Kernel>, Error> {
        let mut kernels = self.kernels.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(k) = kernels.get(&(index, name)) {
            return Ok(k.clone());
        }
        let device = &self.devices[index];
        let info = device.info();
        let failed = |reason: String| Error::Kernel {
            kernel: name,
            device: info.name.clone(),
            reason,
        };
        // The error already names the kernel and the device: keep only its reason.
        let kernel = compile_kernel(
            &**device,
            KERNELS_WASM,
            KernelEntry::Export(name),
            &CompileOptions::default(),
        )
        .map_err(|e| {
            failed(match e {
                CompileError::Module { source, .. } => source.to_string(),
                CompileError::Translation { source, .. } => source.to_string(),
                CompileError::Device(e) => e.to_string(),
            })
        })?;
        self.compiled.fetch_add(1, Ordering::Relaxed);
        log::debug!("compiled operator kernel {name} for {}", info.name);
        kernels.insert((index, name), kernel.clone());
        Ok(kernel)
    }

    /// Prepares `model` for device `index`: its weights go to the device when the first plan
    /// needs them, and plans are made per set of input shapes.
    pub fn prepare(self: &Arc<Self>, model: Arc<Model>, index: usize) -> Result<Prepared, Error> {
        self.prepare_within(model, index, &self.quota.clone())
    }

    /// As [`NnRuntime::prepare`], counting the model's weights, plans and constants against
    /// `quota` (an instance's, inside the runtime's).
    pub(crate) fn prepare_within(
        self: &Arc<Self>,
        model: Arc<Model>,
        index: usize,
        quota: &Arc<ByteQuota>,
    ) -> Result<Prepared, Error> {
        let device = self
            .devices
            .get(index)
            .ok_or_else(|| Error::Device(format!("no device {index}")))?;
        let weights = quota.reserve(model.weight_bytes(), "the model's weights")?;
        let space = device.create_space(&SpaceDescriptor {
            static_size: RESERVED,
            static_segments: &[],
            // Only the engine's own operator kernels run here.
            confined: false,
        })?;
        self.prepared.fetch_add(1, Ordering::Relaxed);
        self.live.fetch_add(1, Ordering::Relaxed);
        Ok(Prepared {
            runtime: self.clone(),
            model,
            quota: quota.clone(),
            _weights: weights,
            device: index,
            state: Mutex::new(DeviceState {
                space,
                constants: HashMap::new(),
                plans: Vec::new(),
                by_value: false,
                scratch: Vec::new(),
            }),
        })
    }
}

/// How long one launch of a run took.
#[derive(Clone, Debug)]
pub struct LaunchTime {
    /// The operator kernel.
    pub kernel: &'static str,
    /// Its work items.
    pub items: usize,
    /// Whether its CPU-specialised native version ran instead of the portable kernel.
    pub native: bool,
    /// From the launch to its end.
    pub time: std::time::Duration,
}

/// The inputs' types and shapes.
type Shapes = Vec<(DType, Vec<usize>)>;

/// What a plan is made for: the inputs' types and shapes, and the inputs planned as constants
/// (see `DeviceState::by_value`).
#[derive(PartialEq)]
struct PlanKey {
    shapes: Shapes,
    values: Vec<Option<Tensor>>,
}

/// Inputs of up to this many elements are planned as constants when a model needs inputs'
/// contents to be planned (shapes, axes, pads and starts are this small).
const VALUE_INPUT_ELEMENTS: usize = 64;

/// A constant tensor uploaded to the device: the tensor, its buffer, and its bytes counted against
/// the runtime's byte quota.
type Uploaded = (Tensor, Arc<dyn Buffer>, Reservation);

/// How many plans (input shape sets) a prepared model keeps.
const PLANS_KEPT: usize = 4;

/// A model prepared for one device: the weights resident there, and its plans. Shared by every
/// instance that runs the model on that device; runs are serialised.
pub struct Prepared {
    runtime: Arc<NnRuntime>,
    model: Arc<Model>,
    /// What its weights, plans and constants count against: the runtime's byte quota, or the
    /// instance's that loaded it.
    quota: Arc<ByteQuota>,
    /// The model's weights, counted.
    _weights: Reservation,
    device: usize,
    state: Mutex<DeviceState>,
}

impl Drop for Prepared {
    fn drop(&mut self) {
        self.runtime.live.fetch_sub(1, Ordering::Relaxed);
    }
}

impl std::fmt::Debug for Prepared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Prepared")
            .field("model", &self.model)
            .field("device", &self.device_name())
            .finish()
    }
}

struct DeviceState {
    space: Box<dyn Space>,
    /// Constant buffers, by the address and length of their bytes (the tensor is kept so that the
    /// address stays theirs).
    constants: HashMap<(usize, usize), Uploaded>,
    /// Most recently used last.
    plans: Vec<(PlanKey, Arc<Loaded>)>,
    /// Whether the model needs some inputs' contents to be planned (a Reshape's shape or a
    /// Slice's starts given at run time): its small inputs are then planned as constants, with a
    /// plan per set of their values.
    by_value: bool,
    /// Temporaries of the native kernels, kept between launches.
    scratch: Vec<f32>,
}

/// A plan loaded on the device: its buffers, parameters and kernels.
struct Loaded {
    exe: Executable,
    slots: Vec<Arc<dyn Buffer>>,
    params: Arc<dyn Buffer>,
    kernels: Vec<Arc<dyn Kernel>>,
    /// Per step, its CPU-specialised version when it runs natively (see [`native`]).
    natives: Vec<Option<Native>>,
    /// Per native step, its constant weights laid out for its kernel ([`native::prepack`]).
    packed: Vec<Option<Vec<f32>>>,
    buffers: Vec<Vec<Arc<dyn Buffer>>>,
    /// Its buffers and packed weights, counted against the runtime's byte quota.
    _bytes: Reservation,
}

impl Prepared {
    /// The model.
    pub fn model(&self) -> &Arc<Model> {
        &self.model
    }

    /// The device's name.
    pub fn device_name(&self) -> &str {
        &self.runtime.devices[self.device].info().name
    }

    /// Runs the model on `inputs` (in the model's input order) and returns its outputs.
    ///
    /// A plan is made for the first inputs of each set of types and shapes (four are kept). A
    /// model that needs an input's contents to be planned (a Reshape's shape, a Slice's starts,
    /// given at run time) is planned with its inputs of up to 64 elements as constants, a plan
    /// per set of their values.
    pub fn run(&self, inputs: &[Tensor]) -> Result<Vec<Tensor>, Error> {
        self.run_with(inputs, None)
    }

    /// As [`Prepared::run`], and also times every launch (waiting for each to finish): where
    /// a model's time goes.
    pub fn profile(&self, inputs: &[Tensor]) -> Result<(Vec<Tensor>, Vec<LaunchTime>), Error> {
        let mut times = Vec::new();
        let outputs = self.run_with(inputs, Some(&mut times))?;
        Ok((outputs, times))
    }

    fn run_with(
        &self,
        inputs: &[Tensor],
        mut times: Option<&mut Vec<LaunchTime>>,
    ) -> Result<Vec<Tensor>, Error> {
        let shapes: Shapes = inputs.iter().map(|t| (t.dtype, t.shape.clone())).collect();
        let key_for = |by_value: bool| PlanKey {
            shapes: shapes.clone(),
            values: inputs
                .iter()
                .map(|t| (by_value && t.len() <= VALUE_INPUT_ELEMENTS).then(|| t.clone()))
                .collect(),
        };
        let mut guard = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let state = &mut *guard;
        let mut key = key_for(state.by_value);
        let loaded = match state.plans.iter().position(|(k, _)| *k == key) {
            Some(i) => {
                let entry = state.plans.remove(i);
                let loaded = entry.1.clone();
                state.plans.push(entry);
                loaded
            }
            None => {
                let loaded = match self.load(state, &key) {
                    // The plan may need an input's contents (a Reshape's shape, a Slice's starts
                    // given at run time): plan again with the small inputs as constants, and from
                    // now on make a plan per set of their values.
                    Err(Error::Unsupported(why))
                        if !state.by_value
                            && inputs.iter().any(|t| t.len() <= VALUE_INPUT_ELEMENTS) =>
                    {
                        let by_value = key_for(true);
                        match self.load(state, &by_value) {
                            Ok(loaded) => {
                                log::debug!("planning per value of the small inputs ({why})");
                                state.by_value = true;
                                key = by_value;
                                loaded
                            }
                            // Planned with the values, the model says more precisely what
                            // it cannot do (Dropout in training mode, say), or what is wrong
                            // with the values.
                            Err(e) => {
                                log::debug!("planning per value failed too ({why}): {e}");
                                return Err(e);
                            }
                        }
                    }
                    other => other?,
                };
                let loaded = Arc::new(loaded);
                if state.plans.len() == PLANS_KEPT {
                    state.plans.remove(0);
                }
                state.plans.push((key, loaded.clone()));
                loaded
            }
        };
        let space = &*state.space;
        let team = loaded
            .natives
            .iter()
            .any(Option::is_some)
            .then(|| self.runtime.team(self.device));
        let time_limit = self.runtime.devices[self.device].time_limit();
        for (tensor, &slot) in inputs.iter().zip(&loaded.exe.inputs) {
            space.write_buffer(&*loaded.slots[slot], 0, &tensor.data)?;
        }
        for (k, step) in loaded.exe.steps.iter().enumerate() {
            let started = std::time::Instant::now();
            match loaded.natives[k] {
                Some(native) => {
                    // The device's time limit holds for host code working on its buffers too.
                    let deadline = time_limit.map(Deadline::after);
                    run_native(
                        space,
                        native,
                        Ctx {
                            scratch: &mut state.scratch,
                            par: Par::new(team.as_deref(), deadline.as_ref()),
                            packed: loaded.packed[k].as_deref(),
                        },
                        &loaded.exe.params[step.params..][..step.param_count],
                        &loaded.buffers[k],
                    )
                    .and_then(|()| match &deadline {
                        Some(d) if d.passed() => Err(format!(
                            "the launch ran past its time limit of {:?}",
                            d.limit()
                        )),
                        _ => Ok(()),
                    })
                }
                None => launch(
                    space,
                    &*loaded.kernels[k],
                    &*loaded.params,
                    step.params,
                    &loaded.buffers[k],
                    step.items,
                ),
            }
            .map_err(|e| Error::Run(format!("{} on {}: {e}", step.kernel, self.device_name())))?;
            if let Some(times) = times.as_deref_mut() {
                times.push(LaunchTime {
                    kernel: step.kernel,
                    items: step.items,
                    native: loaded.natives[k].is_some(),
                    time: started.elapsed(),
                });
            }
        }
        loaded
            .exe
            .outputs
            .iter()
            .map(|o| match &o.source {
                Ref::Const(t) => Ok(t.clone()),
                Ref::Slot(s) => {
                    let mut data = vec![0u8; o.shape.iter().product::<usize>() * o.dtype.size()];
                    space.read_buffer(&*loaded.slots[*s], 0, &mut data)?;
                    Tensor::new(o.dtype, o.shape.clone(), data)
                }
            })
            .collect()
    }

    /// Plans the model for `key` and loads the plan on the device.
    fn load(&self, state: &mut DeviceState, key: &PlanKey) -> Result<Loaded, Error> {
        let runtime = &*self.runtime;
        let mut folder = SequentialFolder { runtime };
        let specialised = runtime.specialised.load(Ordering::Relaxed);
        let planned = plan::build(
            &self.model,
            &key.shapes,
            &key.values,
            &mut folder,
            specialised,
            runtime.plan_bytes.load(Ordering::Relaxed),
        )?;
        let exe = plan::allocate(&planned);
        let device = &runtime.devices[self.device];
        let limits = &device.info().limits;
        log::debug!(
            "planned {} nodes for {}: {} launches, {} buffers, {} bytes",
            self.model.node_count(),
            device.info().name,
            exe.steps.len(),
            exe.slots.len(),
            exe.slots.iter().sum::<usize>()
        );
        let space = &*state.space;
        let packed_bytes = |packed: &[Option<Vec<f32>>]| -> u64 {
            packed.iter().flatten().map(|w| 4 * w.len() as u64).sum()
        };
        // The buffers first, before any is made; the packed weights once they are (they are
        // made from the plan's constants).
        let mut held = self.quota.reserve(
            exe.slots.iter().map(|&s| s as u64).sum::<u64>() + 4 * exe.params.len() as u64,
            "the plan's buffers",
        )?;
        let create = |size: usize, access| create_buffer(space, size, access);
        let slots = exe
            .slots
            .iter()
            .map(|&size| create(size, Access::ReadWrite))
            .collect::<Result<Vec<_>, _>>()?;
        let params = create(exe.params.len() * 4, Access::Read)?;
        space.write_buffer(&*params, 0, bytemuck::cast_slice(&exe.params))?;
        let mut kernels = Vec::with_capacity(exe.steps.len());
        let mut buffers = Vec::with_capacity(exe.steps.len());
        // Native kernels run on CPU spaces with worker threads, when specialised kernels are on.
        let host = specialised && space.as_host().and_then(|h| h.workers()).is_some();
        let natives: Vec<Option<Native>> = exe
            .steps
            .iter()
            .map(|step| {
                let params = &exe.params[step.params..][..step.param_count];
                native::lookup(step.kernel, params).filter(|_| host)
            })
            .collect();
        // Constant weights of native steps, packed once for their GEMMs.
        let packed = exe
            .steps
            .iter()
            .zip(&natives)
            .map(|(step, native)| match (native, step.buffers.get(1)) {
                (Some(_), Some(Ref::Const(w))) if w.dtype == DType::F32 => {
                    let params = &exe.params[step.params..][..step.param_count];
                    native::prepack(step.kernel, params, &w.data)
                }
                _ => None,
            })
            .collect::<Vec<_>>();
        let packed_held = self
            .quota
            .reserve(packed_bytes(&packed), "the plan's packed weights")?;
        held = Reservation::merge(held, packed_held);
        for step in &exe.steps {
            if step.items as u64 > limits.max_work_items || step.items > u32::MAX as usize {
                return Err(Error::Unsupported(format!(
                    "{} over {} elements: more than {} allows in one launch",
                    step.kernel,
                    step.items,
                    device.info().name
                )));
            }
            kernels.push(runtime.kernel(self.device, step.kernel)?);
            let mut list = Vec::with_capacity(step.buffers.len());
            for r in &step.buffers {
                list.push(match r {
                    Ref::Slot(s) => slots[*s].clone(),
                    Ref::Const(t) => {
                        let key = (t.data.as_ptr() as usize, t.data.len());
                        match state.constants.get(&key) {
                            Some((_, b, _)) => b.clone(),
                            None => {
                                let held = self
                                    .quota
                                    .reserve(t.data.len() as u64, "a constant tensor")?;
                                let b = create(t.data.len(), Access::Read)?;
                                space.write_buffer(&*b, 0, &t.data)?;
                                state.constants.insert(key, (t.clone(), b.clone(), held));
                                b
                            }
                        }
                    }
                });
            }
            buffers.push(list);
        }
        Ok(Loaded {
            exe,
            slots,
            params,
            kernels,
            natives,
            packed,
            buffers,
            _bytes: held,
        })
    }
}

/// Creates a buffer of at least `bytes` bytes (devices bind whole 4-byte words, and none binds an
/// empty buffer).
fn create_buffer(
    space: &dyn Space,
    bytes: usize,
    access: Access,
) -> Result<Arc<dyn Buffer>, Error> {
    Ok(space.create_buffer(&BufferDescriptor {
        size: bytes.max(4).next_multiple_of(4) as u64,
        access,
    })?)
}

/// Work items up to which a launch is one chunk of work: for every operator kernel, so few
/// items take less time than handing them to other threads.
const SMALL_LAUNCH: u32 = 4096;

/// Launches an operator kernel: the parameter buffer first, its parameters at word `offset`.
fn launch(
    space: &dyn Space,
    kernel: &dyn Kernel,
    params: &dyn Buffer,
    offset: usize,
    buffers: &[Arc<dyn Buffer>],
    items: usize,
) -> Result<(), String> {
    let items = u32::try_from(items).map_err(|_| format!("{items} work items in one launch"))?;
    let all: Vec<&dyn Buffer> = std::iter::once(params)
        .chain(buffers.iter().map(|b| &**b))
        .collect();
    space
        .launch(
            kernel,
            &Launch {
                items,
                block_size: offset as u32,
                buffers: &all,
                // Small launches as one chunk, which the CPU executor runs on this thread rather
                // than wake its workers (GPUs ignore the hint).
                chunk: (items <= SMALL_LAUNCH).then_some(items),
                addresses: None,
            },
        )
        .map_err(|e| e.to_string())
}

/// Runs a step's CPU-specialised kernel on the space's memory.
fn run_native(
    space: &dyn Space,
    native: Native,
    cx: Ctx<'_>,
    params: &[i32],
    buffers: &[Arc<dyn Buffer>],
) -> Result<(), String> {
    let host = space.as_host().ok_or("the space is not in host memory")?;
    let list: Vec<&dyn Buffer> = buffers.iter().map(|b| &**b).collect();
    let mut result = Ok(());
    let mut cx = Some(cx);
    host.with_host_buffers(&list, &mut |inputs, output| {
        let floats = inputs
            .iter()
            .map(|b| bytemuck::try_cast_slice::<u8, f32>(b))
            .collect::<Result<Vec<_>, _>>();
        let Some(cx) = cx.take() else {
            result = Err("the space called back twice".into());
            return;
        };
        result = match (floats, bytemuck::try_cast_slice_mut::<u8, f32>(output)) {
            // A bug in a native kernel fails the run rather than the host: its buffers are the
            // plan's own, and the checks before each kernel are the defence, this the backstop.
            (Ok(inputs), Ok(output)) => {
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    native(params, &inputs, output, cx)
                }))
                .unwrap_or_else(|panic| {
                    Err(format!(
                        "the native kernel failed: {}",
                        wasi_parallel_device::panic_message(&*panic)
                    ))
                })
            }
            (Err(e), _) | (_, Err(e)) => Err(format!("a buffer is not f32-aligned: {e}")),
        };
    })
    .map_err(|e| e.to_string())?;
    result
}

/// Folds constants by running their steps on the `sequential` device, in a space of their own
/// that is dropped after each node.
struct SequentialFolder<'a> {
    runtime: &'a NnRuntime,
}

impl Folder for SequentialFolder<'_> {
    fn fold(
        &mut self,
        values: &[Value],
        steps: &[Step],
        outputs: &[ValueId],
    ) -> Result<Vec<Tensor>, Error> {
        let index = self
            .runtime
            .find(DeviceKind::Sequential)
            .expect("checked in NnRuntime::new");
        let space = self.runtime.devices[index].create_space(&SpaceDescriptor {
            static_size: RESERVED,
            static_segments: &[],
            // Only the engine's own operator kernels run here.
            confined: false,
        })?;
        let space = &*space;
        let mut made: HashMap<ValueId, Arc<dyn Buffer>> = HashMap::new();
        let mut buffer_of = |id: ValueId| -> Result<Arc<dyn Buffer>, Error> {
            let root = values[id].root;
            if let Some(b) = made.get(&root) {
                return Ok(b.clone());
            }
            let v = &values[root];
            let b = create_buffer(space, v.bytes(), Access::ReadWrite)?;
            if let Some(t) = &values[id].konst {
                space.write_buffer(&*b, 0, &t.data)?;
            }
            made.insert(root, b.clone());
            Ok(b)
        };
        let params: Vec<i32> = steps
            .iter()
            .flat_map(|s| s.params.iter().copied())
            .chain([0])
            .collect();
        let params_buffer = create_buffer(space, params.len() * 4, Access::Read)?;
        space.write_buffer(&*params_buffer, 0, bytemuck::cast_slice(&params))?;
        let mut offset = 0;
        for step in steps {
            let kernel = self.runtime.kernel(index, step.kernel)?;
            let owned = step
                .buffers
                .iter()
                .map(|&id| buffer_of(id))
                .collect::<Result<Vec<_>, _>>()?;
            launch(space, &*kernel, &*params_buffer, offset, &owned, step.items)
                .map_err(|e| Error::Run(format!("folding {}: {e}", step.kernel)))?;
            offset += step.params.len();
        }
        outputs
            .iter()
            .map(|&id| {
                let v = &values[id];
                let mut data = vec![0u8; v.bytes()];
                let b = buffer_of(id)?;
                space.read_buffer(&*b, 0, &mut data)?;
                Tensor::new(v.dtype, v.shape.clone(), data)
            })
            .collect()
    }
}
