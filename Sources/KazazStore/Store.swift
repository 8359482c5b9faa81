import Foundation
import GRDB
import KazazModel

/// The local SQLite store: feeds, items, classifications, digests.
///
/// WAL mode through GRDB's `DatabasePool`: the daemon writes while the CLI reads. Foreign keys
/// on, a busy timeout for the rare moment two writers meet. Each feed's poll result is one
/// transaction, so an interruption leaves all of it or none of it.
///
/// Durability: `synchronous=NORMAL`, so a commit writes the log without waiting for the disk,
/// which is synced at each checkpoint. A killed process (SIGKILL, a crash) loses nothing it
/// committed: the log is in the operating system's hands. A power cut or kernel crash may lose
/// the polls committed since the last checkpoint (at most about 40 MiB of log), never corrupt
/// the file; those items come back as new on the next poll of their feeds.
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
      // Debian builds SQLite with secure delete on: every freed page and cell is overwritten
      // with zeros. The search index frees whole segments at each merge, so that doubles its
      // writes (measured: full-text indexing a third slower). The store holds published news,
      // nothing that must be scrubbed from free pages.
      try db.execute(sql: "PRAGMA secure_delete = OFF")
      // Page cache: 4 MiB for the writer, SQLite's default 2 MiB for each reader. Measured: a
      // cold cycle of 1,000 feeds (30,000 inserts) and the million-item store benchmark run as
      // fast with 4 MiB as with 16 MiB, and the daemon's peak memory is 12 MiB lower.
      let kibibytes = db.configuration.readonly ? 2048 : 4096
      try db.execute(sql: "PRAGMA cache_size = -\(kibibytes)")
      // Checkpoint every 40 MiB of log rather than every 4 MiB: a cold cycle's commits rewrite
      // the same index pages, and each checkpoint copies a page once however often it changed.
      // The log file is cut back to 64 MiB after a checkpoint.
      try db.execute(sql: "PRAGMA wal_autocheckpoint = 10000")
      try db.execute(sql: "PRAGMA journal_size_limit = \(64 << 20)")
    }
    let pool: DatabasePool
    do {
      try FileManager.default.createDirectory(
        at: URL(fileURLWithPath: path).deletingLastPathComponent(),
        withIntermediateDirectories: true)
      // SQLite would open a file it may not write read-only, without a word, and fail at the
      // first write: say so now.
      let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
      if FileManager.default.fileExists(atPath: path),
        access(path, W_OK) != 0 || access(folder, W_OK) != 0
      {
        throw StoreError.cannotOpen(
          path: path,
          reason: """
            this user may read it but not write it (search, status and backup read it; a \
            running daemon writes a digest on `digest --now`; other changes need the \
            service's user)
            """)
      }
      pool = try DatabasePool(path: path, configuration: configuration)
    } catch let error as StoreError {
      throw error
    } catch {
      throw StoreError.cannotOpen(path: path, reason: "\(error)")
    }
    let migrator = Migrations.migrator
    if try pool.read({ try migrator.hasBeenSuperseded($0) }) {
      throw StoreError.newerSchema(path: path)
    }
    try migrator.migrate(pool)
    let store = Store(pool: pool, path: path)
    try store.rebuildSearchIndexIfStale()
    return store
  }

  /// Opens the store at `path` for reading only, for someone who may read the file but not
  /// write it (an operator in the service's group): search, status, feed health. Never creates,
  /// migrates or writes anything.
  ///
  /// While the daemon runs, its WAL index lets readers in. When nothing has the store open,
  /// SQLite would have to create that index file, which a reader without write access to the
  /// folder cannot: the file is then read as immutable (a short query over a file no one writes;
  /// a daemon starting meanwhile may make that query fail, never the file).
  public static func openReadOnly(path: String) throws -> Store {
    guard FileManager.default.fileExists(atPath: path) else {
      throw StoreError.cannotOpen(
        path: path, reason: "no store yet (the daemon or `run --once` creates it)")
    }
    var configuration = Configuration()
    configuration.readonly = true
    configuration.busyMode = .timeout(10)
    func open(_ location: String) throws -> DatabasePool {
      let pool = try DatabasePool(path: location, configuration: configuration)
      // Opening is lazy: the first read shows whether the WAL index could be used.
      _ = try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") }
      return pool
    }
    let pool: DatabasePool
    do {
      pool = try open(path)
    } catch {
      guard !FileManager.default.fileExists(atPath: path + "-wal"),
        let immutable = try? open(Self.immutableURI(path))
      else { throw StoreError.cannotOpen(path: path, reason: "\(error)") }
      pool = immutable
    }
    let migrator = Migrations.migrator
    try pool.read { db in
      if try migrator.hasBeenSuperseded(db) { throw StoreError.newerSchema(path: path) }
      if try !migrator.hasCompletedMigrations(db) { throw StoreError.olderSchema(path: path) }
    }
    return Store(pool: pool, path: path)
  }

  /// `file:` URI naming `path` read as immutable (SQLite takes URI file names: Debian builds it
  /// with SQLITE_USE_URI).
  static func immutableURI(_ path: String) -> String {
    var allowed = CharacterSet.urlPathAllowed
    allowed.remove(charactersIn: "?#")
    let escaped = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    return "file:\(escaped)?mode=ro&immutable=1"
  }

  /// Runs SQLite's own consistency check; returns "ok" when the file is sound.
  public func integrityCheck() throws -> String {
    try pool.read { db in
      try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "\n")
    }
  }
}
