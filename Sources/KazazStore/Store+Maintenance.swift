import Foundation
import GRDB
import KazazModel

/// What a retention pass did.
public struct PruneReport: Sendable, Equatable {
  public var prunedItems: Int
  public var vacuumed: Bool
}

extension Store {
  /// Retention: irrelevant items first seen before `cutoff` lose their text and fingerprints, and
  /// search no longer finds them (the contentless search index keeps their entries, which
  /// search skips). Their identity (feed, guid, canonical URL, dates) stays, so a feed that still
  /// carries them does not bring them back as new. Relevant items are kept whole.
  /// The file is compacted when more than a fifth of it is free pages.
  public func pruneIrrelevant(before cutoff: Date) throws -> PruneReport {
    let pruned = try pool.write { db -> Int in
      let ids = try Int64.fetchAll(
        db,
        sql: """
          SELECT item.id FROM item JOIN classification ON classification.itemId = item.id
          WHERE NOT classification.relevant AND NOT item.pruned AND item.firstSeenAt < ?
          """, arguments: [cutoff])
      for chunk in stride(from: 0, to: ids.count, by: 500) {
        let slice = Array(ids[chunk..<min(chunk + 500, ids.count)])
        let list = slice.map(String.init).joined(separator: ",")
        try db.execute(sql: "DELETE FROM itemFigure WHERE itemId IN (\(list))")
        try db.execute(
          sql: """
            UPDATE item SET summary = NULL, content = NULL, pruned = 1,
              band0 = NULL, band1 = NULL, band2 = NULL, band3 = NULL
            WHERE id IN (\(list))
            """)
      }
      return ids.count
    }
    let (free, total) = try pool.read { db in
      (
        try Int.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0,
        try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 1
      )
    }
    let vacuum = total > 0 && Double(free) / Double(total) > 0.2
    if vacuum { try pool.vacuum() }
    return PruneReport(prunedItems: pruned, vacuumed: vacuum)
  }

  /// Writes a consistent, compacted copy of the store to `path` while it is in use (SQLite's
  /// `VACUUM INTO` reads one snapshot). Refuses to overwrite an existing file.
  public func backup(to path: String) throws {
    guard !FileManager.default.fileExists(atPath: path) else {
      throw StoreError.cannotOpen(path: path, reason: "the backup file already exists")
    }
    // VACUUM cannot run inside a transaction; outside one it still reads a single snapshot.
    try pool.writeWithoutTransaction { db in
      try db.execute(sql: "VACUUM INTO ?", arguments: [path])
    }
  }
}
