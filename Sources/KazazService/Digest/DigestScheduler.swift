import Foundation
import KazazConfig
import KazazDigest
import KazazModel
import Logging
import ServiceLifecycle

/// The daemon's digest loop: on start, the digests and weekly reports missed while it was down
/// (bounded, oldest first); then, at each digest time, the digest of the day just ended, at each
/// weekly run the report of the week just ended, the pending deliveries and the retention. Time is read from the monitor's clock and re-read after every wake, so a
/// suspended machine or a clock change only delays a digest, never skips one (and tests drive
/// the loop with virtual time). A digest that could not be written (a full disk, say) is tried
/// again after `retryDelay`, not a day later.
struct DigestScheduler: Sendable {
  let monitor: Monitor

  /// The wait before the `attempt`-th retry of a digest that could not be written: one minute,
  /// doubling, at most an hour.
  static func retryDelay(attempt: Int) -> Duration {
    .seconds(min(60 << min(max(attempt - 1, 0), 6), 3_600))
  }

  func run() async {
    let clock = monitor.clock
    let schedule = monitor.config.digest.schedule
    let weekly = monitor.config.digest.weeklySchedule
    var failedAttempts = 0
    while !Task.isShuttingDownGracefully && !Task.isCancelled {
      // What is owed is read from the store each time: with nothing written yet, it starts when
      // monitoring began, which a restart must not move.
      await monitor.writeDueReports(now: clock.now())
      let now = clock.now()
      let next = min(schedule.nextRun(after: now), weekly?.nextRun(after: now) ?? .distantFuture)
      let deadline: Date
      let owed =
        monitor.dueDigestDays(floor: monitor.digestFloor(now: now), now: now)
        + monitor.owedWeeks(now: now)
      if owed.isEmpty {
        failedAttempts = 0
        deadline = next
        monitor.logger.info("next digest", metadata: ["at": "\(next)"])
      } else {
        failedAttempts += 1
        let retry = Self.retryDelay(attempt: failedAttempts)
        deadline = min(next, now.addingTimeInterval(PollPlanner.seconds(retry)))
        monitor.logger.warning(
          "digests still owed; trying again",
          metadata: ["days": "\(owed)", "in": "\(retry)", "attempt": "\(failedAttempts)"])
      }
      do {
        try await cancelWhenGracefulShutdown { try await clock.sleep(until: deadline) }
      } catch {
        return
      }
    }
  }
}
