import Foundation
import KazazModel
import Testing

@testable import KazazParse

@Suite("Feed formats and namespaces")
struct FormatTests {
  let parser = FeedParser()
  let now = Date(timeIntervalSince1970: 1_764_000_000)  // 2025-11-24

  @Test("Yandex-flavoured RSS: yandex:full-text, media:*, enclosure, atom:link, categories")
  func yandexMedia() throws {
    let feed = try parser.parse(
      Fixture.data("rss20-yandex-media-windows1251.xml"), baseURL: "https://www.trend.az/feeds/",
      now: now)
    #expect(feed.format == .rss20)
    #expect(feed.link == "https://www.trend.az/")
    let first = feed.items[0]
    #expect(first.title == "Алиев и Токаев обсудили «Средний коридор»")
    #expect(first.author == "Лейла Мамедова")
    #expect(first.categories == ["Политика", "Казахстан"])
    #expect(first.summary == "Президенты встретились в Баку.")
    #expect(
      first.content
        == "Президенты Азербайджана и Казахстана встретились в Баку.\nОни обсудили транзит грузов.")
    #expect(
      first.media == [
        ParsedMedia(
          kind: .enclosure, url: "https://img.trend.az/1/3700001.jpg", type: "image/jpeg"),
        ParsedMedia(
          kind: .content, url: "https://img.trend.az/1/3700001-big.jpg", type: "image",
          caption: "Президенты в Баку"),
        ParsedMedia(kind: .thumbnail, url: "https://www.trend.az/thumbs/3700001.jpg"),
      ])
    // An RSS item whose only link is atom:link, with media:group.
    let second = feed.items[1]
    #expect(second.link == "https://www.trend.az/business/3700002.html")
    #expect(second.summary == "Видеорепортаж о пароме")
    #expect(second.media.map(\.kind) == [.content, .thumbnail])
  }

  @Test("Missing, absurd and future dates fall back to the first-seen time, marked estimated")
  func estimatedDates() throws {
    let feed = try parser.parse(Fixture.data("rss20-yandex-media-windows1251.xml"), now: now)
    #expect(feed.items[0].dateEstimated == false)
    #expect(feed.items[0].published.map { Int($0.timeIntervalSince1970) } == 1_681_207_500)
    // No date at all.
    #expect(feed.items[1].dateEstimated)
    #expect(feed.items[1].published == now)
    // pubDate in 1900 is absurd; the dc:date after it is used instead.
    #expect(feed.items[2].dateEstimated == false)
    #expect(feed.items[2].published.map { Int($0.timeIntervalSince1970) } == 1_681_150_560)
    // A Russian free-form dc:date.
    #expect(feed.items[3].published.map { Int($0.timeIntervalSince1970) } == 1_681_150_560)
    // 2050 is in the future: absurd.
    #expect(feed.items[4].dateEstimated)
    #expect(feed.items[4].published == now)
    #expect(feed.warnings.contains { $0.contains("1 items with an unreadable or absurd date") })
  }

  @Test("RSS 0.90 (Netscape RDF)")
  func rss090() throws {
    let feed = try parser.parse(Fixture.data("rss090.xml"), now: now)
    #expect(feed.format == .rss090)
    #expect(feed.title == "Kazakh TV")
    #expect(
      feed.items.map(\.link) == [
        "https://kazakh-tv.kz/en/view/1", "https://kazakh-tv.kz/en/view/2",
      ])
  }

  @Test("RSS 0.91 in windows-1251, with a DOCTYPE that is never loaded")
  func rss091() throws {
    let feed = try parser.parse(Fixture.data("rss091-windows1251.xml"), now: now)
    #expect(feed.format == .rss091)
    #expect(feed.items.map(\.title) == ["Визит в Баку", "Торговля растёт"])
    #expect(feed.items[0].summary == "Делегация прибыла в Баку.")
    #expect(feed.items.allSatisfy { $0.dateEstimated })
  }

  @Test("RSS 0.92 with an enclosure and double-escaped entities")
  func rss092() throws {
    let feed = try parser.parse(Fixture.data("rss092.xml"), now: now)
    #expect(feed.format == .rss092)
    #expect(feed.items[0].title == "Azerbaijan–Kazakhstan business forum")
    #expect(feed.items[0].summary == "Held in Baku.")
    #expect(feed.items[0].media.first?.url == "https://azertag.az/a.mp3")
  }

  @Test("Atom 0.3: issued, modified, escaped content, author")
  func atom03() throws {
    let feed = try parser.parse(Fixture.data("atom03.xml"), now: now)
    #expect(feed.format == .atom03)
    #expect(feed.link == "https://caspian.example.org/")
    let entry = try #require(feed.items.first)
    #expect(entry.id == "tag:caspian.example.org,2023:ferry")
    #expect(entry.link == "https://caspian.example.org/2023/04/ferry")
    #expect(entry.author == "Nurlan Abenov")
    #expect(entry.content == "The ferry line resumes.")
    #expect(entry.published.map { Int($0.timeIntervalSince1970) } == 1_681_196_400)
    #expect(entry.updated.map { Int($0.timeIntervalSince1970) } == 1_681_286_400)
  }

  @Test("Atom without its namespace is read as Atom 1.0")
  func atomWithoutNamespace() throws {
    let xml = """
      <feed><title>Bare</title><entry><title>Entry</title><id>urn:x:1</id>
      <link href="https://example.kz/1"/><updated>2023-04-10T18:16:05Z</updated></entry></feed>
      """
    let feed = try parser.parse(Data(xml.utf8), now: now)
    #expect(feed.format == .atom10)
    #expect(feed.items.first?.link == "https://example.kz/1")
    #expect(feed.items.first?.published.map { Int($0.timeIntervalSince1970) } == 1_681_150_565)
  }

  @Test("Atom text constructs: xhtml is not stripped again, base64 is decoded")
  func atomTextTypes() throws {
    let xml = """
      <feed xmlns="http://www.w3.org/2005/Atom"><entry>
      <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">History of the &lt;blink&gt; tag</div></title>
      <summary type="text/html">PHA+QmFrdSAmYW1wOyBBc3RhbmE8L3A+</summary>
      <content type="application/octet-stream">QmFrdQ==</content>
      <id>https://example.az/1</id></entry></feed>
      """
    let feed = try parser.parse(Data(xml.utf8), now: now)
    let entry = try #require(feed.items.first)
    #expect(entry.title == "History of the <blink> tag")
    // text/html is not binary: taken as HTML text, not base64.
    #expect(entry.summary == "PHA+QmFrdSAmYW1wOyBBc3RhbmE8L3A+")
    #expect(entry.content == "Baku")
    // An id that is a web address is the link when there is no other.
    #expect(entry.link == "https://example.az/1")
  }
}
