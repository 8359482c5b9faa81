import Foundation
import GRDB
import KazazModel

extension Store {
  /// Makes sure each configured URL has a feed row; returns the states in the given order.
  public func registerFeeds(urls: [String], now: Date = Date()) throws -> [FeedState] {
    try pool.write { db in
      try urls.map { url in
        if let existing = try FeedRecord.filter(Column("url") == url).fetchOne(db) {
          return existing.state()
        }
        var record = FeedRecord(
          id: nil, url: url, title: nil, addedAt: now, etag: nil, lastModified: nil,
          lastStatus: nil, lastCheckedAt: nil, lastSuccessAt: nil, consecutiveFailures: 0,
          lastErrorKind: nil, lastError: nil)
        try record.insert(db)
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

  /// The GUIDs this feed already has, so the pipeline classifies only new items.
  public func knownGUIDs(feedID: Int64) throws -> Set<String> {
    try pool.read { db in
      try Set(
        String.fetchAll(db, sql: "SELECT guid FROM item WHERE feedId = ?", arguments: [feedID]))
    }
  }
}
