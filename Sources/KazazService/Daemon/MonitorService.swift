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
  /// When set, stored items of another profile version are classified again in the background
  /// (`BackgroundReclassification`).
  let reclassification: ReclassificationTracker?
  let onCycle: @Sendable (CycleRecord) -> Void

  /// The current monitor: a reload replaces it.
  public var monitor: Monitor { holder.current }

  public init(monitor: Monitor) {
    self.init(holder: MonitorHolder(monitor), coordinator: RefreshCoordinator())
  }

  /// `onCycle` hears of every cycle that polled something.
  public init(
    holder: MonitorHolder, coordinator: RefreshCoordinator,
    reclassification: ReclassificationTracker? = nil,
    onCycle: @escaping @Sendable (CycleRecord) -> Void = { _ in }
  ) {
    self.holder = holder
    self.coordinator = coordinator
    self.reclassification = reclassification
    self.onCycle = onCycle
  }

  public func run() async throws {
    await withTaskGroup(of: Void.self) { group in
      group.addTask { await refreshLoop() }
      group.addTask { await digestLoop() }
      if let reclassification {
        group.addTask {
          await BackgroundReclassification(holder: holder, tracker: reclassification).run()
        }
      }
      group.addTask { await MailLoop(holder: holder).run() }
    }
    monitor.shutdown()
  }

  /// Polls feeds as they fall due, and whatever is requested by hand (see `RefreshLoop`).
  private func refreshLoop() async {
    await RefreshLoop(holder: holder, coordinator: coordinator, onCycle: onCycle).run()
  }

  /// Writes digests at the configured time, after catching up on missed ones.
  private func digestLoop() async {
    await DigestScheduler(monitor: monitor).run()
  }
}
