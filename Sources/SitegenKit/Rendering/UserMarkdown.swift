import Foundation

/// Markdown the user wrote (registry notes, annotation bodies, notes): rendered by cmark in safe
/// mode (raw HTML and `javascript:` links dropped) unless `site.yml` allows raw HTML, then
/// embedded in a generated page as one HTML block.
public enum UserMarkdown {
    public static func html(_ markdown: String, allowRawHTML: Bool) -> String {
        CMark.html(markdown, allowRawHTML: allowRawHTML)
    }

    /// A line of raw HTML that cmark passes through whole: the rendered note inside a `div`, its
    /// new lines written as character references so that no blank line can end the block early.
    public static func embed(_ markdown: String, allowRawHTML: Bool, cssClass: String = "user-note") -> String {
        let rendered = html(markdown, allowRawHTML: allowRawHTML).trimmingCharacters(in: .whitespacesAndNewlines)
        return "<div class=\"\(cssClass)\">" + rendered.replacingOccurrences(of: "\n", with: "&#10;") + "</div>\n\n"
    }
}
