import Foundation
import KazazModel
import Testing

@testable import KazazParse

@Suite("Bounded memory per feed")
struct LimitsTests {
  let now = Date(timeIntervalSince1970: 1_764_000_000)

  @Test("A field longer than the limit is truncated at a character boundary, with a warning")
  func longField() throws {
    let body = String(repeating: "Қазақстан ", count: XMLFeedReader.maxFieldBytes / 8)
    let xml =
      "<rss version=\"2.0\"><channel><item><title>Long</title><description>\(body)"
      + "</description></item></channel></rss>"
    let feed = try FeedParser().parse(Data(xml.utf8), now: now)
    let summary = try #require(feed.items.first?.summary)
    #expect(summary.utf8.count <= XMLFeedReader.maxFieldBytes)
    #expect(summary.utf8.count > XMLFeedReader.maxFieldBytes - 32)
    #expect(summary.hasPrefix("Қазақстан Қазақстан"))
    #expect(feed.warnings.contains { $0.contains("truncated") })
  }

  @Test("Items beyond the limit are dropped, with a warning")
  func tooManyItems() throws {
    var xml = "<rss version=\"2.0\"><channel>"
    for index in 0...XMLFeedReader.maxItems { xml += "<item><guid>\(index)</guid></item>" }
    xml += "</channel></rss>"
    let feed = try FeedParser().parse(Data(xml.utf8), now: now)
    #expect(feed.items.count == XMLFeedReader.maxItems)
    #expect(feed.items.last?.id == String(XMLFeedReader.maxItems - 1))
    #expect(feed.warnings.contains { $0.contains("1 items beyond") })
  }

  @Test("A document over the size limit is refused before parsing")
  func tooLarge() {
    #expect(throws: ParseError.tooLarge(limit: 16)) {
      try FeedParser(maxDocumentBytes: 16).parse(Data(count: 17), now: now)
    }
  }
}
