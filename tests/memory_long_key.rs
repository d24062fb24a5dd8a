//! Memory stays proportional to the file when a key is very long: every node below the key
//! used to keep its own JSON pointer, which repeats the key (a 156 KB file took 2.2 GB).

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

#[path = "support/memory.rs"]
mod memory;

#[test]
fn a_very_long_key_over_many_nodes_takes_memory_proportional_to_the_file() {
    let _profiler = dhat::Profiler::builder().testing().build();
    // A 100 KB key over a list of 2,000 numbers: 104 KB.
    let text = format!(
        "regioplan: 1\n? {}\n: [{}]\n",
        "k".repeat(100_000),
        vec!["0"; 2_000].join(",")
    );
    let peak = memory::peak_of_check(text.as_bytes());
    eprintln!("peak heap {peak} bytes for {} bytes", text.len());
    assert!(
        peak < 20 * text.len(),
        "checking a {} byte file peaked at {peak} bytes of heap",
        text.len()
    );
}
