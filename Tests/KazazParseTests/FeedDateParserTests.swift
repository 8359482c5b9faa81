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
    ])
  func variants(text: String, expected: Int) {
    let parsed = FeedDateParser.parse(text, now: Self.now)
    #expect(parsed.map { Int($0.timeIntervalSince1970) } == expected, "\(text)")
  }

  @Test(
    "Missing, malformed and absurd dates give nil",
    arguments: [
      "", "yesterday", "31 Apr 2023 10:00 GMT", "Mon, 10 Apr 1970 00:00:00 GMT",
      "2099-01-01T00:00:00Z",
    ])
  func rejects(text: String) {
    #expect(FeedDateParser.parse(text, now: Self.now) == nil)
  }
}
