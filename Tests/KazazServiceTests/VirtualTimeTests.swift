import Foundation
import KazazConfig
import KazazDigest
import KazazModel
import KazazStore
import KazazTesting
import Logging
import Testing

@testable import KazazService

/// The daemon's loops driven by a `ManualClock`: the digest scheduler (daily digest and weekly
/// report, on schedule and after downtime) and the poll loop. The test waits until a loop is
/// asleep, checks what it did, and moves virtual time to the loop's own deadline; nothing waits
/// for real time, and every deadline is asserted exactly.
@Suite("Schedules in virtual time", .timeLimit(.minutes(2)))
struct VirtualTimeTests {
  let directory: TemporaryDirectory
  let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
  static let almaty = TimeZone(identifier: "Asia/Almaty")!
  static let feedURL = "http://127.0.0.1:9/feed.xml"

  init() throws {
    directory = try TemporaryDirectory()
  }

  /// An instant given as local wall time in Almaty.
  static func local(_ text: String) -> Date {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = almaty
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    return formatter.date(from: text)!
  }

  func local(_ text: String) -> Date { Self.local(text) }

  func monitor(
    clock: ManualClock, weekly: String = "{}", extra: String = "", feed: String = feedURL
  ) throws -> Monitor {
    let text = """
      state_dir: \(directory.path("state").path)
      profile: \(ProjectPaths.profile.path)
      digest:
        time: "08:00"
        timezone: Asia/Almaty
        formats: [markdown, html, json, atom]
        weekly: \(weekly)
      \(extra)
      feeds:
        - url: \(feed)
          title: Loopback
          full_text: never

      """
    let file = try directory.write(text, to: "config.yaml")
    var monitor = try Monitor.open(config: ConfigLoader.load(path: file.path), logger: logger)
    monitor.clock = clock
    return monitor
  }

  /// Stores relevant items first seen at `seen` (local time), as one poll of the feed.
  func store(_ monitor: Monitor, at seen: String, titles: [String], topic: String = "energy")
    throws
  {
    let state = try monitor.store.registerFeeds(
      urls: [Self.feedURL], now: local("2026-10-01 10:00"))[0]
    let items = titles.map { title in
      let link =
        "https://news.example/\(title.lowercased().filter(\.isLetter))-\(seen.filter(\.isNumber))"
      return IncomingItem(
        item: ParsedItem(
          id: link, title: title, link: link,
          summary: "Kazakhstan and Azerbaijan agreed on \(title.lowercased()) worth $5 million."),
        canonicalURL: CanonicalURL.make(link),
        classification: Classification(
          relevant: true, score: 10, language: .en, topics: [TopicID(rawValue: topic)],
          evidence: [], profileVersion: "test"))
    }
    try monitor.store.commit(
      FeedPollResult(
        feedID: state.id, checkedAt: local(seen),
        outcome: .updated(status: 200, etag: nil, lastModified: nil, warnings: []), items: items))
  }

  func read(_ path: String) throws -> String {
    try String(contentsOf: directory.path("state/digests/\(path)"), encoding: .utf8)
  }

  func exists(_ path: String) -> Bool {
    FileManager.default.fileExists(atPath: directory.path("state/digests/\(path)").path)
  }

  /// Runs the digest scheduler until the test ends it.
  func schedule(_ monitor: Monitor) -> Task<Void, Never> {
    Task { await DigestScheduler(monitor: monitor).run() }
  }

  @Test("The daily digest: missed days written on start, then each day at the digest time")
  func dailyCatchUpAndSchedule() async throws {
    let clock = ManualClock(now: local("2026-11-25 09:30"))
    let monitor = try monitor(clock: clock, weekly: "{enabled: false}")
    defer { monitor.shutdown() }
    try store(monitor, at: "2026-11-19 12:00", titles: ["Before downtime"])
    _ = try monitor.writeDigest(
      day: monitor.digestPeriod(day: "2026-11-20", now: local("2026-11-20 08:05")),
      now: local("2026-11-20 08:05"))
    try store(monitor, at: "2026-11-21 12:00", titles: ["Pipeline talks"])
    try store(monitor, at: "2026-11-24 09:00", titles: ["Ferry line opened"])

    let loop = schedule(monitor)
    // Down from the 20th: the five digests owed are written before the loop first sleeps, and
    // it sleeps until the next digest time exactly.
    #expect(await clock.sleepers(atLeast: 1) == [local("2026-11-26 08:00")])
    #expect(try monitor.store.lastCompleteDigestDay() == "2026-11-25")
    #expect(try read("2026/11/2026-11-22.md").contains("Pipeline talks"))
    #expect(try read("2026/11/2026-11-25.md").contains("Ferry line opened"))
    #expect(!exists("2026/11/2026-11-26.md"))

    try store(monitor, at: "2026-11-25 17:00", titles: ["Caspian cable"])
    clock.advance(to: local("2026-11-26 08:00"))
    #expect(await clock.sleepers(atLeast: 1) == [local("2026-11-27 08:00")])
    #expect(try read("2026/11/2026-11-26.md").contains("Caspian cable"))
    #expect(try monitor.store.lastCompleteDigestDay() == "2026-11-26")
    // Waking late (a suspended machine) writes the day owed, not a skipped one.
    clock.advance(to: local("2026-11-28 15:00"))
    #expect(await clock.sleepers(atLeast: 1) == [local("2026-11-29 08:00")])
    #expect(try monitor.store.lastCompleteDigestDay() == "2026-11-28")
    #expect(exists("2026/11/2026-11-27.md") && exists("2026/11/2026-11-28.md"))
    #expect(try monitor.store.weeklyReports(endingBefore: .distantFuture).isEmpty)
    loop.cancel()
    await loop.value
  }

