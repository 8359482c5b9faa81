import Foundation
import KazazConfig
import KazazControl
import KazazModel
import Logging
import ServiceLifecycle

/// The daemon's refresh loop: the only code that runs cycles. Each turn polls the feeds that
/// are due plus whatever was requested by hand, then sleeps until the next feed is due (at
/// most `maximumSleep`, so feeds added by a reload are picked up) or a request arrives. Time is
/// the monitor's clock (`Monitor.clock`), so tests drive the schedule with virtual time.
///
/// On graceful shutdown no new cycle starts and the running one stops starting polls; polls in
/// flight get `ShutdownGrace.standard` (10 s) to commit before they are aborted.
struct RefreshLoop: Sendable {
  let holder: MonitorHolder
  let coordinator: RefreshCoordinator
  /// Called after every cycle that polled something (systemd STATUS=).
  var onCycle: @Sendable (CycleRecord) -> Void = { _ in }

  /// New feeds are first polled across this window (or the poll interval, when shorter).
  static let firstPollSpread: Duration = .seconds(120)
  static let maximumSleep = 60.0

  func run() async {
    while !Task.isShuttingDownGracefully && !Task.isCancelled {
      let monitor = await runCycle()
      let next = (try? monitor.nextDueDate()) ?? nil
      // Until the next feed is due, but at least a second and at most `maximumSleep` from now.
      let now = monitor.clock.now()
      let latest = now.addingTimeInterval(Self.maximumSleep)
      let deadline = min(max(next ?? latest, now.addingTimeInterval(1)), latest)
      await cancelWhenGracefulShutdown {
        await coordinator.waitForWork(until: deadline, clock: monitor.clock)
      }
    }
    await coordinator.stop()
  }

  /// Runs one cycle and returns the monitor it ran with. The monitor is taken after the cycle
  /// is registered, so a reload either happens before (and this cycle uses the new monitor) or
  /// waits for this cycle to end before retiring the old fetcher.
  private func runCycle() async -> Monitor {
    let (scope, fanout) = await coordinator.begin(includeDue: true)
    let monitor = holder.current
    let spread = min(monitor.config.pollInterval, Self.firstPollSpread)
    let report = await ShutdownGrace.run { () -> CycleSummary in
      do {
        var summary = try await monitor.refresh(
          scope, now: monitor.clock.now(), spreadWindow: spread, onReport: { fanout.send($0) })
        summary.interrupted = Task.isShuttingDownGracefully
        return summary
      } catch {
        monitor.logger.error("refresh failed", metadata: ["error": "\(error)"])
        return CycleSummary(failures: ["\(error)"])
      }
    }
    await coordinator.finish(report)
    if let record = await coordinator.lastCycle, report.feedsPolled > 0 { onCycle(record) }
    return monitor
  }
}
