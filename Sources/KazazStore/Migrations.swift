import GRDB

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
    // Key facts (money, percentages, people, institutions) as JSON, for digests.
    migrator.registerMigration("v2-key-facts") { db in
      try db.alter(table: "classification") { t in
        t.add(column: "keyFacts", .text).notNull().defaults(to: "[]")
      }
    }
    return migrator
  }
}
