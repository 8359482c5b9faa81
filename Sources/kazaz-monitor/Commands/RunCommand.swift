import ArgumentParser
import Foundation
import KazazConfig
import KazazControl
import KazazModel
import KazazService
import Logging

struct RunCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run the monitor: poll the feeds, classify, store, and write daily digests.",
    discussion: """
      Without --once the daemon keeps running, polling feeds as they fall due and writing the \
      digest at the configured time (after catching up on digests missed while it was down). It \
      listens on a control socket (see `refresh`, `status`, `digest --now`), reloads its \
      configuration on SIGHUP, polls every feed on SIGUSR1, and stops cleanly on SIGTERM or \
      SIGINT. Under systemd (Type=notify) it reports readiness, reloads, its last cycle and its \
      stop, and feeds the watchdog. With --once it polls every feed once, writes the complete \
      digests that fell due since the last one (as the daemon would have at the digest time), \
      then the digest of the period in progress (since the last digest time, labelled with the \
      day of the next one, marked partial), prints the partial digest's paths and exits.
      """)

  @OptionGroup var options: ConfigOptions

  @Flag(help: "Poll every feed once, write the digest so far, print its paths, and exit.")
  var once = false

  func run() async throws {
    let config = try options.load()
    let logger = LoggingBootstrap.logger(level: config.logLevel)
    let monitor = try Monitor.open(config: config, logger: logger).preparedForPolling()
    if once {
      defer { monitor.shutdown() }
      let (summary, files) = try await monitor.runOnce()
      printError(summary.line)
      for failure in summary.failures { printError("  failed: \(failure.terminalSafe)") }
      for file in files { say(file.path) }
      return
    }
    let daemon: Daemon
    do {
      daemon = try await Daemon.make(
        monitor: monitor, configPath: options.config,
        logLevelOverride: options.logLevel.flatMap { LogLevel(rawValue: $0.lowercased()) },
        logger: logger)
    } catch {
      monitor.shutdown()
      logger.critical("cannot open the control socket", metadata: ["error": "\(error)"])
      throw ExitCode.failure
    }
    logger.info(
      "kazaz-monitor started",
      metadata: [
        "feeds": "\(config.feeds.count)", "state_dir": "\(config.stateDirectory.path)",
        "control_socket": "\(daemon.controlSocket)",
      ])
    try await daemon.run()
    logger.info("kazaz-monitor stopped")
  }
}
