import ArgumentParser
import Foundation
import KazazConfig
import KazazControl
import KazazModel
import KazazService
import KazazText

struct FeedsEnable: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "enable",
    abstract: "Enable a disabled feed (quarantined after crashes, or gone with 410).",
    discussion: """
      A feed is quarantined when processing it ended the process three polls in a row \
      ("crashed while processing" in `status`), so the other feeds keep being monitored; \
      changing its entry in the config also lifts the quarantine. The feed is due at once: a \
      running daemon is asked to poll it now.
      """)

  @OptionGroup var options: ConfigOptions

  @Argument(help: "The feed: its URL, its title, or its id (#N in `status`).")
  var feed: String

  func run() async throws {
    let config = try options.load()
    let monitor = try Monitor.open(config: config, logger: LoggingBootstrap.logger(level: .warning))
    defer { monitor.shutdown() }
    guard let before = try monitor.enableFeed(matching: feed) else {
      printError("no configured feed matches \(TerminalText.safe(feed))")
      throw ExitCode.failure
    }
    let url = TerminalText.safe(before.url)
    guard let reason = before.disabledReason else {
      print("\(url) was not disabled")
      return
    }
    print("enabled \(url) (was disabled: \(TerminalText.safe(reason)))")
    let link = DaemonLink(config: config, configPath: options.config)
    if (try? link.send(.refresh(feed: before.url, wait: false), timeout: .seconds(10))) != nil {
      print("the running daemon polls it now")
    } else {
      print("it is polled at the daemon's next cycle or the next run --once")
    }
  }
}
