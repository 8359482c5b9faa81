import Foundation
import GRDB
import KazazModel

/// Crash quarantine: a feed whose processing kills the process is set aside so the others keep
/// being monitored. The evidence comes from the poll journal (`PollJournal` in the service):
/// the feeds a dead process was processing.
extension Store {
  /// Why a quarantined feed is disabled (the start of its `disabledReason`).
  public static let quarantineReason = "crashed while processing"

  /// Charges one interrupted poll to each of `feedIDs`. A feed that reaches
  /// `FeedState.crashQuarantineThreshold` interruptions in a row is disabled with the reason
  /// "crashed while processing", remembering `settings[url]` (the fingerprint of its config
  /// entry) so that a changed entry lifts it. Returns the feeds quarantined now.
  @discardableResult
  public func recordInterruptedPolls(
    _ feedIDs: Set<Int64>, settings: [String: String], now: Date
  ) throws -> [FeedState] {
    guard !feedIDs.isEmpty else { return [] }
    return try pool.write { db in
      var quarantined: [FeedState] = []
      for id in feedIDs.sorted() {
        guard var feed = try FeedRecord.fetchOne(db, key: id) else { continue }
        feed.interruptedPolls = min(feed.interruptedPolls, Int.max - 1) + 1
        if feed.interruptedPolls >= FeedState.crashQuarantineThreshold,
          feed.disabledReason == nil
        {
          feed.disabledReason =
            "\(Self.quarantineReason): \(feed.interruptedPolls) polls in a row ended with the "
            + "process dying (last \(Self.day(now))); re-enable with `kazaz-monitor feeds enable`"
          feed.quarantineSettings = settings[feed.url] ?? ""
          quarantined.append(feed.state())
        }
        try feed.update(db)
      }
      return quarantined
    }
  }

  /// Lifts the quarantine of every feed whose config entry changed since it was quarantined
  /// (`settings`: URL → fingerprint of its entry; feeds not listed are left alone). The feed is
  /// due at once. Returns the feeds released.
  @discardableResult
  public func releaseQuarantines(settings: [String: String]) throws -> [FeedState] {
    try pool.write { db in
      var released: [FeedState] = []
      for var feed in try FeedRecord.filter(Column("quarantineSettings") != nil).fetchAll(db) {
        guard let current = settings[feed.url], current != feed.quarantineSettings else {
          continue
        }
        Self.enable(&feed)
        try feed.update(db)
        released.append(feed.state())
      }
      return released
    }
  }

  /// Enables a disabled feed (quarantined, or removed by its server with 410 Gone): its
  /// counters start again and it is due at once. Returns the feed, or nil when no feed has
  /// that id.
  @discardableResult
  public func enableFeed(id: Int64) throws -> FeedState? {
    try pool.write { db in
      guard var feed = try FeedRecord.fetchOne(db, key: id) else { return nil }
      Self.enable(&feed)
      try feed.update(db)
      return feed.state()
    }
  }

  private static func enable(_ feed: inout FeedRecord) {
    feed.disabledReason = nil
    feed.quarantineSettings = nil
    feed.interruptedPolls = 0
    feed.consecutiveFailures = 0
    feed.nextCheckAt = nil
  }

  private static func day(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
    return String(
      format: "%04d-%02d-%02d %02d:%02d UTC", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
      parts.hour ?? 0, parts.minute ?? 0)
  }
}
