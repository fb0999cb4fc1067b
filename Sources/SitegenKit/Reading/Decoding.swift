import Foundation

/// Turns the bytes of a clipping into text: UTF-8 (with or without BOM), UTF-16 (with BOM, or
/// recognised by its zero bytes), or Windows-1252/ISO-8859-1; line ends made `\n`; NFC.
public enum Decoding {
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8", utf8Repaired = "UTF-8 with invalid bytes", utf16le = "UTF-16LE", utf16be = "UTF-16BE", windows1252 = "Windows-1252"
    }

    public struct Result: Sendable {
        public var text: String
        public var encoding: Encoding
    }

    public enum Failure: Error, Sendable, CustomStringConvertible {
        case binary
        public var description: String { "is not text (binary content)" }
    }

    public static func decode(_ data: Data) throws(Failure) -> Result {
        let bytes = [UInt8](data)
        var encoding: Encoding
        var text: String
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            encoding = .utf8
            text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        } else if bytes.starts(with: [0xFF, 0xFE]) {
            encoding = .utf16le
            text = utf16(bytes.dropFirst(2), littleEndian: true)
        } else if bytes.starts(with: [0xFE, 0xFF]) {
            encoding = .utf16be
            text = utf16(bytes.dropFirst(2), littleEndian: false)
        } else if let guess = utf16WithoutBOM(bytes) {
            encoding = guess
            text = utf16(bytes[...], littleEndian: guess == .utf16le)
        } else if let s = String(validating: bytes, as: UTF8.self) {
            encoding = .utf8
            text = s
        } else if let s = mostlyUTF8(bytes) {
            // Valid UTF-8 but for a few bytes (a truncated character): those become U+FFFD.
            encoding = .utf8Repaired
            text = s
        } else {
            if looksBinary(bytes) { throw .binary }
            encoding = .windows1252
            text = windows1252(bytes)
        }
        if looksBinary(text) { throw .binary }
        // Replacement characters of a repaired file are dropped, not shown.
        let clean = encoding == .utf8Repaired ? text.replacingOccurrences(of: "\u{FFFD}", with: "") : text
        return Result(text: normalise(clean), encoding: encoding)
    }

    /// CRLF and CR become LF, NUL and other control characters go, the text is NFC.
    static func normalise(_ s: String) -> String {
        // Most clippings need nothing: no CR, no control character, no BOM or DEL, and only
        // scalars that are already in NFC (below U+0300, general punctuation, currency signs).
        var text = s
        let (needsCleaning, alreadyNFC) = text.withUTF8(scan)
        if !needsCleaning { return alreadyNFC ? s : nfcByLine(s) }
        var out = String.UnicodeScalarView()
        var lastCR = false
        for c in s.unicodeScalars {
            if c == "\r" { out.append("\n"); lastCR = true; continue }
            if c == "\n" && lastCR { lastCR = false; continue }
            lastCR = false
            if c.value < 0x20 && c != "\n" && c != "\t" { continue }
            if c.value == 0x7F || c.value == 0xFEFF { continue }
            out.append(c)
        }
        return nfcByLine(String(out))
    }

    /// Whether UTF-8 text holds a character that `normalise` removes or changes (it stops at the
    /// first), and whether it is NFC by its scalars alone. Read on bytes: a control character is
    /// one byte; only a lead byte of U+0300 or above (0xCC and up) needs its scalar decoded.
    static func scan(_ b: UnsafeBufferPointer<UInt8>) -> (needsCleaning: Bool, alreadyNFC: Bool) {
        var alreadyNFC = true
        var i = 0
        while i < b.count {
            let x = b[i]
            if x < 0x20 {
                if x != 0x0A && x != 0x09 { return (true, alreadyNFC) }
            } else if x == 0x7F {
                return (true, alreadyNFC)
            } else if x >= 0xCC {
                if x < 0xE0 || x >= 0xF0 {
                    alreadyNFC = false
                } else if i + 2 < b.count {
                    let v = UInt32(x & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
                    if v == 0xFEFF { return (true, alreadyNFC) }
                    if !(v >= 0x2000 && v <= 0x206F) && !(v >= 0x20A0 && v <= 0x20C0) { alreadyNFC = false }
                }
            }
            i += 1
        }
        return (false, alreadyNFC)
    }

    /// The text in NFC, line by line: only the lines that may change go through Foundation (a
    /// clipping's Arabic ticker or Vietnamese caption, not its French body). NFC never composes or
    /// reorders across a line feed, a starter nothing composes with, so the result is the whole
    /// text's NFC.
    static func nfcByLine(_ s: String) -> String {
        var text = s
        return text.withUTF8 { b -> String in
            var out = ""
            out.reserveCapacity(b.count)
            // The lines already in NFC are copied a run at a time: from `run` to the line that
            // changes, read on the bytes (splitting the string's UTF-8 view was 50 instructions a
            // byte).
            var run = 0, start = 0
            while true {
                var end = start
                while end < b.count && b[end] != 0x0A { end += 1 }
                let line = UnsafeBufferPointer(rebasing: b[start..<end])
                if !scan(line).alreadyNFC {
                    out += String(decoding: UnsafeBufferPointer(rebasing: b[run..<start]), as: UTF8.self)
                    out += String(decoding: line, as: UTF8.self).precomposedStringWithCanonicalMapping
                    run = end
                }
                if end == b.count { break }
                start = end + 1
            }
            out += String(decoding: UnsafeBufferPointer(rebasing: b[run..<b.count]), as: UTF8.self)
            return out
        }
    }

    /// UTF-8 with at most a handful of invalid sequences (and some valid multi-byte ones): a
    /// damaged UTF-8 file rather than a Windows-1252 one.
    static func mostlyUTF8(_ bytes: [UInt8]) -> String? {
        let s = String(decoding: bytes, as: UTF8.self)
        var replaced = 0, multibyte = 0
        for c in s.unicodeScalars {
            if c.value == 0xFFFD { replaced += 1 } else if c.value >= 0x80 { multibyte += 1 }
        }
        return replaced <= 3 && multibyte >= replaced ? s : nil
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            i += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// Text in UTF-16 without a BOM has a zero byte in nearly every other place.
    private static func utf16WithoutBOM(_ bytes: [UInt8]) -> Encoding? {
        let n = min(bytes.count, 4096) & ~1
        guard n >= 4 else { return nil }
        var evenZeros = 0, oddZeros = 0
        for i in stride(from: 0, to: n, by: 2) {
            if bytes[i] == 0 { evenZeros += 1 }
            if bytes[i + 1] == 0 { oddZeros += 1 }
        }
        let pairs = n / 2
        if oddZeros * 10 >= pairs * 7 && evenZeros * 10 <= pairs { return .utf16le }
        if evenZeros * 10 >= pairs * 7 && oddZeros * 10 <= pairs { return .utf16be }
        return nil
    }

    private static func looksBinary(_ bytes: [UInt8]) -> Bool {
        let sample = bytes.prefix(8192)
        guard !sample.isEmpty else { return false }
        var control = 0
        for b in sample where b < 0x20 && b != 0x0A && b != 0x0D && b != 0x09 && b != 0x0C { control += 1 }
        return control * 20 > sample.count
    }

    /// Of the first 8,192 scalars, more than a tenth are control characters or U+FFFD. Counted
    /// on the UTF-8 bytes: a scalar starts at each byte that is not a continuation byte. Eight
    /// bytes are taken at a time while none is below 0x20 or 0xEF (U+FFFD's first byte): their
    /// scalars are counted from their continuation bytes (10xxxxxx), and none is bad.
    static func looksBinary(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { b in
            var total = 0, bad = 0
            var i = 0
            while i < b.count {
                if i + 8 <= b.count && total + 8 <= 8192, let base = b.baseAddress {
                    let w = ByteWord.load(base, i)
                    if ByteWord.controls(w) | ByteWord.bytes(w, equalTo: 0xEF) == 0 {
                        total += 8 - (w & ~(w << 1) & ByteWord.highs).nonzeroBitCount
                        i += 8
                        continue
                    }
                }
                let x = b[i]
                if x & 0xC0 != 0x80 {
                    if total == 8192 { break }
                    total += 1
                    if (x < 0x20 && x != 0x0A && x != 0x0D && x != 0x09) || (x == 0xEF && i + 2 < b.count && b[i + 1] == 0xBF && b[i + 2] == 0xBD) { bad += 1 }
                }
                i += 1
            }
            return total > 0 && bad * 10 > total
        }
    }

    private static let cp1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// Windows-1252, a superset of ISO-8859-1 for every printable character.
    static func windows1252(_ bytes: [UInt8]) -> String {
        var out = String.UnicodeScalarView()
        for b in bytes {
            let v: UInt32 = (0x80...0x9F).contains(b) ? cp1252High[Int(b) - 0x80] : UInt32(b)
            if let s = Unicode.Scalar(v) { out.append(s) }
        }
        return String(out)
    }
}
