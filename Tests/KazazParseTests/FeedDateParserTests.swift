import Foundation
import Testing

@testable import KazazParse

@Suite("Feed dates")
struct FeedDateParserTests {
  static let now = Date(timeIntervalSince1970: 1_764_000_000)

  @Test(
    "Real-world date variants",
    arguments: [
      ("Mon, 10 Apr 2023 18:16:05 +0500", 1_681_132_565),
      ("Mon, 10 Apr 2023 18:16:05 GMT", 1_681_150_565),
      ("10 Apr 23 18:16 GMT", 1_681_150_560),
      ("Mon, 10 Apr 2023 18:16:05 MSK", 1_681_139_765),
      ("Mon, 10 Apr 2023 18:16:05 ALMT", 1_681_132_565),
      ("Mon, 10 Apr 2023 18:16:05 AZT", 1_681_136_165),
      ("Mon, 10 Apr 2023 18:16:05 GMT+5", 1_681_132_565),
      ("2023-04-10T18:16:05Z", 1_681_150_565),
      ("2023-04-10T18:16:05.250+05:00", 1_681_132_565),
      ("2023-04-10 18:16", 1_681_150_560),
      ("2023-04-10", 1_681_084_800),
      ("10 апреля 2023, 18:16", 1_681_150_560),
      ("10 мая 2023 г. 09:00", 1_683_709_200),
      ("April 10, 2023 6:16 PM", 1_681_150_560),
      // Missing seconds, two-digit years, numeric and named zones.
      ("Mon, 10 Apr 2023 18:16 +0500", 1_681_132_560),
      ("Mon, 10 Apr 23 18:16:05 +0500", 1_681_132_565),
      ("10 Apr 2023 18:16:05 UTC+05:00", 1_681_132_565),
      ("Mon, 10 Apr 2023 18:16:05 GMT-3", 1_681_161_365),
      ("Mon, 10 Apr 2023 18:16:05 +03:00", 1_681_139_765),
      ("Mon, 10 Apr 2023 18:16:05 (MSK)", 1_681_139_765),
      ("Mon, 10 Apr 2023 18:16:05 AQTT", 1_681_132_565),
      ("Mon, 10 Apr 2023 18:16:05", 1_681_150_565),
      ("mon, 10 apr 2023 18:16:05 gmt", 1_681_150_565),
      // ISO 8601 / RFC 3339 variants.
      ("2023-04-10T18:16:05+0500", 1_681_132_565),
      ("20230410T181605Z", 1_681_150_565),
      ("2023-04-10T18:16:05,5Z", 1_681_150_565),
      // Russian: month names in any case form, weekday names, numeric day-first dates.
      ("Пн, 10 апр 2023 18:16:05 +0300", 1_681_139_765),
      ("10 Апреля 2023 18:16", 1_681_150_560),
      ("1 декабря 2022", 1_669_852_800),
      ("10.04.2023 18:16", 1_681_150_560),
      // Zones at their bounds, one-digit and hhmm forms.
      ("Mon, 10 Apr 2023 18:16:05 +5", 1_681_132_565),
      ("Mon, 10 Apr 2023 18:16:05 GMT+0500", 1_681_132_565),
      ("Mon, 10 Apr 2023 18:16:05 +1800", 1_681_085_765),
      ("Mon, 10 Apr 2023 18:16:05 -1800", 1_681_215_365),
      // A fraction of any length, read to nanoseconds.
      ("2023-04-10T18:16:05." + String(repeating: "3", count: 5000) + "Z", 1_681_150_565),
    ])
  func variants(text: String, expected: Int) {
    let parsed = FeedDateParser.parse(text, now: Self.now)
    #expect(parsed.map { Int($0.timeIntervalSince1970) } == expected, "\(text)")
  }

  @Test(
    "Missing, malformed and absurd dates give nil",
    arguments: [
      "", "yesterday", "31 Apr 2023 10:00 GMT", "Mon, 10 Apr 1970 00:00:00 GMT",
      "2099-01-01T00:00:00Z", "29 Feb 2023 10:00 GMT", "2023-13-01",
      // Zones out of range: a broken date, not UTC.
      "Mon, 10 Apr 2023 18:16:05 +9900", "Mon, 10 Apr 2023 18:16:05 +0575",
      "Mon, 10 Apr 2023 18:16:05 GMT+19", "Mon, 10 Apr 2023 18:16:05 UTC+05:99",
      "Mon, 10 Apr 2023 18:16:05 GMT+abc", "2023-04-10T18:16:05+99:00",
      "Mon, 10 Apr 2023 18:16:05 -999999999999999999999999",
      // Numbers no field can hold.
      "10 Apr 92233720368547758070 18:16", "10 Apr 20231 18:16",
      "99999999999999999999.04.2023", "2023-04-10T99:16:05Z",
    ])
  func rejects(text: String) {
    #expect(FeedDateParser.parse(text, now: Self.now) == nil)
  }
}
