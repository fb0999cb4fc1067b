import Foundation

/// Turns the bytes of a clipping into text: UTF-8 (with or without BOM), UTF-16 (with BOM, or
/// recognised by its zero bytes), or one byte a character (Windows-1252/ISO-8859-1, ISO-8859-15,
/// Mac OS Roman); line ends made `\n`; NFC.
public enum Decoding {
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8", utf8Repaired = "UTF-8 with invalid bytes", utf16le = "UTF-16LE", utf16be = "UTF-16BE", windows1252 = "Windows-1252"
        case latin9 = "ISO-8859-15", macRoman = "Mac OS Roman"

        /// One byte a character: a file not in Unicode, which the reader warns about.
        public var isSingleByte: Bool { self == .windows1252 || self == .latin9 || self == .macRoman }
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
            (text, encoding) = singleByte(bytes)
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

    /// A file in one byte a character: Windows-1252 (a superset of ISO-8859-1 for every printable
    /// character) unless its words read better in another. ISO-8859-15 writes "€" and "œ" where
    /// ISO-8859-1 has "¤" and "½", signs no text uses (so "¤" anywhere, or "½" between letters, tells
    /// it); Mac OS Roman writes "é" where Windows-1252 has "Ž". Each reading is scored by the
    /// characters between two letters: a lower-case letter or an apostrophe is a word's, anything
    /// else is not. Ties go to Windows-1252.
    static func singleByte(_ bytes: [UInt8]) -> (String, Encoding) {
        let cp1252 = windows1252(bytes)
        if !bytes.contains(where: { (0x80...0x9F).contains($0) }) {
            let latin9Only: Set<UInt8> = [0xA4, 0xA6, 0xA8, 0xB4, 0xB8, 0xBC, 0xBD, 0xBE]
            guard bytes.contains(where: { latin9Only.contains($0) }) else { return (cp1252, .windows1252) }
            let latin9 = table(bytes) { b in latin9High[b] ?? UInt32(b) }
            return wordScore(latin9) > wordScore(cp1252) || bytes.contains(0xA4) ? (latin9, .latin9) : (cp1252, .windows1252)
        }
        let mac = table(bytes) { b in b < 0x80 ? UInt32(b) : macRomanHigh[Int(b) - 0x80] }
        return wordScore(mac) > wordScore(cp1252) ? (mac, .macRoman) : (cp1252, .windows1252)
    }

    /// Characters between two letters that belong in a word, less those that do not.
    static func wordScore(_ text: String) -> Int {
        var score = 0
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > 2 else { return 0 }
        for i in 1..<scalars.count - 1 where scalars[i].value >= 0x80 {
            let (a, c, b) = (scalars[i - 1].properties, scalars[i], scalars[i + 1].properties)
            guard a.isAlphabetic && a.isLowercase, b.isAlphabetic && b.isLowercase else { continue }
            score += c.properties.isLowercase || c == "\u{2019}" ? 1 : -1
        }
        return score
    }

    private static func table(_ bytes: [UInt8], _ map: (UInt8) -> UInt32) -> String {
        var out = String.UnicodeScalarView()
        for b in bytes { if let s = Unicode.Scalar(map(b)) { out.append(s) } }
        return String(out)
    }

    /// Where ISO-8859-15 differs from ISO-8859-1.
    private static let latin9High: [UInt8: UInt32] = [0xA4: 0x20AC, 0xA6: 0x0160, 0xA8: 0x0161, 0xB4: 0x017D, 0xB8: 0x017E, 0xBC: 0x0152, 0xBD: 0x0153, 0xBE: 0x0178]

    private static let macRomanHigh: [UInt32] = [
        0x00C4, 0x00C5, 0x00C7, 0x00C9, 0x00D1, 0x00D6, 0x00DC, 0x00E1, 0x00E0, 0x00E2, 0x00E4, 0x00E3, 0x00E5, 0x00E7, 0x00E9, 0x00E8,
        0x00EA, 0x00EB, 0x00ED, 0x00EC, 0x00EE, 0x00EF, 0x00F1, 0x00F3, 0x00F2, 0x00F4, 0x00F6, 0x00F5, 0x00FA, 0x00F9, 0x00FB, 0x00FC,
        0x2020, 0x00B0, 0x00A2, 0x00A3, 0x00A7, 0x2022, 0x00B6, 0x00DF, 0x00AE, 0x00A9, 0x2122, 0x00B4, 0x00A8, 0x2260, 0x00C6, 0x00D8,
        0x221E, 0x00B1, 0x2264, 0x2265, 0x00A5, 0x00B5, 0x2202, 0x2211, 0x220F, 0x03C0, 0x222B, 0x00AA, 0x00BA, 0x03A9, 0x00E6, 0x00F8,
        0x00BF, 0x00A1, 0x00AC, 0x221A, 0x0192, 0x2248, 0x2206, 0x00AB, 0x00BB, 0x2026, 0x00A0, 0x00C0, 0x00C3, 0x00D5, 0x0152, 0x0153,
        0x2013, 0x2014, 0x201C, 0x201D, 0x2018, 0x2019, 0x00F7, 0x25CA, 0x00FF, 0x0178, 0x2044, 0x20AC, 0x2039, 0x203A, 0xFB01, 0xFB02,
        0x2021, 0x00B7, 0x201A, 0x201E, 0x2030, 0x00C2, 0x00CA, 0x00C1, 0x00CB, 0x00C8, 0x00CD, 0x00CE, 0x00CF, 0x00CC, 0x00D3, 0x00D4,
        0xF8FF, 0x00D2, 0x00DA, 0x00DB, 0x00D9, 0x0131, 0x02C6, 0x02DC, 0x00AF, 0x02D8, 0x02D9, 0x02DA, 0x00B8, 0x02DD, 0x02DB, 0x02C7,
    ]

    /// Windows-1252, a superset of ISO-8859-1 for every printable character.
    static func windows1252(_ bytes: [UInt8]) -> String {
        table(bytes) { b in (0x80...0x9F).contains(b) ? cp1252High[Int(b) - 0x80] : UInt32(b) }
    }
}
