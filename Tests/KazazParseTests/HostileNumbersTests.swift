import Foundation
import KazazModel
import Testing

@testable import KazazParse

/// Numbers in feeds are written by strangers: each of these once stopped the process with an
/// arithmetic overflow. They must parse (the item survives, its date estimated) and never trap.
@Suite("Hostile numbers in feeds")
struct HostileNumbersTests {
  let now = Date(timeIntervalSince1970: 1_764_000_000)

  private func feed(channel: String = "", item: String) throws -> ParsedFeed {
    let xml =
      "<rss version=\"2.0\"><channel><title>T</title>\(channel)<item><title>Item</title>"
      + "<guid>1</guid>\(item)</item></channel></rss>"
    return try FeedParser().parse(Data(xml.utf8), now: now)
  }

  @Test("A huge <ttl> is capped at a week")
  func hugeTTL() throws {
    let parsed = try feed(channel: "<ttl>999999999999999999</ttl>", item: "")
    #expect(parsed.ttlMinutes == 10_080)
  }

  @Test(
    "<ttl> values",
    arguments: [
      ("60", 60), ("0", 0), ("10080", 10_080), ("10081", 10_080),
      ("99999999999999999999999999999999", 10_080), (" 45 ", 45),
    ])
  func ttlValues(text: String, expected: Int) throws {
    #expect(try feed(channel: "<ttl>\(text)</ttl>", item: "").ttlMinutes == expected)
  }

  @Test("<ttl> that is not a count of minutes is ignored", arguments: ["-5", "1.5", "hour", "+60"])
  func ttlNotANumber(text: String) throws {
    #expect(try feed(channel: "<ttl>\(text)</ttl>", item: "").ttlMinutes == nil)
  }

  @Test(
    "Dates with overflowing numbers leave the item undated",
    arguments: [
      "Mon, 10 Apr 2023 18:16:05 GMT+999999999999999999",
      "Mon, 10 Apr 2023 18:16:05+999999999999999999",
      "10 Apr 9223372036854775807 18:16",
    ])
  func overflowingDates(text: String) throws {
    let parsed = try feed(item: "<pubDate>\(text)</pubDate>")
    let item = try #require(parsed.items.first)
    #expect(item.dateEstimated)
    #expect(item.published == now)
    #expect(parsed.warnings.contains { $0.contains("unreadable or absurd date") })
  }
}
