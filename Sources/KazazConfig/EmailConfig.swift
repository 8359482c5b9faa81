import Foundation
import KazazModel

/// Digest delivery by e-mail (`delivery.email`): the SMTP server, the sender, the recipients
/// and where the server's credentials are read from.
public struct EmailConfig: Sendable, Equatable {
  /// Where the credentials file is: a path, or the name of a credential systemd passes to the
  /// service (`LoadCredential=NAME:…`), read from `$CREDENTIALS_DIRECTORY/NAME`.
  public enum Credentials: Sendable, Equatable {
    case file(URL)
    case systemd(name: String)
  }

  /// `smtps://host[:port]` or `smtp://host[:port]`.
  public var url: String
  public var from: MailAddress
  public var recipients: [MailAddress]
  /// Nil: the server takes mail without a login (a relay on the loopback interface).
  public var credentials: Credentials?
  /// `smtp://` sessions may stay unencrypted when the server offers no STARTTLS.
  public var allowPlaintext: Bool
  /// One SMTP session, from connecting to the server's answer after the message.
  public var timeout: Duration

  public init(
    url: String, from: MailAddress, recipients: [MailAddress], credentials: Credentials? = nil,
    allowPlaintext: Bool = false, timeout: Duration = Config.Defaults.mailTimeout
  ) {
    self.url = url
    self.from = from
    self.recipients = recipients
    self.credentials = credentials
    self.allowPlaintext = allowPlaintext
    self.timeout = timeout
  }
}
