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
