/// Why a fetch failed. Each case has a stable `kind` for the store and status output.
public enum FetchError: Error, Sendable, Equatable, CustomStringConvertible {
  /// libcurl reported an error (DNS, connection refused, TLS, timeout …).
  case transport(code: Int, message: String)
  case timedOut(message: String)
  case tooLarge(limit: Int)
  case tooManyRedirects(limit: Int)
  case unsupportedScheme(String)
  /// A URL a publisher chose led to an address the address policy refuses (`AddressPolicy`).
  case addressRefused(AddressRefusal)
  case cancelled

  /// A short stable identifier, e.g. for metrics and the feed-health table.
  public var kind: String {
    switch self {
    case .transport(let code, _): "fetch.curl-\(code)"
    case .timedOut: "fetch.timeout"
    case .tooLarge: "fetch.too-large"
    case .tooManyRedirects: "fetch.redirect-loop"
    case .unsupportedScheme: "fetch.unsupported-scheme"
    case .addressRefused: "fetch.address-refused"
    case .cancelled: "fetch.cancelled"
    }
  }

  public var description: String {
    switch self {
    case .transport(let code, let message): "transfer failed (curl error \(code)): \(message)"
    case .timedOut(let message): "timed out: \(message)"
    case .tooLarge(let limit): "response larger than the \(limit)-byte limit; transfer aborted"
    case .tooManyRedirects(let limit): "more than \(limit) redirects (a redirect loop?)"
    case .unsupportedScheme(let url): "unsupported URL scheme (only http, https, file): \(url)"
    case .addressRefused(let refusal): refusal.description
    case .cancelled: "cancelled"
    }
  }
}
