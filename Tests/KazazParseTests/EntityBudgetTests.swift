import Foundation
import KazazModel
import Testing

@testable import KazazParse

/// Entity expansion is charged per reference against one budget per document: a small feed
/// cannot make the parser copy gigabytes by naming one large entity again and again.
@Suite("Entity expansion budget")
struct EntityBudgetTests {
  let now = Date(timeIntervalSince1970: 1_764_000_000)
  let limit = XMLFeedReader.expansionLimit

  /// A feed declaring `entity` as `value` whose one item's description references it `count`
  /// times.
  private func feed(value: String, references count: Int, entity: String = "a") -> Data {
    let references = String(repeating: "&\(entity);", count: count)
    let xml =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [ <!ENTITY \(entity) \"\(value)\"> ]>\n"
      + "<rss version=\"2.0\"><channel><title>T</title><item><guid>1</guid>"
      + "<description>\(references)</description></item></channel></rss>"
    return Data(xml.utf8)
  }

  @Test("A 300 KB feed of references to one large entity is rejected as an entity bomb")
  func oneLargeEntityManyTimes() throws {
    let data = feed(value: String(repeating: "A", count: 200_000), references: 34_000)
    #expect(data.count > 300_000)
    let error = #expect(throws: ParseError.self) { try FeedParser().parse(data, now: now) }
    #expect(error == .entityExpansion(limit: limit))
    #expect(error?.description.contains("entity bomb") == true)
  }

  @Test("A small declaration nested up to a megabyte, referenced 100,000 times, is rejected")
  func nestedLargeEntityManyTimes() throws {
    let xml =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY a \"\(String(repeating: "x", count: 1000))\">\n"
      + "<!ENTITY b \"\(String(repeating: "&a;", count: 999))\">\n]>\n"
      + "<rss version=\"2.0\"><channel><title>T</title><item><guid>1</guid><description>"
      + String(repeating: "&b;", count: 100_000) + "</description></item></channel></rss>"
    #expect(throws: ParseError.entityExpansion(limit: limit)) {
      try FeedParser().parse(Data(xml.utf8), now: now)
    }
  }

  @Test("Every reference counts: the budget is met exactly, and one byte more is refused")
  func everyReferenceCounts() throws {
    // The declaration is charged once and each reference again: (1 + n) × size bytes.
    let size = 1000
    let value = String(repeating: "b", count: size)
    let fitting = limit / size - 1
    let feed = try FeedParser().parse(feed(value: value, references: fitting), now: now)
    // All of it expanded, up to the field limit.
    #expect(
      feed.items.first?.summary?.utf8.count == min(fitting * size, XMLFeedReader.maxFieldBytes))
    #expect(throws: ParseError.entityExpansion(limit: limit)) {
      try FeedParser().parse(self.feed(value: value, references: fitting + 1), now: now)
    }
  }

  @Test("Declared entities used thousands of times in a legitimate feed still expand")
  func ordinaryUse() throws {
    var xml = """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE rss [
        <!ENTITY nbsp "&#160;"> <!ENTITY mdash "&#8212;"> <!ENTITY laquo "&#171;">
        <!ENTITY raquo "&#187;"> <!ENTITY org "Organization of Turkic States">
      ]>
      <rss version="2.0"><channel><title>T</title>
      """
    for index in 0..<500 {
      xml += "<item><guid>\(index)</guid><title>&laquo;Summit&raquo;&nbsp;&mdash; &org;</title>"
      xml += "<description>"
      xml += String(repeating: "Astana&nbsp;and&nbsp;Baku &mdash; &org;. ", count: 4)
      xml += "</description></item>"
    }
    xml += "</channel></rss>"
    let feed = try FeedParser().parse(Data(xml.utf8), now: now)
    #expect(feed.items.count == 500)
    #expect(feed.items.last?.title == "«Summit» — Organization of Turkic States")
    #expect(feed.items.last?.summary?.hasPrefix("Astana and Baku — Organization of") == true)
  }

  @Test("Entities in attribute values are charged too")
  func attributeReferences() throws {
    let references = String(repeating: "&a;", count: 60_000)
    let xml =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [ <!ENTITY a \"\(String(repeating: "c", count: 100))\"> ]>\n"
      + "<rss version=\"2.0\"><channel><title>T</title><item><guid>1</guid>"
      + "<enclosure url=\"\(references)\" type=\"image/jpeg\"/></item></channel></rss>"
    #expect(throws: ParseError.entityExpansion(limit: limit)) {
      try FeedParser().parse(Data(xml.utf8), now: now)
    }
  }
}
