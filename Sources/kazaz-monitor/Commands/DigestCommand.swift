import ArgumentParser
import Foundation
import KazazConfig
import KazazDigest
import KazazService

struct DigestCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "digest",
    abstract: "Write (or rewrite) the digest of a day from the store, and print the paths.")

  @OptionGroup var options: ConfigOptions

  @Option(help: "The day, YYYY-MM-DD, in the digest time zone (default: today).")
  var date: String?

  @Flag(help: "Ask the running daemon to write the current digest now (without a daemon: here).")
  var now = false

  func run() async throws {
    let config = try options.load()
    if now, date == nil, try DigestNow.viaDaemon(config: config, configPath: options.config) {
      return
    }
    var period: DigestPeriod?
    if let date {
      guard let day = DigestPeriod.day(named: date, in: config.digest.timeZone) else {
        throw ValidationError("--date: expected YYYY-MM-DD, found \"\(date)\"")
      }
      period = day
    }
    let monitor = try Monitor.open(
      config: config, logger: LoggingBootstrap.logger(level: config.logLevel))
    defer { monitor.shutdown() }
    for file in try monitor.writeDigest(day: period) { print(file.path) }
  }
}
