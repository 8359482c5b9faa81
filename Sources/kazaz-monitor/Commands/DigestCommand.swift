import ArgumentParser
import Foundation
import KazazConfig
import KazazDigest
import KazazModel
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
      when there is one). --week writes the weekly report of an ISO week (YYYY-Www) from the \
      store, under weekly/ in the digest folder.
      """)

  @OptionGroup var options: ConfigOptions

  @Option(
    help: "The day, YYYY-MM-DD, in the digest time zone (default: the newest complete digest).")
  var date: String?

  @Flag(help: "Write the digest of the period in progress now (via the daemon when it runs).")
  var now = false

  @Option(help: "Write the weekly report of an ISO week, YYYY-Www (e.g. 2026-W48), instead.")
  var week: String?

  @Flag(help: "Mail the digest to every recipient of delivery.email again, now.")
  var resend = false

  func run() async throws {
    let config = try options.load()
    if [now, date != nil, week != nil].filter({ $0 }).count > 1 {
      throw ValidationError("--now, --date and --week exclude each other")
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
      for file in try monitor.writeDigest(now: monitor.clock.now()) { say(file.path) }
      return
    }
    if let week {
      // The configured schedule, also when the daemon does not write weekly reports itself.
      let weekly = config.digest.weekly
      let schedule = WeeklySchedule(
        weekday: weekly.weekday, minuteOfDay: weekly.minuteOfDay ?? config.digest.minuteOfDay,
        timeZone: config.digest.timeZone)
      guard let runDay = schedule.runDay(ofWeek: week),
        let end = schedule.period(runDay: runDay)?.end, end <= monitor.clock.now()
      else {
        throw ValidationError(
          "--week: expected an ISO week that has ended, such as 2026-W48, found \"\(week)\"")
      }
      let files = try monitor.weeklyWriter.write(
        runDay: runDay, schedule: schedule, now: monitor.clock.now())
      for file in files { say(file.path) }
      return
    }
    let day = date ?? monitor.latestDueDigestDay(now: monitor.clock.now())
    guard let period = monitor.digestPeriod(day: day, now: monitor.clock.now()) else {
      throw ValidationError("--date: expected YYYY-MM-DD, found \"\(day)\"")
    }
    guard resend else {
      for file in try monitor.writeDigest(day: period, now: monitor.clock.now()) { say(file.path) }
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
