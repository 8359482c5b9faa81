import Foundation
import GRDB
import KazazModel

/// The store's schema, as an ordered list of migrations. A migration is never edited once it has
/// shipped: changes are new migrations appended here.
enum Migrations {
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1-initial") { db in
      try db.create(table: "feed") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("url", .text).notNull().unique()
        t.column("title", .text)
        t.column("addedAt", .datetime).notNull()
        t.column("etag", .text)
        t.column("lastModified", .text)
        t.column("lastStatus", .integer)
        t.column("lastCheckedAt", .datetime)
        t.column("lastSuccessAt", .datetime)
        t.column("consecutiveFailures", .integer).notNull().defaults(to: 0)
        t.column("lastErrorKind", .text)
        t.column("lastError", .text)
      }
      try db.create(table: "item") { t in
        t.autoIncrementedPrimaryKey("id")
        t.belongsTo("feed", onDelete: .cascade).notNull()
        t.column("guid", .text).notNull()
        t.column("url", .text)
        t.column("canonicalURL", .text).indexed()
        t.column("title", .text)
        t.column("summary", .text)
        t.column("content", .text)
        t.column("author", .text)
        t.column("publishedAt", .datetime)
        t.column("updatedAt", .datetime)
        t.column("firstSeenAt", .datetime).notNull().indexed()
        t.uniqueKey(["feedId", "guid"])
      }
      try db.create(table: "classification") { t in
        t.primaryKey("itemId", .integer).references("item", onDelete: .cascade)
        t.column("relevant", .boolean).notNull()
        t.column("score", .double).notNull()
        t.column("language", .text).notNull()
        t.column("evidence", .text).notNull()
        t.column("profileVersion", .text).notNull()
        t.column("classifiedAt", .datetime).notNull()
      }
      try db.create(table: "itemTopic") { t in
        t.belongsTo("item", onDelete: .cascade).notNull()
        t.column("topic", .text).notNull()
        t.column("score", .double).notNull().defaults(to: 0)
        t.primaryKey(["itemId", "topic"])
      }
      try db.create(table: "digest") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("day", .text).notNull()
        t.column("format", .text).notNull()
        t.column("path", .text).notNull()
        t.column("itemCount", .integer).notNull()
        t.column("writtenAt", .datetime).notNull()
        t.uniqueKey(["day", "format"])
      }
    }
    migrator.registerMigration("v2-feed-schedule") { db in
      try db.alter(table: "feed") { t in
        t.add(column: "currentURL", .text)
        t.add(column: "nextCheckAt", .datetime)
        t.add(column: "disabledReason", .text)
        t.add(column: "unchangedPolls", .integer).notNull().defaults(to: 0)
      }
      try db.create(index: "feed_nextCheckAt", on: "feed", columns: ["nextCheckAt"])
    }
    // Key facts (money, percentages, people, institutions) as JSON, for digests.
    migrator.registerMigration("v3-key-facts") { db in
      try db.alter(table: "classification") { t in
        t.add(column: "keyFacts", .text).notNull().defaults(to: "[]")
      }
    }
    migrator.registerMigration("v4-stories-search") { db in
      // A story is named by its lead (earliest) item: `storyId` is that item's id, on the lead
      // too once a second item joins; NULL means the item is a story of its own.
      try db.alter(table: "item") { t in
        t.add(column: "storyId", .integer).references("item", onDelete: .setNull)
        t.add(column: "fingerprint", .integer)
        t.add(column: "pruned", .boolean).notNull().defaults(to: false)
        // The four 16-bit bands of the SimHash: an exact match on any band finds the candidates
        // for a near-duplicate check.
        for band in 0..<4 { t.add(column: "band\(band)", .integer) }
      }
      try db.create(
        index: "item_storyId", on: "item", columns: ["storyId"], condition: Column("storyId") != nil
      )
      for band in 0..<4 {
        try db.create(
          index: "item_band\(band)", on: "item", columns: ["band\(band)"],
          condition: Column("band\(band)") != nil)
      }
      try db.create(table: "itemFigure") { t in
        t.belongsTo("item", onDelete: .cascade).notNull()
        t.column("figure", .text).notNull()
        t.primaryKey(["itemId", "figure"])
      }
      try db.create(index: "itemFigure_figure", on: "itemFigure", columns: ["figure"])
      // Full-text search over normalised text (the pipeline folds case, ё and diacritics the
      // way the classifier does); rowid = item id.
      try db.execute(
        sql: """
          CREATE VIRTUAL TABLE itemSearch USING fts5(
            text, tokenize = 'unicode61 remove_diacritics 2', detail = 'none')
          """)
      try db.execute(
        sql: """
          CREATE TRIGGER item_search_delete AFTER DELETE ON item BEGIN
            DELETE FROM itemSearch WHERE rowid = old.id;
          END
          """)
    }
    migrator.registerMigration("v5-digest-delivery") { db in
      // What each digest covered, so catch-up knows which days are complete and the Atom feed
      // of digests can be rebuilt without re-reading items; and the deliveries still to retry.
      try db.alter(table: "digest") { t in
        t.add(column: "periodStart", .datetime)
        t.add(column: "periodEnd", .datetime)
        t.add(column: "partial", .boolean).notNull().defaults(to: false)
        t.add(column: "totalCount", .integer).notNull().defaults(to: 0)
        t.add(column: "headlines", .text).notNull().defaults(to: "[]")
      }
      try db.create(table: "digestDelivery") { t in
        t.primaryKey("day", .text)
        t.column("paths", .text).notNull()
        t.column("attempts", .integer).notNull().defaults(to: 0)
        t.column("lastError", .text)
        t.column("lastAttemptAt", .datetime)
        t.column("createdAt", .datetime).notNull()
      }
    }
    migrator.registerMigration("v6-lean-writes") { db in
      // The unique (feedId, guid) index starts with feedId: it serves lookups by feed and the
      // cascade from feed, so a separate feedId index only cost a write per item.
      try db.drop(index: "item_on_feedId")
      // The search index without its own copy of the text (a third of the file) or per-row
      // sizes (only ranking reads them, and search ranks by recency). A contentless FTS5 table
      // cannot delete rows, so the entries of pruned items stay in the index and search skips
      // them through `item.pruned`; item ids are never reused (AUTOINCREMENT), so a stale entry
      // never names another item.
      try db.execute(sql: "DROP TRIGGER item_search_delete")
      try db.execute(
        sql: """
          CREATE VIRTUAL TABLE itemSearchLean USING fts5(
            text, tokenize = 'unicode61 remove_diacritics 2', detail = 'none', content = '',
            columnsize = 0)
          """)
      try db.execute(
        sql: "INSERT INTO itemSearchLean (rowid, text) SELECT rowid, text FROM itemSearch")
      try db.execute(sql: "DROP TABLE itemSearch")
      try db.execute(sql: "ALTER TABLE itemSearchLean RENAME TO itemSearch")
      // One index segment per poll rather than per megabyte of pending entries, and merges
      // of 8 segments rather than 4: fewer rewrites of the index as it grows.
      try db.execute(
        sql: "INSERT INTO itemSearch (itemSearch, rank) VALUES ('hashsize', \(8 << 20))")
      try db.execute(sql: "INSERT INTO itemSearch (itemSearch, rank) VALUES ('automerge', 8)")
      // The indexed words, in byte order: search expands a prefix into the words it starts.
      try db.execute(
        sql: "CREATE VIRTUAL TABLE itemSearchTerms USING fts5vocab(itemSearch, row)")
    }
    migrator.registerMigration("v7-crash-quarantine") { db in
      // Polls of the feed that a process died in the middle of, in a row (reset by any poll
      // that commits), and, while the feed is quarantined for it, the fingerprint of its config
      // entry then: a changed entry lifts the quarantine.
      try db.alter(table: "feed") { t in
        t.add(column: "interruptedPolls", .integer).notNull().defaults(to: 0)
        t.add(column: "quarantineSettings", .text)
      }
    }
    migrator.registerMigration("v8-primary-topic") { db in
      // The topic each story is filed under in digests. Items classified before it existed get
      // their highest-scoring stored topic; equal scores go to the topic digests list first
      // (the contract's order, spelled out here because a migration never changes).
      try db.alter(table: "classification") { t in t.add(column: "primaryTopic", .text) }
      let order = [
        "politics-diplomacy", "trade-economy", "investment-finance", "energy",
        "transport-logistics", "digital-telecom", "culture-humanitarian", "education-science",
        "media-information", "youth-sports", "religion", "regional-integration", "reconstruction",
        "agriculture", "security-defense",
      ].enumerated().map { "WHEN '\($0.element)' THEN \($0.offset)" }.joined(separator: " ")
      try db.execute(
        sql: """
          UPDATE classification SET primaryTopic = (
            SELECT topic FROM itemTopic WHERE itemTopic.itemId = classification.itemId
            ORDER BY score DESC, CASE topic \(order) ELSE 99 END, topic LIMIT 1)
          """)
    }
    migrator.registerMigration("v9-event-figures") { db in
      // The figures that join one event's reports across languages now come from the stored
      // key facts (amounts with their currency, percentages, volumes) instead of bare numbers
      // found in the text: the index is rebuilt from them.
      try db.execute(sql: "DELETE FROM itemFigure")
      let rows = try Row.fetchCursor(
        db, sql: "SELECT itemId, keyFacts FROM classification WHERE relevant")
      let insert = try db.makeStatement(
        sql: "INSERT OR IGNORE INTO itemFigure (itemId, figure) VALUES (?, ?)")
      while let row = try rows.next() {
        let stored: String = row["keyFacts"] ?? "[]"
        guard let facts = try? JSONDecoder().decode([KeyFact].self, from: Data(stored.utf8))
        else { continue }
        for figure in EventFigures.keys(of: facts) {
          try insert.execute(arguments: [row["itemId"] as Int64, figure])
        }
      }
    }
    migrator.registerMigration("v10-search-normalization") { db in
      // Facts about the store as a whole. `searchNormalization`: the version of the text
      // normalisation the search index was built with (every index so far: version 1).
      try db.create(table: "storeInfo") { t in
        t.primaryKey("key", .text)
        t.column("value", .text).notNull()
      }
      try db.execute(sql: "INSERT INTO storeInfo (key, value) VALUES ('searchNormalization', '1')")
    }
    migrator.registerMigration("v11-weekly-reports") { db in
      // The weekly reports written, one row per week and format, with the same columns as
      // `digest` (`day` holds the ISO week, `2026-W48`): catch-up after downtime knows which
      // weeks are done, and the Atom feed lists them beside the daily digests.
      try db.create(table: "weeklyReport") { t in
        t.column("day", .text).notNull()
        t.column("format", .text).notNull()
        t.column("path", .text).notNull()
        t.column("itemCount", .integer).notNull()
        t.column("totalCount", .integer).notNull()
        t.column("periodStart", .datetime).notNull()
        t.column("periodEnd", .datetime).notNull()
        t.column("partial", .boolean).notNull().defaults(to: false)
        t.column("headlines", .text).notNull().defaults(to: "[]")
        t.column("writtenAt", .datetime).notNull()
        t.primaryKey(["day", "format"])
      }
    }
    migrator.registerMigration("v12-mail-delivery") { db in
      // Each report (a digest, say) mailed to each recipient: once, across restarts and
      // rewrites of the report. An attempt is recorded (state `sending`, the process that
      // claimed it) before the message goes out, so a process killed mid-delivery leaves a row
      // the next process sends again: at most one duplicate, never a lost message.
      try db.create(table: "mailDelivery") { t in
        t.column("report", .text).notNull()
        t.column("recipient", .text).notNull()
        t.column("subject", .text).notNull()
        t.column("markdownPath", .text)
        t.column("htmlPath", .text)
        t.column("state", .text).notNull()
        t.column("attempts", .integer).notNull().defaults(to: 0)
        t.column("lastError", .text)
        t.column("lastAttemptAt", .datetime)
        t.column("nextAttemptAt", .datetime)
        t.column("sentAt", .datetime)
        t.column("claimedBy", .integer)
        t.column("createdAt", .datetime).notNull()
        t.primaryKey(["report", "recipient"])
      }
      try db.create(index: "mailDelivery_state", on: "mailDelivery", columns: ["state"])
    }
    return migrator
  }
}
