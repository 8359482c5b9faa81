import Foundation
import KazazConfig
import KazazFetch
import KazazModel
import KazazStore
import KazazTesting
import Logging
import Testing

@testable import KazazService

/// A poll of a feed whose publisher sends hostile numbers and headers: the daemon keeps running,
/// clamps what it schedules from them and stores nothing that could hurt a later request.
@Suite("Hostile publishers: numbers, validators and dates from the network")
struct HostilePublisherTests {
  let directory: TemporaryDirectory
  let server: LoopbackHTTPServer
  let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

  init() throws {
    directory = try TemporaryDirectory()
    server = try LoopbackHTTPServer()
  }

  func monitor(feeds: [String]) throws -> Monitor {
    let text = """
      state_dir: \(directory.path("state").path)
      profile: \(ProjectPaths.profile.path)
      feeds:
      \(feeds.map { "  - url: \($0)" }.joined(separator: "\n"))
      """
    let config = try ConfigLoader.load(path: directory.write(text, to: "config.yaml").path)
    return try Monitor.open(config: config, logger: logger)
  }

  static func rss(ttl: String = "", items: String = "") -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <rss version="2.0"><channel><title>Hostile</title>\(ttl)
    \(items)
    </channel></rss>
    """
  }

  @Test("A <ttl> of 10^18 minutes schedules the next poll a day ahead at most")
  func hugeTTL() async throws {
    let body = Self.rss(
      ttl: "<ttl>999999999999999999</ttl>", items: "<item><title>One</title><guid>1</guid></item>")
    server.route("/feed.xml") { _ in
      .init(
        headers: [
          ("Content-Type", "application/rss+xml"), ("Cache-Control", "max-age=60,="),
          ("Retry-After", "99999999999999999999"),
        ], body: Data(body.utf8))
    }
    let monitor = try monitor(feeds: [server.url("/feed.xml")])
    defer { monitor.shutdown() }
    let summary = try await monitor.refresh()
    #expect(summary.newItems == 1 && summary.failedFeeds == 0)
    let feed = try #require(try monitor.store.feeds().first)
    let delay = try #require(feed.nextCheckAt).timeIntervalSince(try #require(feed.lastCheckedAt))
    let day = PollPlanner.seconds(PollPlanner.maximumHint)
    #expect(delay >= day * (1 - PollPlanner.jitterFraction) - 1)
    #expect(delay <= day * (1 + PollPlanner.jitterFraction) + 1)
  }

  @Test("A validator with a control character is neither stored nor sent back")
  func unsafeValidators() async throws {
    let body = Self.rss(items: "<item><title>One</title><guid>1</guid></item>")
    server.route("/feed.xml") { _ in
      .init(
        headers: [
          ("Content-Type", "application/rss+xml"), ("ETag", "\"v1\u{0B}X-Injected: 1\""),
          ("Last-Modified", "Mon, 10 Apr 2023\u{01} 18:16:05 GMT"),
        ], body: Data(body.utf8))
    }
    let monitor = try monitor(feeds: [server.url("/feed.xml")])
    defer { monitor.shutdown() }
    _ = try await monitor.refresh()
    let feed = try #require(try monitor.store.feeds().first)
    #expect(feed.lastStatus == 200)
    #expect(feed.etag == nil && feed.lastModified == nil)
    _ = try await monitor.refresh()
    let second = try #require(server.requests(to: "/feed.xml").last)
    #expect(second.headers["if-none-match"] == nil && second.headers["if-modified-since"] == nil)
    #expect(server.requests(to: "/feed.xml").count == 2)
  }

  static func page(title: String, date: String) -> String {
    """
    <!DOCTYPE html><html><head><meta charset="utf-8"><title>\(title)</title>
    <meta property="article:published_time" content="\(date)"></head>
    <body><div class="article"><h1>\(title)</h1><div class="article-body">
    <p>Kazakhstan and Azerbaijan agreed on Monday to add two ferries on the Trans-Caspian route between the ports of Aktau and Baku, the transport ministries said.</p>
    <p>The new ferries will carry containers and trucks, and the ports will share a booking system, officials of both countries said after the talks.</p>
    </div></div></body></html>
    """
  }

  @Test("An item without a feed date takes its article page's date; an absurd one is ignored")
  func articleDateFillsMissingDate() async throws {
    server.route("/a/dated") { _ in
      .text(
        Self.page(title: "Dated", date: "2024-03-15T09:30:00Z"),
        contentType: "text/html; charset=utf-8")
    }
    server.route("/a/future") { _ in
      .text(
        Self.page(title: "Future", date: "2199-01-01T00:00:00Z"),
        contentType: "text/html; charset=utf-8")
    }
    server.route("/a/both") { _ in
      .text(
        Self.page(title: "Both", date: "2024-03-15T09:30:00Z"),
        contentType: "text/html; charset=utf-8")
    }
    let items = [
      "<item><title>Dated</title><link>\(server.url("/a/dated"))</link><guid>d</guid></item>",
      "<item><title>Future</title><link>\(server.url("/a/future"))</link><guid>f</guid></item>",
      "<item><title>Both</title><link>\(server.url("/a/both"))</link><guid>b</guid>"
        + "<pubDate>Mon, 10 Apr 2023 18:16:05 GMT</pubDate></item>",
    ]
    let body = Self.rss(items: items.joined(separator: "\n"))
    server.route("/feed.xml") { _ in .text(body) }
    let monitor = try monitor(feeds: [server.url("/feed.xml")])
    defer { monitor.shutdown() }
    let summary = try await monitor.refresh()
    #expect(summary.newItems == 3)
    #expect(server.requests(to: "/a/dated").count == 1)
    let stored = try monitor.store.search(SearchQuery(words: ["ferries"]))
    let byTitle = Dictionary(stored.map { ($0.title ?? "", $0) }, uniquingKeysWith: { a, _ in a })
    #expect(byTitle["Dated"]?.publishedAt == Date(timeIntervalSince1970: 1_710_495_000))
    // Implausible (far in the future): the item stays undated, as the parser leaves it.
    #expect(byTitle["Future"] != nil && byTitle["Future"]?.publishedAt == nil)
    // The feed's own date wins over the page's.
    #expect(byTitle["Both"]?.publishedAt == Date(timeIntervalSince1970: 1_681_150_565))
  }
}
