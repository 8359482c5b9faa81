import Foundation
import KazazConfig
import KazazDigest
import KazazModel
import KazazStore
import Logging

extension Monitor {
  /// At most this many missed weekly reports are written when the daemon starts after downtime
  /// (the newest ones).
  public static let maximumWeeklyCatchUp = 4

  public var weeklyWriter: WeeklyWriter { WeeklyWriter(digests: digestWriter) }

  /// The week after which reports are owed when the store holds none yet: the week of the last
  /// run at or before monitoring began, as for the daily digest (`digestFloor`). Nil when the
  /// weekly report is off.
  public func weeklyFloor(now: Date) -> String? {
    guard let schedule = config.digest.weeklySchedule else { return nil }
    let began = (try? store.monitoringBegan()) ?? nil
    let day = schedule.lastRunDay(atOrBefore: min(began ?? now, now))
    return schedule.period(runDay: day)?.day
  }

  /// The run days whose weekly reports are owed at `now`: after the newest report in the store
  /// (or after `floor`), oldest first, at most the newest `maximumWeeklyCatchUp`.
  public func dueWeeklyRunDays(floor: String, now: Date) -> [String] {
    guard let schedule = config.digest.weeklySchedule else { return [] }
    let handled = ((try? store.lastWeeklyReportWeek()) ?? nil) ?? floor
    return schedule.dueRunDays(
      afterWeek: handled, through: schedule.lastRunDay(atOrBefore: now),
      limit: Self.maximumWeeklyCatchUp)
  }

  /// Writes the weekly report of the week run on `runDay` and logs it.
  public func writeWeeklyReport(runDay: String, now: Date) throws -> [URL] {
    guard let schedule = config.digest.weeklySchedule,
      let period = schedule.period(runDay: runDay)
    else { return [] }
    return try writeWeeklyReport(
      weeklyWriter.build(period: period, schedule: schedule), period: period, now: now)
  }

  private func writeWeeklyReport(_ report: WeeklyReport, period: DigestPeriod, now: Date) throws
    -> [URL]
  {
    let files = try weeklyWriter.write(report, period: period, now: now)
    logger.info(
      "weekly report written",
      metadata: ["week": "\(report.week)", "files": "\(files.map(\.path))"])
    return files
  }

  /// The weekly duty at `now`: writes every owed weekly report, oldest first, queues each for
  /// `on_digest` like a daily digest (its pending delivery is named by its week) and for mail
  /// (`delivery.email`; noted, held, before its files are written, as a daily digest is).
  /// Failures are logged, never thrown: a report that could not be written stays owed. Returns
  /// the weeks written.
  @discardableResult
  public func writeDueWeeklyReports(floor: String, now: Date) -> [String] {
    guard let schedule = config.digest.weeklySchedule else { return [] }
    var written: [String] = []
    for runDay in dueWeeklyRunDays(floor: floor, now: now) {
      guard let period = schedule.period(runDay: runDay) else { continue }
      let week = period.day
      do {
        let report = try weeklyWriter.build(period: period, schedule: schedule)
        let mail = MailReport(
          key: MailReport.weeklyKey(week: week), subject: DigestSubject.of(report),
          files: weeklyWriter.datedFiles(week: week))
        try mailer?.queue(mail, at: now, held: true)
        let files = try writeWeeklyReport(report, period: period, now: now)
        written.append(week)
        if !config.digest.onDigest.isEmpty {
          try store.addPendingDelivery(day: week, paths: files.map(\.path), at: now)
        }
        try mailer?.release(mail.key, at: now)
      } catch {
        logger.error(
          "cannot write the weekly report", metadata: ["week": "\(week)", "error": "\(error)"])
      }
    }
    return written
  }
}

extension Monitor {
  /// Deletes weekly report files and records whose week ended more than `keep_days` before the
  /// newest due daily digest, as `removeExpiredDigests` does for days. Only files inside the
  /// digest folder are ever deleted.
  public func removeExpiredWeeklyReports(now: Date) {
    let schedule = config.digest.schedule
    guard
      let cutoffDay = DigestPeriod.label(
        latestDueDigestDay(now: now), plusDays: -config.digest.keepDays, in: schedule.timeZone),
      let cutoff = schedule.run(onDay: cutoffDay)
    else { return }
    do {
      let folder = config.digestDirectory.standardizedFileURL.path + "/"
      let expired = try store.weeklyReports(endingBefore: cutoff)
      guard !expired.isEmpty else { return }
      for record in expired where record.path.hasPrefix(folder) {
        try? FileManager.default.removeItem(atPath: record.path)
      }
      try store.deleteWeeklyReports(endingBefore: cutoff)
      if config.digest.formats.contains(.atom) { try digestWriter.writeAtomFeed() }
    } catch {
      logger.error("cannot remove expired weekly reports", metadata: ["error": "\(error)"])
    }
  }

  /// Everything due at `now` on the digest schedules, as the daemon does at each digest time
  /// and `run --once` before its partial digest: the owed weekly reports, then the owed daily
  /// digests, the pending deliveries (both kinds) and the retention.
  func writeDueReports(now: Date) async {
    if let floor = weeklyFloor(now: now) {
      writeDueWeeklyReports(floor: floor, now: now)
      removeExpiredWeeklyReports(now: now)
    }
    await writeDueDigests(floor: digestFloor(now: now), now: now)
  }

  /// The weekly reports still owed at `now` (weeks), for the scheduler's retries.
  func owedWeeks(now: Date) -> [String] {
    guard let floor = weeklyFloor(now: now), let schedule = config.digest.weeklySchedule
    else { return [] }
    return dueWeeklyRunDays(floor: floor, now: now).compactMap { schedule.period(runDay: $0)?.day }
  }
}
