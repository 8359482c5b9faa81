import Foundation
import GRDB

#if canImport(Glibc)
  import Glibc
#endif

extension Store {
  /// Notes that `report` is to be mailed to each of `recipients`. A report already noted keeps
  /// its state — a rewritten digest is not mailed again — but takes the new subject and files;
  /// `force` (`digest --resend`) makes it due again now, unless a process is sending it.
  /// `held`: a new note waits for `releaseMail` (its files are not written yet).
  public func queueMail(
    report: String, subject: String, markdownPath: String?, htmlPath: String?,
    recipients: [String], at now: Date, force: Bool = false, held: Bool = false
  ) throws {
    try pool.write { db in
      for recipient in recipients {
        try db.execute(
          sql: """
            INSERT INTO mailDelivery (report, recipient, subject, markdownPath, htmlPath, state,
                                      nextAttemptAt, createdAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(report, recipient) DO UPDATE SET
              subject = excluded.subject, markdownPath = excluded.markdownPath,
              htmlPath = excluded.htmlPath,
              state = CASE WHEN ? AND state != 'sending' THEN 'pending' ELSE state END,
              attempts = CASE WHEN ? AND state != 'sending' THEN 0 ELSE attempts END,
              nextAttemptAt = CASE WHEN ? AND state != 'sending' THEN excluded.nextAttemptAt
                              ELSE nextAttemptAt END
            """,
          arguments: [
            report, recipient, subject, markdownPath, htmlPath, held ? "held" : "pending", now,
            now, force, force, force,
          ])
      }
    }
  }

  /// The mails of `report` noted as held are due from `now`.
  public func releaseMail(report: String, at now: Date) throws {
    try pool.write { db in
      try db.execute(
        sql: """
          UPDATE mailDelivery SET state = 'pending', nextAttemptAt = ?
          WHERE report = ? AND state = 'held'
          """, arguments: [now, report])
    }
  }

  /// The reports with held mails (a process stopped between noting a report and writing it).
  public func heldMailReports() throws -> [String] {
    try pool.read { db in
      try String.fetchAll(
        db, sql: "SELECT DISTINCT report FROM mailDelivery WHERE state = 'held' ORDER BY report")
    }
  }

  /// Claims the next mail due at `now` for process `pid`, recording the attempt (state
  /// `sending`, one more attempt) before anything is sent; nil when none is due. Due are
  /// pending mails whose time has come, and mails a process was sending when it died (its pid
  /// no longer exists) or whose claim is older than `staleBefore`.
  public func claimNextMail(at now: Date, pid: Int32, staleBefore: Date) throws -> MailDelivery? {
    try pool.write { db in
      let candidates = try Row.fetchAll(
        db,
        sql: """
          SELECT * FROM mailDelivery
          WHERE (state = 'pending' AND (nextAttemptAt IS NULL OR nextAttemptAt <= ?))
             OR state = 'sending'
          ORDER BY createdAt, report, recipient
          """, arguments: [now]
      ).map(Self.mailDelivery)
      guard
        let due = candidates.first(where: { mail in
          guard mail.state == .sending else { return true }
          if (mail.lastAttemptAt ?? .distantPast) < staleBefore { return true }
          guard let claimant = mail.claimedBy else { return true }
          return claimant != pid && !Self.isAlive(claimant)
        })
      else { return nil }
      try db.execute(
        sql: """
          UPDATE mailDelivery SET state = 'sending', claimedBy = ?, attempts = attempts + 1,
            lastAttemptAt = ?
          WHERE report = ? AND recipient = ?
          """, arguments: [pid, now, due.report, due.recipient])
      var claimed = due
      claimed.state = .sending
      claimed.claimedBy = pid
      claimed.attempts += 1
      claimed.lastAttemptAt = now
      return claimed
    }
  }

  /// The server accepted the mail.
  public func mailSent(report: String, recipient: String, at now: Date) throws {
    try pool.write { db in
      try db.execute(
        sql: """
          UPDATE mailDelivery SET state = 'sent', sentAt = ?, lastError = NULL, claimedBy = NULL,
            nextAttemptAt = NULL
          WHERE report = ? AND recipient = ?
          """, arguments: [now, report, recipient])
    }
  }

  /// The attempt failed: pending again from `retryAt`, or given up (`failed`) when nil.
  public func mailFailed(report: String, recipient: String, error: String, retryAt: Date?) throws {
    try pool.write { db in
      try db.execute(
        sql: """
          UPDATE mailDelivery SET state = ?, lastError = ?, nextAttemptAt = ?, claimedBy = NULL
          WHERE report = ? AND recipient = ?
          """,
        arguments: [
          retryAt == nil ? "failed" : "pending", error, retryAt, report, recipient,
        ])
    }
  }

  /// Every mail of the newest `reports` reports, newest report first.
  public func mailDeliveries(reports limit: Int = 10) throws -> [MailDelivery] {
    try pool.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT * FROM mailDelivery
          WHERE report IN (SELECT report FROM mailDelivery GROUP BY report
                           ORDER BY max(createdAt) DESC, report DESC LIMIT ?)
          ORDER BY createdAt DESC, report DESC, recipient
          """, arguments: [limit]
      ).map(Self.mailDelivery)
    }
  }

  /// Mails not delivered whose last attempt failed: still retried, or given up.
  public func undeliveredMail() throws -> [MailDelivery] {
    try pool.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT * FROM mailDelivery WHERE state NOT IN ('sent', 'held') AND lastError IS NOT NULL
          ORDER BY createdAt, report, recipient
          """
      ).map(Self.mailDelivery)
    }
  }

  /// When the next pending mail is due (nil: none is pending).
  public func nextMailAttempt() throws -> Date? {
    try pool.read { db in
      try Date.fetchOne(
        db, sql: "SELECT min(nextAttemptAt) FROM mailDelivery WHERE state = 'pending'")
    }
  }

  /// Forgets the mails of reports noted before `date` (retention).
  public func deleteMail(createdBefore date: Date) throws {
    try pool.write { db in
      try db.execute(sql: "DELETE FROM mailDelivery WHERE createdAt < ?", arguments: [date])
    }
  }

  static func mailDelivery(_ row: Row) -> MailDelivery {
    MailDelivery(
      report: row["report"], recipient: row["recipient"], subject: row["subject"],
      markdownPath: row["markdownPath"], htmlPath: row["htmlPath"],
      state: MailDelivery.State(rawValue: row["state"]) ?? .pending, attempts: row["attempts"],
      lastError: row["lastError"], lastAttemptAt: row["lastAttemptAt"],
      nextAttemptAt: row["nextAttemptAt"], sentAt: row["sentAt"], claimedBy: row["claimedBy"],
      createdAt: row["createdAt"])
  }

  /// Whether a process with this id exists (EPERM: it does, under another user).
  static func isAlive(_ pid: Int32) -> Bool {
    pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
  }
}
