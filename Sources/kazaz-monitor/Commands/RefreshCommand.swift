import ArgumentParser
import Foundation
import KazazControl
import KazazModel

struct RefreshCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "refresh",
    abstract: "Ask the running daemon to poll now (every feed, or one).",
    discussion: """
      Talks to the daemon over its control socket. A refresh that arrives while a cycle runs \
      is merged into the next one. Exit status 69 when no daemon is running.
      """)

  @OptionGroup var options: ConfigOptions

  @Option(help: "Poll only this feed: its URL as configured, or its id (#N in `status`).")
  var feed: String?

  @Flag(help: "Wait for the cycle: print each feed as it is polled, then a summary.")
  var wait = false

  func run() throws {
    let link = DaemonLink(config: try options.load(), configPath: options.config)
    let reply: ControlReply
    do {
      reply = try link.send(.refresh(feed: feed, wait: wait), timeout: wait ? nil : .seconds(30)) {
        say(ProgressLine.describe($0))
      }
    } catch {
      printError(link.noDaemonHint(error))
      if case .noDaemon = error { throw DaemonLink.unavailable }
      throw ExitCode.failure
    }
    switch reply {
    case .accepted(let message):
      say(message)
    case .refreshed(let report):
      say(report.line)
      for failure in report.failures { say("  failed: \(failure.terminalSafe)") }
      if report.interrupted {
        printError("the daemon stopped before the refresh completed")
        throw ExitCode.failure
      }
    case .failure(let message):
      printError(message)
      throw ExitCode.failure
    default:
      printError("unexpected reply from the daemon: \(reply)")
      throw ExitCode.failure
    }
  }
}

/// One progress line of `refresh --wait`.
enum ProgressLine {
  static func describe(_ progress: FeedProgress) -> String {
    switch progress.outcome {
    case "failed":
      "  failed     \(progress.feed.terminalSafe): \(progress.error.terminalSafe(or: "unknown error"))"
    case "unchanged": "  unchanged  \(progress.feed.terminalSafe)"
    default:
      "  polled     \(progress.feed.terminalSafe): \(progress.newItems) new, "
        + "\(progress.relevantItems) relevant"
    }
  }
}
