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

  func run() async throws {
    let config = try options.load()
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
