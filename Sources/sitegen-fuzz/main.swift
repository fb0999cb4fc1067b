// sitegen-fuzz: feeds seeded random and mutated inputs to the reader, the extractor and the page
// builder for a time budget. Before each input it saves it to .fuzz/current.bin, so that a crash
// leaves the input that caused it; save it as a regression test.
//
//   swift run -c release sitegen-fuzz [--seconds 60] [--seed 1] [--corpus Content/articles]
import Foundation
import SitegenFuzzing
import SitegenKit

var seconds = 60.0
var seed: UInt64 = 1
var corpusDir = "Content/articles"
var args = Array(CommandLine.arguments.dropFirst())
while !args.isEmpty {
    let a = args.removeFirst()
    switch a {
    case "--seconds": seconds = Double(args.isEmpty ? "60" : args.removeFirst()) ?? 60
    case "--seed": seed = UInt64(args.isEmpty ? "1" : args.removeFirst()) ?? 1
    case "--corpus": corpusDir = args.isEmpty ? corpusDir : args.removeFirst()
    default:
        FileHandle.standardError.write(Data("usage: sitegen-fuzz [--seconds N] [--seed S] [--corpus DIR]\n".utf8))
        exit(2)
    }
}
let names = (try? FileManager.default.contentsOfDirectory(atPath: corpusDir).sorted()) ?? []
let corpus = names.compactMap { FileManager.default.contents(atPath: corpusDir + "/" + $0).map { [UInt8]($0) } }
try? FileManager.default.createDirectory(atPath: ".fuzz", withIntermediateDirectories: true)
let generator = InputGenerator(corpus: corpus)
let target = FuzzTarget()
let disk = DiskFileSystem()
var rng = SeededRandom(seed: seed)
let start = Date()
var count = 0
while Date().timeIntervalSince(start) < seconds {
    let input = generator.input(&rng)
    try? disk.writeFile(".fuzz/current.bin", Data(input))
    target.run(input)
    count += 1
    if count % 1000 == 0 {
        FileHandle.standardOutput.write(Data("\(count) inputs, \(Int(Date().timeIntervalSince(start))) s\n".utf8))
    }
}
try? FileManager.default.removeItem(atPath: ".fuzz/current.bin")
print("fuzz: \(count) inputs in \(Int(Date().timeIntervalSince(start))) s, seed \(seed), no crash")
