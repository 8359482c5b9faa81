import Foundation
import KazazModel
import KazazStore
import KazazTesting
import Testing

/// The inputs that once made the process trap, served to the real binary: `run --once` polls
/// them all beside a healthy feed and exits normally with the healthy feed's items stored, and
/// `parse` reads each body without dying of a signal.
@Suite("Hostile feeds against the real binary", .timeLimit(.minutes(5)))
struct HostileFeedBinaryTests {
  static func rss(channel: String = "", item: String = "") -> String {
    """
    <?xml version="1.0" encoding="utf-8"?>
    <rss version="2.0"><channel><title>Hostile</title><link>https://hostile.example/</link>
    \(channel)
    <item><title>Kazakhstan and Azerbaijan</title><link>https://hostile.example/1</link>
    <guid>h-1</guid>\(item)</item>
    </channel></rss>
    """
  }

  /// A feed of many references to one large internal entity.
  static let entityReferences: String = {
    let large = String(repeating: "Kazakhstan Azerbaijan ", count: 500)
    let references = String(repeating: "&big;", count: 60_000)
    return """
      <?xml version="1.0"?>
      <!DOCTYPE rss [<!ENTITY big "\(large)">]>
      <rss version="2.0"><channel><title>Entities</title>
      <item><title>t</title><guid>e-1</guid><description>\(references)</description></item>
      </channel></rss>
      """
  }()

  /// name → (extra response headers, body)
  static let cases: [(name: String, headers: [(String, String)], body: String)] = [
    ("cache-control", [("Cache-Control", "max-age=60,=")], rss()),
    ("cache-control-huge", [("Cache-Control", "max-age=99999999999999999999999")], rss()),
    ("retry-after-huge", [("Retry-After", "99999999999999999999")], rss()),
    ("etag-cr", [("ETag", "\"a\rInjected: yes\"")], rss()),
    ("ttl", [], rss(channel: "<ttl>999999999999999999</ttl>")),
    ("ttl-negative", [], rss(channel: "<ttl>-999999999999999999</ttl>")),
    (
      "zone-gmt", [],
      rss(item: "<pubDate>Mon, 10 Apr 2023 18:16:05 GMT+999999999999999999</pubDate>")
    ),
    (
      "zone-offset", [],
      rss(item: "<pubDate>Mon, 10 Apr 2023 18:16:05 +999999999999999999</pubDate>")
    ),
    ("century", [], rss(item: "<pubDate>10 Apr 9223372036854775807 18:16</pubDate>")),
    ("iso-year", [], rss(item: "<pubDate>99999999999999999999-04-10T18:16:05Z</pubDate>")),
    ("entities", [], entityReferences),
    // The same classes in other fields.
    ("retry-after-date", [("Retry-After", "Fri, 31 Dec 99999 23:59:59 GMT")], rss()),
    (
      "charset-long",
      [("Content-Type", "text/xml; charset=" + String(repeating: "x", count: 9_000))], rss()
    ),
    (
      "enclosure", [],
      rss(
        item:
          "<enclosure url=\"https://h.example/a.mp3\" length=\"99999999999999999999999\" type=\"audio/mpeg\"/>"
      )
    ),
    (
      "char-refs", [],
      rss(item: "<description>&#99999999999999; &#xD800; &#x110000; &#-5; &#x;</description>")
    ),
    ("atom-dates", [], atom),
    ("json-feed", [("Content-Type", "application/feed+json")], jsonFeed),
  ]

  static let atom = """
    <?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:a</id>
    <updated>+999999999-04-10T18:16:05Z</updated>
    <entry><title>Kazakhstan and Azerbaijan</title><id>urn:a:1</id>
    <link href="https://hostile.example/atom/1"/>
    <published>2023-04-10T18:16:05.99999999999999999999999+99:99</published>
    <updated>9223372036854775807-12-31T23:59:59Z</updated></entry></feed>
    """

  static let jsonFeed = """
    {"version": "https://jsonfeed.org/version/1.1", "title": "J", "home_page_url": 12,
     "items": [{"id": 1e999, "url": "https://hostile.example/json/1", "title": "Kazakhstan",
       "date_published": "99999999999-01-01T00:00:00Z", "date_modified": -1e308,
       "attachments": [{"url": "https://hostile.example/a.mp3", "mime_type": "audio/mpeg",
         "size_in_bytes": 1e400, "duration_in_seconds": -1e400}],
       "tags": [1, null, {"a": []}], "authors": [{"name": 5}]}]}
    """

