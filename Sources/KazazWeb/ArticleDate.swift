import Foundation
import KazazModel

/// Parses the date formats pages put in meta tags, JSON-LD and `<time datetime>`: ISO 8601 with
/// or without seconds, fractions and zone (no zone means UTC), a space instead of `T`, or a bare
/// day. Every field is range-checked (`CivilTime.iso8601`): a page cannot produce a date beyond
/// year 9999 or a zone further than 18 hours out.
enum ArticleDate {
  static func parse(_ text: String) -> Date? {
    let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard value.utf8.count >= 10 else { return nil }
    return CivilTime.iso8601(value)
  }
}
