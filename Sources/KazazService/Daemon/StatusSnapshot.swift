import Foundation
import KazazClassify
import KazazConfig
import KazazControl
import KazazModel
import KazazStore

#if canImport(Glibc)
  import Glibc
#endif

/// What `kazaz-monitor status` shows of a running daemon, gathered from the monitor, the store
/// and the refresh coordinator.
struct StatusSnapshot {
  let monitor: Monitor
  let coordinator: RefreshCoordinator
  let startedAt: Date
  let reclassification: ReclassificationStatus?

  func make(now: Date = Date()) async throws -> DaemonStatus {
    let configured = monitor.config.feeds.map(\.url)
    let known = Dictionary(
      try monitor.store.feeds().map { ($0.url, $0) }, uniquingKeysWith: { first, _ in first })
    let counts = try monitor.store.counts()
    let schedule = DigestSchedule(
      minuteOfDay: monitor.config.digest.minuteOfDay, timeZone: monitor.config.digest.timeZone)
    return DaemonStatus(
      pid: getpid(), startedAt: startedAt, now: now, configFile: monitor.config.sourceFile.path,
      storePath: monitor.store.path, cycleRunning: await coordinator.isRunning,
      lastCycle: await coordinator.lastCycle, nextCycleAt: try monitor.nextDueDate(),
      nextDigestAt: schedule.nextRun(after: now), items: counts.items,
      relevantItems: counts.relevant,
      feeds: configured.compactMap { known[$0] }.map(FeedHealth.init),
      profileVersion: monitor.classifier.profile.version, reclassification: reclassification,
      mail: try monitor.mailHealth(),
      nextWeeklyReportAt: monitor.config.digest.weeklySchedule?.nextRun(after: now))
  }
}
