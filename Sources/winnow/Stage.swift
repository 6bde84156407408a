import ArgumentParser
import Foundation
import Logging
import Winnow

extension WinnowCommand {
  /// `winnow stage …`: one task of a sharded run (docs/stages.md, deploy/slurm).
  struct StageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "stage",
      abstract: "Run one stage task of a sharded run over a shared work folder.",
      discussion: """
        A run is six stages with files between them in a work folder: plan once, then \
        clean, fingerprint, collide and write per shard (--shard I, default $SLURM_ARRAY_TASK_ID), \
        cluster and commit once. Each task writes WORK/STAGE/shard-IIIII.done (or WORK/STAGE/done) \
        last and refuses to start before the previous stage is complete. The result is \
        byte-identical to `winnow run` on the same input. See deploy/slurm for a launcher.
        """,
      subcommands: [
        Plan.self, CleanTask.self, FingerprintTask.self, CollideTask.self, ClusterTask.self,
        WriteTask.self, CommitTask.self,
      ]
    )
  }
}

extension WinnowCommand.StageCommand {
  struct Plan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Fix a run's inputs, id, configuration and shards in WORK/plan.json.")

    @OptionGroup var arguments: RunArguments

    @Option(name: .long, help: "The shared work folder (made afresh).")
    var work: String

    @Option(name: .long, help: "Shards of the per-shard stages.")
    var shards: Int

    func validate() throws {
      guard shards >= 1 else { throw ValidationError("--shards must be at least 1.") }
    }

    func run() async throws {
      LoggingSystem.bootstrap { _ in PlainLogHandler(logLevel: .warning) }
      let settings = try arguments.settings()
      let plan = RunPlan.make(arguments.options(jobs: 1), config: settings, shards: shards)
      let runner = StageRunner(
        plan: plan, work: WorkFolder(path: work), jobs: 1, logger: Logger(label: "winnow"))
      do {
        try runner.prepare()
      } catch let error as HistoryError where error.isLocked {
        throw error
      } catch {
        throw TaskOptions.failed(error)
      }
      print(plan.runId)
    }
  }
}

/// What every stage task takes.
struct TaskOptions: ParsableArguments {
  @Option(name: .long, help: "The shared work folder made by `winnow stage plan`.")
  var work: String

  @Option(
    name: .long,
    help: "The shard this task runs (default: $SLURM_ARRAY_TASK_ID); ignored by cluster and commit."
  )
  var shard: Int?

  @OptionGroup var threads: WorkOptions

  /// Runs `stage`'s task, exiting 1 with the cause on failure.
  func run(_ stage: Stage) async throws {
    threads.bootstrapLogging()
    let index = try shardIndex(stage)
    let work = WorkFolder(path: work)
    do {
      let plan = try RunPlan.load(from: work)
      let lock = try stage == .commit ? Self.lock(plan) : nil
      let runner = StageRunner(
        plan: plan, work: work, jobs: threads.jobs, logger: Logger(label: "winnow"))
      let report = try await DedicatedThread.run { try runner.run(stage, shard: index) }
      withExtendedLifetime(lock) {}
      if let report {
        print(Summary.line(report, reportFolder: plan.reportFolder))
      }
    } catch let error as HistoryError where error.isLocked {
      throw error
    } catch {
      throw Self.failed(error)
    }
  }

  private func shardIndex(_ stage: Stage) throws -> Int {
    guard stage.isSharded else { return 0 }
    if let shard { return shard }
    guard let task = ProcessInfo.processInfo.environment["SLURM_ARRAY_TASK_ID"],
      let index = Int(task)
    else {
      throw ValidationError("--shard is needed outside a Slurm job array ($SLURM_ARRAY_TASK_ID).")
    }
    return index
  }

  /// The history's lock, held while the commit task records the run.
  private static func lock(_ plan: RunPlan) throws -> HistoryLock? {
    plan.config.history.path.isEmpty ? nil : try HistoryLock(historyPath: plan.config.history.path)
  }

  static func failed(_ error: any Error) -> ExitCode {
    FileHandle.standardError.write(Data("winnow: the task failed: \(error)\n".utf8))
    return ExitCode.failure
  }
}

/// A `winnow stage` subcommand that runs one task of `stage`.
protocol StageTask: AsyncParsableCommand {
  static var stage: Stage { get }
  var task: TaskOptions { get }
}

extension StageTask {
  func run() async throws { try await task.run(Self.stage) }
}

extension WinnowCommand.StageCommand {
  struct CleanTask: StageTask {
    static let configuration = CommandConfiguration(
      commandName: "clean", abstract: "Per shard: read → extract → clean; block counts per site.")
    static let stage = Stage.clean
    @OptionGroup var task: TaskOptions
  }

  struct FingerprintTask: StageTask {
    static let configuration = CommandConfiguration(
      commandName: "fingerprint",
      abstract: "Per shard: remove learned boilerplate → quality → fingerprint.")
    static let stage = Stage.fingerprint
    @OptionGroup var task: TaskOptions
  }

  struct CollideTask: StageTask {
    static let configuration = CommandConfiguration(
      commandName: "collide", abstract: "Per band shard: candidate pairs, verified.")
    static let stage = Stage.collide
    @OptionGroup var task: TaskOptions
  }

  struct ClusterTask: StageTask {
    static let configuration = CommandConfiguration(
      commandName: "cluster", abstract: "Once: repeated ids, history, clusters → decisions.")
    static let stage = Stage.cluster
    @OptionGroup var task: TaskOptions
  }

  struct WriteTask: StageTask {
    static let configuration = CommandConfiguration(
      commandName: "write", abstract: "Per shard: records with their decisions → gzip members.")
    static let stage = Stage.write
    @OptionGroup var task: TaskOptions
  }

  struct CommitTask: StageTask {
    static let configuration = CommandConfiguration(
      commandName: "commit", abstract: "Once: part files, manifest, history, reports.")
    static let stage = Stage.commit
    @OptionGroup var task: TaskOptions
  }
}
