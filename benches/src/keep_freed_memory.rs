//! The allocator setting of the timed binaries (`benches/adversarial.rs`, `parse-file`), included
//! by each with `#[path]`: the library crate forbids `unsafe`, and this is one FFI call.

/// Makes the allocator keep the memory it is given back, at every size, as it already does for
/// blocks under 32 MB: glibc serves larger blocks with `mmap` and unmaps them when freed, so
/// without this every 64 MB round pays the kernel to map and zero its buffers again (page
/// faults, about 0.5 ms per MB and copy on these machines) while 1 MB rounds reuse warm memory.
/// The benches measure the parser, so every size gets the same allocator.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)] // the benches' one FFI call; the core and the bindings have none
pub(crate) fn keep_freed_memory() {
    // SAFETY: `mallopt` only sets two of glibc's malloc parameters; it is called before any
    // other thread exists.
    unsafe {
        libc::mallopt(libc::M_MMAP_MAX, 0);
        libc::mallopt(libc::M_TRIM_THRESHOLD, i32::MAX);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub(crate) fn keep_freed_memory() {}
