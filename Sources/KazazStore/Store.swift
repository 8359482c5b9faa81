import Foundation
import GRDB
import KazazModel

/// The local SQLite store: feeds, items, classifications, digests.
///
/// WAL mode through GRDB's `DatabasePool`: the daemon writes while the CLI reads. Foreign keys
/// on, a busy timeout for the rare moment two writers meet, `synchronous=NORMAL` (safe in WAL:
/// a crash may lose the last transaction, never corrupt the file). Each feed's poll result is
/// one transaction, so an interruption leaves all of it or none of it.
public struct Store: Sendable {
  let pool: DatabasePool
  public let path: String

  /// Opens (creating if needed) and migrates the store at `path`.
  public static func open(path: String) throws -> Store {
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    configuration.busyMode = .timeout(10)
    configuration.prepareDatabase { db in
      try db.execute(sql: "PRAGMA synchronous = NORMAL")
      // 16 MiB of page cache (the default is 2 MiB): inserts touch several indexes and the
      // search index, and a cold cycle inserts tens of thousands of rows.
      try db.execute(sql: "PRAGMA cache_size = -16384")
    }
    let pool: DatabasePool
    do {
      try FileManager.default.createDirectory(
        at: URL(fileURLWithPath: path).deletingLastPathComponent(),
        withIntermediateDirectories: true)
      pool = try DatabasePool(path: path, configuration: configuration)
    } catch {
      throw StoreError.cannotOpen(path: path, reason: "\(error)")
    }
    let migrator = Migrations.migrator
    if try pool.read({ try migrator.hasBeenSuperseded($0) }) {
      throw StoreError.newerSchema(path: path)
    }
    try migrator.migrate(pool)
    return Store(pool: pool, path: path)
  }

  /// Runs SQLite's own consistency check; returns "ok" when the file is sound.
  public func integrityCheck() throws -> String {
    try pool.read { db in
      try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "\n")
    }
  }
}
