import Foundation
import GRDB

@testable import KazazStore

/// A store file as an earlier version left it: migrated only up to `migration`, with one feed,
/// for the tests of the migrations that follow.
enum OldStore {
  static func make(at path: String, upTo migration: String, now: Date) throws -> DatabaseQueue {
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    let queue = try DatabaseQueue(path: path)
    var migrator = Migrations.migrator
    migrator.eraseDatabaseOnSchemaChange = false
    try migrator.migrate(queue, upTo: migration)
    try queue.write { db in
      try db.execute(
        sql: "INSERT INTO feed (url, addedAt, consecutiveFailures) VALUES ('https://a.kz', ?, 0)",
        arguments: [now])
    }
    return queue
  }
}
