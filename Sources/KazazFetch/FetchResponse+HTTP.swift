import Foundation

/// HTTP semantics read from a response, as pure functions: tested with tables, no network.
///
/// Every header is written by the publisher, so every number read here is clamped instead of
/// trusted: a delay is never negative and never more than `maximumDelaySeconds`, whatever digits,
/// signs or dates the server sends, and a malformed directive is skipped, never a crash.
extension FetchResponse {
  /// The longest delay a header can ask for: a year. Beyond it a server means "a long time", and
  /// the scheduler caps every hint at a day anyway; the bound only keeps later arithmetic (a
  /// `Duration`, a `Date` plus an interval) far from overflow.
  public static let maximumDelaySeconds = 365 * 86_400

  /// When every redirect followed was permanent (301/308), the feed has moved: its new URL.
  /// A single temporary hop anywhere in the chain means it has not, and neither does a move
  /// that is a downgrade (`permanentMoveDowngrade`): that one is followed for this poll only.
  public var permanentlyMovedTo: String? {
    guard !redirects.isEmpty, redirects.allSatisfy(\.isPermanent), permanentMoveDowngrade == nil
    else { return nil }
    return effectiveURL
  }

  /// Why an all-permanent redirect chain is not taken as the feed's new address, or nil. A
  /// stored new address replaces the operator's URL for every later poll, so the publisher
  /// (or whoever sits on the path of a plain http hop) may not use it to lower the bar:
  /// - from https to plain http: later polls would lose TLS for good;
  /// - from a public address to a non-public one (loopback, private, link-local …): the stored
  ///   URL would then be trusted as if the operator had configured that address.
  public var permanentMoveDowngrade: String? {
    guard !redirects.isEmpty, redirects.allSatisfy(\.isPermanent) else { return nil }
    let from = Self.scheme(requestedURL)
    let to = Self.scheme(effectiveURL)
    if from == "https" && to != "https" {
      return "\(effectiveURL) would leave https for \(to.isEmpty ? "another scheme" : to)"
    }
    if let first = endpoints.first, let last = endpoints.last, first.address.scope.isPublic,
      !last.address.scope.isPublic
    {
      return "\(effectiveURL) is at \(last.address), \(last.address.scope.phrase)"
    }
    return nil
  }

  private static func scheme(_ url: String) -> String {
    String(url.prefix { $0 != ":" }).lowercased()
  }

  /// `Retry-After` as a delay from `now`: delta-seconds or an HTTP date. Nil when absent or
  /// unreadable; never negative, at most `maximumDelaySeconds` (a date centuries ahead or a
  /// forty-digit number asks for the maximum, it does not overflow).
  public func retryAfter(now: Date) -> Duration? {
    guard let value = header("retry-after")?.trimmingCharacters(in: .whitespaces) else {
      return nil
    }
    if let seconds = Self.clampedSeconds(value[...]) { return .seconds(seconds) }
    guard let date = HTTPDate.parse(value) else { return nil }
    return .seconds(Self.clampedSeconds(date.timeIntervalSince(now)))
  }

  /// `Cache-Control: max-age` (or `s-maxage`) in seconds; nil when absent. `no-cache`/`no-store`
  /// give zero: the server asks for no caching, not for more frequent polling. Empty and
  /// malformed directives (`max-age=60,=`, `,,`, `max-age=soon`) are skipped.
  public var cacheMaxAge: Duration? {
    guard let value = header("cache-control")?.lowercased() else { return nil }
    var maxAge: Int?
    for directive in value.split(separator: ",") {
      let parts = directive.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard let name = parts.first?.trimmingCharacters(in: .whitespaces) else { continue }
      switch name {
      case "no-cache", "no-store": return .zero
      case "max-age", "s-maxage":
        guard parts.count == 2 else { continue }
        let argument = parts[1].trimmingCharacters(in: .whitespaces)
          .trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        if let seconds = Self.clampedSeconds(argument[...]) {
          maxAge = max(maxAge ?? 0, seconds)
        }
      default: continue
      }
    }
    return maxAge.map { .seconds($0) }
  }

  /// Delta-seconds (an optional sign, then digits and nothing else) clamped to
  /// `0...maximumDelaySeconds`; nil when the text is not such a number. Saturates instead of
  /// overflowing, so any number of digits is read.
  static func clampedSeconds(_ text: Substring) -> Int? {
    var digits = text.utf8[...]
    var negative = false
    if let sign = digits.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
      negative = sign == UInt8(ascii: "-")
      digits = digits.dropFirst()
    }
    guard !digits.isEmpty else { return nil }
    var value = 0
    for byte in digits {
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      // Past the maximum the remaining digits only make it larger: keep checking, stop adding.
      if value <= maximumDelaySeconds {
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
      }
    }
    return negative ? 0 : min(value, maximumDelaySeconds)
  }

  /// A time interval clamped to `0...maximumDelaySeconds` whole seconds, rounded up; NaN is 0.
  static func clampedSeconds(_ interval: TimeInterval) -> Int {
    guard interval > 0 else { return 0 }
    return Int(min(interval.rounded(.up), Double(maximumDelaySeconds)))
  }
}
