/// Where and how mail is handed over: an SMTP server URL (`smtps://host:465` for TLS from the
/// start, `smtp://host:587` upgraded with STARTTLS), credentials, and limits.
public struct SMTPSettings: Sendable, Equatable {
  public var url: String
  public var username: String?
  public var password: String?
  /// Without it every `smtp://` session must be upgraded by STARTTLS (`CURLUSESSL_ALL`) or
  /// fail before any credential or message is sent; with it, STARTTLS is used when the server
  /// offers it and plain text otherwise (a relay on the loopback interface).
  public var allowPlaintext: Bool
  /// The whole session, from connecting to the server's answer after the message.
  public var timeout: Duration
  public var connectTimeout: Duration
  /// A CA bundle file to verify the server with, instead of the system's.
  public var caBundle: String?

  public init(
    url: String, username: String? = nil, password: String? = nil, allowPlaintext: Bool = false,
    timeout: Duration = .seconds(60), connectTimeout: Duration = .seconds(10),
    caBundle: String? = nil
  ) {
    self.url = url
    self.username = username
    self.password = password
    self.allowPlaintext = allowPlaintext
    self.timeout = timeout
    self.connectTimeout = connectTimeout
    self.caBundle = caBundle
  }
}

/// Why a message was not accepted. `kind` is stable, for the store and status output.
public enum SMTPError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The server refused the credentials (or offers no mechanism libcurl can use).
  case loginRefused(reply: String)
  /// TLS is required and the server did not offer STARTTLS, or the handshake failed.
  case tlsFailed(message: String)
  /// The server refused the sender, a recipient or the message: its reply.
  case rejected(reply: String)
  case timedOut(message: String)
  /// Anything else libcurl reported: DNS, connection refused, a reply it could not read.
  case transport(code: Int, message: String)

  public var kind: String {
    switch self {
    case .loginRefused: "smtp.login-refused"
    case .tlsFailed: "smtp.tls"
    case .rejected: "smtp.rejected"
    case .timedOut: "smtp.timeout"
    case .transport(let code, _): "smtp.curl-\(code)"
    }
  }

  public var description: String {
    switch self {
    case .loginRefused(let reply): "login refused: \(reply)"
    case .tlsFailed(let message): "TLS failed: \(message)"
    case .rejected(let reply): "refused by the server: \(reply)"
    case .timedOut(let message): "timed out: \(message)"
    case .transport(let code, let message): "SMTP failed (curl error \(code)): \(message)"
    }
  }
}

/// One line of an SMTP session as `mail-test` shows it. Credentials never appear: the argument
/// of `AUTH` and every answer to a `334` challenge are replaced by `<credentials hidden>`.
public struct SMTPTranscriptLine: Sendable, Equatable, CustomStringConvertible {
  public enum Direction: String, Sendable {
    /// The server's reply.
    case received = "S:"
    /// The client's command.
    case sent = "C:"
    /// libcurl's own note (connecting, TLS).
    case note = "*"
  }

  public var direction: Direction
  public var text: String

  public var description: String { "\(direction.rawValue) \(text)" }
}

/// What became of one message: accepted (`error` nil) or not, and the session that led there.
public struct SMTPOutcome: Sendable {
  public var error: SMTPError?
  public var transcript: [SMTPTranscriptLine]
}
