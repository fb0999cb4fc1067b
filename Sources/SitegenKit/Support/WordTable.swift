import Foundation

/// A fixed set of words, asked about every token of every article. `Set<String>` hashes with a
/// seeded SipHash and compares by canonical equivalence. A text whose scalars all lie below
/// U+0300 (every byte below 0xCC: ASCII and the Latin letters of French, accents included) is
/// in NFC whatever it is, so for it canonical equivalence is equality of bytes with the word's
/// NFC form. Such questions go to an open-addressing table of the words' NFC bytes with a cheap
/// hash, the others to the `Set`. The answers are the same as the `Set`'s.
public struct WordTable: Sendable, ExpressibleByArrayLiteral {
    /// Every word, for the questions that are not simple.
    public let words: Set<String>
    private let table: Table

    /// The words' NFC bytes, end to end (word k is `bytes[offsets[k]..<offsets[k + 1]]`), and
    /// the slots of an open-addressing table (word index + 1; 0 is empty), a power of two at
    /// most half full. Immutable once made; freed with the last table that shares it.
    private final class Table: @unchecked Sendable {
        let bytes: UnsafeMutableBufferPointer<UInt8>
        let offsets: UnsafeMutableBufferPointer<Int32>
        let slots: UnsafeMutableBufferPointer<Int32>
        let mask: Int
        /// Bit n (n < 63) is set when a word has n bytes; bit 63 for the longer ones.
        let lengths: UInt64
        /// The words' first bytes, as 256 bits: bit b & 63 of word b >> 6.
        let firstBytes: [UInt64]

        init(_ forms: [[UInt8]]) {
            var bytes: [UInt8] = [], offsets: [Int32] = [0]
            var size = 8
            while size < forms.count * 2 { size *= 2 }
            var slots = [Int32](repeating: 0, count: size)
            var lengths: UInt64 = 0
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
            self.bytes = .allocate(capacity: max(1, bytes.count))
            _ = self.bytes.initialize(from: bytes)
            self.offsets = .allocate(capacity: offsets.count)
            _ = self.offsets.initialize(from: offsets)
            self.slots = .allocate(capacity: slots.count)
            _ = self.slots.initialize(from: slots)
            mask = size - 1
            self.lengths = lengths
            firstBytes = first
        }

        deinit {
            bytes.deallocate()
            offsets.deallocate()
            slots.deallocate()
        }

        func contains(_ b: UnsafeBufferPointer<UInt8>, hash: Int) -> Bool {
            var slot = hash & mask
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

    public init(arrayLiteral elements: String...) { self.init(Set(elements)) }

    public init(_ words: Set<String>) {
        self.words = words
        // Each word's NFC form: what a simple text equal to it is, byte for byte.
        table = Table(words.sorted().map { Array($0.precomposedStringWithCanonicalMapping.utf8) }.filter(Self.isSimple))
    }

    /// Every scalar below U+0300: such a text is its own NFC.
    static func isSimple<C: Collection>(_ b: C) -> Bool where C.Element == UInt8 { b.allSatisfy { $0 < 0xCC } }

    @inline(__always) static func hash<C: Collection>(_ b: C) -> Int where C.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for x in b { h = (h ^ UInt64(x)) &* 0x0000_0100_0000_01b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    public var count: Int { words.count }

    public func contains(_ s: String) -> Bool {
        let table = self.table
        var s = s
        let answer: Bool? = s.withUTF8 { b in
            // Most questions are no word's first byte: answered before hashing (a simple text
            // only: the others go to the set).
            if let b0 = b.first, b0 < 0xCC, table.firstBytes[Int(b0 >> 6)] >> UInt64(b0 & 63) & 1 == 0, Self.isSimple(b) { return false }
            // nil: not a simple text, for the set to answer.
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for x in b {
                if x >= 0xCC { return nil }
                h = (h ^ UInt64(x)) &* 0x0000_0100_0000_01b3
            }
            // No word has this length: no need to look in the table.
            guard table.lengths & (1 << UInt64(min(b.count, 63))) != 0 else { return false }
            return table.contains(b, hash: Int(truncatingIfNeeded: h ^ (h >> 29)))
        }
        return answer ?? words.contains(s)
    }
}
