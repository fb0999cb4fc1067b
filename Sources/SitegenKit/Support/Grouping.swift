/// `Dictionary(grouping:by:)` for the indices of values whose string keys come near each other
/// (a dossier's quotes come article by article, and an article's few speakers in turn): the last
/// few keys and their lists are kept at hand, and a key among them is found by comparing it
/// (two equal small or shared strings compare in a few instructions) instead of hashing it.
/// A nil key leaves its index out. Each list keeps the indices in the order given.
enum Grouping {
    /// How many of the last keys are kept at hand: a French article's quotes from three or four speakers.
    static let recent = 4

    static func indices<S: Sequence>(_ indices: S, by key: (Int) -> String?) -> [String: [Int]] where S.Element == Int {
        var slotOf: [String: Int] = [:]
        var keys: [String] = [], lists: [[Int]] = []
        // The most recently used first: (key, its list's slot).
        var near: [(key: String, slot: Int)] = []
        near.reserveCapacity(recent)
        for i in indices {
            guard let k = key(i) else { continue }
            var slot = -1
            for n in near.indices where near[n].key == k {
                slot = near[n].slot
                if n > 0 { near.insert(near.remove(at: n), at: 0) }
                break
            }
            if slot < 0 {
                if let known = slotOf[k] {
                    slot = known
                } else {
                    slot = lists.count
                    slotOf[k] = slot
                    keys.append(k)
                    lists.append([])
                }
                if near.count == recent { near.removeLast() }
                near.insert((k, slot), at: 0)
            }
            lists[slot].append(i)
        }
        var out: [String: [Int]] = [:]
        out.reserveCapacity(keys.count)
        for (k, list) in zip(keys, lists) { out[k] = list }
        return out
    }
}
