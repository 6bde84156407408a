import Foundation
import Testing

/// Runs the built `winnow` binary as a user would and checks exit codes and output.
@Suite struct CommandLineTests {
  struct Result {
    let status: Int32
    let stdout: String
    let stderr: String
  }

  static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    .appendingPathComponent("winnow").path
  static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures/seeds").path

  static func winnow(_ arguments: [String]) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    // A folder of its own, so the default history (state/history.sqlite) of one
    // test's run never holds another test's articles.
    let folder = temporaryFolder()
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }

  static func temporaryFolder() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("winnow-cli-\(UUID().uuidString)")
      .path
  }

  @Test func runPrintsOneSummaryLineAndWritesTheReport() throws {
    let base = Self.temporaryFolder()
    let result = try Self.winnow([
      "run", Self.seeds, "--out", "\(base)/out", "--report-dir", "\(base)/report",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("winnow: 5 articles → 5 clean, 0 rejected in "))
    #expect(result.stdout.split(separator: "\n").count == 1)
    #expect(result.stderr.isEmpty, "quiet when stderr is not a terminal")
    for file in [
      "out/manifest.json", "out/clean/part-00000.jsonl.gz", "report/report.json",
      "report/report.md",
    ] {
      #expect(FileManager.default.fileExists(atPath: "\(base)/\(file)"), "\(file)")
    }
  }

  @Test func refusesAFinishedRunWithoutOverwrite() throws {
    let base = Self.temporaryFolder()
    let args = ["run", Self.seeds, "--out", "\(base)/out", "--report-dir", "\(base)/report"]
    #expect(try Self.winnow(args).status == 0)
    let again = try Self.winnow(args)
    #expect(again.status == 1)
    #expect(again.stderr.contains("--overwrite"))
    #expect(try Self.winnow(args + ["--overwrite"]).status == 0)
  }

  @Test func configErrorsExitWithTwoAndNameTheKey() throws {
    let base = Self.temporaryFolder()
    try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
    try "dedup:\n  treshold: 0.5\n".write(
      toFile: "\(base)/bad.yaml", atomically: true, encoding: .utf8)
    let result = try Self.winnow([
      "run", Self.seeds, "--out", "\(base)/out", "--config", "\(base)/bad.yaml",
    ])
    #expect(result.status == 2)
    #expect(result.stderr.contains("dedup.treshold"))
    #expect(!FileManager.default.fileExists(atPath: "\(base)/out"))
  }

  @Test func usageErrorsExitWithTwo() throws {
    #expect(try Self.winnow(["run", Self.seeds]).status == 2)
    #expect(try Self.winnow(["run", Self.seeds, "--out", "x", "--jobs", "0"]).status == 2)
  }

  @Test func helpDescribesTheRunCommand() throws {
    let result = try Self.winnow(["run", "--help"])
    #expect(result.status == 0)
    for text in ["--out", "--config", "--report-dir", "--overwrite", "--jobs", "rejected/"] {
      #expect(result.stdout.contains(text), "\(text)")
    }
  }
}
