import Foundation
import KazazControl

/// The mail lines of `status`: each report's mail to each recipient, and what became of it.
/// Errors quote the SMTP server's replies, so they are made terminal-safe.
enum MailHealthLine {
  static func show(_ mails: [MailHealth]?, now: Date) {
    guard let mails else { return }
    say("mail: \(mails.isEmpty ? "nothing mailed yet" : "\(mails.count) recent")")
    for mail in mails { say("  " + describe(mail, now: now)) }
  }

  static func describe(_ mail: MailHealth, now: Date) -> String {
    var parts = ["\(mail.report.terminalSafe) → \(mail.recipient.terminalSafe)"]
    let error = (mail.lastError ?? "unknown error").terminalSafe
    switch mail.state {
    case "sent":
      parts.append("sent \(mail.sentAt.map { FeedHealthLine.relative($0, now) } ?? "")")
    case "failed":
      parts.append("NOT DELIVERED, given up after \(mail.attempts) attempts: \(error)")
    case "sending":
      parts.append("sending (attempt \(mail.attempts))")
    case "held":
      parts.append("waiting for the report to be written")
    default:
      if mail.attempts > 0, mail.lastError != nil {
        parts.append("FAILING after \(mail.attempts) attempts: \(error)")
      } else {
        parts.append("pending")
      }
      if let next = mail.nextAttemptAt {
        parts.append("next attempt \(FeedHealthLine.relative(next, now))")
      }
    }
    return parts.joined(separator: " — ")
  }
}