  @Test("The weekly report is written at the weekly run, with an entry in the Atom feed")
  func weeklyOnSchedule() async throws {
    // Sunday evening; the week 2026-W48 runs from Monday 23 November 08:00 to Monday 30th.
    let clock = ManualClock(now: local("2026-11-29 20:00"))
    let monitor = try monitor(clock: clock)
    defer { monitor.shutdown() }
    _ = try monitor.writeWeeklyReport(runDay: "2026-11-23", now: local("2026-11-23 08:00"))
    for day in 20...28 {
      _ = try monitor.writeDigest(
        day: monitor.digestPeriod(day: "2026-11-\(day)", now: local("2026-11-\(day) 08:00")),
        now: local("2026-11-\(day) 08:00"))
    }
    try store(monitor, at: "2026-11-10 12:00", titles: ["Oil transit grows"])
    try store(monitor, at: "2026-11-18 12:00", titles: ["Grid link studied"])
    try store(
      monitor, at: "2026-11-24 12:00", titles: ["Ferry line opened"], topic: "transport-logistics")
    try store(monitor, at: "2026-11-27 12:00", titles: ["Gas deal signed", "Power line planned"])
    try store(monitor, at: "2026-11-29 12:00", titles: ["Solar park announced"])

    let loop = schedule(monitor)
    // The daily digest of the 29th was owed; the weekly report of W48 is not due yet.
    #expect(await clock.sleepers(atLeast: 1) == [local("2026-11-30 08:00")])
    #expect(!exists("weekly/2026/2026-W48.md"))
    #expect(try monitor.store.lastWeeklyReportWeek() == "2026-W47")

    clock.advance(to: local("2026-11-30 08:00"))
    #expect(await clock.sleepers(atLeast: 1) == [local("2026-12-01 08:00")])
    #expect(try monitor.store.lastWeeklyReportWeek() == "2026-W48")
    let markdown = try read("weekly/2026/2026-W48.md")
    #expect(markdown.hasPrefix("# Kazakhstan–Azerbaijan weekly report — 2026-W48\n"))
    for title in ["Ferry line opened", "Gas deal signed", "Power line planned"] {
      #expect(markdown.contains(title))
    }
    // Sunday the 29th is in the week (until Monday 08:00); Wednesday the 18th is not.
    #expect(markdown.contains("Solar park announced") && !markdown.contains("Grid link studied"))
    // Energy: 1 in W46 (the 10th), 1 in W47 (the 18th), 3 in W48; W45 and W44 had no items.
    #expect(markdown.contains("| Energy | 0 | 0 | 1 | 1 | **3** | 1.0 |"))
    #expect(try read("weekly/latest.html") == read("weekly/2026/2026-W48.html"))
    #expect(exists("weekly/2026/2026-W48.json"))
    let atom = try read("digests.atom")
    #expect(atom.contains("<id>urn:kazaz-monitor:weekly:2026-W48</id>"))
    #expect(atom.contains("Kazakhstan–Azerbaijan weekly report — 2026-W48"))
    // The weekly entry follows the daily digest that ends at the same time.
    let daily = try #require(atom.range(of: "urn:kazaz-monitor:digest:2026-11-30"))
    let weekly = try #require(atom.range(of: "urn:kazaz-monitor:weekly:2026-W48"))
    #expect(daily.lowerBound < weekly.lowerBound)
    loop.cancel()
    await loop.value
  }

