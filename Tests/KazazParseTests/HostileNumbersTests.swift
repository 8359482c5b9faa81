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

/// JSON Feed values come with whatever type the generator chose: a wrong type is an absent
/// value, one bad item or attachment is skipped alone, and nothing traps.
@Suite("JSON Feed values of the wrong type")
struct JSONFeedTypesTests {
  let now = Date(timeIntervalSince1970: 1_764_000_000)

  private func parse(_ items: String) throws -> ParsedFeed {
    let json =
      "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"T\", \"items\": \(items)}"
    return try FeedParser().parse(
      Data(json.utf8), baseURL: "https://example.kz/feed.json", now: now)
  }

  @Test("Numbers where strings belong count as absent; a numeric id is its text")
  func numbersForStrings() throws {
    let feed = try parse(
      """
      [{"id": 12345678901234567890, "url": 5, "title": 1e300, "content_text": 7,
        "date_published": 1681150565, "authors": [{"name": 3}, 4, {"name": "Desk"}],
        "tags": ["energy", 5, null, "energy", {"a": 1}, " trade  "]}]
      """)
    let item = try #require(feed.items.first)
    #expect(item.id == "12345678901234567890")
    #expect(item.link == nil && item.title == nil && item.content == nil)
    // A date that is no string is none: the item is dated when first seen, as in RSS and Atom.
    #expect(item.dateEstimated && item.published == now)
    #expect(item.author == "Desk")
    #expect(item.categories == ["energy", "trade"])
  }

  @Test("One item that is not an object does not take the others along")
  func badNeighbour() throws {
    let feed = try parse(#"[{"id": "a"}, 5, "b", null, [1], {"id": "c"}]"#)
    #expect(feed.items.map(\.id) == ["a", "c"])
  }

  @Test("Attachments become enclosures; their sizes and durations are not read")
  func attachments() throws {
    let feed = try parse(
      """
      [{"id": "a", "attachments": [
        {"url": "/audio/1.mp3", "mime_type": "audio/mpeg", "title": "Talks <b>audio</b>",
         "size_in_bytes": 1e308, "duration_in_seconds": -99999999999999999999999},
        {"url": 5, "mime_type": "image/png"}, "x",
        {"url": "https://cdn.example.kz/2.jpg", "mime_type": 7,
         "size_in_bytes": "big", "duration_in_seconds": "long"}]}]
      """)
    let media = try #require(feed.items.first?.media)
    #expect(
      media == [
        ParsedMedia(
          kind: .enclosure, url: "https://example.kz/audio/1.mp3", type: "audio/mpeg",
          caption: "Talks audio"),
        ParsedMedia(kind: .enclosure, url: "https://cdn.example.kz/2.jpg"),
      ])
  }

  @Test("A number JSON cannot hold refuses the document, saying which")
  func unrepresentableNumber() {
    let error = #expect(throws: ParseError.self) {
      try parse(#"[{"id": "a", "attachments": [{"url": "/a", "size_in_bytes": 1e999999}]}]"#)
    }
    #expect(error?.kind == "parse.malformed-json")
    #expect(error?.description.contains("1e999999") == true)
  }
}
