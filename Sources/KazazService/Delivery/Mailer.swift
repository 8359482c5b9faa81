import Foundation
import KazazConfig
import KazazFetch
import KazazMail
import KazazModel
import KazazStore
import Logging

#if canImport(Glibc)
  import Glibc
#endif

/// Mails reports: notes each report for each recipient in the store, and delivers what is
/// due, one message per report and recipient. Every attempt is recorded before the message
/// goes out (`Store.claimNextMail`): a process killed mid-delivery leaves the mail to the next
/// one, so the worst a kill does is one duplicate, with the same Message-ID. A failure is
/// retried after one minute, doubling up to an hour, and given up after
/// `maximumAttempts` (about two days).
public struct Mailer: Sendable {
  public let email: EmailConfig
  public let store: Store
  /// Verifies the server's certificate instead of the system's CA store (`fetch.ca_bundle`).
  public let caBundle: String?
  /// The `Date:` of messages is written in this zone (the digest's).
  public let timeZone: TimeZone
  public let logger: Logger
  public var environment: [String: String] = ProcessInfo.processInfo.environment

  public static let maximumAttempts = 48

  public init(
    email: EmailConfig, store: Store, caBundle: String?, timeZone: TimeZone, logger: Logger
  ) {
    self.email = email
    self.store = store
    self.caBundle = caBundle
    self.timeZone = timeZone
    self.logger = logger
  }

  /// The wait before the attempt after the `attempt`-th failed one: one minute, doubling, at
  /// most an hour.
  public static func retryDelay(attempt: Int) -> Duration {
    .seconds(min(60 << min(max(attempt - 1, 0), 6), 3_600))
  }

  /// Notes `report` for every configured recipient (`force`: again, even if mailed already;
  /// `held`: not before `release`, for a report whose files are still to be written).
  public func queue(_ report: MailReport, at now: Date, force: Bool = false, held: Bool = false)
    throws
  {
    try store.queueMail(
      report: report.key, subject: report.subject, markdownPath: report.markdownFile?.path,
      htmlPath: report.htmlFile?.path, recipients: email.recipients.map(\.address), at: now,
      force: force, held: held)
  }

  /// The held mails of the report with this key are due now.
  public func release(_ key: String, at now: Date) throws {
    try store.releaseMail(report: key, at: now)
  }

  /// Delivers every mail due at `now`, oldest report first. Returns the mails attempted, each
  /// with its outcome (nil: accepted).
  @discardableResult
  public func deliverDue(now: Date = Date()) async -> [(mail: MailDelivery, error: String?)] {
    var attempted: [(MailDelivery, String?)] = []
    // A claim older than a session can last belongs to a process that is stuck or gone.
    let staleBefore = now.addingTimeInterval(-(Self.seconds(email.timeout) + 60))
    while true {
      let mail: MailDelivery
      do {
        guard let next = try store.claimNextMail(at: now, pid: getpid(), staleBefore: staleBefore)
        else { break }
        mail = next
      } catch {
        logger.error("cannot read the mail to deliver", metadata: ["error": "\(error)"])
        break
      }
      let failure = await send(mail, now: now)
      record(mail, failure: failure, now: now)
      attempted.append((mail, failure))
    }
    return attempted
  }

  /// Sends one claimed mail; nil when the server accepted it, else why not.
  private func send(_ mail: MailDelivery, now: Date) async -> String? {
    guard let recipient = email.recipients.first(where: { $0.address == mail.recipient }) else {
      return "\(mail.recipient) is no longer listed in delivery.email.to"
    }
    let message: MailMessage
    do {
      message = try compose(mail, to: recipient, now: now)
    } catch {
      return "\(error)"
    }
    var settings = SMTPSettings(
      url: email.url, allowPlaintext: email.allowPlaintext, timeout: email.timeout,
      caBundle: caBundle)
    if let source = email.credentials {
      do {
        let credentials = try MailCredentials.read(source, environment: environment)
        settings.username = credentials.username
        settings.password = credentials.password
      } catch {
        return error.description
      }
    }
    let outcome = await SMTPUpload.send(
      message.rendered(), from: email.from.address, to: [recipient.address], settings: settings)
    return outcome.error.map { "\($0)" }
  }

  /// The message of `mail`: the text part from the Markdown file, the HTML file as it is.
  func compose(_ mail: MailDelivery, to recipient: MailAddress, now: Date) throws -> MailMessage {
    func contents(_ path: String?) throws -> String? {
      guard let path else { return nil }
      do {
        return try String(contentsOfFile: path, encoding: .utf8)
      } catch {
        throw MailFileMissing(path: path)
      }
    }
    let text = try contents(mail.markdownPath).map(MarkdownPlainText.convert)
    let html = try contents(mail.htmlPath)
    guard text != nil || html != nil else {
      throw MailFileMissing(path: "(no Markdown or HTML file)")
    }
    return MailMessage(
      from: email.from, to: recipient, subject: mail.subject, date: now, timeZone: timeZone,
      messageID: MailMessage.messageID(report: mail.report, recipient: recipient, from: email.from),
      text: text, html: html)
  }

  private func record(_ mail: MailDelivery, failure: String?, now: Date) {
    let metadata: Logger.Metadata = [
      "report": "\(mail.report)", "to": "\(mail.recipient)", "attempt": "\(mail.attempts)",
    ]
    do {
      guard let failure else {
        try store.mailSent(report: mail.report, recipient: mail.recipient, at: now)
        logger.info("mail delivered", metadata: metadata)
        return
      }
      let givingUp = mail.attempts >= Self.maximumAttempts
      let retryAt =
        givingUp
        ? nil : now.addingTimeInterval(Self.seconds(Self.retryDelay(attempt: mail.attempts)))
      try store.mailFailed(
        report: mail.report, recipient: mail.recipient, error: failure, retryAt: retryAt)
      var details = metadata
      details["error"] = "\(failure)"
      if let retryAt {
        details["retry"] = "\(retryAt)"
        logger.warning("mail delivery failed; will retry", metadata: details)
      } else {
        logger.error("mail delivery failed; giving up", metadata: details)
      }
    } catch {
      logger.error("cannot record a mail delivery", metadata: ["error": "\(error)"])
    }
  }

  static func seconds(_ duration: Duration) -> TimeInterval {
    let (seconds, attoseconds) = duration.components
    return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
  }
}

/// A report file a mail is made from is gone (removed by retention, or moved).
struct MailFileMissing: Error, CustomStringConvertible {
  let path: String
  var description: String { "cannot read the report file \(path)" }
}
