import Foundation
import SitegenCLI
import Testing
@testable import SitegenKit

/// A raw HTTP GET over a socket: the path goes out exactly as written (no client normalises "..").
func rawGet(port: UInt16, path: String) -> (status: Int, body: String)? {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_port = port.bigEndian
    addr.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &addr) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else { return nil }
    let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    _ = request.withCString { send(fd, $0, strlen($0), 0) }
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = recv(fd, &buffer, buffer.count, 0)
        if n <= 0 { break }
        data.append(contentsOf: buffer[0..<n])
    }
    let text = String(decoding: data, as: UTF8.self)
    guard let line = text.split(separator: "\r\n").first, line.split(separator: " ").count >= 2,
          let status = Int(line.split(separator: " ")[1]) else { return nil }
    let body = text.range(of: "\r\n\r\n").map { String(text[$0.upperBound...]) } ?? ""
    return (status, body)
}

func freePort() -> UInt16 {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_port = 0
    addr.sin_addr.s_addr = inet_addr("127.0.0.1")
    _ = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
    var len = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
    return UInt16(bigEndian: addr.sin_port)
}

@Suite("sitegen serve")
struct ServeTests {
    @Test("serves the site, shows an edit within 2 seconds, refuses paths outside the output, stops on Ctrl-C")
    func liveReload() throws {
        let binary = try #require(sitegenBinary(), "the sitegen executable was not found beside the tests")
        let ex = try ExampleCopy()
        defer { ex.remove() }
        let port = freePort()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = ["serve", "--port", String(port), "--content", ex.dir + "/Content", "--templates", ex.dir + "/Templates", "--output", ex.dir + "/public"]
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        defer { if p.isRunning { p.terminate() } }
        var index: (status: Int, body: String)?
        for _ in 0..<100 where index == nil {
            index = rawGet(port: port, path: "/")
            if index == nil { usleep(100_000) }
        }
        #expect(index?.status == 200)
        #expect(index?.body.contains("/__sitegen/status") == true, "served pages carry the reload script")
        let onDisk = try String(contentsOfFile: ex.dir + "/public/index.html", encoding: .utf8)
        #expect(!onDisk.contains("__sitegen"), "the written files never carry it")
        let page = "/articles/003-5f1a5a1c1e2dc702.html"
        #expect(rawGet(port: port, path: page)?.body.contains("Commentaire en direct") == false)
        try ex.write("annotations/003-5f1a5a1c1e2dc702.md", "Commentaire en direct.\n")
        let edited = Date()
        var seenAfter: Double?
        while Date().timeIntervalSince(edited) < 5 {
            if rawGet(port: port, path: page)?.body.contains("Commentaire en direct") == true { seenAfter = Date().timeIntervalSince(edited); break }
            usleep(50_000)
        }
        let delay = try #require(seenAfter, "the edit never showed")
        #expect(delay < 2, "the edit took \(delay) s to show")
        for path in ["/../Content/site.yml", "/%2e%2e/Content/site.yml", "/..%2fContent/site.yml", "/articles/../../Content/site.yml", "/%2E%2E/%2E%2E/etc/passwd"] {
            let r = rawGet(port: port, path: path)
            #expect(r?.status == 404 || r?.status == 403, "\(path) gave \(r?.status ?? -1)")
            #expect(r?.body.contains("language: fr") != true && r?.body.contains("root:") != true, "\(path) leaked a file")
        }
        #expect(rawGet(port: port, path: "/nothing-here.html")?.status == 404)
        #expect(rawGet(port: port, path: "/people/")?.status == 404 || rawGet(port: port, path: "/notes/")?.status == 404)
        kill(p.processIdentifier, SIGINT)
        let deadline = Date().addingTimeInterval(5)
        while p.isRunning && Date() < deadline { usleep(50_000) }
        #expect(!p.isRunning, "Ctrl-C did not stop the server")
        #expect(p.terminationStatus == 0)
    }

    /// The program's output, error output and exit status.
    static func output(_ binary: String, _ args: [String]) throws -> (out: String, err: String, status: Int32) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self), p.terminationStatus)
    }

    @Test("sitegen loads no HTTP library: the server and its libraries are in sitegen-serve, which 'sitegen serve' becomes")
    func serverApart() throws {
        let binary = try #require(sitegenBinary(), "the sitegen executable was not found beside the tests")
        let helper = URL(fileURLWithPath: binary).deletingLastPathComponent().appendingPathComponent("sitegen-serve").path
        #expect(FileManager.default.isExecutableFile(atPath: helper), "sitegen-serve is built beside sitegen")
        let libraries = try Self.output("/usr/bin/ldd", [binary]).out
        #expect(libraries.contains("libFoundation"), "ldd lists the libraries: \(libraries)")
        for name in ["libFoundationNetworking", "libcurl"] {
            #expect(!libraries.contains(name), "sitegen loads \(name)")
        }
        #expect(try Self.output("/usr/bin/ldd", [helper]).out.contains("libFoundationNetworking"), "the server's program has it")
    }

    @Test("serve's options go to sitegen-serve as a command line that parses back to them, values beginning with a dash included")
    func optionsRoundTrip() throws {
        for args in [["--content", "Dossier A", "--templates=-t", "--output", "out/site", "--port", "8123", "--host", "localhost"], []] {
            let parsed = try ServeOptions.parse(args)
            let again = try ServeOptions.parse(parsed.arguments)
            #expect(again.folders.content == parsed.folders.content && again.folders.templates == parsed.folders.templates)
            #expect(again.output == parsed.output && again.port == parsed.port && again.host == parsed.host)
        }
        #expect(try ServeOptions.parse(["--templates=-t"]).folders.templates == "-t")
    }

    @Test("sitegen serve without sitegen-serve beside it: a clear error and exit status 1; bad options are refused before")
    func helperMissing() throws {
        let binary = try #require(sitegenBinary(), "the sitegen executable was not found beside the tests")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-alone-\(getpid())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let alone = dir + "/sitegen"
        try FileManager.default.copyItem(atPath: binary, toPath: alone)
        let r = try Self.output(alone, ["serve", "--port", String(freePort())])
        #expect(r.status == 1)
        #expect(r.err.contains("cannot start \(dir)/sitegen-serve"), "\(r.err)")
        #expect(r.err.contains("swift build --product sitegen-serve"))
        let bad = try Self.output(binary, ["serve", "--port", "eighty"])
        #expect(bad.status == 2, "a usage error exits with 2")
        #expect(bad.err.contains("--port"))
    }
}
