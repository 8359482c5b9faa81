import Foundation
import GRDB
import KazazModel

/// Grouping of items into stories: the same text republished by other outlets (near-duplicate
/// SimHash), and reports of the same event in another language (same days, same distinctive
/// figures among the classifier's key facts: `EventFigures`).
///
/// A story is named by its lead, the earliest item: members carry the lead's id in `storyId`
/// (the lead too, once it has company); an item with no `storyId` is a story of its own.
extension Store {
  /// How far back a new item looks for the story it belongs to.
  static let storyWindow: TimeInterval = 7 * 86_400
  /// Reports in different languages are linked when first seen this close together…
  static let eventWindow: TimeInterval = 3 * 86_400
  /// …and they share at least this many distinctive figures.
  static let sharedFiguresForEvent = 2

  /// The story a new item joins, or nil when it starts its own. Marks the lead of a story that
  /// gains its first companion.
  func story(for incoming: IncomingItem, at now: Date, db: Database) throws -> Int64? {
    guard
      let (candidate, candidateStory) = try nearDuplicate(of: incoming, at: now, db: db)
        ?? sameEvent(as: incoming, at: now, db: db)
    else { return nil }
    if let candidateStory { return candidateStory }
    try db.execute(sql: "UPDATE item SET storyId = id WHERE id = ?", arguments: [candidate])
    return candidate
  }

  /// Indexes the distinctive figures of a relevant item's key facts (`EventFigures`), for the
  /// join of one event's reports in several languages. Irrelevant items are never joined, so
  /// they are not indexed.
  static func indexFigures(itemID: Int64, classification: Classification, db: Database) throws {
    guard classification.relevant else { return }
    let figures = EventFigures.keys(of: classification.keyFacts)
    guard !figures.isEmpty else { return }
    let insertFigure = try db.cachedStatement(
      sql: "INSERT OR IGNORE INTO itemFigure (itemId, figure) VALUES (?, ?)")
    for figure in figures { try insertFigure.execute(arguments: [itemID, figure]) }
  }

  /// Replaces an item's indexed figures after it was classified again.
  static func reindexFigures(itemID: Int64, classification: Classification, db: Database) throws {
    let clear = try db.cachedStatement(sql: "DELETE FROM itemFigure WHERE itemId = ?")
    try clear.execute(arguments: [itemID])
    try indexFigures(itemID: itemID, classification: classification, db: db)
  }

  /// The closest recent item whose SimHash is within `SimHash.sameTextDistance` bits.
  private func nearDuplicate(of incoming: IncomingItem, at now: Date, db: Database) throws
    -> (Int64, Int64?)?
  {
    guard let fingerprint = incoming.fingerprint else { return nil }
    let bands = SimHash.bands(fingerprint)
    let candidates = try db.cachedStatement(
      sql: """
        SELECT id, storyId, fingerprint FROM item
        WHERE (band0 = ? OR band1 = ? OR band2 = ? OR band3 = ?) AND firstSeenAt >= ?
        """)
    var best: (item: Int64, story: Int64?, distance: Int)?
    let rows = try Row.fetchCursor(
      candidates,
      arguments: [
        bands[0], bands[1], bands[2], bands[3],
        StoredDate.databaseValue(now.addingTimeInterval(-Self.storyWindow)),
      ])
    while let row = try rows.next() {
      let other = UInt64(bitPattern: row["fingerprint"] as Int64)
      let distance = SimHash.distance(fingerprint, other)
      if distance <= SimHash.sameTextDistance, distance < (best?.distance ?? Int.max) {
        best = (row["id"], row["storyId"], distance)
      }
    }
    return best.map { ($0.item, $0.story) }
  }

  /// A relevant report sharing distinctive figures with a relevant item in another language,
  /// first seen within days of it, is about the same event.
  private func sameEvent(as incoming: IncomingItem, at now: Date, db: Database) throws
    -> (Int64, Int64?)?
  {
    let figures = EventFigures.keys(of: incoming.classification.keyFacts)
    guard incoming.classification.relevant, figures.count >= Self.sharedFiguresForEvent
    else { return nil }
    let placeholders = Array(repeating: "?", count: figures.count).joined(separator: ",")
    var arguments: [any DatabaseValueConvertible] = figures
    arguments += [
      StoredDate.databaseValue(now.addingTimeInterval(-Self.eventWindow)),
      incoming.classification.language.rawValue,
      Self.sharedFiguresForEvent,
    ]
    // Cached per number of figures: preparing this join costs more than running it.
    let statement = try db.cachedStatement(
      sql: """
        SELECT item.id, item.storyId FROM itemFigure
        JOIN item ON item.id = itemFigure.itemId
        JOIN classification ON classification.itemId = item.id
        WHERE itemFigure.figure IN (\(placeholders)) AND item.firstSeenAt >= ?
          AND classification.relevant AND classification.language != ?
        GROUP BY item.id HAVING COUNT(*) >= ?
        ORDER BY COUNT(*) DESC, item.firstSeenAt LIMIT 1
        """)
    let row = try Row.fetchOne(statement, arguments: StatementArguments(arguments))
    return row.map { ($0["id"], $0["storyId"]) }
  }

  /// For each given item that shares its story with others: those others, earliest first.
  public func alsoReportedBy(itemIDs: [Int64]) throws -> [Int64: [StoredItem]] {
    guard !itemIDs.isEmpty else { return [:] }
    return try pool.read { db in
      var result: [Int64: [StoredItem]] = [:]
      for itemID in itemIDs {
        let rows = try Row.fetchAll(
          db,
          sql: """
            SELECT other.id, other.storyId, other.title, other.url, other.summary, other.content,
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
