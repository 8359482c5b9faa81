import ArgumentParser
import Foundation
import KazazConfig
import KazazControl
import KazazModel
import KazazService
import KazazStore

struct StatusCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: "Show the daemon's state, or the store's when no daemon runs.",
    discussion: """
      Asks the running daemon over its control socket: uptime, last and next cycle, next \
      digest, and each feed's health. When no daemon answers it says so and shows what the \
      store records.
      """)

  @OptionGroup var options: ConfigOptions

  func run() async throws {
    let config = try options.load()
    let link = DaemonLink(config: config, configPath: options.config)
    do {
      let reply = try link.send(.status)
      guard case .status(let status) = reply else {
        printError("unexpected reply from the daemon: \(reply)")
        throw ExitCode.failure
      }
      DaemonStatusView.show(status)
      return
    } catch let error as ControlError {
      printError(link.noDaemonHint(error))
      printError("Showing the store instead.")
    }
    try storeView(config)
  }

  private func storeView(_ config: Config) throws {
    let monitor = try Monitor.openForQueries(
      config: config, logger: LoggingBootstrap.logger(level: config.logLevel))
    defer { monitor.shutdown() }
    let store = try monitor.storeOverview()
    say("store: \(store.path)")
    say("feeds: \(store.feedCount), items: \(store.items), relevant: \(store.relevantItems)")
    if let last = store.lastDigest {
      say("last digest: \(last.day) → \(last.path)")
    }
    for feed in store.feeds {
      say("  " + FeedHealthLine.describe(feed, now: Date()))
    }
    MailHealthLine.show(try monitor.mailHealth(), now: Date())
  }
}

/// Prints a running daemon's status for humans.
enum DaemonStatusView {
  static func show(_ status: DaemonStatus) {
    let now = status.now
    let up = max(1, now.timeIntervalSince(status.startedAt))
    let uptime = FeedHealthLine.relative(now.addingTimeInterval(up), now).replacingOccurrences(
      of: "in ", with: "")
    say("daemon: running, pid \(status.pid), up \(uptime)")
    say("config: \(status.configFile)")
    say(
      "store: \(status.storePath) — \(status.items) items, \(status.relevantItems) relevant")
    if let version = status.profileVersion { say("profile: version \(version)") }
    if let reclassification = status.reclassification { say(reclassification.line) }
    if let last = status.lastCycle {
      say(
        "last cycle: \(FeedHealthLine.relative(last.finishedAt, now)) (\(last.trigger)): \(last.report.line)"
      )
    } else {
      say("last cycle: none yet")
    }
    if status.cycleRunning {
      say("next cycle: running now")
    } else {
      say(
        "next cycle: \(status.nextCycleAt.map { FeedHealthLine.relative($0, now) } ?? "none scheduled")"
      )
    }
    if let digest = status.nextDigestAt {
      say(
        "next digest: \(FeedHealthLine.relative(digest, now)) (\(digest.formatted(.iso8601)))")
    }
    if let weekly = status.nextWeeklyReportAt {
      say(
        "next weekly report: \(FeedHealthLine.relative(weekly, now)) "
          + "(\(weekly.formatted(.iso8601)))")
    }
    say("feeds: \(status.feeds.count)")
    for feed in status.feeds {
      say("  #\(feed.id) " + FeedHealthLine.describe(FeedState(feed), now: now))
    }
    MailHealthLine.show(status.mail, now: now)
  }
}

extension FeedState {
  /// The store's view of a feed, rebuilt from the daemon's report of it.
  init(_ health: FeedHealth) {
    self.init(
      id: health.id, url: health.url, currentURL: health.currentURL, title: health.title,
      lastStatus: health.lastStatus, lastCheckedAt: health.lastCheckedAt,
      lastSuccessAt: health.lastSuccessAt, consecutiveFailures: health.consecutiveFailures,
      lastError: health.lastError, nextCheckAt: health.nextCheckAt,
      disabledReason: health.disabledReason, itemCount: health.itemCount)
  }
}
