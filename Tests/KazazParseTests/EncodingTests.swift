import Foundation
import KazazModel
import Testing

@testable import KazazParse

@Suite("Feed encodings")
struct EncodingTests {
  let parser = FeedParser()
  let now = Date(timeIntervalSince1970: 1_764_000_000)
  let kazakhTitle = "Казахстан и Азербайджан обсудили Транскаспийский маршрут"

  @Test(
    "Cyrillic in every encoding our sources use",
    arguments: [
      "rss20-utf16le-bom.xml", "rss20-utf16be-nobom.xml", "rss20-iso8859-5.xml",
      "rss20-windows1251-declared-utf8.xml", "rss20-koi8r-undeclared.xml",
    ])
  func cyrillic(fixture: String) throws {
    let feed = try parser.parse(Fixture.data(fixture), now: now)
    #expect(feed.items.count == 2)
    #expect(feed.items.first?.title == kazakhTitle)
    #expect(feed.items.last?.title == "Баку и Астана: новый паром")
    // "Ср, 12 апр 2023 10:00:00 +0600": a Russian weekday and month.
    #expect(feed.items.first?.published.map { Int($0.timeIntervalSince1970) } == 1_681_272_000)
    #expect(feed.items.first?.dateEstimated == false)
  }

  @Test("A UTF-8 declaration over windows-1251 bytes is overruled, with a warning")
  func wrongDeclaration() throws {
    let feed = try parser.parse(Fixture.data("rss20-windows1251-declared-utf8.xml"), now: now)
    #expect(feed.warnings.contains { $0.contains("read as windows-1251") })
  }

  @Test("KOI8-R without a true declaration is told from windows-1251 by its letters")
  func koi8Guess() throws {
    let feed = try parser.parse(Fixture.data("rss20-koi8r-undeclared.xml"), now: now)
    #expect(feed.warnings.contains { $0.contains("read as KOI8-R") })
  }

  @Test("Undeclared Latin text is read as windows-1252, not as Cyrillic")
  func latinGuess() throws {
    let xml =
      "<rss version=\"2.0\"><channel><title>UOL Not\u{ED}cias</title><item>"
      + "<title>Rival de Putin \u{E9} condenado a mais 20 dias de pris\u{E3}o</title>"
      + "<description>Relat\u{F3}rio do governo, mu\u{E7}ulmanos, S\u{E3}o Paulo</description>"
      + "</item></channel></rss>"
    let data = try #require(xml.data(using: .isoLatin1))
    let feed = try parser.parse(data, now: now)
    #expect(feed.items.first?.title == "Rival de Putin é condenado a mais 20 dias de prisão")
  }

  @Test("ISO-8859-9 (Turkish)")
  func turkish() throws {
    let feed = try parser.parse(Fixture.data("rss20-iso8859-9.xml"), now: now)
    #expect(feed.title == "Anadolu Ajansı - Dünya")
    #expect(
      feed.items.first?.title == "Kazakistan ve Azerbaycan arasında işbirliği anlaşması imzalandı")
  }

  @Test("The HTTP charset is trusted over the XML declaration")
  func httpBeatsDeclaration() throws {
    let feed = try parser.parse(
      Fixture.data("rss20-windows1251-declared-utf8.xml"), httpCharset: "windows-1251", now: now)
    #expect(feed.items.first?.title == kazakhTitle)
    #expect(feed.warnings.isEmpty)
  }

  @Test("An HTTP us-ascii over non-ASCII bytes is ignored with a warning")
  func httpASCIIIgnored() throws {
    let feed = try parser.parse(
      Fixture.data("rss091-windows1251.xml"), httpCharset: "us-ascii", now: now)
    #expect(feed.title == "Казахстанская правда")
    #expect(feed.warnings.contains { $0.contains("us-ascii") })
  }

  @Test("A byte windows-1251 leaves undefined (0x98) does not stop the feed")
  func undefinedByte() throws {
    var data = try Fixture.data("rss091-windows1251.xml")
    // Put 0x98 into the first item's title (after "Визит").
    let title = try #require("Визит".data(using: .windowsCP1251))
    let range = try #require(data.range(of: title))
    data.insert(0x98, at: range.upperBound)
    let feed = try parser.parse(data, now: now)
    #expect(feed.items.count == 2)
    #expect(feed.items.first?.title == "Визит\u{FFFD} в Баку")
    #expect(feed.warnings.contains { $0.contains("U+FFFD") })
  }

  @Test("An encoding libxml2 does not know is skipped with a warning")
  func unsupportedDeclared() throws {
    let xml =
      "<?xml version=\"1.0\" encoding=\"x-no-such-charset\"?><rss version=\"2.0\"><channel>"
      + "<item><title>Астана</title></item></channel></rss>"
    let feed = try parser.parse(Data(xml.utf8), now: now)
    #expect(feed.items.first?.title == "Астана")
    #expect(feed.warnings.contains { $0.contains("x-no-such-charset") })
  }

  @Test("The HTTP Content-Type charset parameter")
  func contentTypeCharset() {
    #expect(FeedParser.charset(ofContentType: "text/xml; charset=\"KOI8-R\"") == "KOI8-R")
    #expect(FeedParser.charset(ofContentType: "application/rss+xml") == nil)
  }
}
