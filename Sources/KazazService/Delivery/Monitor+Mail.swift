import Foundation
import KazazConfig
import KazazControl
import KazazDigest
import KazazStore
import Logging

extension Monitor {
  /// Mail delivery, when the config sets `delivery.email`.
  public var mailer: Mailer? {
    config.email.map {
      Mailer(
        email: $0, store: store, caBundle: config.fetch.caBundle,
        timeZone: config.digest.timeZone, logger: logger)
    }
  }

  /// Sends every mail due at `now`, after releasing the held mails of digests that were
  /// written completely (a process stopped between noting and writing one).
  @discardableResult
  public func deliverPendingMail(now: Date = Date()) async -> [(
    mail: MailDelivery, error: String?
  )] {
    guard let mailer else { return [] }
    do {
      let complete = try store.lastCompleteDigestDay()
      let lastWeek = try store.lastWeeklyReportWeek()
      for key in try store.heldMailReports() {
        if key.hasPrefix("digest/") {
          let day = String(key.dropFirst("digest/".count))
          if let complete, day <= complete { try mailer.release(key, at: now) }
        } else if key.hasPrefix("weekly/") {
          let week = String(key.dropFirst("weekly/".count))
          if let lastWeek, week <= lastWeek { try mailer.release(key, at: now) }
        }
      }
    } catch {
      logger.error("cannot release held mail", metadata: ["error": "\(error)"])
    }
    return await mailer.deliverDue(now: now)
  }

  /// `digest --resend`: writes the digest of `period` and mails it to every recipient again,
  /// now. Returns each recipient's outcome (nil: accepted).
  public func resendDigest(period: DigestPeriod, now: Date = Date()) async throws -> [(
    recipient: String, error: String?
  )] {
    guard let mailer else { throw MailNotConfigured() }
    let (_, report) = try writeDigestReport(day: period, now: now)
    try mailer.queue(report, at: now, force: true)
    let attempted = await deliverPendingMail(now: now)
    return attempted.filter { $0.mail.report == report.key }.map {
      ($0.mail.recipient, $0.error)
    }
  }
}

/// A mail command on a config without `delivery.email`.
public struct MailNotConfigured: Error, CustomStringConvertible {
  public var description: String { "no mail delivery is configured (delivery.email)" }
}

extension Monitor {
  /// What `status` shows of mail: the mails of the three newest reports and every other one
  /// not delivered; nil without `delivery.email` and nothing recorded.
  public func mailHealth() throws -> [MailHealth]? {
    let recent = try store.mailDeliveries(reports: 3)
    let undelivered = try store.undeliveredMail().filter { mail in
      !recent.contains { $0.report == mail.report && $0.recipient == mail.recipient }
    }
    let all = recent + undelivered
    if all.isEmpty && config.email == nil { return nil }
    return all.map {
      MailHealth(
        report: $0.report, recipient: $0.recipient, state: $0.state.rawValue,
        attempts: $0.attempts, lastError: $0.lastError, lastAttemptAt: $0.lastAttemptAt,
        nextAttemptAt: $0.nextAttemptAt, sentAt: $0.sentAt)
    }
  }
}
