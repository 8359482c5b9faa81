import Foundation
import KazazConfig
import KazazDigest
import Logging
import ServiceLifecycle

/// The daemon's digest loop: on start, the digests missed while it was down (bounded, oldest
/// first); then, at each digest time, the digest of the day just ended, the pending deliveries
/// and the retention. Wall time is re-read after every wake, so a suspended machine or a clock
/// change only delays a digest, never skips one. A digest that could not be written (a full
/// disk, say) is tried again after `retryDelay`, not a day later.
struct DigestScheduler: Sendable {
  let monitor: Monitor

  /// The wait before the `attempt`-th retry of a digest that could not be written: one minute,
  /// doubling, at most an hour.
  static func retryDelay(attempt: Int) -> Duration {
    .seconds(min(60 << min(max(attempt - 1, 0), 6), 3_600))
  }

  func run() async {
    let schedule = monitor.config.digest.schedule
    var failedAttempts = 0
    while !Task.isShuttingDownGracefully && !Task.isCancelled {
      // Read from the store each time: with no complete digest yet, what is owed starts when
      // monitoring began, which a restart must not move.
      let floor = monitor.digestFloor()
      await monitor.writeDueDigests(floor: floor)
      let next = schedule.nextRun(after: Date())
      let untilNext = Duration.seconds(max(0, next.timeIntervalSinceNow))
      let wait: Duration
      let owed = monitor.dueDigestDays(floor: floor)
      if owed.isEmpty {
        failedAttempts = 0
        wait = untilNext
        monitor.logger.info("next digest", metadata: ["at": "\(next)"])
      } else {
        failedAttempts += 1
        let retry = Self.retryDelay(attempt: failedAttempts)
        wait = min(untilNext, retry)
        monitor.logger.warning(
          "digests still owed; trying again",
          metadata: ["days": "\(owed)", "in": "\(retry)", "attempt": "\(failedAttempts)"])
      }
      do {
        try await cancelWhenGracefulShutdown { try await Task.sleep(for: wait) }
      } catch {
        return
      }
    }
  }
}
