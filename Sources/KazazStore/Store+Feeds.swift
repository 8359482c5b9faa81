import Foundation
import GRDB
import KazazModel

extension Store {
  /// Makes sure each configured URL has a feed row; returns the states in the given order.
  public func registerFeeds(urls: [String], now: Date = Date()) throws -> [FeedState] {
    try pool.write { db in
      // One read of every feed, not one query per configured URL: lists run to thousands.
      var known = Dictionary(
        try FeedRecord.fetchAll(db).map { ($0.url, $0) }, uniquingKeysWith: { first, _ in first })
      return try urls.map { url in
        if let existing = known[url] { return existing.state() }
        var record = FeedRecord(url: url, addedAt: now)
        try record.insert(db)
        known[url] = record
        return record.state()
      }
    }
  }

  /// Every feed with its item count, ordered by URL.
  public func feeds() throws -> [FeedState] {
    try pool.read { db in
      let counts = try Dictionary(
        uniqueKeysWithValues: Row.fetchAll(
          db, sql: "SELECT feedId, COUNT(*) AS n FROM item GROUP BY feedId"
        ).map { ($0["feedId"] as Int64, $0["n"] as Int) })
      return try FeedRecord.order(Column("url")).fetchAll(db).map {
        $0.state(itemCount: counts[$0.id ?? 0] ?? 0)
      }
    }
  }

  /// Feeds due at `now`: enabled, never polled or with `nextCheckAt` passed; limited to `urls`
  /// (the configured feeds) when given.
  public func dueFeeds(at now: Date, among urls: Set<String>? = nil) throws -> [FeedState] {
    try pool.read { db in
      try FeedRecord
        .filter(Column("disabledReason") == nil)
        .filter(Column("nextCheckAt") == nil || Column("nextCheckAt") <= now)
        .order(Column("nextCheckAt"))
        .fetchAll(db)
        .filter { urls?.contains($0.url) ?? true }
        .map { $0.state() }
    }
  }

  /// The earliest `nextCheckAt` among enabled feeds (nil when none is scheduled).
  public func nextDueDate(among urls: Set<String>? = nil) throws -> Date? {
    try pool.read { db in
      try FeedRecord.filter(Column("disabledReason") == nil).fetchAll(db)
        .filter { urls?.contains($0.url) ?? true }
        .compactMap(\.nextCheckAt).min()
    }
  }

  /// Sets when feeds are first due (used to spread the first polls of new feeds).
  public func schedule(_ plan: [Int64: Date]) throws {
    try pool.write { db in
      for (id, date) in plan {
        try db.execute(
          sql: "UPDATE feed SET nextCheckAt = ? WHERE id = ?", arguments: [date, id])
      }
    }
  }

  /// The GUIDs this feed already has, so the pipeline classifies only new items.
  public func knownGUIDs(feedID: Int64) throws -> Set<String> {
    try pool.read { db in
      try Set(
        String.fetchAll(db, sql: "SELECT guid FROM item WHERE feedId = ?", arguments: [feedID]))
    }
  }
}
