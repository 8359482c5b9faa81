import Foundation

/// One report mailed to one recipient, as the store keeps it (`mailDelivery`).
public struct MailDelivery: Sendable, Equatable {
  public enum State: String, Sendable {
    /// Noted before its files are written; released once they are.
    case held
    /// Waiting for its (next) attempt, at `nextAttemptAt`.
    case pending
    /// A process (`claimedBy`) is sending it, or was when it died.
    case sending
    /// The server accepted it.
    case sent
    /// Given up after too many failed attempts.
    case failed
  }

  /// The report's key, `digest/2026-12-07`.
  public var report: String
  public var recipient: String
  public var subject: String
  /// The report's files the message is made from.
  public var markdownPath: String?
  public var htmlPath: String?
  public var state: State
  /// Attempts made (started) so far.
  public var attempts: Int
  public var lastError: String?
  public var lastAttemptAt: Date?
  public var nextAttemptAt: Date?
  public var sentAt: Date?
  /// The process sending it, while `sending`.
  public var claimedBy: Int32?
  public var createdAt: Date

  public init(
    report: String, recipient: String, subject: String, markdownPath: String?, htmlPath: String?,
    state: State = .pending, attempts: Int = 0, lastError: String? = nil,
    lastAttemptAt: Date? = nil, nextAttemptAt: Date? = nil, sentAt: Date? = nil,
    claimedBy: Int32? = nil, createdAt: Date
  ) {
    self.report = report
    self.recipient = recipient
    self.subject = subject
    self.markdownPath = markdownPath
    self.htmlPath = htmlPath
    self.state = state
    self.attempts = attempts
    self.lastError = lastError
    self.lastAttemptAt = lastAttemptAt
    self.nextAttemptAt = nextAttemptAt
    self.sentAt = sentAt
    self.claimedBy = claimedBy
    self.createdAt = createdAt
  }
}
