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
      delivery command is run and nothing is mailed, except with --resend, which mails the \
      digest to every recipient of delivery.email again, now (whether or not it was mailed \
      before). --now writes the digest of the period in progress (through the running daemon \
      when there is one).
      """)

  @OptionGroup var options: ConfigOptions

  @Option(
    help: "The day, YYYY-MM-DD, in the digest time zone (default: the newest complete digest).")
  var date: String?

  @Flag(help: "Write the digest of the period in progress now (via the daemon when it runs).")
  var now = false

  @Flag(help: "Mail the digest to every recipient of delivery.email again, now.")
  var resend = false

  func run() async throws {
    let config = try options.load()
    if now, date != nil {
      throw ValidationError("--now and --date exclude each other")
    }
    if resend, now {
      throw ValidationError("--resend mails a complete digest; it excludes --now")
    }
    if resend, config.email == nil {
      printError("--resend: no mail delivery is configured (delivery.email)")
      throw ExitCode(78)
    }
    if now, try DigestNow.viaDaemon(config: config, configPath: options.config) {
      return
    }
    let monitor = try Monitor.open(
      config: config, logger: LoggingBootstrap.logger(level: config.logLevel))
    defer { monitor.shutdown() }
    if now {
      for file in try monitor.writeDigest() { say(file.path) }
      return
    }
    let day = date ?? monitor.latestDueDigestDay()
    guard let period = monitor.digestPeriod(day: day) else {
      throw ValidationError("--date: expected YYYY-MM-DD, found \"\(day)\"")
    }
    guard resend else {
      for file in try monitor.writeDigest(day: period) { say(file.path) }
      return
    }
    var failed = false
    for (recipient, error) in try await monitor.resendDigest(period: period) {
      if let error {
        failed = true
        say("not mailed to \(recipient): \(error) (retried with back-off; see status)")
      } else {
        say("mailed to \(recipient)")
      }
    }
    if failed { throw ExitCode.failure }
  }
}
