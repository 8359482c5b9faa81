import Foundation
import KazazConfig
import KazazModel
import KazazStore
import KazazTesting
import Logging
import Testing

@testable import KazazService

/// How the pipeline records what servers say: moves, gone feeds, rate limits, failures.
@Suite("Feed health over HTTP")
struct FeedHealthTests {
  let directory: TemporaryDirectory
  let server: LoopbackHTTPServer
  let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
  static let feed = """
    <?xml version="1.0" encoding="utf-8"?>
    <rss version="2.0"><channel><title>T</title><link>https://t.kz/</link>
    <item><title>Kazakhstan and Azerbaijan sign a transit deal</title><link>https://t.kz/1</link><guid>1</guid>
    <description>Astana and Baku agreed on oil transit.</description></item>
    </channel></rss>
    """

  init() throws {
    directory = try TemporaryDirectory()
    server = try LoopbackHTTPServer()
  }

  func monitor(_ paths: [String]) throws -> Monitor {
    let text = """
      state_dir: \(directory.path("state").path)
      profile: \(ProjectPaths.profile.path)
      poll_interval: 15m
      feeds:
      \(paths.map { "  - url: \(server.url($0))\n    full_text: never" }.joined(separator: "\n"))
      """
    let config = try ConfigLoader.load(path: directory.write(text, to: "config.yaml").path)
    return try Monitor.open(config: config, logger: logger)
  }

  func state(_ monitor: Monitor, _ path: String) throws -> FeedState {
    try #require(try monitor.store.feeds().first { $0.url == server.url(path) })
  }

  @Test("A 301 moves the feed; a 302 does not")
  func redirects() async throws {
    server.route("/permanent") { _ in .init(status: 301, headers: [("Location", "/new")]) }
    server.route("/temporary") { _ in .init(status: 302, headers: [("Location", "/new")]) }
    server.route("/new") { _ in .text(Self.feed) }
    let monitor = try monitor(["/permanent", "/temporary"])
    defer { monitor.shutdown() }
    _ = try await monitor.refresh()
    #expect(try state(monitor, "/permanent").currentURL == server.url("/new"))
    #expect(try state(monitor, "/temporary").currentURL == nil)
    // The moved feed is fetched from its new address from now on.
    _ = try await monitor.refresh()
    #expect(server.requests(to: "/permanent").count == 1)
    #expect(server.requests(to: "/temporary").count == 2)
  }

  @Test("410 Gone disables the feed; it is not polled again")
  func gone() async throws {
    server.route("/gone") { _ in .init(status: 410) }
    let monitor = try monitor(["/gone"])
    defer { monitor.shutdown() }
    let summary = try await monitor.refresh()
    #expect(summary.failedFeeds == 1)
    let gone = try state(monitor, "/gone")
    #expect(gone.disabledReason?.contains("410 Gone") == true && gone.nextCheckAt == nil)
    _ = try await monitor.refresh()
    #expect(server.requests(to: "/gone").count == 1)
  }

  @Test("429 with Retry-After schedules the next poll no earlier than asked")
  func rateLimited() async throws {
    server.route("/busy") { _ in .init(status: 429, headers: [("Retry-After", "7200")]) }
    let monitor = try monitor(["/busy"])
    defer { monitor.shutdown() }
    let before = Date()
    _ = try await monitor.refresh()
    let busy = try state(monitor, "/busy")
    let next = try #require(busy.nextCheckAt)
    #expect(next.timeIntervalSince(before) >= 7200 * 0.9)
    #expect(busy.lastErrorKind == "http.429" && busy.consecutiveFailures == 1)
  }

  @Test("Consecutive failures mark the feed failing; a success clears it")
  func failing() async throws {
    let healthy = LockedFlag()
    server.route("/flaky") { _ in healthy.value ? .text(Self.feed) : .init(status: 500) }
    let monitor = try monitor(["/flaky"])
    defer { monitor.shutdown() }
    for _ in 0..<FeedState.failingThreshold { _ = try await monitor.refresh() }
    let failing = try state(monitor, "/flaky")
    #expect(failing.isFailing && failing.consecutiveFailures == 3)
    #expect(failing.lastError == "HTTP 500 from \(server.url("/flaky"))")
    healthy.value = true
    let summary = try await monitor.refresh()
    #expect(summary.newItems == 1)
    #expect(try state(monitor, "/flaky").consecutiveFailures == 0)
  }

  @Test("The daemon's due-feed cycle polls only due feeds, spreading new ones")
  func dueOnly() async throws {
    server.route("/a") { _ in .text(Self.feed) }
    let monitor = try monitor(["/a"])
    defer { monitor.shutdown() }
    let now = Date()
    // First call schedules the new feed within the window; nothing is due yet at `now - 1h`.
    #expect(
      try await monitor.refresh(
        .due, now: now.addingTimeInterval(-3600), spreadWindow: .seconds(60)
      )
      .feedsPolled == 0)
    let summary = try await monitor.refresh(.due, now: now, spreadWindow: .seconds(60))
    #expect(summary.feedsPolled == 1)
    #expect(try await monitor.refresh(.due, now: now, spreadWindow: .seconds(60)).feedsPolled == 0)
    #expect(server.requests(to: "/a").count == 1)
  }
}

/// A Bool shared with a server handler.
final class LockedFlag: @unchecked Sendable {
  private let lock = NSLock()
  private var stored = false
  var value: Bool {
    get { lock.withLock { stored } }
    set { lock.withLock { stored = newValue } }
  }
}
