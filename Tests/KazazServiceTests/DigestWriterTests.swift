import Foundation
import KazazConfig
import KazazDigest
import KazazModel
import KazazStore
import KazazTesting
import Logging
import Testing

@testable import KazazService

/// Digests written from a real store: catch-up after downtime, byte-identical regeneration,
/// statistics over earlier days, retention and delivery.
@Suite("Digest writing")
struct DigestWriterTests {
  let directory: TemporaryDirectory
  let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
  let almaty = TimeZone(identifier: "Asia/Almaty")!

  init() throws {
    directory = try TemporaryDirectory()
  }

  func monitor(keepDays: Int = 90, onDigest: [String]? = nil, timeout: String = "30s") throws
    -> Monitor
  {
    var text = """
      state_dir: \(directory.path("state").path)
      profile: \(ProjectPaths.profile.path)
      digest:
        time: "08:00"
        timezone: Asia/Almaty
        formats: [markdown, html, json, atom]
        keep_days: \(keepDays)
        on_digest_timeout: \(timeout)

      """
    if let onDigest {
      text += "  on_digest: [\(onDigest.map { "\"\($0)\"" }.joined(separator: ", "))]\n"
    }
    text += "feeds:\n  - url: http://127.0.0.1:9/feed.xml\n    title: Loopback\n"
    let file = try directory.write(text, to: "config.yaml")
    return try Monitor.open(config: ConfigLoader.load(path: file.path), logger: logger)
  }

  /// An instant given as local wall time in Almaty.
  func local(_ text: String) -> Date {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = almaty
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    return formatter.date(from: text)!
  }

  /// Stores items first seen at `seen`, as one poll of `feed`.
  func store(
    _ monitor: Monitor, at seen: String, titles: [String],
    feed: String = "http://127.0.0.1:9/feed.xml",
    topics: [String] = ["energy"], relevant: Bool = true
  ) throws {
    let state = try monitor.store.registerFeeds(urls: [feed])[0]
    let items = titles.map { title in
      let link =
        "https://news.example/\(title.lowercased().filter(\.isLetter))-\(seen.filter(\.isNumber))"
      return IncomingItem(
        item: ParsedItem(
          id: link, title: title, link: link,
          summary: "Kazakhstan and Azerbaijan agreed on \(title.lowercased()) worth $5 million."),
        canonicalURL: CanonicalURL.make(link),
        classification: Classification(
          relevant: relevant, score: 10, language: .en, topics: topics.map(TopicID.init(rawValue:)),
          evidence: [], profileVersion: "test"))
    }
    try monitor.store.commit(
      FeedPollResult(
        feedID: state.id, checkedAt: local(seen),
        outcome: .updated(status: 200, etag: nil, lastModified: nil, warnings: []), items: items))
  }

  func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

  @Test("After downtime the missed digests are written on start, oldest first")
  func catchUp() async throws {
    let monitor = try monitor()
    defer { monitor.shutdown() }
    try store(monitor, at: "2026-11-19 12:00", titles: ["Before downtime"])
    _ = try monitor.writeDigest(
      day: monitor.digestPeriod(day: "2026-11-20", now: local("2026-11-20 08:05")))
    try store(monitor, at: "2026-11-21 12:00", titles: ["Pipeline talks"])
    try store(monitor, at: "2026-11-24 09:00", titles: ["Ferry line opened"])

    let written = await monitor.writeDueDigests(floor: "2026-11-25", now: local("2026-11-25 09:30"))
    #expect(written == ["2026-11-21", "2026-11-22", "2026-11-23", "2026-11-24", "2026-11-25"])
    #expect(try monitor.store.lastCompleteDigestDay() == "2026-11-25")
    let digests = directory.path("state/digests/2026/11")
    #expect(try read(digests.appendingPathComponent("2026-11-22.md")).contains("Pipeline talks"))
    #expect(try read(digests.appendingPathComponent("2026-11-25.md")).contains("Ferry line opened"))
    #expect(try !read(digests.appendingPathComponent("2026-11-23.md")).contains("Pipeline talks"))
    #expect(
      try read(directory.path("state/digests/latest.html")).contains("Ferry line opened"))
    // Nothing is due again until the next digest time.
    #expect(
      await monitor.writeDueDigests(floor: "2026-11-25", now: local("2026-11-25 20:00")) == [])
    #expect(
      await monitor.writeDueDigests(floor: "2026-11-25", now: local("2026-11-26 08:00")) == [
        "2026-11-26"
      ])
  }

  @Test("Catch-up is bounded to the newest seven days; a fresh store catches up on nothing")
  func boundedCatchUp() async throws {
    let monitor = try monitor()
    defer { monitor.shutdown() }
    #expect(
      await monitor.writeDueDigests(floor: "2026-11-25", now: local("2026-11-25 09:00")) == [])
    _ = try monitor.writeDigest(
      day: monitor.digestPeriod(day: "2026-11-01", now: local("2026-11-02 00:00")))
    let written = await monitor.writeDueDigests(floor: "2026-11-25", now: local("2026-11-25 09:00"))
    #expect(written == (19...25).map { "2026-11-\($0)" })
  }

  @Test("A digest that could not be written stays owed until a later attempt writes it")
  func failedWriteStaysOwed() async throws {
    let monitor = try monitor()
    defer { monitor.shutdown() }
    try store(monitor, at: "2026-11-24 12:00", titles: ["Caspian ferry"])
    // A file where the digest folder should be: every write fails, as on a full disk.
    let folder = directory.path("state/digests")
    try? FileManager.default.removeItem(at: folder)
    try Data("not a folder".utf8).write(to: folder)
    let now = local("2026-11-25 08:00")
    #expect(await monitor.writeDueDigests(floor: "2026-11-24", now: now) == [])
    #expect(monitor.dueDigestDays(floor: "2026-11-24", now: now) == ["2026-11-25"])
    #expect(try monitor.store.lastCompleteDigestDay() == nil)

    try FileManager.default.removeItem(at: folder)
    let later = local("2026-11-25 08:01")
    #expect(await monitor.writeDueDigests(floor: "2026-11-24", now: later) == ["2026-11-25"])
    #expect(monitor.dueDigestDays(floor: "2026-11-24", now: later) == [])
    #expect(
      try read(directory.path("state/digests/2026/11/2026-11-25.md")).contains("Caspian ferry"))
  }

  @Test("run --once writes the complete digests owed before the partial one (timer variant)")
  func onceWritesOwedDigests() async throws {
    let monitor = try monitor()
    defer { monitor.shutdown() }
    try store(monitor, at: "2026-11-24 12:00", titles: ["Trans-Caspian cable"])
    // The last timer run was before the 08:00 digest time; this one is after it.
    let (_, files) = try await monitor.runOnce(now: { local("2026-11-25 08:10") })
    #expect(try monitor.store.lastCompleteDigestDay() == "2026-11-25")
    let complete = try read(directory.path("state/digests/2026/11/2026-11-25.md"))
    #expect(complete.contains("Trans-Caspian cable") && !complete.contains("so far"))
    #expect(files.map(\.lastPathComponent).contains("2026-11-26.md"))
    #expect(try read(directory.path("state/digests/2026/11/2026-11-26.md")).contains("so far"))
  }

  @Test("Retries of an unwritten digest start at a minute and double up to an hour")
  func retryDelays() {
    #expect(DigestScheduler.retryDelay(attempt: 1) == .seconds(60))
    #expect(DigestScheduler.retryDelay(attempt: 2) == .seconds(120))
    #expect(DigestScheduler.retryDelay(attempt: 6) == .seconds(1_920))
    #expect(DigestScheduler.retryDelay(attempt: 7) == .seconds(3_600))
    #expect(DigestScheduler.retryDelay(attempt: 500) == .seconds(3_600))
  }

  @Test("What is owed starts when monitoring began, so a restart after a digest time owes it")
  func floorFromStore() throws {
    let monitor = try monitor()
    defer { monitor.shutdown() }
    // The configured feed was registered when the monitor opened (now); an earlier one says
    // monitoring began on 2026-11-24 at noon, after that day's 08:00 digest.
    _ = try monitor.store.registerFeeds(
      urls: ["http://127.0.0.1:9/older.xml"], now: local("2026-11-24 12:00"))
    // Killed at 08:00:30 on the 25th, before writing; restarted at 08:02.
    let restart = local("2026-11-25 08:02")
    #expect(monitor.digestFloor(now: restart) == "2026-11-24")
    #expect(
      monitor.dueDigestDays(floor: monitor.digestFloor(now: restart), now: restart) == [
        "2026-11-25"
      ])
    // Monitoring that begins after `now` (a clock set back) owes nothing before `now`.
    #expect(monitor.digestFloor(now: local("2026-11-20 09:00")) == "2026-11-20")
  }

  @Test("Monitoring began at the earliest feed registration; an empty store has no such time")
  func floorOfEmptyStore() throws {
    let store = try Store.open(path: directory.path("empty.sqlite").path)
    #expect(try store.monitoringBegan() == nil)
    _ = try store.registerFeeds(urls: ["http://127.0.0.1:9/a.xml"], now: local("2026-11-24 12:00"))
    _ = try store.registerFeeds(urls: ["http://127.0.0.1:9/b.xml"], now: local("2026-11-25 12:00"))
    #expect(try store.monitoringBegan() == local("2026-11-24 12:00"))
  }

  @Test("A partial digest (run --once) does not count as written: the daemon replaces it")
  func partialIsReplaced() async throws {
    let monitor = try monitor()
    defer { monitor.shutdown() }
    _ = try monitor.writeDigest(
      day: monitor.digestPeriod(day: "2026-11-24", now: local("2026-11-24 09:00")))
    try store(monitor, at: "2026-11-24 12:00", titles: ["Morning news"])
    let partial = try monitor.writeDigest(now: local("2026-11-24 13:00"))
    #expect(partial.first?.lastPathComponent == "2026-11-25.md")
    #expect(try read(partial[0]).contains("so far"))
    try store(monitor, at: "2026-11-24 18:00", titles: ["Evening news"])
    #expect(
      await monitor.writeDueDigests(floor: "2026-11-24", now: local("2026-11-25 08:00")) == [
        "2026-11-25"
      ])
    let complete = try read(partial[0])
    #expect(complete.contains("Morning news") && complete.contains("Evening news"))
    #expect(!complete.contains("so far"))
  }

  @Test("Regenerating a day with unchanged data gives byte-identical files in every format")
  func idempotent() throws {
    let monitor = try monitor()
    defer { monitor.shutdown() }
    try store(monitor, at: "2026-11-24 12:00", titles: ["Grain corridor", "Caspian cable"])
    try store(monitor, at: "2026-11-23 12:00", titles: ["Earlier story"])
    let period = try #require(
      monitor.digestPeriod(day: "2026-11-25", now: local("2026-11-26 00:00")))
    let first = try monitor.writeDigest(day: period, now: local("2026-11-25 08:00"))
    let extras = ["latest.md", "latest.html", "latest.json"].map {
      directory.path("state/digests/\($0)")
    }
    let before = try (first + extras).map { try Data(contentsOf: $0) }
    let second = try monitor.writeDigest(day: period, now: local("2026-11-27 15:42"))
    #expect(second == first)
    #expect(
      second.map(\.lastPathComponent) == [
        "2026-11-25.md", "2026-11-25.html", "2026-11-25.json", "digests.atom",
      ])
    let after = try (second + extras).map { try Data(contentsOf: $0) }
    #expect(before == after)
  }

  @Test("Statistics compare the day with the seven before; a jump is flagged as a spike")
  func statistics() throws {
    let monitor = try monitor()
    defer { monitor.shutdown() }
    for day in 17...23 {
      try store(monitor, at: "2026-11-\(day) 12:00", titles: ["Routine energy note \(day)"])
    }
    try store(
      monitor, at: "2026-11-24 12:00",
      titles: ["Gas deal", "Oil swap", "Power line", "Wind farm"])
    let period = try #require(
      monitor.digestPeriod(day: "2026-11-25", now: local("2026-11-26 00:00")))
    let digest = try monitor.digestWriter.build(period: period)
    let energy = try #require(digest.statistics.topics.first { $0.topic.rawValue == "energy" })
    #expect(energy.figure.count == 4 && energy.figure.average == 1 && energy.figure.isSpike)
    #expect(digest.statistics.baselineDayCount == 7)
    #expect(digest.statistics.trend.count == 14)
    #expect(digest.statistics.trend.last?.relevant == 4)
    #expect(digest.statistics.trend.suffix(8).dropLast().allSatisfy { $0.relevant == 1 })
    let markdown = MarkdownRenderer().render(digest)
    #expect(markdown.contains("| Energy | 4 ▲ spike | 1.0 |"))
  }

  @Test("Digests older than keep_days are deleted with their records")
  func retention() async throws {
    let monitor = try monitor(keepDays: 3)
    defer { monitor.shutdown() }
    let old = try monitor.writeDigest(
      day: monitor.digestPeriod(day: "2026-10-20", now: local("2026-10-21 00:00")))
    _ = try monitor.writeDigest(
      day: monitor.digestPeriod(day: "2026-11-24", now: local("2026-11-25 00:00")))
    await monitor.writeDueDigests(floor: "2026-11-25", now: local("2026-11-25 09:00"))
    for file in old where file.lastPathComponent != "digests.atom" {
      #expect(!FileManager.default.fileExists(atPath: file.path))
    }
    #expect(!FileManager.default.fileExists(atPath: directory.path("state/digests/2026/10").path))
    #expect(try monitor.store.digests(before: "2026-11-01").isEmpty)
    #expect(
      FileManager.default.fileExists(
        atPath: directory.path("state/digests/2026/11/2026-11-24.html").path))
    let atom = try read(directory.path("state/digests/digests.atom"))
    #expect(!atom.contains("2026-10-20") && atom.contains("2026-11-25"))
  }

  @Test("on_digest gets the written paths; a failure is kept and retried at the next digest")
  func delivery() async throws {
    let log = directory.path("delivered.txt")
    let failing = try monitor(onDigest: ["/bin/false"])
    _ = try failing.writeDigest(
      day: failing.digestPeriod(day: "2026-11-23", now: local("2026-11-24 00:00")))
    await failing.writeDueDigests(floor: "2026-11-24", now: local("2026-11-24 09:00"))
    let pending = try failing.store.pendingDeliveries()
    #expect(pending.map(\.day) == ["2026-11-24"])
    #expect(pending.first?.attempts == 1)
    #expect(pending.first?.lastError?.contains("exit status 1") == true)
    failing.shutdown()

    let working = try monitor(onDigest: [
      "/bin/sh", "-c", "printf '%s\\\\n' \\\"$@\\\" >> \(log.path)", "deliver",
    ])
    defer { working.shutdown() }
    await working.writeDueDigests(floor: "2026-11-24", now: local("2026-11-25 08:00"))
    #expect(try working.store.pendingDeliveries().isEmpty)
    let lines = try read(log).split(separator: "\n").map(String.init)
    #expect(lines.filter { $0.hasSuffix("2026-11-24.md") }.count == 1)
    #expect(lines.filter { $0.hasSuffix("2026-11-25.html") }.count == 1)
    #expect(lines.contains { $0.hasSuffix("digests.atom") })
  }

  @Test("A delivery command that runs too long is stopped and reported")
  func deliveryTimeout() async {
    let command = DeliveryCommand(arguments: ["/bin/sleep", "600"], timeout: .milliseconds(200))
    let failure = await command.run(paths: [])
    #expect(failure?.contains("timed out") == true)
    #expect(
      await DeliveryCommand(arguments: ["no-such-program-x"], timeout: .seconds(1)).run(paths: [])?
        .contains("not found") == true)
    #expect(
      await DeliveryCommand(arguments: ["true"], timeout: .seconds(5)).run(paths: ["a"]) == nil)
  }
}
