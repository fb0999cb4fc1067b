/// A path's last component and the path without it, as Foundation's `lastPathComponent` and
/// `deletingLastPathComponent` give them ("people/jean.html" -> "jean.html" and "people";
/// "/tmp/" -> "tmp" and "/"; "index.html" -> "index.html" and ""), worked out on the bytes.
/// On Linux (Swift 6.3.1) Foundation's two stop the program on a path of one character ("p",
/// "p/"), a name a user may give the output folder; and they cost about 13,000 instructions a
/// call, twice for each page written.
enum Paths {
    /// The path's components (runs of slashes are one separator) and whether it starts with a
    /// slash. A slash is one byte: a cut beside it is between two scalars.
    private static func components(_ path: String) -> (absolute: Bool, parts: [Substring]) {
        let parts = path.utf8.split(separator: 0x2F).map { Substring($0) }
        return (path.utf8.first == 0x2F, parts)
    }

    /// The path without its last component: "" for a single relative component, "/" for the
    /// root or a single absolute one.
    static func parent(_ path: String) -> String {
        // Most paths asked are a page's: relative, no slash at either end, none doubled. They
        // are cut at their last slash.
        let u = path.utf8
        if u.first != 0x2F, u.last != 0x2F, !Text.contains(path, "//") {
            guard let slash = u.lastIndex(of: 0x2F) else { return "" }
            return String(path[..<slash])
        }
        let (absolute, parts) = components(path)
        let root = absolute ? "/" : ""
        return parts.count <= 1 ? root : root + parts.dropLast().joined(separator: "/")
    }

    /// The path's last component ("/" for the root, "" for an empty path).
    static func lastComponent(_ path: String) -> String {
        let (absolute, parts) = components(path)
        guard let last = parts.last else { return absolute ? "/" : "" }
        return String(last)
    }
}
