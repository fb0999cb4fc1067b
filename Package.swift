// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "sitegen",
    products: [
        .executable(name: "sitegen", targets: ["sitegen"]),
        .executable(name: "sitegen-serve", targets: ["sitegen-serve"]),
        .library(name: "SitegenKit", targets: ["SitegenKit"]),
        .executable(name: "sitegen-fuzz", targets: ["sitegen-fuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // A light HTTP server (no SwiftNIO) for the live preview of `sitegen serve`.
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // libcmark, the CommonMark reference implementation, from the system (Debian: libcmark-dev).
        .systemLibrary(
            name: "Ccmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // What glibc has and its Swift module does not import: malloc.h (mallopt, mallinfo2)
        // for `MallocTuning`, and syncfs for `WritebackPacer`.
        .systemLibrary(name: "CGlibc"),
        // A per-thread bump allocator that libcmark renders each page with (C: it must hand
        // libcmark plain C function pointers).
        .target(name: "CmarkArena", dependencies: ["Ccmark"]),
        // Every stage of the pipeline lives here; the executable is a thin shell over it.
        .target(
            name: "SitegenKit",
            dependencies: [
                "Ccmark",
                "CmarkArena",
                "CGlibc",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [
                .embedInCode("Resources/lexicon/speech.txt"),
                .embedInCode("Resources/lexicon/grammar.txt"),
                .embedInCode("Resources/lexicon/first-names.txt"),
                .embedInCode("Resources/lexicon/names.txt"),
                .embedInCode("Resources/lexicon/places.txt"),
                .embedInCode("Resources/lexicon/reading.txt"),
                .embedInCode("Resources/assets/search.js"),
            ]
        ),
        // `sitegen serve`: the live preview, apart from the library so that building needs no server.
        .target(
            name: "SitegenServe",
            dependencies: ["SitegenKit", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        // The command line's pieces that both programs share (folders, serve's options, exit codes).
        .target(
            name: "SitegenCLI",
            dependencies: ["SitegenKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // `sitegen serve` becomes this program, built beside sitegen: the server's libraries
        // (FlyingFox, and through it Foundation's networking part and libcurl) are loaded by the
        // preview alone, not by every build. Not a dependency of `sitegen`: SwiftPM would link
        // the libraries of an executable's dependencies into it (`swift build` builds both).
        .executableTarget(
            name: "sitegen-serve",
            dependencies: ["SitegenCLI", "SitegenServe", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "sitegen",
            dependencies: [
                "SitegenKit",
                "SitegenCLI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Seeded random and mutated inputs for reading, cleaning and extraction: a bounded test in
        // CI, and `swift run -c release sitegen-fuzz --seconds N` for long runs.
        .target(name: "SitegenFuzzing", dependencies: ["SitegenKit"]),
        .executableTarget(name: "sitegen-fuzz", dependencies: ["SitegenFuzzing"]),
        .testTarget(
            name: "SitegenKitTests",
            dependencies: ["SitegenKit", "SitegenFuzzing", "SitegenCLI", "CGlibc"],
            // Articles the tests read from the repository by path.
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
