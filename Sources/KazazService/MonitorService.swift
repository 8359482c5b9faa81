import Foundation
import KazazConfig
import KazazDigest
import Logging
import ServiceLifecycle

/// The long-running daemon: a refresh cycle every poll interval, and the digest of the day just
/// ended at the configured time of day. Stops promptly on graceful shutdown (SIGTERM/SIGINT):
/// waits are cancelled, a cycle in flight finishes its store writes.
public struct MonitorService: Service {
  public let monitor: Monitor

  public init(monitor: Monitor) {
    self.monitor = monitor
  }

  public func run() async throws {
    await withTaskGroup(of: Void.self) { group in
      group.addTask { await refreshLoop() }
      group.addTask { await digestLoop() }
    }
    monitor.shutdown()
  }

  /// Polls feeds as they fall due. Sleeps until the next feed is due, but never longer than
  /// `maximumSleep`, so feeds added by a reload or made due by hand are picked up promptly.
  private func refreshLoop() async {
    let spread = min(monitor.config.pollInterval, Self.firstPollSpread)
    while !Task.isShuttingDownGracefully && !Task.isCancelled {
      do {
        _ = try await monitor.refreshDue(spreadWindow: spread)
      } catch {
        monitor.logger.error("refresh failed", metadata: ["error": "\(error)"])
      }
      let next = (try? monitor.nextDueDate()) ?? nil
      let wait = min(max(next?.timeIntervalSinceNow ?? Self.maximumSleep, 1), Self.maximumSleep)
      try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(wait)) }
    }
  }

  /// New feeds are first polled across this window (or the poll interval, when shorter).
  static let firstPollSpread: Duration = .seconds(120)
  static let maximumSleep = 60.0

  private func digestLoop() async {
    let schedule = DigestSchedule(
      minuteOfDay: monitor.config.digest.minuteOfDay, timeZone: monitor.config.digest.timeZone)
    while !Task.isShuttingDownGracefully && !Task.isCancelled {
      let due = schedule.nextRun(after: Date())
      monitor.logger.info("next digest", metadata: ["at": "\(due)"])
      let wait = max(0, due.timeIntervalSinceNow)
      do {
        try await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(wait)) }
      } catch {
        return
      }
      // The digest covers the calendar day that ended before this digest time: step back past
      // midnight from the due instant.
      let lastSecondOfDay = due.addingTimeInterval(
        -Double(monitor.config.digest.minuteOfDay) * 60 - 1)
      do {
        _ = try monitor.writeDigest(
          day: DigestPeriod.day(containing: lastSecondOfDay, in: monitor.config.digest.timeZone))
      } catch {
        monitor.logger.error("cannot write the digest", metadata: ["error": "\(error)"])
      }
    }
  }
}
