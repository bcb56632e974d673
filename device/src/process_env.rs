//! What a program that uses devices sets in its own environment before it touches a driver.
//!
//! Mesa's Vulkan drivers (lavapipe among them) and PoCL print
//! `error: XDG_RUNTIME_DIR is invalid or not set in the environment.` each time they start
//! without a usable runtime directory, which on a server or in a container is the normal case:
//! a benchmark run printed it ten times between its results. [`prepare`] gives the process a
//! private one instead. Only binaries call it, first thing in `main`: changing the environment
//! is not safe once other threads may read it, and a library must not change its embedder's
//! environment behind its back.

use std::path::{Path, PathBuf};

/// Points `XDG_RUNTIME_DIR` at a private directory (mode 0700, owned by this user, under the
/// system's temporary directory) when it is unset or does not name a directory. Returns the
/// directory it set, or `None` when the variable was already usable or no directory could be
/// made (then the drivers warn as before; nothing else changes).
///
/// Call it at the start of `main`, before any thread is started.
pub fn prepare() -> Option<PathBuf> {
    if std::env::var_os("XDG_RUNTIME_DIR").is_some_and(|dir| Path::new(&dir).is_dir()) {
        return None;
    }
    let dir = private_dir()?;
    // Sound here: the caller promises no other thread runs yet (see above).
    std::env::set_var("XDG_RUNTIME_DIR", &dir);
    Some(dir)
}

/// `$TMPDIR/wasi-parallel-runtime-<uid>`, made if missing, and used only if it is a directory
/// of ours that nobody else may enter; otherwise a fresh directory of this process.
fn private_dir() -> Option<PathBuf> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};
        let uid = std::fs::metadata("/proc/self").map(|m| m.uid()).ok();
        let shared =
            uid.map(|uid| std::env::temp_dir().join(format!("wasi-parallel-runtime-{uid}")));
        let candidates = shared.into_iter().chain(std::iter::once(
            std::env::temp_dir().join(format!("wasi-parallel-runtime-pid{}", std::process::id())),
        ));
        for dir in candidates {
            let _ = std::fs::DirBuilder::new().mode(0o700).create(&dir);
            let Ok(meta) = std::fs::symlink_metadata(&dir) else {
                continue;
            };
            let ours = uid.is_none_or(|uid| meta.uid() == uid);
            if meta.is_dir() && ours && meta.permissions().mode() & 0o077 == 0 {
                return Some(dir);
            }
        }
        None
    }
    #[cfg(not(unix))]
    {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_private_directory_is_ours_alone() {
        let dir = private_dir().expect("a temporary directory can be made");
        assert!(dir.is_dir());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&dir).unwrap().permissions().mode();
            assert_eq!(mode & 0o077, 0, "{} has mode {mode:o}", dir.display());
        }
    }
}
