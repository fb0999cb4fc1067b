import FlyingFox
import Foundation
import SitegenKit

/// `sitegen serve`: builds, serves the output on loopback, rebuilds when Content/ or Templates/
/// change, and reloads the open pages. The reload script is added to the pages as they are
/// served, never to the files written for publishing. A failed build shows its error on the page
/// and in the terminal, and the last good site stays served.
public actor PreviewServer {
    let options: BuildOptions
    let server: HTTPServer
    let root: String
    var version = 0
    var lastError: String?
    var fingerprint = ""
    let log: @Sendable (String) -> Void

    public init(options: BuildOptions, host: String, port: UInt16, log: @escaping @Sendable (String) -> Void) throws {
        self.options = options
        self.log = log
        let address: sockaddr_in = try .inet(ip4: host == "localhost" ? "127.0.0.1" : host, port: port)
        server = HTTPServer(address: address, timeout: 30, logger: .disabled)
        root = URL(fileURLWithPath: options.output).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Builds, then serves and watches until `stop()`.
    public func run() async throws {
        // The inputs as the first build reads them: an edit made while it builds, or before the
        // watcher's first look, is a change (taken in the watcher, it was missed when the watcher
        // started after the edit).
        fingerprint = Self.fingerprint(options)
        rebuild(reason: "start")
        let handler = Handler(server: self, root: root)
        await server.appendRoute("GET *", to: handler)
        let watcher = Task { await watch() }
        defer { watcher.cancel() }
        try await server.run()
    }

    public func stop() async {
        await server.stop(timeout: 1)
    }

    public func waitUntilListening() async throws { try await server.waitUntilListening() }

    func status() -> (Int, String?) { (version, lastError) }

    /// Polls the inputs every 300 ms: a change of any file's size or time rebuilds the site.
    func watch() async {
        while !Task.isCancelled {
            try? await Task.sleep(nanoseconds: 300_000_000)
            let now = Self.fingerprint(options)
            if now != fingerprint {
                fingerprint = now
                rebuild(reason: "change")
            }
        }
    }

    func rebuild(reason: String) {
        let started = Date()
        do {
            let report = try Builder().build(options)
            for d in report.diagnostics { log("\(d)") }
            version += 1
            lastError = nil
            log(String(format: "rebuilt (%@): %d articles, %d quotes in %.2f s", reason, report.articles, report.quotes, Date().timeIntervalSince(started)))
        } catch let failure as BuildFailure {
            let text = (failure.report.diagnostics.filter { $0.severity == .error || options.strict }.map(\.description) + [failure.description]).joined(separator: "\n")
            lastError = text
            version += 1
            log("build failed; the last good site is still served\n" + text)
        } catch {
            lastError = "\(error)"
            version += 1
            log("build failed; the last good site is still served\n\(error)")
        }
    }

    /// Paths, sizes and modification times of everything a build reads.
    static func fingerprint(_ o: BuildOptions) -> String {
        var parts: [String] = []
        for dir in [o.content, o.templates] {
            guard let e = FileManager.default.enumerator(atPath: dir) else { continue }
            while let rel = e.nextObject() as? String {
                guard let attrs = try? FileManager.default.attributesOfItem(atPath: dir + "/" + rel) else { continue }
                let size = (attrs[.size] as? NSNumber)?.intValue ?? 0
                let time = (attrs[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                parts.append("\(dir)/\(rel)|\(size)|\(time)")
            }
        }
        return parts.sorted().joined(separator: "\n")
    }

    /// The script added to served pages: it asks for the build's version and reloads when it
    /// changes, and shows a failed build's error over the page.
    static let reloadScript = """
        <script>(function(){var v=null;function show(e){var b=document.getElementById("sitegen-error");\
        if(e){if(!b){b=document.createElement("pre");b.id="sitegen-error";b.style.cssText="position:fixed;left:0;right:0;bottom:0;max-height:50%;overflow:auto;margin:0;padding:1rem;background:#5a0f0f;color:#fff;z-index:9999;white-space:pre-wrap;font:13px monospace";document.body.appendChild(b);}b.textContent=e;}\
        else if(b){b.remove();}}function poll(){fetch("/__sitegen/status",{cache:"no-store"}).then(function(r){return r.json();}).then(function(s){\
        if(v===null){v=s.version;}else if(s.version!==v&&!s.error){location.reload();return;}v=s.version;show(s.error);}).catch(function(){})\
        .then(function(){setTimeout(poll,400);});}poll();})();</script>
        """

    struct Handler: HTTPHandler {
        let server: PreviewServer
        let root: String

        func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
            if request.path == "/__sitegen/status" {
                let (version, error) = await server.status()
                let json = JSON.object([("version", .int(version)), ("error", .optional(error))]).serialized(pretty: false)
                return HTTPResponse(statusCode: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"], body: Data(json.utf8))
            }
            guard let file = Self.resolve(request.path, root: root) else {
                return HTTPResponse(statusCode: .forbidden, headers: [.contentType: "text/plain; charset=utf-8"], body: Data("403 forbidden\n".utf8))
            }
            guard let data = FileManager.default.contents(atPath: file) else {
                let page = FileManager.default.contents(atPath: root + "/404.html")
                    ?? Data("<!DOCTYPE html><title>404</title><h1>404</h1><p>No such page. <a href=\"/index.html\">Home</a></p>".utf8)
                return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/html; charset=utf-8"], body: page)
            }
            let type = Self.contentType(file)
            var body = data
            if type.hasPrefix("text/html") {
                var html = String(decoding: data, as: UTF8.self)
                if let r = html.range(of: "</body>", options: .backwards) { html.insert(contentsOf: PreviewServer.reloadScript, at: r.lowerBound) } else { html += PreviewServer.reloadScript }
                body = Data(html.utf8)
            }
            return HTTPResponse(statusCode: .ok, headers: [.contentType: type, .cacheControl: "no-store"], body: body)
        }

        /// The file a request path names inside the output folder, or nil when it would leave it
        /// (`..`, encoded or not, or a link out of the folder). A folder gives its index.html.
        static func resolve(_ rawPath: String, root: String) -> String? {
            let path = rawPath.removingPercentEncoding ?? rawPath
            let parts = path.split(separator: "/", omittingEmptySubsequences: true)
            if parts.contains(where: { $0 == ".." || $0.contains("\u{0}") || $0.contains("\\") }) { return nil }
            var file = root + "/" + parts.joined(separator: "/")
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: file, isDirectory: &isDir), isDir.boolValue { file += "/index.html" }
            let real = URL(fileURLWithPath: file).standardizedFileURL.resolvingSymlinksInPath().path
            guard real == root || real.hasPrefix(root + "/") else { return nil }
            return real
        }

        static func contentType(_ file: String) -> String {
            switch (file as NSString).pathExtension.lowercased() {
            case "html": return "text/html; charset=utf-8"
            case "css": return "text/css; charset=utf-8"
            case "js": return "text/javascript; charset=utf-8"
            case "json": return "application/json"
            case "xml": return "application/xml"
            case "md": return "text/markdown; charset=utf-8"
            case "svg": return "image/svg+xml"
            case "png": return "image/png"
            case "jpg", "jpeg": return "image/jpeg"
            case "txt": return "text/plain; charset=utf-8"
            default: return "application/octet-stream"
            }
        }
    }
}
