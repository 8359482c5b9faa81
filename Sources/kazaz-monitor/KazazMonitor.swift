import ArgumentParser
import KazazConfig

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
      FeedsCommand.self, ConfigCommand.self, ProfileCommand.self, MailTestCommand.self,
      ExtractCommand.self,
    ]
  )

  /// Runs the command; a configuration or profile problem that reaches here (a profile or
  /// override that does not load) exits 78 with its file:line messages, as a config error does.
  static func main() async {
    do {
      var command = try parseAsRoot()
      if var asynchronous = command as? any AsyncParsableCommand {
        try await asynchronous.run()
      } else {
        try command.run()
      }
    } catch let error as ConfigError {
      printError(error.description)
      exit(withError: ExitCode(78))
    } catch {
      exit(withError: error)
    }
  }
}
