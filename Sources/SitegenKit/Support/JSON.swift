import Foundation

/// A JSON value with ordered keys, written the same way every time. Only the lazy arrays are
/// boxed: an array or object holds its members in an array already, and a feed of a million
/// values made each string and number a heap box of its own (made, then released, one by one).
public enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])
    /// An array whose elements are made one at a time while it is written: the 100,000 quotes
    /// of a big dossier never exist as one tree.
    indirect case lazyArray(count: Int, element: @Sendable (Int) -> JSON)
    /// A lazy array whose elements have a key of everything they are made from (nil: none).
    /// Streamed with a `PieceReuse`, an element whose key the last build also wrote is copied
    /// from that build's file instead of being made and written again.
    indirect case keyedArray(count: Int, key: @Sendable (Int) -> UInt64?, element: @Sendable (Int) -> JSON)

    public static func == (a: JSON, b: JSON) -> Bool { a.serialized() == b.serialized() }

    public static func optional(_ s: String?) -> JSON { s.map(JSON.string) ?? .null }

    /// Pretty-printed with two spaces. "<", ">" and "&" are escaped as \u escapes, so that the
    /// text is also safe inside an HTML <script> element.
    public func serialized(pretty: Bool = true) -> String {
        String(decoding: bytes(pretty: pretty), as: UTF8.self)
    }

    /// `serialized` as UTF-8 bytes, without going through a String.
    public func bytes(pretty: Bool = true) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(to: &out, indent: 0, lines: pretty ? Int.max : 0, state: nil)
        if pretty { out.append(0x0A) }
        return out
    }

    /// Writes the serialization in pieces of about `chunk` bytes to `sink`. With `reuse`, keyed
    /// elements are copied from the previous file when their key is in it, and the place of every
    /// keyed element in this file is recorded in `reuse` for the next build. `lines`: with
    /// `pretty`, how many levels of nesting are laid out one member per line (indented); deeper
    /// values are written on one line, without spaces (the exports: one entry per line).
    public func stream(pretty: Bool = true, lines: Int = Int.max, chunk: Int = 1 << 20, reuse: PieceReuse? = nil,
                       to sink: ([UInt8]) throws -> Void) throws {
        try withoutActuallyEscaping(sink) { sink in
            var out: [UInt8] = []
            out.reserveCapacity(chunk + 4096)
            let state = StreamState(reuse: reuse, chunk: chunk, sink: sink)
            state.flushed = reuse?.base ?? 0
            // The state holds the sink: let go of it before returning.
            defer { state.sink = nil }
            write(to: &out, indent: 0, lines: pretty ? lines : 0, state: state)
            if let failure = state.failure { throw failure }
            if pretty { out.append(0x0A) }
            try sink(out)
        }
    }

    /// Where a streamed serialization is: bytes already handed to the sink, and what to reuse.
    /// Used by the one thread that streams; its fields are read for each element of a feed
    /// (hundreds of thousands), without the runtime's checks of exclusive access.
    private final class StreamState {
        @exclusivity(unchecked) var flushed = 0
        @exclusivity(unchecked) var failure: Error?
        @exclusivity(unchecked) var sink: (([UInt8]) throws -> Void)?
        let reuse: PieceReuse?
        /// How many bytes are gathered before they are handed to the sink.
        let chunk: Int

        init(reuse: PieceReuse?, chunk: Int, sink: @escaping ([UInt8]) throws -> Void) {
            self.reuse = reuse
            self.chunk = chunk
            self.sink = sink
        }

        /// Hands `buffer` to the sink once it holds a chunk (checked after each element; the
        /// call itself is rare). After a failure nothing more is handed over.
        @inline(__always) func flush(_ buffer: inout [UInt8]) {
            if buffer.count >= chunk { hand(&buffer) }
        }

        private func hand(_ buffer: inout [UInt8]) {
            guard failure == nil, let sink else { return }
            do { try sink(buffer) } catch { failure = error }
            flushed += buffer.count
            buffer.removeAll(keepingCapacity: true)
        }
    }

    private static func newline(_ out: inout [UInt8], _ indent: Int) {
        out.append(0x0A)
        for _ in 0..<(indent * 2) { out.append(0x20) }
    }

    /// `%.4g` of a number that is not whole and has at most two decimals, from 0.01 to 99.99 (a
    /// quote's confidence, mostly): the digits written here, as Foundation's formatting took a
    /// microsecond and a half for each. False for any other number.
    static func twoDecimals(_ d: Double, into out: inout [UInt8]) -> Bool {
        let scaled = d * 100, c = scaled.rounded()
        guard abs(c) < 10_000, abs(scaled - c) < 1e-6, c.truncatingRemainder(dividingBy: 100) != 0 else { return false }
        var n = Int(c)
        if n < 0 { out.append(0x2D); n = -n }
        digits(n / 100, into: &out)
        let cents = n % 100
        out.append(0x2E)
        out.append(0x30 + UInt8(cents / 10))
        if cents % 10 != 0 { out.append(0x30 + UInt8(cents % 10)) }
        return true
    }

    private func write(to out: inout [UInt8], indent: Int, lines: Int, state: StreamState?) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): Self.digits(i, into: &out)
        case .double(let d):
            if d.isFinite {
                if d == d.rounded() && abs(d) < 1e15 { Self.digits(Int(d), into: &out) } else if !Self.twoDecimals(d, into: &out) {
                    out.append(contentsOf: String(format: "%.4g", d).utf8)
                }
            } else { out.append(contentsOf: "null".utf8) }
        case .string(let s): Self.quote(s, into: &out)
        case .array(let items):
            Self.writeArray(count: items.count, key: nil, element: { items[$0] }, to: &out, indent: indent, lines: lines, state: state)
        case .lazyArray(let count, let element):
            Self.writeArray(count: count, key: nil, element: element, to: &out, indent: indent, lines: lines, state: state)
        case .keyedArray(let count, let key, let element):
            Self.writeArray(count: count, key: key, element: element, to: &out, indent: indent, lines: lines, state: state)
        case .object(let fields):
            if fields.isEmpty { out += [0x7B, 0x7D]; return }
            let laid = indent < lines
            out.append(0x7B)
            for (i, (k, v)) in fields.enumerated() {
                if i > 0 { out.append(0x2C) }
                if laid { Self.newline(&out, indent + 1) }
                Self.quote(k, into: &out)
                out.append(0x3A)
                if laid { out.append(0x20) }
                v.write(to: &out, indent: indent + 1, lines: lines, state: state)
            }
            if laid { Self.newline(&out, indent) }
            out.append(0x7D)
        }
    }

    private static func writeArray(count: Int, key: ((Int) -> UInt64?)?, element: (Int) -> JSON, to out: inout [UInt8], indent: Int,
                                   lines: Int, state: StreamState?) {
        if count == 0 { out += [0x5B, 0x5D]; return }
        let laid = indent < lines
        out.append(0x5B)
        // With a reuse and keys, a loop of its own, the optionals unwrapped once: a feed has
        // hundreds of thousands of elements, and each optional closure or class reached in the
        // loop was a retain and a release of it for each element.
        guard let state, let reuse = state.reuse, let key else {
            for i in 0..<count {
                if i > 0 { out.append(0x2C) }
                if laid { newline(&out, indent + 1) }
                element(i).write(to: &out, indent: indent + 1, lines: lines, state: state)
                state?.flush(&out)
            }
            if laid { newline(&out, indent) }
            out.append(0x5D)
            return
        }
        // The element's bytes depend on its indentation and layout too.
        let layout = (indent, min(lines, 1 << 20))
        for i in 0..<count {
            if i > 0 { out.append(0x2C) }
            if laid { newline(&out, indent + 1) }
            if let k = key(i) {
                var h = StableHash()
                withUnsafeBytes(of: (k, layout.0, layout.1)) { h.add($0) }
                let flushed = state.flushed
                let start = flushed + out.count
                if !reuse.copy(h.value, into: &out) {
                    element(i).write(to: &out, indent: indent + 1, lines: lines, state: state)
                    reuse.record(h.value, offset: start, length: state.flushed + out.count - start)
                } else {
                    reuse.record(h.value, offset: start, length: flushed + out.count - start)
                }
            } else {
                element(i).write(to: &out, indent: indent + 1, lines: lines, state: state)
            }
            state.flush(&out)
        }
        if laid { newline(&out, indent) }
        out.append(0x5D)
    }

    static let hexDigits = Array("0123456789abcdef".utf8)

    /// Appends `i` in decimal, as `String(i)` writes it, without making the string.
    static func digits(_ i: Int, into out: inout [UInt8]) {
        if i < 0 { out.append(0x2D) }
        var m = i.magnitude
        var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0) // 24 bytes: the 20 digits of the largest magnitude
        withUnsafeMutableBytes(of: &buffer) { raw in
            var n = raw.count
            repeat {
                n -= 1
                raw[n] = 0x30 + UInt8(m % 10)
                m /= 10
            } while m > 0
            out.append(contentsOf: raw[n...])
        }
    }

    /// The bytes of `w` that may need an escape in `quote`: below 0x20, '"', '\\', '<', '>', '&',
    /// or 0xE2 (the first byte of U+2028 and U+2029), each as its high bit. The lowest bit set is
    /// exact (a byte above a match may be marked too, by the subtraction's borrow); none set:
    /// none of the eight needs an escape.
    @inline(__always) static func specials(_ w: UInt64) -> UInt64 {
        let ones = ByteWord.ones
        @inline(__always) func bytes(_ b: UInt64) -> UInt64 { ByteWord.firstZeros(w ^ (ones &* b)) }
        // A byte below 0x20, among bytes below 0x80 (bytes from 0x80 are not below 0x20).
        let below = (w &- ones &* 0x20) & ~w & ByteWord.highs
        return below | bytes(0x22) | bytes(0x5C) | bytes(0x3C) | bytes(0x3E) | bytes(0x26) | bytes(0xE2)
    }

    /// Appends `s` as a JSON string: only ASCII specials and U+2028/U+2029 escaped; the runs of
    /// bytes between them are copied whole. Eight bytes are read at a time, and from a word that
    /// holds a special the scan goes straight to its first one (French text has a 0xE2 every few
    /// words: ’, —, …, which need no escape).
    static func quote(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { u in
            guard let base = u.baseAddress else { return }
            let n = u.count
            var run = 0
            var i = 0
            @inline(__always) func flush(_ end: Int) {
                if end > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<end])) }
            }
            /// `\u` and four hex digits.
            @inline(__always) func unicodeEscape(_ v: UInt16) {
                out.append(0x5C)
                out.append(0x75)
                out.append(hexDigits[Int(v >> 12)])
                out.append(hexDigits[Int(v >> 8 & 15)])
                out.append(hexDigits[Int(v >> 4 & 15)])
                out.append(hexDigits[Int(v & 15)])
            }
            while i < n {
                if i + 8 <= n {
                    let found = specials(ByteWord.load(base, i))
                    if found == 0 { i += 8; continue }
                    i += found.trailingZeroBitCount >> 3
                } else {
                    let b = base[i]
                    if b >= 0x20 && b != 0x22 && b != 0x5C && b != 0x3C && b != 0x3E && b != 0x26 && b != 0xE2 { i += 1; continue }
                }
                // `u[i]` needs an escape, or is 0xE2.
                let b = base[i]
                var length = 1
                switch b {
                case 0x22, 0x5C: flush(i); out.append(0x5C); out.append(b)
                case 0x0A: flush(i); out.append(0x5C); out.append(0x6E)
                case 0x0D: flush(i); out.append(0x5C); out.append(0x72)
                case 0x09: flush(i); out.append(0x5C); out.append(0x74)
                case 0xE2 where i + 2 < n && base[i + 1] == 0x80 && (base[i + 2] == 0xA8 || base[i + 2] == 0xA9):
                    // U+2028 and U+2029 end a line in JavaScript.
                    flush(i)
                    unicodeEscape(base[i + 2] == 0xA8 ? 0x2028 : 0x2029)
                    length = 3
                case 0xE2: i += 1; continue
                // '<', '>', '&' and the other controls.
                default: flush(i); unicodeEscape(UInt16(b))
                }
                i += length
                run = i
            }
            flush(n)
        }
        out.append(0x22)
    }
}

