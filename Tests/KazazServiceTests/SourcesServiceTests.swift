import Foundation
import KazazConfig
import KazazFetch
import KazazModel
import KazazStore
import KazazTesting
import Logging
import Testing

@testable import KazazService

@Suite("Full article text in the pipeline")
struct ArticleFetcherTests {
  let directory: TemporaryDirectory
  let server: LoopbackHTTPServer
  let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

  init() throws {
    directory = try TemporaryDirectory()
    server = try LoopbackHTTPServer()
    let talks = agencyPage(
      title: "Presidents held talks in Astana",
      paragraphs: [
        "The President of Kazakhstan held talks with the President of Azerbaijan in Astana on Monday, the presidential press service said.",
        "The leaders discussed trade, the Trans-Caspian transport route and energy cooperation between Kazakhstan and Azerbaijan, and agreed to expand ferry traffic between Aktau and Baku.",
        "Kazakhstan and Azerbaijan signed six agreements on transit, investment and culture after the talks.",
      ])
    let snow = agencyPage(
      title: "Snow in the north",
      paragraphs: [
        "Heavy snow closed several roads in northern regions on Monday, the emergencies ministry said.",
        "Schools switched to distance learning, and forecasters expect the storm to end by Wednesday.",
      ])
    server.route("/articles/talks") { _ in .text(talks, contentType: "text/html; charset=utf-8") }
    server.route("/articles/snow") { _ in .text(snow, contentType: "text/html; charset=utf-8") }
    for index in 0..<12 {
      server.route("/articles/n\(index)") { _ in
        .text(snow, contentType: "text/html; charset=utf-8")
      }
    }
  }

