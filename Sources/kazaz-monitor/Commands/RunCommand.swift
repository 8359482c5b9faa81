import ArgumentParser
import Foundation
import KazazConfig
import KazazService
import Logging
import ServiceLifecycle
import UnixSignals

struct RunCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run the monitor: poll the feeds, classify, store, and write daily digests.",
    discussion: """
      Without --once the daemon keeps running, polling every interval and writing the digest at \
      the configured time (after catching up on digests missed while it was down), until SIGTERM \
      or SIGINT. With --once it polls every feed once, writes the digest of the period in \
      progress (since the last digest time, labelled with the day of the next one, marked \
      partial), prints its paths and exits.
      """)

  @OptionGroup var options: ConfigOptions

  @Flag(help: "Poll every feed once, write the digest so far, print its paths, and exit.")
  var once = false

  func run() async throws {
    let config = try options.load()
    let logger = LoggingBootstrap.logger(level: config.logLevel)
    let monitor = try Monitor.open(config: config, logger: logger)
    if once {
      defer { monitor.shutdown() }
      let summary = try await monitor.refresh()
      let files = try monitor.writeDigest()
      printError(summary.line)
      for failure in summary.failures { printError("  failed: \(failure)") }
      for file in files { print(file.path) }
      return
    }
    let group = ServiceGroup(
      services: [MonitorService(monitor: monitor)],
      gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
    logger.info(
      "kazaz-monitor started",
      metadata: ["feeds": "\(config.feeds.count)", "state_dir": "\(config.stateDirectory.path)"])
    try await group.run()
    logger.info("kazaz-monitor stopped")
  }
}
