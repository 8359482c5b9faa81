import Foundation
import GRDB
import KazazModel

/// A stored item as the classifier needs it: its headline and text.
public struct ItemText: Sendable, Equatable {
  public var id: Int64
  public var title: String
  /// The longer of the item's content and summary: what the pipeline classified.
  public var text: String
  /// The profile version of its current classification, nil when it has none.
  public var profileVersion: String?
  /// Its current relevance verdict, nil when it has no classification.
  public var relevant: Bool?

  public init(
    id: Int64, title: String, text: String, profileVersion: String?, relevant: Bool? = nil
  ) {
    self.id = id
    self.title = title
    self.text = text
    self.profileVersion = profileVersion
    self.relevant = relevant
  }
}

extension Store {
  /// Items to reclassify, in id order after `afterID`, at most `limit`: those whose
  /// classification was made by a profile version other than `version` (or is missing), or every
  /// item when `all` is true. Page through with the last id returned.
  public func itemsToReclassify(
    version: String, all: Bool = false, afterID: Int64 = 0, limit: Int = 500
  ) throws -> [ItemText] {
    try pool.read { db in
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT item.id, item.title, item.summary, item.content, classification.profileVersion,
                 classification.relevant
          FROM item
          LEFT JOIN classification ON classification.itemId = item.id
          WHERE item.id > ?
            AND (? OR classification.profileVersion IS NULL OR classification.profileVersion != ?)
          ORDER BY item.id
          LIMIT ?
          """, arguments: [afterID, all, version, limit])
      return rows.map { row in
        let summary: String? = row["summary"]
        let content: String? = row["content"]
        let text = [content, summary].compactMap { $0 }.max { $0.count < $1.count } ?? ""
        return ItemText(
          id: row["id"], title: row["title"] ?? "", text: text,
          profileVersion: row["profileVersion"], relevant: row["relevant"])
      }
    }
  }

  /// Replaces the classifications (and topic rows) of the given items in one transaction.
  public func replaceClassifications(
    _ results: [(itemID: Int64, classification: Classification)], at now: Date = Date()
  ) throws {
    let stamp = now.databaseValue
    try pool.write { db in
      for (itemID, classification) in results {
        try Self.save(classification, itemID: itemID, stamp: stamp, db: db)
      }
    }
  }

  /// How many items have a classification from a profile version other than `version`, or none.
  public func staleClassificationCount(version: String) throws -> Int {
    try pool.read { db in
      try Int.fetchOne(
        db,
        sql: """
          SELECT COUNT(*) FROM item LEFT JOIN classification ON classification.itemId = item.id
          WHERE classification.profileVersion IS NULL OR classification.profileVersion != ?
          """, arguments: [version]) ?? 0
    }
  }
}

extension Store {
  /// Every classified item's relevance verdict, by item id.
  public func relevanceByItem() throws -> [Int64: Bool] {
    try pool.read { db in
      let rows = try Row.fetchAll(db, sql: "SELECT itemId, relevant FROM classification")
      return Dictionary(uniqueKeysWithValues: rows.map { ($0["itemId"], $0["relevant"]) })
    }
  }
}