/// The pieces of one streamed file (JSON, or the Atom feed) that the next build may copy instead of making again:
/// the file the last build wrote (mapped, not read), the place of each keyed element in it, and
/// the places in the file being written now. Used by one stream at a time (its state is read and
/// changed for each element without the runtime's checks of exclusive access). The last file is let
/// go behind the copying, a few megabytes at a time (`release`): its pages read from the mapping
/// would otherwise all count in the build's memory (1.5 GB of feeds at 100,000 articles).
public final class PieceReuse: @unchecked Sendable {
    public struct Piece: Sendable, Equatable {
        public var key: UInt64
        public var offset: Int
        public var length: Int
    }

    let previous: FileBytes
    /// The last build's pieces, in file order (one that does not lie inside the file is never copied).
    let old: [Piece]
    /// Where in `old` the next element is looked for first: the elements mostly come in the
    /// same order as last time, so that most are found there without a table of all pieces.
    @exclusivity(unchecked) private var cursor = 0
    /// Elements not found near the cursor; past `missesBeforeIndex`, `index` is made.
    @exclusivity(unchecked) private var misses = 0
    @exclusivity(unchecked) private var index: [UInt64: Piece]?
    /// Where the last release of the previous file ended; the bytes before it are let go (an
    /// element copied from there again is read from the page cache).
    @exclusivity(unchecked) private var released = 0
    let releaseStep: Int
    static let window = 8
    static let missesBeforeIndex = 64
    /// Where the JSON starts in its file (after a prefix such as "window.X = "): places are in the file.
    public let base: Int
    /// The keyed elements of the file being written, in order.
    @exclusivity(unchecked) public private(set) var pieces: [Piece] = []
    /// How many elements were copied from the previous file.
    @exclusivity(unchecked) public private(set) var copied = 0

