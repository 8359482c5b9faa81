import Foundation
import KazazClassify
import KazazConfig
import KazazFetch
import KazazModel
import KazazStore
import KazazTesting
import Logging
import Testing

@testable import KazazService

/// Log lines kept for assertions.
final class CapturedLog: @unchecked Sendable {
  private let lock = NSLock()
  private var lines: [(Logger.Level, String)] = []

  var logger: Logger {
    Logger(label: "test") { _ in Handler(log: self) }
  }

  func messages(at level: Logger.Level) -> [String] {
    lock.withLock { lines.filter { $0.0 == level }.map(\.1) }
  }

  fileprivate func append(_ level: Logger.Level, _ message: String) {
    lock.withLock { lines.append((level, message)) }
  }

  private struct Handler: LogHandler {
    let log: CapturedLog
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
      get { metadata[key] }
      set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
      log.append(event.level, event.message.description)
    }
  }
}

/// Item links and autodiscovered feeds are the publisher's choice: they reach public addresses
/// and the feed's own server, never another service on this machine or its networks.
///
/// Two loopback servers: `feedServer` serves the feed (under the public-looking name
/// news.example.org, through libcurl's resolve override) and its own pages; `localService` stands
/// for a service on the same machine, also given a public-looking name (other.example.org).
@Suite("Publishers' links: the address policy in the pipeline and in autodiscovery")
struct PublisherLinkTests {
  let directory: TemporaryDirectory
  let feedServer: LoopbackHTTPServer
  let localService: LoopbackHTTPServer
  let log = CapturedLog()

  init() throws {
    directory = try TemporaryDirectory()
    feedServer = try LoopbackHTTPServer()
    localService = try LoopbackHTTPServer()
    let page = agencyPage(
      title: "Ferries", paragraphs: ["Kazakhstan and Azerbaijan agreed to add ferries."])
    for server in [feedServer, localService] {
      for path in ["/own", "/a", "/b", "/c"] {
        server.route(path) { _ in .text(page, contentType: "text/html; charset=utf-8") }
      }
    }
  }

  var feedURL: String { "http://news.example.org:\(feedServer.port)/feed.xml" }

  var resolve: [String] {
    [
      "news.example.org:\(feedServer.port):127.0.0.1",
      "other.example.org:\(localService.port):127.0.0.1",
    ]
  }

  /// The links a hostile feed carries: its own page, then four ways to the localService service and
  /// the cloud metadata address.
  var links: [String] {
    [
      "http://news.example.org:\(feedServer.port)/own", localService.url("/a"),
      "http://other.example.org:\(localService.port)/b",
      "http://[::ffff:127.0.0.1]:\(localService.port)/c",
      "http://169.254.169.254/latest/meta-data/",
    ]
  }

  func serveFeed() {
    let items = links.enumerated().map { index, link in
      "<item><title>Item \(index)</title><link>\(link)</link><guid>g\(index)</guid>"
        + "<description>Short lead.</description></item>"
    }
    let body = """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0"><channel><title>Hostile</title>\(items.joined(separator: "\n"))
      </channel></rss>
      """
    feedServer.route("/feed.xml") { _ in .text(body) }
  }

  func monitor(allowPrivate: Bool) throws -> Monitor {
    let text = """
      state_dir: \(directory.path("state").path)
      profile: \(ProjectPaths.profile.path)
      fetch:
        allow_private_addresses: \(allowPrivate)
      feeds:
        - url: \(feedURL)
          full_text: always
      """
    let config = try ConfigLoader.load(path: directory.write(text, to: "config.yaml").path)
    #expect(config.fetch.allowPrivateAddresses == allowPrivate)
    var settings = config.fetchSettings
    settings.resolve = resolve
    try FileManager.default.createDirectory(
      at: config.stateDirectory, withIntermediateDirectories: true)
    return Monitor(
      config: config, store: try Store.open(path: config.databasePath.path),
      engine: CurlEngine(settings: settings),
      classifier: Classifier(profile: try ProfileLoader.load(path: config.profilePath.path)),
      logger: log.logger)
  }

  @Test("A feed's links reach its own server, never another local one nor link-local")
  func articlesRefused() async throws {
    serveFeed()
    let monitor = try monitor(allowPrivate: false)
    defer { monitor.shutdown() }
    let summary = try await monitor.refresh()
    #expect(summary.newItems == 5 && summary.failedFeeds == 0)
    #expect(feedServer.requests(to: "/own").count == 1)
    #expect(localService.acceptedConnections == 0)
    #expect(["/a", "/b", "/c"].allSatisfy { localService.requests(to: $0).isEmpty })
    let warnings = log.messages(at: .warning)
    #expect(
      warnings.contains(
        "article page http://169.254.169.254/latest/meta-data/ resolves to 169.254.169.254, "
          + "a link-local address; not fetched (fetch.allow_private_addresses)"))
    #expect(
      warnings.contains(
        "article page http://other.example.org:\(localService.port)/b resolves to 127.0.0.1, "
          + "a loopback address; not fetched (fetch.allow_private_addresses)"))
    #expect(warnings.filter { $0.contains("not fetched") }.count == 4)
    // The refused items keep their feed text; the own page's text replaced it.
    let stored = try monitor.store.search(SearchQuery(words: ["lead"]))
    #expect(stored.count == 4)
  }

  @Test("fetch.allow_private_addresses: true lets the links reach any address")
  func articlesAllowed() async throws {
    serveFeed()
    let monitor = try monitor(allowPrivate: true)
    defer { monitor.shutdown() }
    _ = try await monitor.refresh()
    #expect(
      localService.requests(to: "/a").count == 1 && localService.requests(to: "/b").count == 1)
    #expect(!log.messages(at: .warning).contains { $0.contains("not fetched") })
  }

  static let rss = """
    <?xml version="1.0"?><rss version="2.0"><channel><title>Found</title>
    <item><title>One</title><guid>1</guid></item></channel></rss>
    """

  @Test("Autodiscovery: a page's file:// or other local feed is never fetched nor returned")
  func discoveryRefusesLocalCandidates() async throws {
    let file = try directory.write(Self.rss, to: "local-feed.xml")
    localService.route("/feed.xml") { _ in .text(Self.rss) }
    feedServer.route("/page") { [localService] _ in
      .text(
        """
        <html><head>
        <link rel="alternate" type="application/rss+xml" href="\(file.absoluteString)">
        <link rel="alternate" type="application/rss+xml" href="http://other.example.org:\(localService.port)/feed.xml">
        </head><body>News</body></html>
        """, contentType: "text/html")
    }
    let engine = CurlEngine(settings: FetchSettings(resolve: resolve))
    defer { engine.shutdown() }
    let page = "http://news.example.org:\(feedServer.port)/page"
    do {
      let found = try await FeedFinder(engine: engine).find(page)
      Issue.record("found \(found.url) via \(found.via)")
    } catch {
      #expect(error.description.contains("no feed found"))
      #expect(!error.description.contains("file:"))
      #expect(
        error.description.contains(
          "feed candidate http://other.example.org:\(localService.port)/feed.xml resolves to "
            + "127.0.0.1, a loopback address; not fetched (fetch.allow_private_addresses)"))
    }
    #expect(localService.acceptedConnections == 0)

    // The page's own server is fine: its common paths are tried there.
    feedServer.route("/rss") { _ in .text(Self.rss) }
    let found = try await FeedFinder(engine: engine).find(page)
    #expect(found.url == "http://news.example.org:\(feedServer.port)/rss")
    #expect(found.via == "common-path")
    #expect(found.origin?.port == Int(feedServer.port))
  }
}
