import Foundation
import GRDB
import KazazModel

/// Grouping of items into stories: the same text republished by other outlets (near-duplicate
/// SimHash), and reports of the same event in another language (same days, same figures).
extension Store {
  /// How far back a new item looks for the story it belongs to.
  static let storyWindow: TimeInterval = 7 * 86_400
  /// Reports in different languages are linked when first seen this close together…
  static let eventWindow: TimeInterval = 3 * 86_400
  /// …and they share at least this many distinctive figures.
  static let sharedFiguresForEvent = 2

  /// Puts a just-inserted item into a story — an existing one when a near-duplicate or a report
  /// of the same event is found, else a new story led by this item — and indexes it for the
  /// next ones. Returns the story id.
  @discardableResult
  func assignStory(itemID: Int64, incoming: IncomingItem, at now: Date, db: Database) throws
    -> Int64
  {
    let storyID =
      try nearDuplicateStory(of: incoming, excluding: itemID, at: now, db: db)
      ?? sameEventStory(of: incoming, excluding: itemID, at: now, db: db)
      ?? newStory(leadItemID: itemID, at: now, db: db)
    try db.execute(sql: "UPDATE item SET storyId = ? WHERE id = ?", arguments: [storyID, itemID])
    if let fingerprint = incoming.fingerprint {
      let insertBand = try db.cachedStatement(
        sql: "INSERT INTO itemBand (itemId, band, value) VALUES (?, ?, ?)")
      for (band, value) in SimHash.bands(fingerprint).enumerated() {
        try insertBand.execute(arguments: [itemID, band, value])
      }
    }
    let insertFigure = try db.cachedStatement(
      sql: "INSERT OR IGNORE INTO itemFigure (itemId, figure) VALUES (?, ?)")
    for figure in incoming.figures { try insertFigure.execute(arguments: [itemID, figure]) }
    return storyID
  }

  private func nearDuplicateStory(
    of incoming: IncomingItem, excluding itemID: Int64, at now: Date, db: Database
  ) throws -> Int64? {
    guard let fingerprint = incoming.fingerprint else { return nil }
    let candidates = try db.cachedStatement(
      sql: """
        SELECT item.storyId, item.fingerprint FROM itemBand
        JOIN item ON item.id = itemBand.itemId
        WHERE itemBand.band = ? AND itemBand.value = ? AND item.firstSeenAt >= ?
          AND item.id != ? AND item.storyId IS NOT NULL
        """)
    var best: (story: Int64, distance: Int)?
    let since = now.addingTimeInterval(-Self.storyWindow)
    for (band, value) in SimHash.bands(fingerprint).enumerated() {
      let rows = try Row.fetchAll(candidates, arguments: [band, value, since, itemID])
      for row in rows {
        let other = UInt64(bitPattern: row["fingerprint"] as Int64)
        let distance = SimHash.distance(fingerprint, other)
        if distance <= SimHash.sameTextDistance, distance < (best?.distance ?? Int.max) {
          best = (row["storyId"], distance)
        }
      }
    }
    return best?.story
  }

  /// A relevant report sharing distinctive figures with a relevant item in another language,
  /// first seen within days of it, is about the same event.
  private func sameEventStory(
    of incoming: IncomingItem, excluding itemID: Int64, at now: Date, db: Database
  ) throws -> Int64? {
    guard incoming.classification.relevant, incoming.figures.count >= Self.sharedFiguresForEvent
    else { return nil }
    let placeholders = Array(repeating: "?", count: incoming.figures.count).joined(separator: ",")
    var arguments: [any DatabaseValueConvertible] = incoming.figures
    arguments += [
      now.addingTimeInterval(-Self.eventWindow), itemID,
      incoming.classification.language.rawValue, Self.sharedFiguresForEvent,
    ]
    return try Int64.fetchOne(
      db,
      sql: """
        SELECT item.storyId FROM itemFigure
        JOIN item ON item.id = itemFigure.itemId
        JOIN classification ON classification.itemId = item.id
        WHERE itemFigure.figure IN (\(placeholders)) AND item.firstSeenAt >= ? AND item.id != ?
          AND classification.relevant AND classification.language != ?
          AND item.storyId IS NOT NULL
        GROUP BY item.id HAVING COUNT(*) >= ?
        ORDER BY COUNT(*) DESC, item.firstSeenAt LIMIT 1
        """, arguments: StatementArguments(arguments))
  }

  private func newStory(leadItemID: Int64, at now: Date, db: Database) throws -> Int64 {
    try db.execute(
      sql: "INSERT INTO story (leadItemId, firstSeenAt) VALUES (?, ?)",
      arguments: [leadItemID, now])
    return db.lastInsertedRowID
  }

  /// For each story that has several items: its items other than `itemID`, as sources
  /// (feed title or URL, and the item's link), earliest first. Keys are the given item ids.
  public func alsoReportedBy(itemIDs: [Int64]) throws -> [Int64: [StoredItem]] {
    guard !itemIDs.isEmpty else { return [:] }
    return try pool.read { db in
      var result: [Int64: [StoredItem]] = [:]
      for itemID in itemIDs {
        let rows = try Row.fetchAll(
          db,
          sql: """
            SELECT other.id, other.title, other.url, other.summary, other.content,
                   other.publishedAt, other.firstSeenAt, feed.url AS feedURL,
                   feed.title AS feedTitle, classification.relevant, classification.score,
                   classification.language, NULL AS topics
            FROM item AS this
            JOIN item AS other ON other.storyId = this.storyId AND other.id != this.id
            JOIN feed ON feed.id = other.feedId
            LEFT JOIN classification ON classification.itemId = other.id
            WHERE this.id = ?
            ORDER BY other.firstSeenAt, other.id
            """, arguments: [itemID])
        if !rows.isEmpty { result[itemID] = rows.map(Self.storedItem) }
      }
      return result
    }
  }
}
