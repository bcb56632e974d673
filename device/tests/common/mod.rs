//! What the device tests share: the devices a test needs, and what a lost device's calls give.

#![allow(dead_code, reason = "each test binary uses what it needs")]

use wasi_parallel_device::DeviceError;

/// `devices`, or in CI (`CI` set), where `software` (lavapipe, PoCL) is installed, a failure if
/// there are none; locally a machine without one skips.
pub fn required<T>(devices: Vec<T>, backend: &str, software: &str) -> Vec<T> {
    if devices.is_empty() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have a {backend} device ({software})"
        );
        eprintln!("skipped: no {backend} device");
    }
    devices
}

/// The message of a `DeviceError::Device`; any other result fails the test.
pub fn is_device_error<T>(result: Result<T, DeviceError>, what: &str) -> String {
    match result {
        Err(DeviceError::Device(message)) => message,
        Err(other) => panic!("{what}: {other:?}, not a device error"),
        Ok(_) => panic!("{what} succeeded on a lost device"),
    }
}
