import Foundation
import GRDB
import KazazModel

extension Store {
  /// Items first seen in `[start, end)`, with their feed and classification, newest first.
  public func items(firstSeenFrom start: Date, to end: Date) throws -> [StoredItem] {
    try pool.read { db in
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT item.id, item.title, item.url, item.summary, item.content, item.publishedAt,
                 item.firstSeenAt, feed.url AS feedURL, feed.title AS feedTitle,
                 classification.relevant, classification.score, classification.language,
                 classification.keyFacts,
                 (SELECT group_concat(topic, ',') FROM itemTopic WHERE itemTopic.itemId = item.id)
                   AS topics
          FROM item
          JOIN feed ON feed.id = item.feedId
          LEFT JOIN classification ON classification.itemId = item.id
          WHERE item.firstSeenAt >= ? AND item.firstSeenAt < ?
          ORDER BY classification.score DESC, item.firstSeenAt, item.id
          """, arguments: [start, end])
      return rows.map(Self.storedItem)
    }
  }

  /// Notes that a digest file was written (replacing an earlier record for the same day and
  /// format).
  public func recordDigest(day: String, format: String, path: String, itemCount: Int, at: Date)
    throws
  {
    try pool.write { db in
      try DigestRecord(day: day, format: format, path: path, itemCount: itemCount, writtenAt: at)
        .upsert(db)
    }
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
    return StoredItem(
      id: row["id"], feedTitle: row["feedTitle"], feedURL: row["feedURL"], title: row["title"],
      url: row["url"], text: text, publishedAt: row["publishedAt"], firstSeenAt: row["firstSeenAt"],
      language: Language(rawValue: row["language"] ?? "other") ?? .other,
      relevant: row["relevant"] ?? false, score: row["score"] ?? 0,
      topics: (topics ?? []).sorted(), keyFacts: keyFacts ?? [])
  }
}
