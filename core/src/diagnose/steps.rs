//! A count of the matcher's elementary steps, kept in test builds only, so that tests can show
//! the cost grows linearly with the input and the messages without timing anything.

#[cfg(test)]
thread_local! {
    static STEPS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

#[cfg(test)]
pub(crate) fn count(n: u64) {
    STEPS.with(|s| s.set(s.get().saturating_add(n)));
}

#[cfg(not(test))]
#[inline(always)]
pub(crate) fn count(_: u64) {}

/// Steps counted on this thread since the last call.
#[cfg(test)]
pub(crate) fn take() -> u64 {
    STEPS.with(|s| s.replace(0))
}
