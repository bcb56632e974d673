//! The bytes every model, plan and execution context of one [`crate::NnRuntime`] may hold
//! together, so that no guest can make the host's memory grow without end through wasi-nn.
//!
//! Whatever holds memory on a guest's behalf takes a [`Reservation`] first and keeps it for as
//! long as it holds the memory: a prepared model its weights, a plan its buffers and packed
//! weights, an uploaded constant its buffer, an execution context its input and output tensors.
//! Dropping the holder gives the bytes back. A reservation that would pass the limit fails with
//! [`Error::TooLarge`] before anything is allocated.
//!
//! The limit is per host, not per instance: instances share a process's models, and a model
//! prepared once serves them all. What one instance may hold is bounded besides by the counts of
//! graphs and execution contexts its wasi-nn context allows (see `wasi_nn`).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use crate::Error;

/// The default of [`ByteQuota`]'s limit: 16 GiB, as wasi-parallel's buffers per host.
pub const DEFAULT_NN_BYTES: u64 = 16 << 30;

/// Bytes in use and the most that may be (see the module docs).
#[derive(Debug)]
pub(crate) struct ByteQuota {
    limit: AtomicU64,
    used: AtomicU64,
}

impl ByteQuota {
    pub fn new(limit: u64) -> Arc<ByteQuota> {
        Arc::new(ByteQuota {
            limit: AtomicU64::new(limit),
            used: AtomicU64::new(0),
        })
    }

    pub fn set_limit(&self, limit: u64) {
        self.limit.store(limit, Ordering::Relaxed);
    }

    pub fn used(&self) -> u64 {
        self.used.load(Ordering::Relaxed)
    }

    /// Takes `bytes` for `what` (a phrase for the error), or fails if that would pass the limit.
    pub fn reserve(self: &Arc<Self>, bytes: u64, what: &str) -> Result<Reservation, Error> {
        let limit = self.limit.load(Ordering::Relaxed);
        self.used
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |used| {
                used.checked_add(bytes).filter(|&total| total <= limit)
            })
            .map_err(|used| {
                Error::TooLarge(format!(
                    "{what} needs {bytes} bytes, and the host's wasi-nn models, plans and \
                     tensors may hold {limit} bytes in all ({used} in use)"
                ))
            })?;
        Ok(Reservation {
            quota: self.clone(),
            bytes,
        })
    }
}

/// Bytes taken from a [`ByteQuota`], given back when dropped.
#[derive(Debug)]
pub(crate) struct Reservation {
    quota: Arc<ByteQuota>,
    bytes: u64,
}

impl Reservation {
    /// One reservation holding the bytes of both (taken from the same quota).
    pub fn merge(mut a: Reservation, mut b: Reservation) -> Reservation {
        debug_assert!(Arc::ptr_eq(&a.quota, &b.quota));
        a.bytes += std::mem::take(&mut b.bytes);
        a
    }
}

impl Drop for Reservation {
    fn drop(&mut self) {
        self.quota.used.fetch_sub(self.bytes, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reservations_hold_bytes_until_dropped() {
        let quota = ByteQuota::new(100);
        let a = quota.reserve(60, "a").unwrap();
        assert!(matches!(quota.reserve(41, "b"), Err(Error::TooLarge(_))));
        let b = quota.reserve(40, "b").unwrap();
        assert_eq!(quota.used(), 100);
        drop(a);
        assert_eq!(quota.used(), 40);
        let c = quota.reserve(50, "c").unwrap();
        let d = quota.reserve(10, "d").unwrap();
        let cd = Reservation::merge(c, d);
        assert_eq!(quota.used(), 100);
        drop(b);
        assert_eq!(quota.used(), 60);
        drop(cd);
        assert_eq!(quota.used(), 0);
        assert!(matches!(
            quota.reserve(u64::MAX, "huge"),
            Err(Error::TooLarge(_))
        ));
    }
}
