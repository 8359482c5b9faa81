import Foundation
import KazazModel
import KazazStore
import KazazTesting
import Testing

/// The store's promise, tested the hard way: the real binary is killed with SIGKILL in the middle
/// of repeated refresh cycles against a local server whose feeds keep growing. After every kill
/// the store must be sound and every feed's recorded state must match the items stored for it;
/// at the end every published item is stored exactly once.
///
/// Where each kill lands is decided by the cycle's progress, not by a clock: the process is
/// killed when the server has answered the k-th feed request of that run, so it is always cut
/// short (every run polls all the feeds), whatever the machine's speed. The k of each run come
/// from a fixed list (the first request, the middle, the last) and then from a seeded generator,
/// so a failure replays.
@Suite("Crash safety under SIGKILL")
struct CrashSafetyTests {
  static let feedCount = 24
  static let kills = 50
  /// Kill points that always run, then seeded ones.
  static let fixedKillPoints = [1, 2, feedCount / 2, feedCount - 1]

  static func killPoints(seed: UInt64) -> [Int] {
    var generator = SeededGenerator(seed: seed)
    return fixedKillPoints
      + (fixedKillPoints.count..<kills).map { _ in
        Int.random(in: 1..<feedCount, using: &generator)
      }
  }

  /// The items feed `feed` publishes at version `version`: the list only grows.
  static func items(feed: Int, version: Int) -> [String] {
    (0..<(4 + version * 2)).map { "feed\(feed)-item\($0)" }
  }

  static func document(feed: Int, version: Int) -> String {
    let items = Self.items(feed: feed, version: version).map { guid in
      """
      <item><title>Astana and Baku: report \(guid)</title><link>https://example.kz/\(guid)</link>
      <guid isPermaLink="false">\(guid)</guid>
      <description>Kazakhstan and Azerbaijan discussed transit of oil and trade turnover, \
      report \(guid), in Astana and Baku.</description></item>
      """
    }
    return """
      <?xml version="1.0" encoding="utf-8"?>
      <rss version="2.0"><channel><title>Feed \(feed)</title><link>https://example.kz/</link>
      \(items.joined(separator: "\n"))
      </channel></rss>
      """
  }

  @Test(
    "SIGKILL after the k-th feed request of 50 cycles loses nothing, duplicates nothing, corrupts nothing"
  )
  func killRepeatedly() async throws {
    let binary = try #require(BuiltBinary.kazazMonitor(), "the kazaz-monitor binary was not built")
    let directory = try TemporaryDirectory()
    let server = try LoopbackHTTPServer()
    let versions = VersionCounter(feeds: Self.feedCount)
    let trigger = KillTrigger()
    for feed in 0..<Self.feedCount {
      server.route("/feed\(feed).xml") { request in
        defer { trigger.requestServed() }
        // Each feed grows every few requests; the ETag names the version served.
        let version = versions.next(feed)
        if request.headers["if-none-match"] == "\"v\(version)\"" { return .init(status: 304) }
        return .init(
          headers: [("Content-Type", "application/rss+xml"), ("ETag", "\"v\(version)\"")],
          body: Data(Self.document(feed: feed, version: version).utf8),
          delay: .milliseconds(15))
      }
    }
    let config = try directory.write(
      """
      state_dir: \(directory.path("state").path)
      profile: \(ProjectPaths.profile.path)
      log_level: error
      fetch: { concurrency: 4, per_host: 4 }
      feeds:
      \((0..<Self.feedCount).map { "  - url: \(server.url("/feed\($0).xml"))\n    full_text: never" }.joined(separator: "\n"))
      """, to: "config.yaml")
    let database = directory.path("state/kazaz-monitor.sqlite").path

    // Processes and waits block: they run on a thread of their own.
    let points = Self.killPoints(seed: 0x6B61_7A61_7A)
    let (interrupted, problems) = try await OffPool.run { () -> (Int, [String]) in
      var interrupted = 0
      var problems: [String] = []
      for (round, point) in points.enumerated() {
        trigger.arm(after: point)
        let process = try Self.start(binary, config: config)
        trigger.waitUntilFired()
        if process.isRunning {
          kill(process.processIdentifier, SIGKILL)
          interrupted += 1
        }
        process.waitUntilExit()
        problems += try Self.consistencyProblems(database).map {
          "after kill \(round) (request \(point)): \($0)"
        }
      }
      return (interrupted, problems)
    }
    #expect(problems.isEmpty, "\(problems)")
    // Every run was still polling when it was killed: it had feeds left to request.
    #expect(interrupted == Self.kills, "only \(interrupted) runs were interrupted")

    // A final, uninterrupted run: every item the server published is stored exactly once.
    let status = try await OffPool.run { () -> Int32 in
      let process = try Self.start(binary, config: config)
      process.waitUntilExit()
      return process.terminationStatus
    }
    #expect(status == 0)
    let store = try Store.open(path: database)
    for feed in try store.feeds() {
      let index = Self.feedIndex(feed.url)
      let published = Set(
        (0...versions.current(index)).flatMap { Self.items(feed: index, version: $0) })
      let stored = try store.knownGUIDs(feedID: feed.id)
      #expect(stored == published, "feed \(index)")
      #expect(feed.itemCount == published.count, "feed \(index) stores an item twice")
    }
    #expect(try store.integrityCheck() == "ok")
    #expect(try Self.consistencyProblems(database).isEmpty)
  }

