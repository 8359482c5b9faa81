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

  /// Writes digests at the configured time, after catching up on missed ones.
  private func digestLoop() async {
    await DigestScheduler(monitor: monitor).run()
  }
}