    /// `previous`: the file as the last build wrote it; `pieces`: its keyed elements;
    /// `releaseStep`: how far behind the copying the last file is let go, and how often.
    public init(previous: FileBytes = FileBytes(copying: []), pieces: [Piece] = [], base: Int = 0, releaseStep: Int = 8 << 20) {
        self.previous = previous
        self.releaseStep = releaseStep
        self.base = base
        // Shared with the cache's record, not copied (a big dossier's feeds have a million pieces).
        old = pieces
        self.pieces.reserveCapacity(pieces.count)
    }

    /// The last build's piece with `key`: near the cursor (an element added, removed or
    /// changed moves it by a few), else, once elements have moved too often, in a table of all.
    /// An element not found is made again: the same bytes, only slower.
    private func find(_ key: UInt64) -> Piece? {
        if let index { return index[key] }
        var j = cursor
        while j < min(cursor + Self.window, old.count) {
            if old[j].key == key {
                cursor = j + 1
                return old[j]
            }
            j += 1
        }
        misses += 1
        guard misses > Self.missesBeforeIndex else { return nil }
        let table = Dictionary(old.map { ($0.key, $0) }, uniquingKeysWith: { _, last in last })
        index = table
        return table[key]
    }

    func copy(_ key: UInt64, into out: inout [UInt8]) -> Bool {
        guard let p = find(key), p.offset >= 0, p.length >= 0, p.offset <= previous.count - p.length else { return false }
        previous.withBuffer { raw in
            guard let base = raw.baseAddress else { return }
            out.append(contentsOf: UnsafeBufferPointer(start: base + p.offset, count: p.length))
        }
        copied += 1
        // A step behind the copying: the system maps the pages around the one read (fault-around),
        // and would map those let go right behind it again.
        if p.offset - released >= 2 * releaseStep { released = previous.release(released..<(p.offset - releaseStep)) }
        return true
    }

    func record(_ key: UInt64, offset: Int, length: Int) { pieces.append(Piece(key: key, offset: offset, length: length)) }

    /// Appends the last build's bytes for `key`, or `make`'s, to `out`, which starts at `flushed`
    /// in the file; records where they are.
    func piece(_ key: UInt64, into out: inout [UInt8], flushed: Int, _ make: () -> String) {
        let start = flushed + out.count
        if !copy(key, into: &out) { out.append(contentsOf: make().utf8) }
        record(key, offset: start, length: flushed + out.count - start)
    }
}