  @Test("After downtime the missed weekly reports are written on start, oldest first, at most four")
  func weeklyCatchUp() async throws {
    // Last report: 2026-W40; the daemon comes back on Wednesday of 2026-W49.
    let clock = ManualClock(now: local("2026-12-02 10:00"))
    let monitor = try monitor(clock: clock, weekly: "{weekday: monday, time: \"09:00\"}")
    defer { monitor.shutdown() }
    let weekly = try #require(monitor.config.digest.weeklySchedule)
    let first = try #require(weekly.runDay(ofWeek: "2026-W40"))
    #expect(first == "2026-10-05")
    _ = try monitor.writeWeeklyReport(runDay: first, now: local("2026-10-05 09:00"))
    try store(monitor, at: "2026-11-24 12:00", titles: ["Ferry line opened"])

    let loop = schedule(monitor)
    // Thursday's daily digest at 08:00 comes before the next weekly run (Monday 7th, 09:00).
    #expect(await clock.sleepers(atLeast: 1) == [local("2026-12-03 08:00")])
    let weeks = Set(try monitor.store.recentWeeklyReports(weeks: 10).map(\.day))
    #expect(weeks == ["2026-W40", "2026-W45", "2026-W46", "2026-W47", "2026-W48"])
    #expect(try read("weekly/2026/2026-W48.md").contains("Ferry line opened"))
    #expect(try read("weekly/latest.md") == read("weekly/2026/2026-W48.md"))

    clock.advance(to: local("2026-12-03 08:00"))
    #expect(await clock.sleepers(atLeast: 1) == [local("2026-12-04 08:00")])
    clock.advance(to: local("2026-12-07 08:00"))
    #expect(await clock.sleepers(atLeast: 1) == [local("2026-12-07 09:00")])
    #expect(try monitor.store.lastWeeklyReportWeek() == "2026-W48")
    clock.advance(to: local("2026-12-07 09:00"))
    #expect(await clock.sleepers(atLeast: 1) == [local("2026-12-08 08:00")])
    #expect(try monitor.store.lastWeeklyReportWeek() == "2026-W49")
    loop.cancel()
    await loop.value
  }

  @Test("A weekly report is queued for on_digest like a daily digest, named by its week")
  func weeklyDelivery() throws {
    let clock = ManualClock(now: local("2026-11-30 09:00"))
    let monitor = try monitor(clock: clock, weekly: "{}\n  on_digest: [/bin/true]")
    defer { monitor.shutdown() }
    try store(monitor, at: "2026-11-24 12:00", titles: ["Ferry line opened"])
    #expect(monitor.writeDueWeeklyReports(floor: "2026-W47", now: clock.now()) == ["2026-W48"])
    let pending = try monitor.store.pendingDeliveries()
    #expect(pending.map(\.day) == ["2026-W48"])
    #expect(
      pending.first?.paths.map { URL(fileURLWithPath: $0).lastPathComponent } == [
        "2026-W48.md", "2026-W48.html", "2026-W48.json", "digests.atom",
      ])
    // Written once: nothing is owed again until the next run.
    #expect(monitor.writeDueWeeklyReports(floor: "2026-W47", now: local("2026-12-07 07:59")) == [])
  }

  @Test("The poll loop polls a feed when it falls due in virtual time, and not before")
  func pollLoop() async throws {
    let server = try LoopbackHTTPServer()
    defer { server.stop() }
    server.route("/feed.xml") { _ in
      .text(
        """
        <?xml version="1.0"?><rss version="2.0"><channel><title>Loop</title>
        <item><title>Ferry line opened</title><link>https://news.example/ferry</link>
        <guid>ferry</guid></item></channel></rss>
        """)
    }
    let start = local("2026-11-25 09:00")
    let clock = ManualClock(now: start)
    let monitor = try monitor(
      clock: clock, weekly: "{enabled: false}", extra: "poll_interval: 10m",
      feed: server.url("/feed.xml"))
    defer { monitor.shutdown() }
    let holder = MonitorHolder(monitor)
    let coordinator = RefreshCoordinator()
    let loop = Task { await RefreshLoop(holder: holder, coordinator: coordinator).run() }

    /// Moves time to the loop's deadline until the feed has been polled `count` times; returns
    /// the wakes it took. Each wait is at most `RefreshLoop.maximumSleep`.
    func wake(untilPolled count: Int) async throws -> Int {
      var wakes = 0
      while server.requests(to: "/feed.xml").count < count {
        let deadline = try #require(await clock.sleepers(atLeast: 1).first)
        #expect(deadline.timeIntervalSince(clock.now()) <= RefreshLoop.maximumSleep)
        clock.advance(to: deadline)
        wakes += 1
        try #require(wakes < 100)
      }
      // The cycle that polled has ended once the loop sleeps again.
      _ = await clock.sleepers(atLeast: 1)
      return wakes
    }

    _ = try await wake(untilPolled: 1)
    let polled = try #require(try monitor.store.feeds().first)
    let firstPoll = try #require(polled.lastCheckedAt)
    let due = try #require(polled.nextCheckAt)
    // A new feed is first polled within the spread window; then after its interval ±10%.
    #expect(firstPoll >= start && firstPoll < start.addingTimeInterval(120))
    #expect(abs(due.timeIntervalSince(firstPoll) - 600) <= 60)
    #expect(try monitor.store.items(firstSeenFrom: start, to: due).count == 1)

    let wakes = try await wake(untilPolled: 2)
    #expect(wakes >= 9)
    let second = try #require(try monitor.store.feeds().first?.lastCheckedAt)
    // Polled at the moment it fell due, not a wake earlier or later (the store keeps
    // milliseconds; the next wake would be a whole poll step later).
    #expect(
      second >= due.addingTimeInterval(-0.001) && second < due.addingTimeInterval(1),
      "\(second.timeIntervalSince1970) against \(due.timeIntervalSince1970)")
    #expect(server.requests(to: "/feed.xml").count == 2)
    loop.cancel()
    await loop.value
  }
}
