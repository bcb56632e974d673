//! Keeping Wasmtime's trap handlers in charge of the fault signals while drivers load.
//!
//! Wasmtime turns a Wasm trap (an out-of-bounds access, `unreachable`, a division by zero, a
//! stack overflow) into a SIGSEGV, SIGILL, SIGFPE or SIGBUS that its process-wide handler
//! catches on the trapping thread. Drivers built on LLVM (PoCL's in-process clang; Mesa's
//! llvmpipe) register LLVM's crash handlers above whatever is installed, with `SA_RESETHAND`: as
//! the kernel delivers a signal to LLVM's handler it resets the disposition to the default, and
//! LLVM puts the previous handler (Wasmtime's) back only once its own handler has run. A second
//! thread that traps in between gets the default disposition and the process dies: two CPU
//! workers trapping at once killed the host in about half of the runs with PoCL installed. LLVM's
//! handler also deletes the compiler's temporary files on every Wasm trap, so builds on other
//! threads fail.
//!
//! [`guard`] wraps every driver call that may load or initialise such a library. It makes sure
//! Wasmtime's handlers are installed before the first one (an engine installs them), notes the
//! dispositions it finds then, and after each call puts those back if the call replaced them.
//! LLVM registers its handlers only while it believes none are registered (again only after its
//! handler has run, which it no longer does), so after the first call Wasmtime stays in charge
//! for good, and for faults outside Wasm it chains to whatever was installed before it, as it
//! always does. What is lost is LLVM's cleanup of its temporary files when the process really
//! crashes.
//!
//! The handlers noted are those in place at the first guarded call: an embedder that installs
//! its own above Wasmtime's should do so before it opens any device.

use std::sync::OnceLock;

/// The signals Wasmtime handles on the platforms it runs Wasm natively.
const SIGNALS: [libc::c_int; 4] = [libc::SIGSEGV, libc::SIGILL, libc::SIGFPE, libc::SIGBUS];

struct Dispositions([libc::sigaction; SIGNALS.len()]);

// SAFETY: `sigaction` is plain data (a function address, flags and a signal mask).
unsafe impl Send for Dispositions {}
// SAFETY: as above; the value is never changed after it is made.
unsafe impl Sync for Dispositions {}

fn current() -> Dispositions {
    // SAFETY: sigaction with a null new action only reads the disposition into `old`, a valid,
    // zeroed sigaction.
    Dispositions(SIGNALS.map(|signal| unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        libc::sigaction(signal, std::ptr::null(), &mut old);
        old
    }))
}

/// The dispositions to keep: those after Wasmtime installed its handlers.
fn in_charge() -> &'static Dispositions {
    static IN_CHARGE: OnceLock<Dispositions> = OnceLock::new();
    IN_CHARGE.get_or_init(|| {
        // Any engine with signal-based traps (the default) installs Wasmtime's handlers, once
        // per process, if no engine has yet.
        if let Err(e) = wasmtime::Engine::new(&wasmtime::Config::new()) {
            log::warn!("cannot make a Wasmtime engine to install its trap handlers: {e:#}");
        }
        let dispositions = current();
        for (signal, action) in SIGNALS.iter().zip(&dispositions.0) {
            if action.sa_flags & libc::SA_RESETHAND != 0 {
                log::warn!(
                    "the handler of signal {signal} is one-shot (SA_RESETHAND), installed \
                     above Wasmtime's before any device was opened: concurrent Wasm traps may \
                     kill the process"
                );
            }
        }
        dispositions
    })
}

/// Runs `driver_call`, a call into a driver that may install signal handlers, and then puts
/// back the handlers that were in charge (see the module docs).
pub fn guard<T>(driver_call: impl FnOnce() -> T) -> T {
    let keep = in_charge();
    let result = driver_call();
    restore(keep);
    result
}

fn restore(keep: &Dispositions) {
    let now = current();
    for ((signal, kept), found) in SIGNALS.iter().zip(&keep.0).zip(&now.0) {
        if found.sa_sigaction != kept.sa_sigaction || found.sa_flags != kept.sa_flags {
            log::debug!("signal {signal}: a driver replaced the handler; putting Wasmtime's back");
            // SAFETY: `kept` is a disposition this process had installed, read back by
            // sigaction; installing it again is what it was.
            unsafe {
                libc::sigaction(*signal, kept, std::ptr::null_mut());
            }
        }
    }
}

/// Whether the handlers in charge now are those [`guard`] keeps (for tests).
pub fn wasmtime_in_charge() -> bool {
    let keep = in_charge();
    let now = current();
    keep.0
        .iter()
        .zip(&now.0)
        .all(|(kept, found)| found.sa_sigaction == kept.sa_sigaction)
}
