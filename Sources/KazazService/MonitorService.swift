import Foundation
import KazazConfig
import KazazControl
import KazazDigest
import Logging
import ServiceLifecycle

/// The long-running daemon: a refresh cycle every poll interval, and the digest of the day just
/// ended at the configured time of day. Stops promptly on graceful shutdown (SIGTERM/SIGINT):
/// waits are cancelled, a cycle in flight finishes its store writes.
public struct MonitorService: Service {
  public let holder: MonitorHolder
  public let coordinator: RefreshCoordinator
  let onCycle: @Sendable (CycleRecord) -> Void

  /// The current monitor: a reload replaces it.
  public var monitor: Monitor { holder.current }

  public init(monitor: Monitor) {
    self.init(holder: MonitorHolder(monitor), coordinator: RefreshCoordinator())
  }

  /// `onCycle` hears of every cycle that polled something.
  public init(
    holder: MonitorHolder, coordinator: RefreshCoordinator,
    onCycle: @escaping @Sendable (CycleRecord) -> Void = { _ in }
  ) {
    self.holder = holder
    self.coordinator = coordinator
    self.onCycle = onCycle
  }

  public func run() async throws {
    await withTaskGroup(of: Void.self) { group in
      group.addTask { await refreshLoop() }
      group.addTask { await digestLoop() }
    }
    monitor.shutdown()
  }

  /// Polls feeds as they fall due, and whatever is requested by hand (see `RefreshLoop`).
  private func refreshLoop() async {
    await RefreshLoop(holder: holder, coordinator: coordinator, onCycle: onCycle).run()
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
