import Foundation

/// A fixed set of words, asked about every token of every article. `Set<String>` hashes with a
/// seeded SipHash and compares by canonical equivalence. A text whose scalars all lie below
/// U+0300 (every byte below 0xCC: ASCII and the Latin letters of French, accents included) is
/// in NFC whatever it is, so for it canonical equivalence is equality of bytes with the word's
/// NFC form. Such questions go to an open-addressing table of the words' NFC bytes with a cheap
/// hash, the others to the `Set`. The answers are the same as the `Set`'s.
/// `@unchecked Sendable`: the pointers read memory that `storage` owns and nothing writes after
/// `init`.
public struct WordTable: @unchecked Sendable, ExpressibleByArrayLiteral {
    /// Every word, for the questions that are not simple.
    public let words: Set<String>
    /// Owns the table's memory; the look-ups read it through the pointers below, so that a
    /// question costs no reference counting.
    private let storage: Storage
    /// The words' NFC bytes, end to end (word k is `bytes[offsets[k]..<offsets[k + 1]]`), and
    /// the slots of an open-addressing table (word index + 1; 0 is empty), a power of two at
    /// most half full.
    private let bytes: UnsafePointer<UInt8>
    private let offsets: UnsafePointer<Int32>
    private let slots: UnsafePointer<Int32>
    private let mask: Int
    /// Bit n (n < 63) is set when a word has n bytes; bit 63 for the longer ones.
    private let lengths: UInt64
    /// The words' first bytes, as 256 bits: bit b & 63 of word b >> 6.
    private let firstBytes: UnsafePointer<UInt64>

    /// The table's memory, immutable once made, freed with the last table that shares it.
    private final class Storage: @unchecked Sendable {
        let bytes: UnsafeMutablePointer<UInt8>
        let offsets: UnsafeMutablePointer<Int32>
        let slots: UnsafeMutablePointer<Int32>
        let firstBytes: UnsafeMutablePointer<UInt64>
        let slotCount: Int
        var lengths: UInt64 = 0

        init(_ forms: [[UInt8]]) {
            var bytes: [UInt8] = [], offsets: [Int32] = [0]
            var size = 8
            while size < forms.count * 2 { size *= 2 }
            var slots = [Int32](repeating: 0, count: size)
            var first = [UInt64](repeating: 0, count: 4)
            for w in forms {
                var slot = WordTable.hash(w) & (size - 1)
                var duplicate = false
                while slots[slot] != 0 {
                    let k = Int(slots[slot]) - 1
                    if bytes[Int(offsets[k])..<Int(offsets[k + 1])].elementsEqual(w) { duplicate = true; break }
                    slot = (slot + 1) & (size - 1)
                }
                if duplicate { continue }
                bytes += w
                offsets.append(Int32(bytes.count))
                slots[slot] = Int32(offsets.count - 1)
                lengths |= 1 << UInt64(min(w.count, 63))
                if let b = w.first { first[Int(b >> 6)] |= 1 << UInt64(b & 63) }
            }
            func copy<T>(_ array: [T]) -> UnsafeMutablePointer<T> {
                let p = UnsafeMutablePointer<T>.allocate(capacity: max(1, array.count))
                p.initialize(from: array, count: array.count)
                return p
            }
            self.bytes = copy(bytes)
            self.offsets = copy(offsets)
            self.slots = copy(slots)
            firstBytes = copy(first)
            slotCount = slots.count
        }

        deinit {
            bytes.deallocate()
            offsets.deallocate()
            slots.deallocate()
            firstBytes.deallocate()
        }
    }

    public init(arrayLiteral elements: String...) { self.init(Set(elements)) }

    public init(_ words: Set<String>) {
        self.words = words
        // Each word's NFC form: what a simple text equal to it is, byte for byte. A simple word is
        // its own (Foundation's normalization costs thousands of instructions a word, and the
        // lexicon's tables hold thousands of words).
        let forms = words.sorted().map { w -> [UInt8] in
            let bytes = Array(w.utf8)
            return Self.isSimple(bytes) ? bytes : Array(w.precomposedStringWithCanonicalMapping.utf8)
        }
        let storage = Storage(forms.filter(Self.isSimple))
        self.storage = storage
        bytes = UnsafePointer(storage.bytes)
        offsets = UnsafePointer(storage.offsets)
        slots = UnsafePointer(storage.slots)
        firstBytes = UnsafePointer(storage.firstBytes)
        mask = storage.slotCount - 1
        lengths = storage.lengths
    }

