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
@Suite("Hostile publishers: a poll never traps")
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
}
