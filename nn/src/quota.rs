//! The bytes the models, plans and execution contexts of one [`crate::NnRuntime`] may hold
//! together, and those of each instance, so that no guest can make the host's memory grow
//! without end through wasi-nn.
//!
//! Whatever holds memory on a guest's behalf takes a [`Reservation`] first and keeps it for as
//! long as it holds the memory: a prepared model its weights, a plan its buffers and packed
//! weights, an uploaded constant its buffer, an execution context its input and output tensors.
//! Dropping the holder gives the bytes back. A reservation that would pass a limit fails with
//! [`Error::TooLarge`] before anything is allocated.
//!
//! Quotas nest: the host's quota is the runtime's; each instance's wasi-nn context has one of its
//! own inside it, and a reservation from an instance's quota counts against both. What an
//! instance loads from bytes, and the tensors of its contexts, count against its own quota; the
//! models the host preloads, and their plans, against the host's only, since every instance that
//! may see them shares them.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use crate::Error;

/// The default limit of the host's quota: 16 GiB, as wasi-parallel's buffers per host.
pub const DEFAULT_NN_BYTES: u64 = 16 << 30;

/// The default limit of each instance's quota: 4 GiB, as wasi-parallel's buffers per instance.
pub const DEFAULT_NN_INSTANCE_BYTES: u64 = 4 << 30;

/// Bytes in use and the most that may be (see the module docs).
#[derive(Debug)]
pub(crate) struct ByteQuota {
    limit: AtomicU64,
    used: AtomicU64,
    /// The quota this one is inside: every byte taken here is taken there too.
    parent: Option<Arc<ByteQuota>>,
    /// Whose bytes these are, for errors: "the host's", "the instance's".
    whose: &'static str,
}

impl ByteQuota {
    /// The host's quota.
    pub fn new(limit: u64) -> Arc<ByteQuota> {
        Arc::new(ByteQuota {
            limit: AtomicU64::new(limit),
            used: AtomicU64::new(0),
            parent: None,
            whose: "the host's",
        })
    }

    /// An instance's quota inside this one.
    pub fn child(self: &Arc<Self>, limit: u64) -> Arc<ByteQuota> {
        Arc::new(ByteQuota {
            limit: AtomicU64::new(limit),
            used: AtomicU64::new(0),
            parent: Some(self.clone()),
            whose: "the instance's",
        })
    }

    pub fn set_limit(&self, limit: u64) {
        self.limit.store(limit, Ordering::Relaxed);
    }

    pub fn used(&self) -> u64 {
        self.used.load(Ordering::Relaxed)
    }

    /// Takes `bytes` for `what` (a phrase for the error) here and in every quota this one is
    /// inside, or fails, taking nothing, if that would pass a limit.
    pub fn reserve(self: &Arc<Self>, bytes: u64, what: &str) -> Result<Reservation, Error> {
        let mut quota = Some(self);
        while let Some(q) = quota {
            if let Err(e) = q.take(bytes, what) {
                // Give back what the inner quotas took.
                let mut inner = Some(self);
                while let Some(i) = inner.filter(|i| !Arc::ptr_eq(i, q)) {
                    i.used.fetch_sub(bytes, Ordering::Relaxed);
                    inner = i.parent.as_ref();
                }
                return Err(e);
            }
            quota = q.parent.as_ref();
        }
        Ok(Reservation {
            quota: self.clone(),
            bytes,
        })
    }

    /// Takes `bytes` from this quota alone.
    fn take(&self, bytes: u64, what: &str) -> Result<(), Error> {
        let limit = self.limit.load(Ordering::Relaxed);
        self.used
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |used| {
                used.checked_add(bytes).filter(|&total| total <= limit)
            })
            .map(drop)
            .map_err(|used| {
                Error::TooLarge(format!(
                    "{what} needs {bytes} bytes, and {} wasi-nn models, plans and tensors may \
                     hold {limit} bytes in all ({used} in use)",
                    self.whose
                ))
            })
    }
}

/// Bytes taken from a [`ByteQuota`] (and the quotas it is inside), given back when dropped.
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
        let mut quota = Some(&self.quota);
        while let Some(q) = quota {
            q.used.fetch_sub(self.bytes, Ordering::Relaxed);
            quota = q.parent.as_ref();
        }
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

    #[test]
    fn an_instance_quota_counts_against_the_host_too() {
        let host = ByteQuota::new(100);
        let a = host.child(70);
        let b = host.child(70);
        let held_a = a.reserve(60, "a").unwrap();
        assert_eq!((a.used(), host.used()), (60, 60));
        // Over the instance's own limit: nothing taken anywhere.
        assert!(matches!(a.reserve(11, "a"), Err(Error::TooLarge(_))));
        assert_eq!((a.used(), host.used()), (60, 60));
        // Within b's limit, over the host's: nothing taken from b either.
        match b.reserve(41, "b") {
            Err(Error::TooLarge(why)) => assert!(why.contains("the host's"), "{why}"),
            other => panic!("{other:?}"),
        }
        assert_eq!((b.used(), host.used()), (0, 60));
        let held_b = b.reserve(40, "b").unwrap();
        assert_eq!(host.used(), 100);
        drop(held_a);
        assert_eq!((a.used(), b.used(), host.used()), (0, 40, 40));
        drop(held_b);
        assert_eq!(host.used(), 0);
    }
}
