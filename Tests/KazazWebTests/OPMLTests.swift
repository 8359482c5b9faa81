import Foundation
import KazazWeb
import Testing

@Suite("OPML")
struct OPMLTests {
  @Test("OPML 1.0: flat list, text as title")
  func opml1() throws {
    let text = """
      <?xml version="1.0" encoding="ISO-8859-1"?>
      <opml version="1.0">
        <head><title>mySubscriptions</title></head>
        <body>
          <outline text="Report.az" type="rss" xmlUrl="https://report.az/rss/" htmlUrl="https://report.az/"/>
          <outline text="Caf&#233; news" type="rss" xmlUrl="https://example.org/feed?a=1&amp;b=2"/>
        </body>
      </opml>
      """
    let feeds = try OPML.parse(Data(text.utf8))
    #expect(
      feeds == [
        OPMLFeed(url: "https://report.az/rss/", title: "Report.az", siteURL: "https://report.az/"),
        OPMLFeed(url: "https://example.org/feed?a=1&b=2", title: "Café news"),
      ])
  }

  @Test("OPML 2.0: nested folders become category paths; the category attribute is read")
  func opml2() throws {
    let text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <opml version="2.0">
        <head><title>Desk</title></head>
        <body>
          <outline text="Agencies">
            <outline text="Kazakhstan">
              <outline type="rss" text="Kazinform" title="Kazinform" xmlUrl="https://www.inform.kz/rss/"/>
            </outline>
            <outline type="rss" text="Trend" xmlUrl="https://en.trend.az/feeds/index.rss"/>
          </outline>
          <outline type="rss" text="APA" xmlUrl="https://apa.az/rss" category="/Azerbaijan/Agencies,/News"/>
          <outline type="rss" text="Loose" xmlUrl="https://example.org/rss"/>
        </body>
      </opml>
      """
    let feeds = try OPML.parse(Data(text.utf8))
    #expect(
      feeds.map(\.category) == ["Agencies/Kazakhstan", "Agencies", "Azerbaijan/Agencies", nil])
    #expect(feeds.map(\.title) == ["Kazinform", "Trend", "APA", "Loose"])
  }

  @Test("export then import gives the same list back, categories and odd characters kept")
  func roundTrip() throws {
    let feeds = [
      OPMLFeed(url: "https://report.az/rss/", title: "Report.az", category: "Azerbaijan"),
      OPMLFeed(
        url: "https://www.inform.kz/rss/", title: "Kazinform <KZ> & \"news\"",
        category: "Kazakhstan/Agencies"),
      OPMLFeed(url: "https://example.org/a?x=1&y=2", title: "Uncategorised"),
      OPMLFeed(
        url: "https://apa.az/rss", title: "APA", category: "Azerbaijan", siteURL: "https://apa.az/"),
      OPMLFeed(url: "https://kapital.kz/rss", title: "Капитал", category: "Kazakhstan/Business"),
    ]
    let written = OPML.write(
      feeds, title: "kazaz-monitor feeds", created: Date(timeIntervalSince1970: 0))
    #expect(written.contains("<opml version=\"2.0\">"))
    let read = try OPML.parse(Data(written.utf8))
    // Feeds come back grouped by folder, in the order folders first appear.
    let grouped = [feeds[0], feeds[3], feeds[1], feeds[4], feeds[2]]
    #expect(read == grouped)
    #expect(
      OPML.write(read, title: "kazaz-monitor feeds", created: Date(timeIntervalSince1970: 0))
        == written)
  }

  @Test("A feed's language is read when it is a language tag, and written back")
  func language() throws {
    let text = """
      <opml version="2.0"><body>
      <outline type="rss" text="A" xmlUrl="https://a.kz/rss" language=" KK "/>
      <outline type="rss" text="B" xmlUrl="https://b.az/rss" language="Azerbaijani, mostly"/>
      <outline type="rss" text="C" xmlUrl="https://c.kz/rss"/>
      </body></opml>
      """
    let feeds = try OPML.parse(Data(text.utf8))
    #expect(feeds.map(\.language) == ["kk", nil, nil])
    let written = OPML.write(feeds, title: "t")
    #expect(written.contains("xmlUrl=\"https://a.kz/rss\" language=\"kk\"/>"))
    #expect(try OPML.parse(Data(written.utf8)) == feeds)
  }

  @Test("not OPML, broken XML and entity tricks are refused or harmless")
  func refusals() {
    #expect(throws: OPMLError.self) { try OPML.parse(Data("<rss><channel/></rss>".utf8)) }
    #expect(throws: OPMLError.self) { try OPML.parse(Data()) }
    let external = """
      <?xml version="1.0"?>
      <!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>
      <opml version="2.0"><body><outline text="&x;" xmlUrl="https://example.org/rss"/></body></opml>
      """
    let feeds = try? OPML.parse(Data(external.utf8))
    #expect(feeds?.first?.title?.contains("root:") != true)
  }

  @Test("what is read writes back as the same file: white space in URLs, folders and titles")
  func stableRoundTrip() throws {
    let opml = """
      <?xml version="1.0" encoding="UTF-8"?>
      <opml version="2.0"><body>
      <outline text="Only spaces" xmlUrl="   "><outline text="Inner" xmlUrl="https://example.kz/a"/></outline>
      <outline text="Top" xmlUrl=" https://example.kz/b " category=" Business /  / Energy   Desk ,Other"/>
      <outline text="  Agencies  &#9; KZ "><outline text=" " ><outline title="Tab&#9;and&#13;return"
        xmlUrl="https://example.kz/c"/></outline></outline>
      </body></opml>
      """
    let feeds = try OPML.parse(Data(opml.utf8))
    #expect(
      feeds == [
        OPMLFeed(url: "https://example.kz/a", title: "Inner", category: "Only spaces"),
        OPMLFeed(url: "https://example.kz/b", title: "Top", category: "Business/Energy Desk"),
        OPMLFeed(url: "https://example.kz/c", title: "Tab\tand\rreturn", category: "Agencies KZ"),
      ])
    let written = OPML.write(feeds, title: "t", created: Date(timeIntervalSince1970: 0))
    let reread = try OPML.parse(Data(written.utf8))
    #expect(reread == feeds)
    #expect(OPML.write(reread, title: "t", created: Date(timeIntervalSince1970: 0)) == written)
  }

  @Test("a billion laughs in outline titles and folders nested 10,000 deep are harmless")
  func hostileStructure() throws {
    var declarations = "<!ENTITY l0 \"lol\">"
    for level in 1...9 {
      declarations +=
        "<!ENTITY l\(level) \"" + String(repeating: "&l\(level - 1);", count: 10) + "\">"
    }
    let bomb = """
      <?xml version="1.0"?>
      <!DOCTYPE opml [\(declarations)]>
      <opml version="2.0"><body><outline text="&l9;"><outline text="&l9;" title="&l9;"
      xmlUrl="https://example.org/rss"/></outline></body></opml>
      """
    let feeds = try? OPML.parse(Data(bomb.utf8))
    #expect((feeds?.first?.title?.utf8.count ?? 0) < 1_000_000)
    let depth = 10_000
    let deep =
      "<opml version=\"2.0\"><body>" + String(repeating: "<outline text=\"f\">", count: depth)
      + "<outline xmlUrl=\"https://example.org/deep\"/>"
      + String(repeating: "</outline>", count: depth) + "</body></opml>"
    // Too deep for libxml2 to read: refused, not a crash.
    #expect(throws: OPMLError.self) { try OPML.parse(Data(deep.utf8)) }
  }
}

@Suite("Feed autodiscovery (pages)")
struct FeedDiscoveryTests {
  @Test("<link rel=alternate>: relative and absolute, feeds before comment feeds, RSS before JSON")
  func links() {
    let page = HTMLDocument(
      html: """
        <html><head>
        <link rel="alternate" type="application/rss+xml" title="Comments" href="/comments/feed/">
        <link rel="alternate" type="application/feed+json" href="https://news.example/feed.json">
        <link rel="alternate" type="application/rss+xml" title="Main feed" href="/rss">
        <link rel="alternate" type="application/atom+xml" href="atom.xml">
        <link rel="alternate" type="text/html" hreflang="ru" href="/ru/">
        <link rel="stylesheet" href="/site.css">
        <link rel="alternate" type="application/rss+xml" href="/rss">
        </head><body><a href="/rss">RSS</a></body></html>
        """)
    let feeds = FeedDiscovery.feeds(in: page, pageURL: "https://news.example/section/page.html")
    #expect(
      feeds.map(\.url) == [
        "https://news.example/rss", "https://news.example/section/atom.xml",
        "https://news.example/feed.json", "https://news.example/comments/feed/",
      ])
    #expect(feeds.first?.title == "Main feed")
  }

  @Test("<base href> is honoured; common paths are on the page's origin")
  func baseAndCommonPaths() {
    let page = HTMLDocument(
      html:
        "<html><head><base href=\"https://cdn.example/site/\"><link rel=\"alternate\" type=\"application/rss+xml\" href=\"feed.xml\"></head></html>"
    )
    #expect(
      FeedDiscovery.feeds(in: page, pageURL: "https://news.example/").map(\.url) == [
        "https://cdn.example/site/feed.xml"
      ])
    let common = FeedDiscovery.commonCandidates(for: "http://127.0.0.1:8080/news/item?id=5#top")
    #expect(common.first == "http://127.0.0.1:8080/feed")
    #expect(common.contains("http://127.0.0.1:8080/index.rss"))
    #expect(common.allSatisfy { !$0.contains("?") && !$0.contains("#") })
  }

  @Test("Only http(s) candidates: a page cannot announce a file or another scheme")
  func onlyHTTPCandidates() {
    let page = HTMLDocument(
      html: """
        <html><head>
        <link rel="alternate" type="application/rss+xml" href="file:///etc/passwd">
        <link rel="alternate" type="application/rss+xml" href="FILE:///var/lib/feed.xml">
        <link rel="alternate" type="application/atom+xml" href="ftp://news.example/feed.xml">
        <link rel="alternate" type="application/atom+xml" href="gopher://news.example/1">
        <link rel="alternate" type="application/rss+xml" href="/rss">
        </head></html>
        """)
    #expect(
      FeedDiscovery.feeds(in: page, pageURL: "https://news.example/").map(\.url) == [
        "https://news.example/rss"
      ])
    // A page read from a file has no site: its relative links are files and are dropped too.
    #expect(FeedDiscovery.feeds(in: page, pageURL: "file:///srv/page.html").isEmpty)
    #expect(FeedDiscovery.commonCandidates(for: "file:///srv/page.html").isEmpty)
    #expect(FeedDiscovery.commonCandidates(for: "ftp://news.example/").isEmpty)
  }

  @Test("An http(s) link without a host is no feed: the config would refuse it")
  func hostless() {
    let page = HTMLDocument(
      html: """
        <html><head>
        <link rel="alternate" type="application/rss+xml" href="http:feed.xml">
        <link rel="alternate" type="application/atom+xml" href="https://">
        <link rel="alternate" type="application/rss+xml" href="http://[::1">
        <link rel="alternate" type="application/rss+xml" href="/rss">
        </head></html>
        """)
    #expect(
      FeedDiscovery.feeds(in: page, pageURL: "https://news.example/").map(\.url) == [
        "https://news.example/rss"
      ])
  }

  @Test("feeds are told from pages by their first bytes")
  func looksLikeFeed() {
    #expect(FeedDiscovery.looksLikeFeed(Data("<?xml version=\"1.0\"?><rss version=\"2.0\">".utf8)))
    #expect(FeedDiscovery.looksLikeFeed(Data("<feed xmlns=\"http://www.w3.org/2005/Atom\">".utf8)))
    #expect(!FeedDiscovery.looksLikeFeed(Data("<!DOCTYPE html><html><head>".utf8)))
  }
}
