import Foundation
import GRDB
import KazazText

extension Store {
  /// The search index and the text normalisation it was built with (`TextNormalizer.version`,
  /// recorded in `storeInfo`). Queries are normalised by the running program, so an index built
  /// by another version of the normalisation would miss words: opening the store for writing
  /// rebuilds it first. Items are read in batches, one transaction each; the version is recorded
  /// only once every item is indexed again, so an interrupted rebuild starts over at the next
  /// open. Pruned items (text removed by retention) are not indexed again.
  ///
  /// - Returns: the number of items indexed again, or nil when the index was current.
  @discardableResult
  func rebuildSearchIndexIfStale(batchSize: Int = 2_000) throws -> Int? {
    let stored = try pool.read { db in
      try String.fetchOne(
        db, sql: "SELECT value FROM storeInfo WHERE key = 'searchNormalization'")
    }
    guard stored != String(TextNormalizer.version) else { return nil }
    try pool.write { db in
      try db.execute(sql: "INSERT INTO itemSearch (itemSearch) VALUES ('delete-all')")
    }
    var indexed = 0
    var after: Int64 = 0
    while true {
      let rows = try pool.read { db in
        try Row.fetchAll(
          db,
          sql: """
            SELECT id, title, summary, content FROM item
            WHERE id > ? AND NOT pruned ORDER BY id LIMIT ?
            """, arguments: [after, batchSize])
      }
      guard let last = rows.last else { break }
      after = last["id"]
      let entries = rows.map { row -> (Int64, String) in
        let summary: String = row["summary"] ?? ""
        let content: String = row["content"] ?? ""
        let body = content.count >= summary.count ? content : summary
        let text =
          TextNormalizer.normalize(row["title"] ?? "") + "\n" + TextNormalizer.normalize(body)
        return (row["id"], SearchText.distinctWords(text))
      }
      try pool.write { db in
        let insert = try db.cachedStatement(
          sql: "INSERT INTO itemSearch (rowid, text) VALUES (?, ?)")
        for (id, text) in entries where !text.isEmpty {
          try insert.execute(arguments: [id, text])
        }
      }
      indexed += entries.count
    }
    try pool.write { db in
      try db.execute(
        sql: """
          INSERT INTO storeInfo (key, value) VALUES ('searchNormalization', ?)
          ON CONFLICT(key) DO UPDATE SET value = excluded.value
          """, arguments: [String(TextNormalizer.version)])
    }
    return indexed
  }
}
