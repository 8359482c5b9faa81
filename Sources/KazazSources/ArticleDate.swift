import Foundation

/// Parses the date formats pages put in meta tags, JSON-LD and `<time datetime>`: ISO 8601 with
/// or without seconds, fractions and zone (no zone means UTC), a space instead of `T`, or a bare
/// day.
enum ArticleDate {
  static func parse(_ text: String) -> Date? {
    let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard value.count >= 10 else { return nil }
    let iso = ISO8601DateFormatter()
    for options: ISO8601DateFormatter.Options in [
      [.withInternetDateTime], [.withInternetDateTime, .withFractionalSeconds],
    ] {
      iso.formatOptions = options
      if let date = iso.date(from: value) { return date }
    }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    let normalized = value.replacingOccurrences(of: " ", with: "T")
    for format in [
      "yyyy-MM-dd'T'HH:mm:ssXXXXX", "yyyy-MM-dd'T'HH:mmXXXXX", "yyyy-MM-dd'T'HH:mm:ssXX",
      "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd",
    ] {
      formatter.dateFormat = format
      if let date = formatter.date(from: normalized) { return date }
    }
    return nil
  }
}
