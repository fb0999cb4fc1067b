#if os(Linux)
import CGlibc
#endif

/// How the C allocator is told to keep the memory a build frees, for the next allocations.
///
/// By default glibc's malloc gives large blocks their own mapping (from 128 KiB, a threshold it
/// raises as they are freed) and hands freed memory at the top of its heaps back to the system.
/// A rebuild decodes and drops hundreds of thousands of values; each block mapped or given back
/// is memory touched anew, and on a virtual machine a first touch is costly (a page fault, and
/// often the host's too). With fixed thresholds (blocks under 32 MiB from the heaps, freed memory
/// kept up to 1 GiB) a 10,000-article annotation rebuild took about a tenth less time and
/// CPU in alternated runs, with the same peak memory (see BENCHMARKS.md, session 19).
public enum MallocTuning {
    /// Blocks below this come from malloc's heaps, not a mapping of their own (glibc's largest
    /// allowed value on 64-bit systems: half of a heap).
    public static let mmapThreshold: Int32 = 32 << 20
    /// Freed memory at a heap's top is handed back to the system only beyond this.
    public static let trimThreshold: Int32 = 1 << 30

    /// Sets both thresholds, unless `environment` sets malloc tunables of its own
    /// (`GLIBC_TUNABLES=glibc.malloc.…`: the user's choice stands). Returns whether they were set
    /// (always false off Linux).
    @discardableResult
    public static func apply(environment: [String: String]) -> Bool {
        if let tunables = environment["GLIBC_TUNABLES"], tunables.contains("glibc.malloc.") { return false }
        #if os(Linux)
        // mallopt answers 1 when it took the value.
        return mallopt(M_MMAP_THRESHOLD, mmapThreshold) == 1 && mallopt(M_TRIM_THRESHOLD, trimThreshold) == 1
        #else
        return false
        #endif
    }
}
