import ArgumentParser
import Foundation
import KazazConfig
import KazazDigest
import KazazService

struct DigestCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "digest",
    abstract: "Write (or rewrite) the digest of a day from the store, and print the paths.",
    discussion: """
      The digest of day D covers the items first seen from D-1 to D at the digest time, in the \
      digest time zone. Rewriting a day with unchanged data gives byte-identical files. No \
      delivery command is run.
      """)

  @OptionGroup var options: ConfigOptions

  @Option(
    help: "The day, YYYY-MM-DD, in the digest time zone (default: the newest complete digest).")
  var date: String?

  func run() async throws {
    let config = try options.load()
    let monitor = try Monitor.open(
      config: config, logger: LoggingBootstrap.logger(level: config.logLevel))
    defer { monitor.shutdown() }
    let day = date ?? monitor.latestDueDigestDay()
    guard let period = monitor.digestPeriod(day: day) else {
      throw ValidationError("--date: expected YYYY-MM-DD, found \"\(day)\"")
    }
    for file in try monitor.writeDigest(day: period) { print(file.path) }
  }
}
