import Foundation
import GRDB
import KazazModel

extension Store {
  /// Items first seen in `[start, end)`, with their feed and classification (key facts and
  /// evidence included), best score first.
  /// `relevantOnly` skips the (usually far more numerous) irrelevant items and their text.
  public func items(firstSeenFrom start: Date, to end: Date, relevantOnly: Bool = false) throws
    -> [StoredItem]
  {
    try pool.read { db in
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT item.id, item.storyId, item.title, item.url, item.summary, item.content, item.publishedAt,
                 item.firstSeenAt, feed.url AS feedURL, feed.title AS feedTitle,
                 classification.relevant, classification.score, classification.language,
                 classification.keyFacts, classification.primaryTopic, classification.evidence,
                 (SELECT group_concat(topic, ',') FROM itemTopic WHERE itemTopic.itemId = item.id)
                   AS topics
          FROM item
          JOIN feed ON feed.id = item.feedId
          LEFT JOIN classification ON classification.itemId = item.id
          WHERE item.firstSeenAt >= ? AND item.firstSeenAt < ?
            AND (? = 0 OR classification.relevant)
          ORDER BY classification.score DESC, item.firstSeenAt, item.id
          """, arguments: [start, end, relevantOnly])
      return rows.map(Self.storedItem)
    }
  }

  /// Notes that a digest file was written (replacing an earlier record for the same day and
  /// format).
  public func recordDigest(day: String, format: String, path: String, itemCount: Int, at: Date)
    throws
  {
    try recordDigest(
      WrittenDigest(
        day: day, format: format, path: path, relevantCount: itemCount, totalCount: 0,
        periodStart: nil, periodEnd: nil, isPartial: false, headlines: [], writtenAt: at))
  }

  /// Notes that a digest file was written, with what it covered (replacing an earlier record
  /// for the same day and format).
  public func recordDigest(_ digest: WrittenDigest) throws {
    let headlines = String(
      decoding: try JSONEncoder().encode(digest.headlines), as: UTF8.self)
    try pool.write { db in
      try db.execute(
        sql: """
          INSERT INTO digest (day, format, path, itemCount, writtenAt, periodStart, periodEnd,
                              partial, totalCount, headlines)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT(day, format) DO UPDATE SET
            path = excluded.path, itemCount = excluded.itemCount, writtenAt = excluded.writtenAt,
            periodStart = excluded.periodStart, periodEnd = excluded.periodEnd,
            partial = excluded.partial, totalCount = excluded.totalCount,
            headlines = excluded.headlines
          """,
        arguments: [
          digest.day, digest.format, digest.path, digest.relevantCount, digest.writtenAt,
          digest.periodStart, digest.periodEnd, digest.isPartial, digest.totalCount, headlines,
        ])
    }
  }

  /// The digests of the `limit` newest days, every format, newest day first.
  public func recentDigests(days limit: Int) throws -> [WrittenDigest] {
    try pool.read { db in try Self.newestReports(in: "digest", limit: limit, db) }
  }

  /// The records of the `limit` newest labels (days or weeks) of a report table (`digest`,
  /// `weeklyReport`: the same columns), every format, newest first.
  static func newestReports(in table: String, limit: Int, _ db: Database) throws
    -> [WrittenDigest]
  {
    try Row.fetchAll(
      db,
      sql: """
        SELECT * FROM \(table)
        WHERE day IN (SELECT DISTINCT day FROM \(table) ORDER BY day DESC LIMIT ?)
        ORDER BY day DESC, format
        """, arguments: [limit]
    ).map(writtenDigest)
  }

  /// Digests of days before `day` (`YYYY-MM-DD`), every format.
  public func digests(before day: String) throws -> [WrittenDigest] {
    try pool.read { db in
      try Row.fetchAll(
        db, sql: "SELECT * FROM digest WHERE day < ? ORDER BY day, format", arguments: [day]
      ).map(Self.writtenDigest)
    }
  }

  /// Forgets the digests of days before `day`, and their pending deliveries.
  public func deleteDigests(before day: String) throws {
    try pool.write { db in
      try db.execute(sql: "DELETE FROM digest WHERE day < ?", arguments: [day])
      try db.execute(sql: "DELETE FROM digestDelivery WHERE day < ?", arguments: [day])
    }
  }

  /// When monitoring began: the earliest of the first feed registration and the first item
  /// stored (nil for an empty store). Both columns are indexed or small, so this is cheap.
  public func monitoringBegan() throws -> Date? {
    try pool.read { db in
      let feeds = try Date.fetchOne(db, sql: "SELECT MIN(addedAt) FROM feed")
      let items = try Date.fetchOne(db, sql: "SELECT MIN(firstSeenAt) FROM item")
      return [feeds, items].compactMap { $0 }.min()
    }
  }

  /// The newest day with a complete digest (not one written before its period ended).
  public func lastCompleteDigestDay() throws -> String? {
    try pool.read { db in
      try String.fetchOne(db, sql: "SELECT MAX(day) FROM digest WHERE NOT partial")
    }
  }

  static func writtenDigest(_ row: Row) -> WrittenDigest {
    let headlines = (row["headlines"] as String?).flatMap {
      try? JSONDecoder().decode([String].self, from: Data($0.utf8))
    }
    return WrittenDigest(
      day: row["day"], format: row["format"], path: row["path"], relevantCount: row["itemCount"],
      totalCount: row["totalCount"] ?? 0, periodStart: row["periodStart"],
      periodEnd: row["periodEnd"], isPartial: row["partial"] ?? false, headlines: headlines ?? [],
      writtenAt: row["writtenAt"])
  }

  /// The newest digest written, if any.
  public func lastDigest() throws -> (day: String, path: String, writtenAt: Date)? {
    try pool.read { db in
      try DigestRecord.order(Column("writtenAt").desc).fetchOne(db).map {
        ($0.day, $0.path, $0.writtenAt)
      }
    }
  }

  /// The newest day that has a digest, `YYYY-MM-DD`.
  public func newestDigestDay() throws -> String? {
    try pool.read { db in try String.fetchOne(db, sql: "SELECT MAX(day) FROM digest") }
  }

  /// Counts for status output.
  public func counts() throws -> (feeds: Int, items: Int, relevant: Int) {
    try pool.read { db in
      let feeds = try FeedRecord.fetchCount(db)
      let items = try ItemRecord.fetchCount(db)
      let relevant =
        try Int.fetchOne(
          db, sql: "SELECT COUNT(*) FROM classification WHERE relevant") ?? 0
      return (feeds, items, relevant)
    }
  }

  static func storedItem(_ row: Row) -> StoredItem {
    let summary: String? = row["summary"]
    let content: String? = row["content"]
    let text = [content, summary].compactMap { $0 }.max { $0.count < $1.count } ?? ""
    let topics = (row["topics"] as String?)?.split(separator: ",").map {
      TopicID(rawValue: String($0))
    }
    let keyFacts = (row["keyFacts"] as String?).flatMap {
      try? JSONDecoder().decode([KeyFact].self, from: Data($0.utf8))
    }
    let evidence = (row["evidence"] as String?).flatMap {
      try? JSONDecoder().decode([Evidence].self, from: Data($0.utf8))
    }
    return StoredItem(
      id: row["id"], feedTitle: row["feedTitle"], feedURL: row["feedURL"], title: row["title"],
      url: row["url"], text: text, publishedAt: row["publishedAt"], firstSeenAt: row["firstSeenAt"],
      language: Language(rawValue: row["language"] ?? "other") ?? .other,
      relevant: row["relevant"] ?? false, score: row["score"] ?? 0,
      topics: (topics ?? []).sorted(), keyFacts: keyFacts ?? [], storyID: row["storyId"],
      primaryTopic: (row["primaryTopic"] as String?).map(TopicID.init(rawValue:)),
      evidence: evidence ?? [])
  }
}
