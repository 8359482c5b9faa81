import Foundation
import KazazControl
import KazazModel
import KazazStore
import KazazTesting
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The real `kazaz-monitor run`, with a notify socket of the test's own standing in for
/// systemd, feeds on a loopback HTTP server, and the command-line client on the control socket.
@Suite("The daemon as systemd runs it", .serialized)
struct DaemonLifecycleTests {
  let directory: TemporaryDirectory
  let server: LoopbackHTTPServer

  init() throws {
    // The test target depends on the product, so a missing binary is a failure, not a skip.
    try #require(
      DaemonProcess.binary != nil, "the kazaz-monitor executable was not found beside the tests")
    directory = try TemporaryDirectory(prefix: "kazaz-daemon")
    server = try LoopbackHTTPServer()
  }

  /// A feed whose item links point back at the loopback server (which answers 404 for them), so
  /// the daemon's article fetches never leave the machine.
  func feed(_ items: [(id: String, title: String)]) -> String {
    let entries = items.map { item in
      """
      <item><title>\(item.title)</title><link>\(server.url("/articles/\(item.id)"))</link>
      <guid>\(item.id)</guid><description>\(item.title). Astana and Baku agreed on the details.</description></item>
      """
    }
    return """
      <?xml version="1.0" encoding="utf-8"?>
      <rss version="2.0"><channel><title>Loopback news</title><link>\(server.url("/"))</link>
      \(entries.joined(separator: "\n"))
      </channel></rss>
      """
  }

  func writeConfig(feeds: [String], extra: String = "") throws -> URL {
    let text = """
      state_dir: \(directory.path("state").path)
      profile: \(ProjectPaths.profile.path)
      log_level: debug
      \(extra)
      feeds:
      \(feeds.map { "  - url: \(server.url($0))" }.joined(separator: "\n"))
      """
    return try directory.write(text, to: "config.yaml")
  }

  func start(config: URL, notify: NotifyListener) throws -> DaemonProcess {
    try DaemonProcess(
      arguments: ["run", "--config", config.path],
      environment: ["NOTIFY_SOCKET": notify.path, "WATCHDOG_USEC": "2000000"],
      logFile: directory.path("daemon.log"))
  }

  @Test("READY=1, STATUS=, refresh --wait, status, reload (good and bad), STOPPING=1, exit 0")
  func lifecycle() async throws {
    let first = feed([("kz-az-1", "Kazakhstan and Azerbaijan sign a transit deal")])
    let second = feed([
      ("kz-az-1", "Kazakhstan and Azerbaijan sign a transit deal"),
      ("kz-az-2", "Azerbaijan and Kazakhstan expand the Middle Corridor"),
      ("kz-az-3", "Kazakh and Azerbaijani ministers discuss energy cooperation"),
    ])
    // The feed is empty until the manual refresh, so the daemon's own first scheduled poll
    // (spread over the first two minutes) cannot take the refresh's new items.
    let body = LockedText(feed([]))
    server.route("/news.rss") { _ in .text(body.value) }
    server.route("/other.rss") { _ in .text(feed([])) }
    let config = try writeConfig(feeds: ["/news.rss"])
    let notify = try NotifyListener(path: directory.path("notify.sock").path)
    let daemon = try start(config: config, notify: notify)

    let ready = await notify.waitFor { $0.contains("READY=1") }
    try #require(ready != nil, "no READY=1; daemon log:\n\(daemon.log)")
    #expect(notify.messages[ready!].contains("STATUS=Ready: 1 feeds configured"))
    #expect(await notify.waitFor { $0 == "WATCHDOG=1" } != nil)

    // A manual refresh over the control socket, followed to its end.
    body.value = first
    let refresh = try await DaemonProcess.command([
      "refresh", "--wait", "--config", config.path,
    ])
    #expect(refresh.status == 0, "\(refresh.output)")
    #expect(refresh.output.contains("1 feeds polled"), "\(refresh.output)")
    #expect(refresh.output.contains("1 new items"), "\(refresh.output)")
    #expect(await notify.waitFor { $0.contains("STATUS=Last cycle") } != nil)

    // New items appear: the next manual refresh of that feed (by id) stores them.
    body.value = second
    let again = try await DaemonProcess.command([
      "refresh", "--wait", "--feed", "#1", "--config", config.path,
    ])
    #expect(
      again.output.contains("polled     \(server.url("/news.rss")): 2 new"), "\(again.output)")
    #expect(again.output.contains("2 new items, 2 relevant"), "\(again.output)")

    let status = try await DaemonProcess.command(["status", "--config", config.path])
    #expect(status.status == 0)
    #expect(status.output.contains("daemon: running, pid \(daemon.pid)"), "\(status.output)")
    #expect(status.output.contains("last cycle:"), "\(status.output)")
    #expect(status.output.contains("next digest:"), "\(status.output)")
    #expect(status.output.contains("next weekly report:"), "\(status.output)")
    #expect(status.output.contains("#1 \(server.url("/news.rss")) — 3 items — ok (HTTP 200)"))

    // SIGHUP with a valid new config: RELOADING=1, then READY=1; the new feed is in use.
    let beforeReload = notify.messages.count
    _ = try writeConfig(feeds: ["/news.rss", "/other.rss"])
    daemon.signal(SIGHUP)
    let reloading = await notify.waitFor(after: beforeReload) { $0.hasPrefix("RELOADING=1") }
    try #require(reloading != nil, "no RELOADING=1; daemon log:\n\(daemon.log)")
    #expect(await notify.waitFor(after: reloading! + 1) { $0.hasPrefix("READY=1") } != nil)
    let reloaded = try await ControlClient(path: directory.path("state/control.sock").path)
      .request(.status)
    guard case .status(let afterReload) = reloaded else {
      Issue.record("unexpected reply \(reloaded)")
      return
    }
    #expect(afterReload.feeds.map(\.url) == [server.url("/news.rss"), server.url("/other.rss")])
    let weekday = afterReload.nextWeeklyReportAt.map {
      Calendar(identifier: .gregorian).component(.weekday, from: $0)
    }
    #expect(weekday == 2, "the weekly report runs on Mondays by default")

    // SIGHUP with a broken config: rejected with file:line, the running config stays.
    let beforeBad = notify.messages.count
    try directory.write("state_dir: x\nfeds: []\n", to: "config.yaml")
    daemon.signal(SIGHUP)
    let rejected = await notify.waitFor(after: beforeBad) { $0.contains("Reload rejected") }
    #expect(rejected != nil, "no rejection; daemon log:\n\(daemon.log)")
    #expect(daemon.log.contains("reload rejected; keeping the running configuration"))
    #expect(daemon.log.contains("config.yaml:2:1: config: unknown key \"feds\""))
    let stillTwo = try await ControlClient(path: directory.path("state/control.sock").path)
      .request(.status)
    if case .status(let kept) = stillTwo { #expect(kept.feeds.count == 2) }

    daemon.signal(SIGTERM)
    #expect(await daemon.waitForExit() == 0, "daemon log:\n\(daemon.log)")
    #expect(notify.messages.contains { $0.hasPrefix("STOPPING=1") })
    #expect(!FileManager.default.fileExists(atPath: directory.path("state/control.sock").path))
  }

  @Test("SIGTERM in the middle of a cycle: in-flight polls commit, exit 0, the store is sound")
  func stopMidCycle() async throws {
    let feeds = (1...6).map { "/fast-\($0).rss" }
    for (index, path) in feeds.enumerated() {
      server.route(path) { _ in
        .text(feed([("fast-\(index)", "Kazakhstan and Azerbaijan: agreement \(index)")]))
      }
    }
    server.route("/slow.rss") { _ in
      var response = LoopbackHTTPServer.Response.text(
        feed([("slow-1", "Azerbaijan and Kazakhstan open a trade house")]))
      response.delay = .seconds(2)
      return response
    }
    let config = try writeConfig(feeds: feeds + ["/slow.rss"])
    let notify = try NotifyListener(path: directory.path("notify.sock").path)
    let daemon = try start(config: config, notify: notify)
    try #require(await notify.waitFor { $0.contains("READY=1") } != nil, "\(daemon.log)")

    let reply = try await ControlClient(path: directory.path("state/control.sock").path)
      .request(.refresh(feed: nil, wait: false))
    guard case .accepted = reply else {
      Issue.record("unexpected reply \(reply)")
      return
    }
    // Stop once every feed's request has reached the server (so every poll is in flight, the
    // slow feed's transfer among them), however slowly this machine started them.
    let paths = feeds + ["/slow.rss"]
    let deadline = ContinuousClock.now + .seconds(120)
    while paths.contains(where: { server.requests(to: $0).isEmpty })
      && ContinuousClock.now < deadline
    {
      try await Task.sleep(for: .milliseconds(20))
    }
    try #require(paths.allSatisfy { !server.requests(to: $0).isEmpty })
    daemon.signal(SIGTERM)
    #expect(await notify.waitFor { $0.hasPrefix("STOPPING=1") } != nil)
    #expect(await daemon.waitForExit() == 0, "daemon log:\n\(daemon.log)")

    let store = try Store.open(path: directory.path("state/kazaz-monitor.sqlite").path)
    #expect(try store.integrityCheck() == "ok")
    // The slow poll was in flight at SIGTERM: it was let finish and commit.
    let slow = try store.feeds().first { $0.url == server.url("/slow.rss") }
    #expect(slow?.itemCount == 1, "daemon log:\n\(daemon.log)")
    #expect(try store.counts().items == 7)
  }
}

/// A string shared between the test and the server's handler thread.
final class LockedText: @unchecked Sendable {
  private let lock = NSLock()
  private var text: String

  init(_ text: String) { self.text = text }

  var value: String {
    get { lock.withLock { text } }
    set { lock.withLock { text = newValue } }
  }
}
