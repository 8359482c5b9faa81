import Foundation
import GRDB

extension Store {
  /// Notes that a weekly report file was written (`digest.day` is its ISO week, `2026-W48`),
  /// replacing an earlier record for the same week and format.
  public func recordWeeklyReport(_ report: WrittenDigest) throws {
    let headlines = String(decoding: try JSONEncoder().encode(report.headlines), as: UTF8.self)
    try pool.write { db in
      try db.execute(
        sql: """
          INSERT INTO weeklyReport (day, format, path, itemCount, totalCount, periodStart,
                                    periodEnd, partial, headlines, writtenAt)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT(day, format) DO UPDATE SET
            path = excluded.path, itemCount = excluded.itemCount,
            totalCount = excluded.totalCount, periodStart = excluded.periodStart,
            periodEnd = excluded.periodEnd, partial = excluded.partial,
            headlines = excluded.headlines, writtenAt = excluded.writtenAt
          """,
        arguments: [
          report.day, report.format, report.path, report.relevantCount, report.totalCount,
          report.periodStart ?? report.writtenAt, report.periodEnd ?? report.writtenAt,
          report.isPartial, headlines, report.writtenAt,
        ])
    }
  }

  /// The newest week with a weekly report, `YYYY-Www`.
  public func lastWeeklyReportWeek() throws -> String? {
    try pool.read { db in try String.fetchOne(db, sql: "SELECT MAX(day) FROM weeklyReport") }
  }

  /// The reports of the `limit` newest weeks, every format, newest week first.
  public func recentWeeklyReports(weeks limit: Int) throws -> [WrittenDigest] {
    try pool.read { db in try Self.newestReports(in: "weeklyReport", limit: limit, db) }
  }

  /// The weekly reports whose period ended before `date`, every format.
  public func weeklyReports(endingBefore date: Date) throws -> [WrittenDigest] {
    try pool.read { db in
      try Row.fetchAll(
        db, sql: "SELECT * FROM weeklyReport WHERE periodEnd < ? ORDER BY day, format",
        arguments: [date]
      ).map(Self.writtenDigest)
    }
  }

  /// Forgets the weekly reports whose period ended before `date`.
  public func deleteWeeklyReports(endingBefore date: Date) throws {
    try pool.write { db in
      try db.execute(sql: "DELETE FROM weeklyReport WHERE periodEnd < ?", arguments: [date])
    }
  }
}
