import Foundation
import KazazClassify
import KazazConfig
import KazazDigest
import KazazModel
import KazazStore
import Logging

extension Monitor {
  /// At most this many missed digests are written when the daemon starts after downtime (the
  /// newest ones); older days stay available through `digest --date`.
  public static let maximumCatchUpDays = 7
  /// A delivery that has failed this many times is given up (and logged as an error).
  public static let maximumDeliveryAttempts = 7

  public var digestWriter: DigestWriter {
    DigestWriter(
      store: store, directory: config.digestDirectory, config: config.digest,
      topicOrder: classifier.profile.topicOrder)
  }

  /// Writes the digest of `day`; nil writes the period in progress up to `now` (what
  /// `run --once` does: labelled with the day of the next digest time, marked partial).
  public func writeDigest(day: DigestPeriod? = nil, now: Date = Date()) throws -> [URL] {
    try writeDigestReport(day: day, now: now).files
  }

  /// `writeDigest`, with the digest's report for mail (its subject and files).
  public func writeDigestReport(day: DigestPeriod? = nil, now: Date = Date()) throws -> (
    files: [URL], report: MailReport
  ) {
    let period = day ?? config.digest.schedule.partialPeriod(at: now)
    let digest = try digestWriter.build(period: period)
    let files = try writeDigest(digest, now: now)
    let report = MailReport(
      key: MailReport.digestKey(day: period.day), subject: DigestSubject.of(digest), files: files)
    return (files, report)
  }

  /// Writes a built digest and logs it.
  private func writeDigest(_ digest: Digest, now: Date) throws -> [URL] {
    let files = try digestWriter.write(digest, now: now)
    logger.info(
      "digest written",
      metadata: [
        "day": "\(digest.period.day)", "partial": "\(digest.period.isPartial)",
        "files": "\(files.map(\.path))",
      ])
    return files
  }

  /// The digest labelled `label` (`YYYY-MM-DD`) over its complete period, or nil when the label
  /// is not a date. A period that has not ended yet at `now` is written, and recorded, as
  /// partial.
  public func digestPeriod(day label: String, now: Date = Date()) -> DigestPeriod? {
    guard var period = config.digest.schedule.period(day: label) else { return nil }
    period.isPartial = period.end > now
    return period
  }

  /// The label of the newest digest whose period has ended at `now`.
  public func latestDueDigestDay(now: Date = Date()) -> String {
    let schedule = config.digest.schedule
    return schedule.label(ofRun: schedule.lastRun(atOrBefore: now))
  }

  /// The day after which digests are owed when the store holds no complete digest yet: the
  /// label of the last digest time at or before monitoring began (the first feed registered or
  /// item stored), so a fresh install catches up on nothing while a daemon killed between a
  /// digest time and the write still owes that digest after its restart. An empty store owes
  /// nothing before `now`.
  public func digestFloor(now: Date = Date()) -> String {
    let began = (try? store.monitoringBegan()) ?? nil
    return latestDueDigestDay(now: min(began ?? now, now))
  }

  /// The days whose complete digests are owed at `now`: after the newest complete one in the
  /// store (or after `floor` when there is none), oldest first, at most the newest
  /// `maximumCatchUpDays`.
  public func dueDigestDays(floor: String, now: Date = Date()) -> [String] {
    let handled = ((try? store.lastCompleteDigestDay()) ?? nil) ?? floor
    return config.digest.schedule.dueDays(
      after: handled, through: latestDueDigestDay(now: now), limit: Self.maximumCatchUpDays)
  }

