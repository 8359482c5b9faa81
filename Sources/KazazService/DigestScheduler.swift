import Foundation
import KazazConfig
import KazazDigest
import Logging
import ServiceLifecycle

/// The daemon's digest loop: on start, the digests missed while it was down (bounded, oldest
/// first); then, at each digest time, the digest of the day just ended, the pending deliveries
/// and the retention. Wall time is re-read after every wake, so a suspended machine or a clock
/// change only delays a digest, never skips one.
struct DigestScheduler: Sendable {
  let monitor: Monitor

  func run() async {
    let schedule = monitor.config.digest.schedule
    // With no complete digest recorded yet, nothing is "missed": the first digest is the next.
    let floor = monitor.latestDueDigestDay()
    while !Task.isShuttingDownGracefully && !Task.isCancelled {
      await monitor.writeDueDigests(floor: floor)
      let due = schedule.nextRun(after: Date())
      monitor.logger.info("next digest", metadata: ["at": "\(due)"])
      let wait = max(0, due.timeIntervalSinceNow)
      do {
        try await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(wait)) }
      } catch {
        return
      }
    }
  }
}