  func feed(items: [(String, String)]) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <rss version="2.0"><channel><title>Agency</title><link>\(server.url("/"))</link>
    \(items.map { "<item><title>\($0.0)</title><link>\(server.url($0.1))</link><guid>\($0.1)</guid><description>Short lead.</description></item>" }.joined(separator: "\n"))
    </channel></rss>
    """
  }

  func monitor(fullText: String?) throws -> Monitor {
    let text = """
      state_dir: \(directory.path("state").path)
      profile: \(ProjectPaths.profile.path)
      feeds:
        - url: \(server.url("/feed.xml"))
      \(fullText.map { "    full_text: \($0)" } ?? "")
      """
    let config = try ConfigLoader.load(path: directory.write(text, to: "config.yaml").path)
    return try Monitor.open(config: config, logger: logger)
  }

  @Test("auto: a headline-only item is classified from its article; page noise is not stored")
  func autoFetchesArticles() async throws {
    let body = feed(items: [
      ("Presidents held talks in Astana", "/articles/talks"),
      ("Snow in the north", "/articles/snow"),
    ])
    server.route("/feed.xml") { _ in .text(body) }
    let monitor = try monitor(fullText: nil)
    defer { monitor.shutdown() }
    let summary = try await monitor.refresh()
    #expect(summary.newItems == 2 && summary.relevantItems == 1)
    #expect(server.requests(to: "/articles/talks").count == 1)
    let stored = try monitor.store.search(SearchQuery(words: ["ferry"]))
    let item = try #require(stored.first)
    #expect(item.title == "Presidents held talks in Astana" && item.relevant)
    #expect(item.text.contains("signed six agreements"))
    #expect(!item.text.contains("Most read") && !item.text.contains("finally the ferries"))
    #expect(!item.text.contains("Politics"))
    // The digest's lead comes from the article, not from the feed's one-line description.
    let files = try monitor.writeDigest()
    let digest = try String(contentsOf: try #require(files.first), encoding: .utf8)
    #expect(digest.contains("held talks with the President of Azerbaijan"))
    #expect(!digest.contains("Short lead."))
  }

  @Test("never: no article page is fetched and the headline alone is not enough")
  func neverFetches() async throws {
    let body = feed(items: [("Presidents held talks in Astana", "/articles/talks")])
    server.route("/feed.xml") { _ in .text(body) }
    let monitor = try monitor(fullText: "never")
    defer { monitor.shutdown() }
    let summary = try await monitor.refresh()
    #expect(summary.newItems == 1 && summary.relevantItems == 0)
    #expect(server.requests(to: "/articles/talks").isEmpty)
  }

  @Test("at most ten article pages per feed poll")
  func capped() async throws {
    let body = feed(items: (0..<12).map { ("Item \($0)", "/articles/n\($0)") })
    server.route("/feed.xml") { _ in .text(body) }
    let monitor = try monitor(fullText: "always")
    defer { monitor.shutdown() }
    let summary = try await monitor.refresh()
    #expect(summary.newItems == 12)
    let fetched = (0..<12).reduce(0) { $0 + server.requests(to: "/articles/n\($1)").count }
    #expect(fetched == 10)
  }
}

@Suite("Feed autodiscovery over HTTP")
struct FeedFinderTests {
  let server: LoopbackHTTPServer
  static let rss = """
    <?xml version="1.0"?><rss version="2.0"><channel><title>Loopback News</title>
    <item><title>One</title><guid>1</guid></item></channel></rss>
    """

  init() throws {
    server = try LoopbackHTTPServer()
  }

  @Test("a feed URL is taken as it is")
  func direct() async throws {
    server.route("/rss") { _ in .text(Self.rss) }
    let engine = CurlEngine()
    defer { engine.shutdown() }
    let found = try await FeedFinder(engine: engine).find(server.url("/rss"))
    #expect(found.url == server.url("/rss") && found.via == "direct")
    #expect(found.feed.title == "Loopback News")
  }

  @Test("a page's <link rel=alternate> is followed; comment feeds and broken links come last")
  func announced() async throws {
    server.route("/news/page") { _ in
      .text(
        """
        <html><head>
        <link rel="alternate" type="application/rss+xml" title="Comments" href="/comments.xml">
        <link rel="alternate" type="application/rss+xml" href="missing.xml">
        <link rel="alternate" type="application/atom+xml" href="\(server.url("/feeds/main.xml"))">
        </head><body>Hello</body></html>
        """, contentType: "text/html")
    }
    server.route("/comments.xml") { _ in .text(Self.rss) }
    server.route("/news/missing.xml") { _ in .init(status: 404) }
    server.route("/feeds/main.xml") { _ in .text(Self.rss) }
    let engine = CurlEngine()
    defer { engine.shutdown() }
    let found = try await FeedFinder(engine: engine).find(server.url("/news/page"))
    #expect(found.url == server.url("/feeds/main.xml") && found.via == "link")
    #expect(server.requests(to: "/news/missing.xml").count == 1)
    #expect(server.requests(to: "/comments.xml").isEmpty)
  }

  @Test("with no announced feed the common paths are tried on the site")
  func commonPaths() async throws {
    server.route("/") { _ in .text("<html><body>Home</body></html>", contentType: "text/html") }
    server.route("/rss.xml") { _ in .text(Self.rss) }
    let engine = CurlEngine()
    defer { engine.shutdown() }
    let found = try await FeedFinder(engine: engine).find(server.url("/"))
    #expect(found.url == server.url("/rss.xml") && found.via == "common-path")
    #expect(server.requests(to: "/feed").count == 1 && server.requests(to: "/rss").count == 1)
  }

  @Test("no feed anywhere: a clear failure naming what was tried")
  func nothing() async throws {
    server.route("/") { _ in .text("<html><body>Home</body></html>", contentType: "text/html") }
    let engine = CurlEngine()
    defer { engine.shutdown() }
    do {
      _ = try await FeedFinder(engine: engine).find(server.url("/"))
      Issue.record("a page without feeds was accepted")
    } catch {
      #expect(error.description.contains("no feed found"))
      #expect(error.description.contains("/atom.xml"))
    }
  }
}
