//! The allocator while content is indexed: freed memory goes back to the system at once.
//!
//! The server's allocator (jemalloc, see `server/Cargo.toml`) keeps freed pages for a second
//! before handing them back, so that memory freed and needed again while answering is not
//! returned and asked for over and over (without the delay, 5 % fewer questions a second on
//! the 15k-entry base). An index build frees a lot as it goes: the parsing's scratch, each
//! language's postings once written, buffers outgrown. Kept for a second, those pages added
//! up to the peak of a start: 15k entries, 70 MB with the delay, 55 MB without. So while
//! content is read and indexed (`content::build`), the delay is zero; the last build to
//! finish puts it back.

use std::sync::Mutex;

/// Builds running, and the delay to put back when the last one finishes.
static BUILDS: Mutex<(usize, Option<isize>)> = Mutex::new((0, None));

/// Runs `build` with freed memory handed back to the system at once (see the module
/// documentation). Builds may overlap: the delay comes back when none runs.
pub fn returning_freed_memory<T>(build: impl FnOnce() -> T) -> T {
    {
        let mut builds = BUILDS.lock().unwrap_or_else(|e| e.into_inner());
        if builds.0 == 0 {
            builds.1 = decay::get();
            decay::set(0);
        }
        builds.0 += 1;
    }
    // Put back even when the build panics.
    struct Finished;
    impl Drop for Finished {
        fn drop(&mut self) {
            let mut builds = BUILDS.lock().unwrap_or_else(|e| e.into_inner());
            builds.0 -= 1;
            if builds.0 == 0
                && let Some(delay) = builds.1.take()
            {
                decay::set(delay);
            }
        }
    }
    let _finished = Finished;
    build()
}

/// jemalloc's delay before freed pages go back to the system (`dirty_decay_ms`).
#[cfg(not(target_env = "msvc"))]
mod decay {
    use tikv_jemalloc_ctl::{Access, AsName};

    /// The delay, in milliseconds, new arenas get; `None` when the allocator does not say.
    pub fn get() -> Option<isize> {
        b"arenas.dirty_decay_ms\0".name().read().ok()
    }

    /// Sets the delay of every arena and of those made later. Errors (an arena not in use)
    /// leave that arena as it was.
    pub fn set(milliseconds: isize) {
        let _ = b"arenas.dirty_decay_ms\0".name().write(milliseconds);
        let arenas: u32 = b"arenas.narenas\0".name().read().unwrap_or(0);
        for arena in 0..arenas {
            let _ = format!("arena.{arena}.dirty_decay_ms\0")
                .name()
                .write(milliseconds);
        }
    }
}

/// Without jemalloc there is no delay to set.
#[cfg(target_env = "msvc")]
mod decay {
    /// No delay to read.
    pub fn get() -> Option<isize> {
        None
    }

    /// Nothing to set.
    pub fn set(_milliseconds: isize) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs `read` once no build runs (other tests build indexes meanwhile).
    fn when_no_build_runs<T>(read: impl Fn() -> T) -> T {
        loop {
            let builds = BUILDS.lock().unwrap_or_else(|e| e.into_inner());
            if builds.0 == 0 {
                return read();
            }
            drop(builds);
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }

    /// The delay is zero while a build runs, also inside a second one, and back afterwards.
    #[cfg(not(target_env = "msvc"))]
    #[test]
    fn the_delay_is_zero_while_building_and_back_afterwards() {
        let configured = when_no_build_runs(decay::get).expect("jemalloc answers");
        assert_ne!(configured, 0, "the configured delay (.cargo/config.toml)");
        let inside = returning_freed_memory(|| {
            let nested = returning_freed_memory(decay::get);
            (decay::get(), nested)
        });
        assert_eq!(inside, (Some(0), Some(0)));
        assert_eq!(when_no_build_runs(decay::get), Some(configured));
    }
}
