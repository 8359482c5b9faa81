import Foundation
import KazazConfig
import KazazFetch
import KazazMail
import KazazModel

/// `mail-test`: one short message to each recipient (or to `to`), sent as digests are, with
/// the SMTP session kept for the operator to read (credentials hidden).
public enum MailTest {
  public static func run(
    config: Config, to explicit: MailAddress? = nil, now: Date = Date(),
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) async throws -> [(recipient: String, outcome: SMTPOutcome)] {
    guard let email = config.email else { throw MailNotConfigured() }
    var settings = SMTPSettings(
      url: email.url, allowPlaintext: email.allowPlaintext, timeout: email.timeout,
      caBundle: config.fetch.caBundle)
    if let source = email.credentials {
      let credentials = try MailCredentials.read(source, environment: environment)
      settings.username = credentials.username
      settings.password = credentials.password
    }
    let host = ProcessInfo.processInfo.hostName
    var results: [(String, SMTPOutcome)] = []
    for recipient in explicit.map({ [$0] }) ?? email.recipients {
      let message = MailMessage(
        from: email.from, to: recipient, subject: "kazaz-monitor test message", date: now,
        timeZone: config.digest.timeZone,
        messageID: MailMessage.messageID(
          report: "mail-test/\(Int(now.timeIntervalSince1970))", recipient: recipient,
          from: email.from),
        text: """
          This is a test message from kazaz-monitor on \(host), sent by `kazaz-monitor mail-test`.
          Digests will be mailed from \(email.from.address) through \(email.url).

          """, html: nil)
      let outcome = await SMTPUpload.send(
        message.rendered(), from: email.from.address, to: [recipient.address], settings: settings)
      results.append((recipient.address, outcome))
    }
    return results
  }
}
