// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "Winnow",
  products: [
    .executable(name: "winnow", targets: ["winnow"]),
    .library(name: "Winnow", targets: ["Winnow"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    // Embedded SQLite for the history of earlier runs (learned-boilerplate counts).
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
  ],
  targets: [
    // System zlib (Debian `libz-dev`): gzip in and out.
    .systemLibrary(
      name: "CZlib",
      pkgConfig: "zlib",
      providers: [.apt(["libz-dev"])]
    ),
    // System OpenCC (Debian `libopencc-dev`): Traditional→Simplified folding for matching.
    .systemLibrary(
      name: "COpenCC",
      pkgConfig: "opencc",
      providers: [.apt(["libopencc-dev"])]
    ),
    // System uchardet (Debian `libuchardet-dev`): encoding guesses for input that is not UTF-8.
    .systemLibrary(
      name: "CUchardet",
      pkgConfig: "uchardet",
      providers: [.apt(["libuchardet-dev"])]
    ),
    // System libdeflate (Debian `libdeflate-dev`): whole-buffer gzip members for the corpus files.
    .systemLibrary(
      name: "CDeflate",
      pkgConfig: "libdeflate",
      providers: [.apt(["libdeflate-dev"])]
    ),
    // System ISA-L (Debian `libisal-dev`): igzip, the fast gzip members of `write.compressor: isal`.
    .systemLibrary(
      name: "CIsal",
      pkgConfig: "libisal",
      providers: [.apt(["libisal-dev"])]
    ),
    .target(
      name: "Winnow",
      dependencies: [
        "CZlib",
        "CDeflate",
        "CIsal",
        "COpenCC",
        "CUchardet",
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "Yams", package: "Yams"),
        .product(name: "GRDB", package: "GRDB.swift"),
      ]
    ),
    .executableTarget(
      name: "winnow",
      dependencies: [
        "Winnow",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    // glibc's <malloc.h> (mallinfo2, malloc_trim), which the Glibc module leaves out: the
    // dedup bench's heap figures.
    .systemLibrary(name: "CMalloc", path: "Benchmarks/CMalloc"),
    // Single-thread speed and memory of fingerprinting and dedup on a JSON Lines corpus
    // (Benchmarks/dedup-speed.sh runs it beside datasketch and rensa).
    .executableTarget(
      name: "winnow-dedup-bench",
      dependencies: ["Winnow", "CMalloc"],
      path: "Benchmarks/DedupBench"
    ),
    .testTarget(
      name: "WinnowTests",
      dependencies: ["Winnow", .product(name: "GRDB", package: "GRDB.swift")],
      exclude: []
    ),
  ]
)
