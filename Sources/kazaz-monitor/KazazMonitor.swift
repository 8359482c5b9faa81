import ArgumentParser

/// The `kazaz-monitor` command: argument parsing and wiring only; all logic lives in the library.
@main
struct KazazMonitor: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kazaz-monitor",
    abstract: "Monitors news feeds for Kazakhstan–Azerbaijan cooperation and writes daily digests.",
    version: "0.1.0",
    subcommands: [
      RunCommand.self, ClassifyCommand.self, EvalCommand.self, ReclassifyCommand.self,
      ParseCommand.self, DigestCommand.self, StatusCommand.self, RefreshCommand.self,
      SearchCommand.self, IngestCommand.self, BackupCommand.self, PruneCommand.self,
      FeedsCommand.self, ConfigCommand.self, ProfileCommand.self, ExtractCommand.self,
    ]
  )
}
