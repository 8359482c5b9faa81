import Foundation
import KazazModel
import Testing

@testable import KazazParse

@Suite("Feed parser")
struct FeedParserTests {
  let parser = FeedParser()
  let now = Date(timeIntervalSince1970: 1_764_000_000)  // 2025-11-24

  @Test("RSS 2.0: HTML becomes clean text, relative links resolve, content:encoded wins")
  func rss20() throws {
    let feed = try parser.parse(
      Fixture.data("rss20-utf8.xml"), baseURL: "https://www.inform.kz/rss/eng.xml", now: now)
    #expect(feed.format == .rss20)
    #expect(feed.title == "Kazinform — English")
    #expect(feed.ttlMinutes == 30)
    #expect(feed.items.count == 2)
    let first = feed.items[0]
    #expect(first.title == "Kazakhstan, Azerbaijan discuss Middle Corridor")
    #expect(first.link == "https://www.inform.kz/en/kazakhstan-azerbaijan-middle-corridor")
    #expect(first.id == "https://www.inform.kz/en/kazakhstan-azerbaijan-middle-corridor")
    #expect(first.author == "Aigerim Sadykova")
    #expect(first.summary == "ASTANA. The sides discussed freight volumes.")
    #expect(
      first.content
        == "ASTANA. The sides discussed freight volumes across the Caspian.\nSecond paragraph.")
    #expect(first.published == Date(timeIntervalSince1970: 1_681_132_565))
    // No guid: the link is the identity.
    #expect(feed.items[1].id == "https://www.inform.kz/en/second")
    #expect(feed.items[1].published.map { Int($0.timeIntervalSince1970) } == 1_681_203_900)
    #expect(feed.warnings.isEmpty)
  }

  @Test("Atom 1.0: xml:base, alternate link, author name, XHTML content")
  func atom() throws {
    let feed = try parser.parse(Fixture.data("atom10-xmlbase.xml"), now: now)
    #expect(feed.format == .atom10)
    let entry = try #require(feed.items.first)
    #expect(entry.link == "https://report.az/en/foreign-politics/aliyev-tokayev-astana")
    #expect(entry.title == "Aliyev & Tokayev meet in Astana")
    #expect(entry.author == "Report News Agency")
    #expect(entry.id == "tag:report.az,2023:1")
    #expect(entry.content == "The presidents held talks in Astana.")
    #expect(entry.summary == "The presidents held talks.")
    #expect(entry.updated.map { Int($0.timeIntervalSince1970) } == 1_681_131_600)
  }

  @Test("windows-1251 without a declaration is detected and decoded")
  func windows1251Undeclared() throws {
    let feed = try parser.parse(Fixture.data("rss20-windows1251-undeclared.xml"), now: now)
    #expect(feed.title == "Новости Казахстана")
    #expect(feed.items.first?.title == "Товарооборот Казахстана и Азербайджана вырос — «рекорд»")
    #expect(feed.warnings.first?.contains("windows-1251") == true)
    // A Russian free-form date.
    #expect(feed.items.first?.published.map { Int($0.timeIntervalSince1970) } == 1_681_150_560)
  }

  @Test("The HTTP charset overrides a missing declaration")
  func httpCharset() throws {
    let feed = try parser.parse(
      Fixture.data("rss20-windows1251-undeclared.xml"), httpCharset: "windows-1251", now: now)
    #expect(feed.items.first?.title?.hasPrefix("Товарооборот") == true)
    #expect(feed.warnings.isEmpty)
  }

  @Test("KOI8-R declared in the XML prolog")
  func koi8r() throws {
    let feed = try parser.parse(Fixture.data("rss20-koi8r.xml"), now: now)
    #expect(feed.items.first?.title == "Порт Актау и порт Баку подписали соглашение")
    // MSK is UTC+3.
    #expect(feed.items.first?.published.map { Int($0.timeIntervalSince1970) } == 1_681_282_800)
  }

  @Test("Broken XML: bare ampersand, undeclared &nbsp;, control character — items kept, degraded")
  func brokenEntities() throws {
    let feed = try parser.parse(Fixture.data("broken-entities-ampersands.xml"), now: now)
    #expect(feed.items.map(\.id) == ["t1", "t2"])
    #expect(feed.items[0].title == "Baku and Astana sign AT&T-style deal — officials")
    #expect(feed.items[1].title?.hasSuffix("item & more") == true)
    #expect(!feed.warnings.isEmpty)
  }

  @Test("A truncated document keeps the items before the damage")
  func truncated() throws {
    let feed = try parser.parse(Fixture.data("truncated.xml"), now: now)
    #expect(Array(feed.items.map(\.id).prefix(2)) == ["1", "2"])
    #expect(!feed.warnings.isEmpty)
  }

  /// (How quickly is measured in bench/parse, not here.)
  @Test("Billion laughs is rejected with a clear error")
  func billionLaughs() throws {
    #expect(throws: ParseError.entityExpansion(limit: XMLFeedReader.expansionLimit)) {
      try parser.parse(Fixture.data("billion-laughs.xml"), now: now)
    }
  }

  @Test("An external entity pointing at a local file is never read")
  func externalEntity() throws {
    let feed = try parser.parse(Fixture.data("xxe-local-file.xml"), now: now)
    let hostname = (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let title = try #require(feed.items.first?.title)
    #expect(title == "Leak:")
    if let hostname, !hostname.isEmpty { #expect(!title.contains(hostname)) }
    #expect(feed.warnings.contains { $0.contains("secret") })
  }

  @Test("A small internal entity is expanded")
  func internalEntity() throws {
    let feed = try parser.parse(Fixture.data("internal-entity.xml"), now: now)
    #expect(feed.items.first?.title == "Summit of the Organization of Turkic States")
  }

  @Test("RSS 1.0 (RDF) with dc:date")
  func rdf() throws {
    let feed = try parser.parse(Fixture.data("rdf-rss10.xml"), now: now)
    #expect(feed.format == .rss10)
    #expect(feed.items.first?.link == "https://example.az/1")
    #expect(feed.items.first?.id == "https://example.az/1")
    #expect(feed.items.first?.published.map { Int($0.timeIntervalSince1970) } == 1_681_136_160)
  }

  @Test("JSON Feed 1.1")
  func jsonFeed() throws {
    let feed = try parser.parse(Fixture.data("jsonfeed11.json"), now: now)
    #expect(feed.format == .jsonFeed)
    #expect(feed.items.first?.content == "Talks held.")
    #expect(feed.items.first?.author == "Desk")
  }

  @Test("Not a feed: a clear error naming the root element")
  func notAFeed() {
    #expect(throws: ParseError.unknownFormat(root: "html")) {
      try parser.parse(Data("<html><body>hi</body></html>".utf8), now: now)
    }
    #expect(throws: ParseError.empty) { try parser.parse(Data("  \n".utf8), now: now) }
  }

  @Test("Binary garbage is not a feed, not 'malformed XML at line 0'")
  func binaryGarbage() {
    // Bytes that are not valid UTF-8 and include ones windows-1251 leaves undefined (0x98).
    var generator = SystemRandomNumberGenerator()
    var bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
    bytes[0] = 0x98
    bytes[1] = 0xFF
    #expect(throws: ParseError.unknownFormat(root: nil)) {
      try parser.parse(Data(bytes), now: now)
    }
  }

  @Test("Without guid or link, the identity is a stable content hash")
  func contentHashIdentity() throws {
    let xml =
      "<rss version=\"2.0\"><channel><item><title>Only a title</title></item></channel></rss>"
    let first = try parser.parse(Data(xml.utf8), now: now).items[0].id
    let second = try parser.parse(Data(xml.utf8), now: now).items[0].id
    #expect(first == second)
    #expect(first.hasPrefix("hash:"))
  }
}
