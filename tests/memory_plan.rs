//! An ordinary large plan is checked in memory proportional to its size.

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

#[path = "support/memory.rs"]
mod memory;

#[test]
fn a_one_megabyte_plan_is_checked_in_memory_proportional_to_it() {
    let _profiler = dhat::Profiler::builder().testing().build();
    let text = memory::synthetic(330);
    assert!(text.len() > 1_000_000, "{}", text.len());
    let peak = memory::peak_of_check(text.as_bytes());
    eprintln!(
        "peak heap {peak} bytes for {} bytes: {:.1}x",
        text.len(),
        peak as f64 / text.len() as f64
    );
    assert!(
        peak < 20 * text.len(),
        "checking a {} byte plan peaked at {peak} bytes of heap",
        text.len()
    );
}