  /// A loopback server with every hostile case and a healthy feed, and a config naming them.
  static func setUp(_ directory: TemporaryDirectory) throws -> (LoopbackHTTPServer, URL) {
    let server = try LoopbackHTTPServer()
    for hostile in Self.cases {
      let body = Data(hostile.body.utf8)
      server.route("/\(hostile.name).xml") { _ in
        let typed = hostile.headers.contains { $0.0.lowercased() == "content-type" }
        return .init(
          headers: (typed ? [] : [("Content-Type", "application/rss+xml")]) + hostile.headers,
          body: body)
      }
    }
    server.route("/healthy.xml") { _ in
      .text(
        Self.rss().replacingOccurrences(of: "h-1", with: "healthy-1").replacingOccurrences(
          of: "hostile.example/1", with: "healthy.example/1"))
    }
    let feeds = (Self.cases.map(\.name) + ["healthy"]).map {
      "  - url: \(server.url("/\($0).xml"))\n    full_text: never"
    }
    let config = try directory.write(
      """
      state_dir: \(directory.path("state").path)
      profile: \(ProjectPaths.profile.path)
      log_level: error
      feeds:
      \(feeds.joined(separator: "\n"))
      """, to: "config.yaml")
    return (server, config)
  }

  /// After polling: the healthy feed's item is stored, nothing is quarantined, no validator
  /// with a control character was kept or sent back.
  static func checkStore(_ directory: TemporaryDirectory, _ server: LoopbackHTTPServer) throws {
    let store = try Store.open(path: directory.path("state/kazaz-monitor.sqlite").path)
    let feedsByURL = Dictionary(uniqueKeysWithValues: try store.feeds().map { ($0.url, $0) })
    #expect(feedsByURL[server.url("/healthy.xml")]?.itemCount == 1)
    for feed in feedsByURL.values {
      #expect(!feed.quarantined, "\(feed.url)")
      #expect(!(feed.etag ?? "").contains("\r"), "\(feed.url) kept a validator with a CR")
    }
    for request in server.requests(to: "/etag-cr.xml") {
      #expect(request.headers["if-none-match"] == nil)
      #expect(request.headers["injected"] == nil)
    }
  }

  @Test("run --once survives every hostile feed and stores the healthy one's items")
  func runOnce() async throws {
    let binary = try #require(BuiltBinary.kazazMonitor(), "the kazaz-monitor binary was not built")
    let directory = try TemporaryDirectory()
    let (server, config) = try Self.setUp(directory)
    for round in 1...2 {
      let run = try await ProcessRun.run(binary, ["run", "--once", "--config", config.path])
      #expect(!run.crashed && run.status == 0, "round \(round): \(run.errors)")
    }
    try Self.checkStore(directory, server)
  }

  @Test("The daemon polls every hostile feed on request and keeps running")
  func daemon() async throws {
    let binary = try #require(BuiltBinary.kazazMonitor(), "the kazaz-monitor binary was not built")
    let directory = try TemporaryDirectory()
    let (server, config) = try Self.setUp(directory)
    let daemon = Process()
    daemon.executableURL = binary
    daemon.arguments = ["run", "--config", config.path]
    daemon.standardOutput = FileHandle.nullDevice
    daemon.standardError = FileHandle.nullDevice
    try daemon.run()
    defer { if daemon.isRunning { daemon.terminate() } }
    // `refresh` answers 69 until the control socket listens: ask until it does.
    var refresh = try await ProcessRun.run(
      binary, ["refresh", "--wait", "--config", config.path])
    while refresh.status == 69 && daemon.isRunning {
      try await Task.sleep(for: .milliseconds(20))
      refresh = try await ProcessRun.run(binary, ["refresh", "--wait", "--config", config.path])
    }
    #expect(refresh.status == 0, "\(refresh.output)\(refresh.errors)")
    #expect(refresh.output.contains("\(Self.cases.count + 1) feeds polled"), "\(refresh.output)")
    #expect(daemon.isRunning)
    let status = try await ProcessRun.run(binary, ["status", "--config", config.path])
    #expect(status.output.contains("daemon: running"), "\(status.output)")
    daemon.terminate()
    try await OffPool.run { daemon.waitUntilExit() }
    #expect(daemon.terminationReason == .exit && daemon.terminationStatus == 0)
    try Self.checkStore(directory, server)
  }

  @Test("parse reads every hostile body without dying of a signal")
  func parse() async throws {
    let binary = try #require(BuiltBinary.kazazMonitor(), "the kazaz-monitor binary was not built")
    let directory = try TemporaryDirectory()
    for hostile in Self.cases {
      let file = try directory.write(hostile.body, to: "\(hostile.name).xml")
      for format in [["--json"], []] {
        let run = try await ProcessRun.run(binary, ["parse"] + format + [file.path])
        #expect(!run.crashed, "\(hostile.name): \(run.errors)")
        #expect(run.status == 0 || run.status == 1, "\(hostile.name): \(run.errors)")
      }
    }
  }
}
