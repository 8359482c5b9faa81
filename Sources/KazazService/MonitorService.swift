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

  private func refreshLoop() async {
    let interval =
      monitor.config.feeds.compactMap(\.interval).min()
      .map { min($0, monitor.config.pollInterval) } ?? monitor.config.pollInterval
    while !Task.isShuttingDownGracefully && !Task.isCancelled {
      do {
        _ = try await monitor.refresh()
      } catch {
        monitor.logger.error("refresh cycle failed", metadata: ["error": "\(error)"])
      }
      try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
    }
  }

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