    /// Every scalar below U+0300: such a text is its own NFC.
    static func isSimple<C: Collection>(_ b: C) -> Bool where C.Element == UInt8 { b.allSatisfy { $0 < 0xCC } }

    /// FNV-1a over the bytes, then the high bits folded in: `seed`, `mix` for each byte, `finish`.
    @inline(__always) static var seed: UInt64 { 0xcbf2_9ce4_8422_2325 }
    @inline(__always) static func mix(_ h: UInt64, _ x: UInt8) -> UInt64 { (h ^ UInt64(x)) &* 0x0000_0100_0000_01b3 }
    @inline(__always) static func finish(_ h: UInt64) -> Int { Int(truncatingIfNeeded: h ^ (h >> 29)) }

    static func hash<C: Collection>(_ b: C) -> Int where C.Element == UInt8 { finish(b.reduce(seed, mix)) }

    public func contains(_ s: String) -> Bool {
        if let answer = s.utf8.withContiguousStorageIfAvailable(lookUp), let answer { return answer }
        return words.contains(s)
    }

    /// `contains` of the text with these UTF-8 bytes (valid UTF-8).
    public func contains(utf8 b: UnsafeBufferPointer<UInt8>) -> Bool {
        if let answer = lookUp(b) { return answer }
        return words.contains(String(decoding: b, as: UTF8.self))
    }

    /// `contains` of `count` parts (`part(k)` for k from 0) joined by single spaces, then
    /// `suffix` (an ASCII byte), without making the joined string: the rules ask it of runs of
    /// tokens (a few words) hundreds of thousands of times. A text longer than a small buffer is
    /// joined as a string. (`part` is not kept: a sequence mapped lazily kept a closure over the
    /// tokens, made on the heap for each question.)
    public func contains(joining count: Int, suffix: UInt8? = nil, part: (Int) -> String) -> Bool {
        let answer = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { buffer -> Bool? in
            guard let base = buffer.baseAddress else { return nil }
            var n = 0
            for k in 0..<max(count, 0) {
                var text = part(k)
                let fits = text.withUTF8 { u -> Bool in
                    let separator = k == 0 ? 0 : 1
                    guard n + separator + u.count <= buffer.count else { return false }
                    if separator == 1 { base[n] = 0x20 }
                    if let from = u.baseAddress { (base + n + separator).update(from: from, count: u.count) }
                    n += separator + u.count
                    return true
                }
                guard fits else { return nil }
            }
            if let suffix {
                guard n < buffer.count else { return nil }
                base[n] = suffix
                n += 1
            }
            return contains(utf8: UnsafeBufferPointer(start: base, count: n))
        }
        if let answer { return answer }
        var joined = (0..<max(count, 0)).map(part).joined(separator: " ")
        if let suffix { joined.unicodeScalars.append(Unicode.Scalar(suffix)) }
        return contains(joined)
    }

    /// The answer for a simple text; nil for any other, which the set answers.
    private func lookUp(_ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        // Most questions are no word's first byte: answered before hashing.
        if let b0 = b.first, b0 < 0xCC, firstBytes[Int(b0 >> 6)] >> UInt64(b0 & 63) & 1 == 0 {
            return Self.isSimple(b) ? false : nil
        }
        // The hash and the simplicity test in one pass.
        var h = Self.seed
        for x in b {
            if x >= 0xCC { return nil }
            h = Self.mix(h, x)
        }
        // No word has this length: no need to look in the table.
        guard lengths & (1 << UInt64(min(b.count, 63))) != 0 else { return false }
        var slot = Self.finish(h) & mask
        while slots[slot] != 0 {
            let k = Int(slots[slot]) - 1
            let lo = Int(offsets[k]), hi = Int(offsets[k + 1])
            if hi - lo == b.count {
                var i = 0
                while i < b.count && bytes[lo + i] == b[i] { i += 1 }
                if i == b.count { return true }
            }
            slot = (slot + 1) & mask
        }
        return false
    }
}
