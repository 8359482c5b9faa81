import Foundation

/// HTTP semantics read from a response, as pure functions: tested with tables, no network.
extension FetchResponse {
  /// When every redirect followed was permanent (301/308), the feed has moved: its new URL.
  /// A single temporary hop anywhere in the chain means it has not.
  public var permanentlyMovedTo: String? {
    guard !redirects.isEmpty, redirects.allSatisfy(\.isPermanent) else { return nil }
    return effectiveURL
  }

  /// `Retry-After` as a delay from `now`: delta-seconds or an HTTP date. Nil when absent or
  /// unreadable; never negative.
  public func retryAfter(now: Date) -> Duration? {
    guard let value = header("retry-after")?.trimmingCharacters(in: .whitespaces) else {
      return nil
    }
    if let seconds = Int(value) { return .seconds(max(0, seconds)) }
    guard let date = HTTPDate.parse(value) else { return nil }
    return .seconds(max(0, Int(date.timeIntervalSince(now).rounded(.up))))
  }

  /// `Cache-Control: max-age` (or `s-maxage`) in seconds; nil when absent. `no-cache`/`no-store`
  /// give zero: the server asks for no caching, not for more frequent polling.
  public var cacheMaxAge: Duration? {
    guard let value = header("cache-control")?.lowercased() else { return nil }
    var maxAge: Int?
    for directive in value.split(separator: ",") {
      let parts = directive.split(separator: "=", maxSplits: 1).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      switch parts[0] {
      case "no-cache", "no-store": return .zero
      case "max-age", "s-maxage":
        if parts.count == 2,
          let seconds = Int(parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
        {
          maxAge = max(maxAge ?? 0, seconds)
        }
      default: continue
      }
    }
    return maxAge.map { .seconds(max(0, $0)) }
  }
}

/// HTTP dates (RFC 9110 §5.6.7): IMF-fixdate, and the obsolete RFC 850 and asctime forms.
enum HTTPDate {
  static func parse(_ text: String) -> Date? {
    for format in [
      "EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy",
    ] {
      let formatter = DateFormatter()
      formatter.locale = Locale(identifier: "en_US_POSIX")
      formatter.timeZone = TimeZone(secondsFromGMT: 0)
      formatter.dateFormat = format
      if let date = formatter.date(from: text) { return date }
    }
    return nil
  }
}