  /// The daemon's digest duty at `now`: writes every due digest (`dueDigestDays`) — a bounded,
  /// oldest-first catch-up — then runs the delivery command for everything pending and deletes
  /// expired digests. A digest is also noted for mail (`delivery.email`) and due mail is
  /// sent. Failures are logged, never thrown: a digest that could not be written
  /// stays due (the scheduler retries it soon). Returns the days written.
  @discardableResult
  public func writeDueDigests(floor: String, now: Date = Date()) async -> [String] {
    let days = dueDigestDays(floor: floor, now: now)
    var written: [String] = []
    for day in days {
      guard let period = digestPeriod(day: day, now: now) else { continue }
      do {
        let digest = try digestWriter.build(period: period)
        // Noted for mail (held) before the files are written and the day recorded as done, so
        // a process killed in between leaves the mail to be released, never forgotten.
        let report = MailReport(
          key: MailReport.digestKey(day: day), subject: DigestSubject.of(digest),
          files: digestWriter.datedFiles(day: day))
        try mailer?.queue(report, at: now, held: true)
        let files = try writeDigest(digest, now: now)
        written.append(day)
        if !config.digest.onDigest.isEmpty {
          try store.addPendingDelivery(day: day, paths: files.map(\.path), at: now)
        }
        try mailer?.release(report.key, at: now)
      } catch {
        logger.error("cannot write the digest", metadata: ["day": "\(day)", "error": "\(error)"])
      }
    }
    await deliverPendingDigests(now: now)
    await deliverPendingMail(now: now)
    removeExpiredDigests(now: now)
    return written
  }

  /// Runs `on_digest` for each pending digest, oldest first. A failure is logged and retried at
  /// the next digest time, up to `maximumDeliveryAttempts`.
  public func deliverPendingDigests(now: Date = Date()) async {
    guard !config.digest.onDigest.isEmpty else { return }
    let command = DeliveryCommand(
      arguments: config.digest.onDigest, timeout: config.digest.onDigestTimeout)
    let pending: [PendingDelivery]
    do {
      pending = try store.pendingDeliveries()
    } catch {
      logger.error("cannot read pending deliveries", metadata: ["error": "\(error)"])
      return
    }
    for delivery in pending {
      let failure = await command.run(
        paths: delivery.paths, day: delivery.day, directory: config.digestDirectory.path)
      do {
        guard let failure else {
          try store.removePendingDelivery(day: delivery.day)
          logger.info("digest delivered", metadata: ["day": "\(delivery.day)"])
          continue
        }
        if delivery.attempts + 1 >= Self.maximumDeliveryAttempts {
          try store.removePendingDelivery(day: delivery.day)
          logger.error(
            "digest delivery failed; giving up",
            metadata: [
              "day": "\(delivery.day)", "attempts": "\(delivery.attempts + 1)",
              "error": "\(failure)",
            ])
        } else {
          try store.deliveryFailed(day: delivery.day, error: failure, at: now)
          logger.warning(
            "digest delivery failed; will retry at the next digest time",
            metadata: ["day": "\(delivery.day)", "error": "\(failure)"])
        }
      } catch {
        logger.error("cannot record a delivery", metadata: ["error": "\(error)"])
      }
    }
  }

  /// Deletes digest files and records of days more than `keep_days` before the newest due day.
  /// Only files inside the digest folder are ever deleted.
  public func removeExpiredDigests(now: Date = Date()) {
    let schedule = config.digest.schedule
    guard
      let cutoff = DigestPeriod.label(
        latestDueDigestDay(now: now), plusDays: -config.digest.keepDays, in: schedule.timeZone)
    else { return }
    do {
      let folder = config.digestDirectory.standardizedFileURL.path + "/"
      let expired = try store.digests(before: cutoff)
      guard !expired.isEmpty else { return }
      for record in expired where record.path.hasPrefix(folder) {
        try? FileManager.default.removeItem(atPath: record.path)
        Self.removeEmptyFolders(
          from: URL(fileURLWithPath: record.path).deletingLastPathComponent(), upTo: folder)
      }
      try store.deleteDigests(before: cutoff)
      try store.deleteMail(
        createdBefore: now.addingTimeInterval(-Double(config.digest.keepDays) * 86_400))
      if config.digest.formats.contains(.atom) { try digestWriter.writeAtomFeed() }
    } catch {
      logger.error("cannot remove expired digests", metadata: ["error": "\(error)"])
    }
  }

  /// Removes `folder` and its parents while they are empty, stopping at `root`.
  private static func removeEmptyFolders(from folder: URL, upTo root: String) {
    var current = folder.standardizedFileURL
    while current.path.hasPrefix(root), current.path + "/" != root,
      (try? FileManager.default.contentsOfDirectory(atPath: current.path))?.isEmpty == true
    {
      try? FileManager.default.removeItem(at: current)
      current = current.deletingLastPathComponent()
    }
  }
}