  static func start(_ binary: URL, config: URL) throws -> Process {
    let process = Process()
    process.executableURL = binary
    process.arguments = ["run", "--once", "--config", config.path]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
  }

  static func feedIndex(_ url: String) -> Int {
    Int(url.split(separator: "/").last!.dropFirst(4).dropLast(4))!
  }

  /// After a kill: the file is sound, and a feed whose state says it committed version N holds
  /// every item of version N (its poll result was committed whole, or not at all).
  static func consistencyProblems(_ path: String) throws -> [String] {
    guard FileManager.default.fileExists(atPath: path) else { return [] }
    let store = try Store.open(path: path)
    var problems: [String] = []
    let integrity = try store.integrityCheck()
    if integrity != "ok" { problems.append("integrity_check: \(integrity)") }
    // Every stored item is searchable: its search entry was committed with it.
    let stored = try store.feeds().reduce(0) { $0 + $1.itemCount }
    let found = try store.search(SearchQuery(words: ["report"], limit: 1_000_000)).count
    if found != stored { problems.append("search finds \(found) of \(stored) stored items") }
    for feed in try store.feeds() {
      guard let etag = feed.etag else {
        if feed.itemCount != 0 {
          problems.append("\(feed.url): items stored without the feed state that goes with them")
        }
        continue
      }
      let version = Int(etag.dropFirst(2).dropLast())!
      let expected = Set(Self.items(feed: feedIndex(feed.url), version: version))
      if !expected.isSubset(of: try store.knownGUIDs(feedID: feed.id)) {
        problems.append("\(feed.url): state says \(etag) but its items are missing")
      }
    }
    return problems
  }
}

/// Per-feed version counters shared with the server's handlers: a feed moves to its next
/// version every third request.
final class VersionCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var hits: [Int]

  init(feeds: Int) { hits = Array(repeating: 0, count: feeds) }

  func next(_ feed: Int) -> Int {
    lock.withLock {
      hits[feed] += 1
      return hits[feed] / 3
    }
  }

  func current(_ feed: Int) -> Int { lock.withLock { hits[feed] / 3 } }
}

/// Fires once the server has answered a given number of requests since it was armed.
final class KillTrigger: @unchecked Sendable {
  // @unchecked: every field is touched under `condition`'s lock.
  private let condition = NSCondition()
  private var remaining = Int.max
  private var fired = false

  func arm(after requests: Int) {
    condition.withLock {
      remaining = requests
      fired = false
    }
  }

  func requestServed() {
    condition.withLock {
      remaining -= 1
      if remaining == 0 {
        fired = true
        condition.broadcast()
      }
    }
  }

  func waitUntilFired() {
    condition.withLock {
      while !fired { condition.wait() }
    }
  }
}

/// SplitMix64: a small seeded generator, so the random part of a test replays.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
