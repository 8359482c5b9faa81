import Foundation
import KazazConfig
import KazazFetch
import KazazModel
import KazazStore
import KazazTesting
import Logging
import Testing

@testable import KazazService

/// What the fetcher says about itself on the wire, and how a bot protection's answer is
/// recorded, shown and backed off: real libcurl against a loopback server, a real store, the
/// real binary for `status`.
@Suite("Polite identity and bot protection")
struct PoliteIdentityTests {
  let directory: TemporaryDirectory
  let server: LoopbackHTTPServer
  let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

  init() throws {
    directory = try TemporaryDirectory()
    server = try LoopbackHTTPServer()
  }

  func config(_ feeds: String, fetch: String = "") throws -> Config {
    let text = """
      state_dir: \(directory.path("state").path)
      profile: \(ProjectPaths.profile.path)
      poll_interval: 15m
      \(fetch)
      feeds:
      \(feeds)
      """
    return try ConfigLoader.load(path: directory.write(text, to: "config.yaml").path)
  }

  func state(_ monitor: Monitor, _ path: String) throws -> FeedState {
    try #require(try monitor.store.feeds().first { $0.url == server.url(path) })
  }

  @Test("User-Agent with the contact URL, Accept-Language of the feed, for feed and article")
  func identityOnTheWire() async throws {
    let feed = """
      <?xml version="1.0" encoding="utf-8"?>
      <rss version="2.0"><channel><title>Agency</title><link>\(server.url("/"))</link>
      <item><title>Ministers met</title><link>\(server.url("/a/1"))</link><guid>1</guid>
      <description>Short.</description></item></channel></rss>
      """
    server.route("/kk.rss") { _ in .text(feed) }
    server.route("/plain.rss") { _ in .text(feed.replacingOccurrences(of: "/a/1", with: "/a/2")) }
    let page = "<html><body><article><p>Text of the article.</p></article></body></html>"
    server.route("/a/1") { _ in .text(page, contentType: "text/html") }
    server.route("/a/2") { _ in .text(page, contentType: "text/html") }
    let config = try config(
      """
        - url: \(server.url("/kk.rss"))
          language: kk
          full_text: always
        - url: \(server.url("/plain.rss"))
          full_text: always
      """,
      fetch: "fetch:\n  contact_url: https://desk.example.org/feed-reader")
    let monitor = try Monitor.open(config: config, logger: logger)
    defer { monitor.shutdown() }
    _ = try await monitor.refresh()

    let agent = "kazaz-monitor/\(KazazVersion.current) (+https://desk.example.org/feed-reader)"
    let kazakh = try #require(server.requests(to: "/kk.rss").first)
    #expect(kazakh.headers["user-agent"] == agent)
    #expect(kazakh.headers["accept-language"] == "kk, ru;q=0.9, en;q=0.8")
    let article = try #require(server.requests(to: "/a/1").first)
    #expect(article.headers["user-agent"] == agent)
    #expect(article.headers["accept-language"] == "kk, ru;q=0.9, en;q=0.8")
    let plain = try #require(server.requests(to: "/plain.rss").first)
    #expect(plain.headers["accept-language"] == "ru;q=0.9, en;q=0.8")
    #expect(server.requests(to: "/a/2").first?.headers["accept-language"] == "ru;q=0.9, en;q=0.8")
  }

  @Test("Without a contact URL the User-Agent names the project's page")
  func defaultAgent() async throws {
    server.route("/feed") { _ in
      .text("<rss version=\"2.0\"><channel><title>T</title></channel></rss>")
    }
    let monitor = try Monitor.open(
      config: try config("  - url: \(server.url("/feed"))"), logger: logger)
    defer { monitor.shutdown() }
    _ = try await monitor.refresh()
    #expect(
      server.requests(to: "/feed").first?.headers["user-agent"] == FetchSettings.defaultUserAgent)
  }

  static let challenge = """
    <!DOCTYPE html><html><head><title>Just a moment...</title></head>
    <body><script>window._cf_chl_opt={cType:'managed'};</script></body></html>
    """

  @Test("A challenge page is recorded as blocked, honours Retry-After, and shows in status")
  func blocked() async throws {
    server.route("/challenged") { _ in
      .init(
        status: 403,
        headers: [
          ("Content-Type", "text/html; charset=UTF-8"), ("cf-mitigated", "challenge"),
          ("Retry-After", "7200"),
        ], body: Data(Self.challenge.utf8))
    }
    server.route("/forbidden") { _ in
      .init(status: 403, headers: [("Content-Type", "text/html")], body: Data("Forbidden".utf8))
    }
    let config = try config(
      "  - url: \(server.url("/challenged"))\n  - url: \(server.url("/forbidden"))")
    let monitor = try Monitor.open(config: config, logger: logger)
    let before = Date()
    _ = try await monitor.refresh()
    let blocked = try state(monitor, "/challenged")
    #expect(blocked.lastErrorKind == FeedState.blockedErrorKind && blocked.isBlocked)
    #expect(
      blocked.lastError
        == "blocked by the site's bot protection (Cloudflare challenge, HTTP 403) from "
        + server.url("/challenged"))
    #expect(blocked.lastStatus == 403 && blocked.consecutiveFailures == 1)
    // Backed off like a 429: Retry-After is honoured although the status is 403 …
    let next = try #require(blocked.nextCheckAt)
    #expect(next.timeIntervalSince(before) >= 7200 * 0.9)
    // … while an ordinary 403 waits one interval, with its own kind.
    let forbidden = try state(monitor, "/forbidden")
    #expect(forbidden.lastErrorKind == "http.403" && !forbidden.isBlocked)
    #expect(try #require(forbidden.nextCheckAt).timeIntervalSince(before) < 7200 * 0.9)
    monitor.shutdown()

    let binary = try #require(BuiltBinary.kazazMonitor(), "the kazaz-monitor binary was not built")
    let run = try await ProcessRun.run(binary, ["status", "--config", config.sourceFile.path])
    let line = try #require(
      run.output.split(separator: "\n").first { $0.contains(server.url("/challenged")) })
    #expect(line.contains("failed ×1: blocked by the site's bot protection (Cloudflare challenge"))
  }

  @Test("A challenge served with 200 instead of the feed is blocked too; a broken feed is not")
  func blockedWithOK() async throws {
    server.route("/guarded") { _ in
      .text(
        "<html><head><script src=\"/.well-known/ddos-guard/js-challenge/index.js\"></script></head></html>",
        contentType: "text/html")
    }
    server.route("/broken") { _ in
      .text("<html><body>Our new site</body></html>", contentType: "text/html")
    }
    let monitor = try Monitor.open(
      config: try config("  - url: \(server.url("/guarded"))\n  - url: \(server.url("/broken"))"),
      logger: logger)
    defer { monitor.shutdown() }
    _ = try await monitor.refresh()
    let guarded = try state(monitor, "/guarded")
    #expect(guarded.isBlocked && guarded.lastError?.contains("(DDoS-Guard, HTTP 200)") == true)
    #expect(try state(monitor, "/broken").isBlocked == false)
  }
}
