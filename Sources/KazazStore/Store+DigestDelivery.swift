import Foundation
import GRDB

extension Store {
  /// Remembers that the digest of `day` (these files) is to be delivered. A newer write of the
  /// same day replaces the paths and keeps the attempt count.
  public func addPendingDelivery(day: String, paths: [String], at now: Date) throws {
    let encoded = String(decoding: try JSONEncoder().encode(paths), as: UTF8.self)
    try pool.write { db in
      try db.execute(
        sql: """
          INSERT INTO digestDelivery (day, paths, createdAt) VALUES (?, ?, ?)
          ON CONFLICT(day) DO UPDATE SET paths = excluded.paths
          """, arguments: [day, encoded, now])
    }
  }

  /// Deliveries still to make, oldest day first.
  public func pendingDeliveries() throws -> [PendingDelivery] {
    try pool.read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM digestDelivery ORDER BY day").map { row in
        let paths =
          (try? JSONDecoder().decode([String].self, from: Data((row["paths"] as String).utf8)))
        return PendingDelivery(
          day: row["day"], paths: paths ?? [], attempts: row["attempts"],
          lastError: row["lastError"])
      }
    }
  }

  /// The delivery of `day` succeeded (or was given up): forget it.
  public func removePendingDelivery(day: String) throws {
    try pool.write { db in
      try db.execute(sql: "DELETE FROM digestDelivery WHERE day = ?", arguments: [day])
    }
  }

  /// The delivery of `day` failed; it stays pending with one more attempt counted.
  public func deliveryFailed(day: String, error: String, at now: Date) throws {
    try pool.write { db in
      try db.execute(
        sql: """
          UPDATE digestDelivery SET attempts = attempts + 1, lastError = ?, lastAttemptAt = ?
          WHERE day = ?
          """, arguments: [error, now, day])
    }
  }
}
