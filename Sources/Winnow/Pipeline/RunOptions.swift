import Foundation

/// What one `winnow run` is asked to do, apart from the configuration.
public struct RunOptions: Sendable {
  /// Files and folders to read.
  public var inputs: [String]
  /// Where `clean/`, `rejected/` and `manifest.json` go.
  public var outputFolder: String
  /// Where `report.json` and `report.md` go; nil means `Reports/<run-id>`.
  public var reportFolder: String?
  /// The run's id; nil derives one from the date and a digest of the inputs.
  public var runId: String?
  /// Replace a finished run in `outputFolder`.
  public var overwrite = false
  /// Articles processed at once; defaults to the number of cores.
  public var jobs: Int
  /// Also write every removed block to `removed/` for audit (as `write.removed_output` does).
  public var writeRemoved = false
  /// Also write every duplicate pair dedup accepted to this TSV file (`PairsFile`).
  public var pairsOutput: String?

  public init(
    inputs: [String], outputFolder: String, reportFolder: String? = nil, runId: String? = nil,
    overwrite: Bool = false, jobs: Int = System.coreCount, writeRemoved: Bool = false,
    pairsOutput: String? = nil
  ) {
    self.writeRemoved = writeRemoved
    self.pairsOutput = pairsOutput
    self.inputs = inputs
    self.outputFolder = outputFolder
    self.reportFolder = reportFolder
    self.runId = runId
    self.overwrite = overwrite
    self.jobs = max(1, jobs)
  }
}

/// Facts about the machine the run is on.
public enum System {
  public static var coreCount: Int { ProcessInfo.processInfo.activeProcessorCount }
}
