import Foundation

/// Small text helpers every renderer shares: times, hosts, and which links may become links.
enum DigestText {
  /// `yyyy-MM-dd HH:mm` in the digest's time zone.
  static func localTime(_ date: Date, _ timeZone: TimeZone) -> String {
    format(date, timeZone, "yyyy-MM-dd HH:mm")
  }

  /// `HH:mm` in the digest's time zone.
  static func clockTime(_ date: Date, _ timeZone: TimeZone) -> String {
    format(date, timeZone, "HH:mm")
  }

  /// RFC 3339 in UTC, e.g. `2026-11-25T03:00:00Z`.
  static func rfc3339(_ date: Date) -> String {
    format(date, TimeZone(secondsFromGMT: 0)!, "yyyy-MM-dd'T'HH:mm:ss'Z'")
  }

  private static func format(_ date: Date, _ timeZone: TimeZone, _ pattern: String) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.calendar = Calendar(identifier: .gregorian)
    formatter.timeZone = timeZone
    formatter.dateFormat = pattern
    return formatter.string(from: date)
  }

  static func host(of url: String) -> String { URLComponents(string: url)?.host ?? url }

  /// Only http and https links are ever rendered as links (or exported as links in JSON):
  /// `javascript:`, `data:`, `file:` and anything unparsable stay text.
  static func isWebLink(_ url: String?) -> Bool {
    guard let url, !url.unicodeScalars.contains(where: forbiddenInLinks.contains),
      let components = URLComponents(string: url),
      let scheme = components.scheme?.lowercased(), let host = components.host, !host.isEmpty
    else { return false }
    return scheme == "http" || scheme == "https"
  }

  /// Characters a well-formed URL never contains unencoded (RFC 3986): a link with any of them
  /// is treated as text, whatever a lenient parser would make of it.
  static let forbiddenInLinks = CharacterSet(charactersIn: " \"<>\\^`{|}")
    .union(.controlCharacters).union(.whitespacesAndNewlines)

  /// The link when it is a web link, else nil.
  static func webLink(_ url: String?) -> String? { isWebLink(url) ? url : nil }

  /// Feed text on one line: control characters and line breaks become spaces, runs of spaces
  /// collapse. Renderers escape after this.
  static func oneLine(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace || $0.unicodeScalars.allSatisfy(isControl) })
      .joined(separator: " ")
  }

  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format
  }
}
