import Foundation

/// Each string's first place in a list: open addressing on the strings' `StableHash`, the
/// strings compared on a match. Strings are told apart by their UTF-8 bytes, as their hash
/// does (not by canonical equivalence, as `==`): the ids it holds (quotes', articles') are
/// ASCII slugs. Swift's hashed dictionary seeds and finalizes SipHash for every string, which
/// was most of the cost of a table of the 80,000 quote ids of a big dossier.
struct FirstPlaces: Sendable {
    private let keys: [String]
    /// A place in `keys` (-1: empty), at each string's hash and the slots after it.
    private let slots: [Int32]
    private let mask: Int

    init(_ keys: [String]) {
        precondition(keys.count < Int(Int32.max) / 2, "too many strings for a table of places")
        var capacity = 16
        while capacity < keys.count * 2 { capacity <<= 1 }
        var slots = [Int32](repeating: -1, count: capacity)
        let mask = capacity - 1
        for (i, key) in keys.enumerated() {
            var s = Int(truncatingIfNeeded: Self.hash(key)) & mask
            while slots[s] >= 0 && !Self.same(keys[Int(slots[s])], key) { s = (s + 1) & mask }
            // The first place is kept.
            if slots[s] < 0 { slots[s] = Int32(i) }
        }
        self.keys = keys
        self.slots = slots
        self.mask = mask
    }

    subscript(key: String) -> Int? {
        var s = Int(truncatingIfNeeded: Self.hash(key)) & mask
        while slots[s] >= 0 {
            if Self.same(keys[Int(slots[s])], key) { return Int(slots[s]) }
            s = (s + 1) & mask
        }
        return nil
    }

    static func same(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                guard x.count == y.count, let p = x.baseAddress, let q = y.baseAddress else { return x.count == y.count }
                return memcmp(p, q, x.count) == 0
            }
        }
    }

    static func hash(_ s: String) -> UInt64 {
        var h = StableHash()
        h.add(s)
        return h.value
    }
}

/// `lookUp` of the key of each of `count` items (`key(i)`), called once for each run of items
/// with the same key: a dossier's quotes and events come article by article, and the same
/// string as the item before is found equal without hashing it (100,000 events, 10,000 lookups).
func lookedUpByRuns<Place>(_ count: Int, key: (Int) -> String, _ lookUp: (String) -> Place) -> [Place] {
    var out: [Place] = []
    out.reserveCapacity(count)
    var last: (key: String, place: Place)?
    for i in 0..<count {
        let k = key(i)
        if let last, last.key == k {
            out.append(last.place)
            continue
        }
        let place = lookUp(k)
        last = (k, place)
        out.append(place)
    }
    return out
}
