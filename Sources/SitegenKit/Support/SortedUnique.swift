extension Array where Element: Comparable {
    /// Sorts the array and keeps each element once, in place: what a set of the elements, sorted,
    /// holds, without hashing each element into a set.
    mutating func sortAndRemoveDuplicates() {
        sort()
        var unique = 0
        for k in indices where unique == 0 || self[unique - 1] != self[k] {
            self[unique] = self[k]
            unique += 1
        }
        removeSubrange(unique...)
    }
}

extension Array where Element == UInt64 {
    /// Keeps each value once, where it first appears, in place. A table of at least twice as
    /// many slots as values finds the ones already kept: sorting an article's few hundred word
    /// hashes to find them cost ten times more.
    mutating func removeDuplicates() {
        guard count > 1 else { return }
        var size = 8
        while size < count * 2 { size <<= 1 }
        let mask = size - 1, shift = UInt64(64 - size.trailingZeroBitCount)
        // 0 marks an empty slot; the value 0 itself is tracked apart.
        var slots = [UInt64](repeating: 0, count: size)
        var zeroKept = false
        var unique = 0
        withUnsafeMutableBufferPointer { values in
            slots.withUnsafeMutableBufferPointer { table in
                for k in values.indices {
                    let v = values[k]
                    if v == 0 {
                        if zeroKept { continue }
                        zeroKept = true
                    } else {
                        var s = Int(truncatingIfNeeded: (v &* 0x9E37_79B9_7F4A_7C15) >> shift)
                        while table[s] != 0 && table[s] != v { s = (s + 1) & mask }
                        if table[s] == v { continue }
                        table[s] = v
                    }
                    values[unique] = v
                    unique += 1
                }
            }
        }
        removeSubrange(unique...)
    }
}
