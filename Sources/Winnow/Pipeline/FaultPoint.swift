import Foundation

/// Named points where a run can be held still, so the fault tests
/// (`scripts/test-faults`) can kill it there with SIGKILL and check what a crash
/// leaves behind. With `WINNOW_PAUSE_AT=NAME` in the environment a run prints
/// `winnow: paused at NAME` on stderr when it reaches that point and sleeps until
/// killed; without the variable a point costs one dictionary lookup.
///
/// Points: `read` (every article read and cleaned, nothing written), `write` (all
/// records in the staging folder, not yet committed), `committed` (outputs in
/// place, history not yet updated), `history` (inside the history transaction,
/// rows written, not yet committed).
enum FaultPoint {
  static let variable = "WINNOW_PAUSE_AT"

  static func pause(_ name: String) {
    guard ProcessInfo.processInfo.environment[variable] == name else { return }
    FileHandle.standardError.write(Data("winnow: paused at \(name)\n".utf8))
    while true { sleep(3600) }
  }
}
