//! A global allocator for tests: [`Counting`] hands every request to the system allocator
//! and counts the bytes in use, the peak since the last [`Counting::reset`] and the total
//! allocated since then. A test binary installs it with
//! `#[global_allocator] static ALLOC: Counting = Counting::new();` (no unsafe code there).
//!
//! The counts are process-wide: a test measuring with it should run alone in its binary
//! (one `#[test]`, or `--test-threads=1`).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

pub struct Counting {
    live: AtomicUsize,
    peak: AtomicUsize,
    total: AtomicUsize,
}

/// What was allocated between a [`Counting::reset`] and a [`Counting::stats`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    /// The most bytes in use at once, above what was in use at the reset.
    pub peak: usize,
    /// Every byte allocated (a reallocation counts its new size).
    pub total: usize,
}

impl Counting {
    pub const fn new() -> Counting {
        Counting {
            live: AtomicUsize::new(0),
            peak: AtomicUsize::new(0),
            total: AtomicUsize::new(0),
        }
    }

    /// Starts a measurement: the peak is counted from what is in use now.
    pub fn reset(&self) {
        self.peak
            .store(self.live.load(Ordering::SeqCst), Ordering::SeqCst);
        self.total.store(0, Ordering::SeqCst);
    }

    /// Since the last [`Counting::reset`].
    pub fn stats(&self) -> Stats {
        let base = self.live.load(Ordering::SeqCst);
        let peak = self.peak.load(Ordering::SeqCst);
        Stats {
            peak: peak.saturating_sub(base.min(peak)),
            total: self.total.load(Ordering::SeqCst),
        }
    }

    /// [`Counting::stats`] of running `f`, with its result.
    pub fn measure<T>(&self, f: impl FnOnce() -> T) -> (T, Stats) {
        let start = self.live.load(Ordering::SeqCst);
        self.reset();
        let out = f();
        let peak = self.peak.load(Ordering::SeqCst).saturating_sub(start);
        let total = self.total.load(Ordering::SeqCst);
        (out, Stats { peak, total })
    }

    fn added(&self, size: usize) {
        let live = self.live.fetch_add(size, Ordering::SeqCst) + size;
        self.peak.fetch_max(live, Ordering::SeqCst);
        self.total.fetch_add(size, Ordering::SeqCst);
    }

    fn removed(&self, size: usize) {
        self.live.fetch_sub(size, Ordering::SeqCst);
    }
}

impl Default for Counting {
    fn default() -> Self {
        Counting::new()
    }
}

// Every method hands the request to `System` unchanged, with the caller's guarantees; the
// counting around it touches atomics only.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = System.alloc(layout);
        if !ptr.is_null() {
            self.added(layout.size());
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let ptr = System.alloc_zeroed(layout);
        if !ptr.is_null() {
            self.added(layout.size());
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        self.removed(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new = System.realloc(ptr, layout, new_size);
        if !new.is_null() {
            self.removed(layout.size());
            self.added(new_size);
        }
        new
    }
}
