import Foundation

/// A JSON value with ordered keys, written the same way every time.
public indirect enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])
    /// An array whose elements are made one at a time while it is written: the 100,000 quotes
    /// of a big dossier never exist as one tree.
    case lazyArray(count: Int, element: @Sendable (Int) -> JSON)

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
        write(to: &out, indent: 0, pretty: pretty, flush: nil)
        if pretty { out.append(0x0A) }
        return out
    }

    /// Writes the serialization in pieces of about `chunk` bytes to `sink`.
    public func stream(pretty: Bool = true, chunk: Int = 1 << 20, to sink: ([UInt8]) throws -> Void) throws {
        try withoutActuallyEscaping(sink) { sink in
            var out: [UInt8] = []
            out.reserveCapacity(chunk + 4096)
            var failure: Error?
            let flush: (inout [UInt8]) -> Void = { buffer in
                guard buffer.count >= chunk, failure == nil else { return }
                do { try sink(buffer) } catch { failure = error }
                buffer.removeAll(keepingCapacity: true)
            }
            write(to: &out, indent: 0, pretty: pretty, flush: flush)
            if let failure { throw failure }
            if pretty { out.append(0x0A) }
            try sink(out)
        }
    }

    private static func newline(_ out: inout [UInt8], _ indent: Int) {
        out.append(0x0A)
        for _ in 0..<(indent * 2) { out.append(0x20) }
    }

    private func write(to out: inout [UInt8], indent: Int, pretty: Bool, flush: ((inout [UInt8]) -> Void)?) {
        switch self {
        case .null: out += Array("null".utf8)
        case .bool(let b): out += Array((b ? "true" : "false").utf8)
        case .int(let i): out += Array(String(i).utf8)
        case .double(let d):
            if d.isFinite {
                if d == d.rounded() && abs(d) < 1e15 { out += Array(String(Int(d)).utf8) } else { out += Array(String(format: "%.4g", d).utf8) }
            } else { out += Array("null".utf8) }
        case .string(let s): Self.quote(s, into: &out)
        case .array(let items):
            Self.writeArray(count: items.count, element: { items[$0] }, to: &out, indent: indent, pretty: pretty, flush: flush)
        case .lazyArray(let count, let element):
            Self.writeArray(count: count, element: element, to: &out, indent: indent, pretty: pretty, flush: flush)
        case .object(let fields):
            if fields.isEmpty { out += [0x7B, 0x7D]; return }
            out.append(0x7B)
            for (i, (k, v)) in fields.enumerated() {
                if i > 0 { out.append(0x2C) }
                if pretty { Self.newline(&out, indent + 1) }
                Self.quote(k, into: &out)
                out.append(0x3A)
                if pretty { out.append(0x20) }
                v.write(to: &out, indent: indent + 1, pretty: pretty, flush: flush)
            }
            if pretty { Self.newline(&out, indent) }
            out.append(0x7D)
        }
    }

    private static func writeArray(count: Int, element: (Int) -> JSON, to out: inout [UInt8], indent: Int, pretty: Bool,
                                   flush: ((inout [UInt8]) -> Void)?) {
        if count == 0 { out += [0x5B, 0x5D]; return }
        out.append(0x5B)
        for i in 0..<count {
            if i > 0 { out.append(0x2C) }
            if pretty { newline(&out, indent + 1) }
            element(i).write(to: &out, indent: indent + 1, pretty: pretty, flush: flush)
            flush?(&out)
        }
        if pretty { newline(&out, indent) }
        out.append(0x5D)
    }

    static let hexDigits = Array("0123456789abcdef".utf8)

    /// Appends `s` as a JSON string: byte by byte, only ASCII specials and U+2028/U+2029 escaped.
    static func quote(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { u in
            var i = 0
            while i < u.count {
                let b = u[i]
                switch b {
                case 0x22: out += [0x5C, 0x22]
                case 0x5C: out += [0x5C, 0x5C]
                case 0x0A: out += [0x5C, 0x6E]
                case 0x0D: out += [0x5C, 0x72]
                case 0x09: out += [0x5C, 0x74]
                case 0x3C, 0x3E, 0x26:
                    out += [0x5C, 0x75, 0x30, 0x30, hexDigits[Int(b >> 4)], hexDigits[Int(b & 15)]]
                case 0xE2 where i + 2 < u.count && u[i + 1] == 0x80 && (u[i + 2] == 0xA8 || u[i + 2] == 0xA9):
                    // U+2028 and U+2029 end a line in JavaScript.
                    out += Array((u[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    i += 2
                default:
                    if b < 0x20 {
                        out += [0x5C, 0x75, 0x30, 0x30, hexDigits[Int(b >> 4)], hexDigits[Int(b & 15)]]
                    } else {
                        out.append(b)
                    }
                }
                i += 1
            }
        }
        out.append(0x22)
    }
}
