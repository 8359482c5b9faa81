import Foundation
import KazazConfig
import KazazModel
import KazazStore
import KazazTesting
import Logging
import Testing

@testable import KazazService

/// The whole pipeline for real: libcurl, libxml2, the shipped classifier profile, SQLite, and the
/// digest file — against the bundled seed feeds and a loopback HTTP server.
@Suite("Pipeline end to end")
struct PipelineEndToEndTests {
  let directory: TemporaryDirectory
  let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

  init() throws {
    directory = try TemporaryDirectory()
  }

  func config(feeds: [String]) throws -> Config {
    let root = ProjectPaths.root()
    let text = """
      state_dir: \(directory.path("state").path)
      profile: \(ProjectPaths.profile.path)
      feeds:
      \(feeds.map { "  - url: \($0)" }.joined(separator: "\n"))
      """
    let file = try directory.write(text, to: "config.yaml")
    _ = root
    return try ConfigLoader.load(path: file.path)
  }

  @Test("The seed feeds: five relevant items stored once, a digest written, a re-run adds nothing")
  func seeds() async throws {
    let seeds = ProjectPaths.seeds.appendingPathComponent("feeds")
    let monitor = try Monitor.open(
      config: config(feeds: [
        seeds.appendingPathComponent("seeds.rss").absoluteString,
        seeds.appendingPathComponent("seeds-ru.atom").absoluteString,
      ]), logger: logger)
    defer { monitor.shutdown() }

    let first = try await monitor.refresh()
    #expect(first.newItems == 5 && first.relevantItems == 5 && first.failedFeeds == 0)
    #expect(first.duplicates == 2)  // the Russian articles, carried by both feeds

    let files = try monitor.writeDigest()
    let digest = try String(contentsOf: try #require(files.first), encoding: .utf8)
    #expect(digest.contains("**5** relevant of 5 new items"))
    #expect(digest.contains("Президенты Казахстана и Азербайджана провели переговоры"))
    #expect(FileManager.default.fileExists(atPath: directory.path("state/digests/latest.md").path))

    // Each seed story is told once, and no lead opens with a date, a dateline or an agency.
    let entries = digest.split(separator: "\n").filter {
      $0.hasPrefix("- **") || $0.firstMatch(of: /^\d+\. \*\*/) != nil
    }
    #expect(entries.count == 5, "\(entries)")
    for title in try monitor.store.items(firstSeenFrom: .distantPast, to: .distantFuture)
      .compactMap(\.title)
    {
      #expect(entries.filter { $0.contains(title) }.count == 1, "\(title)")
    }
    let leads = digest.split(separator: "\n").compactMap { line -> Substring? in
      guard let range = line.range(of: "> ") else { return nil }
      return line[range.upperBound...]
    }
    #expect(leads.count == 5)
    for lead in leads {
      #expect(lead.first?.isNumber != true, "a date: \(lead)")
      #expect(
        lead.firstMatch(of: /^[\p{Lu}\p{Lt}][\p{L} -]*[,.] *\d/) == nil, "a dateline: \(lead)")
      #expect(
        lead.firstMatch(of: /^(date|KAZAKHSTAN TODAY|Kazinform|Trend|ТАСС|APA|AZERTAC|Report)\b/)
          == nil, "an agency: \(lead)")
    }

    let second = try await monitor.refresh()
    #expect(second.newItems == 0)
    #expect(try monitor.store.counts().items == 5)
    #expect(try monitor.store.integrityCheck() == "ok")
  }

  @Test("Over HTTP: 200 then 304 with validators; an error status is recorded as feed health")
  func http() async throws {
    let server = try LoopbackHTTPServer()
    let feedBody = try Data(
      contentsOf: ProjectPaths.seeds.appendingPathComponent("feeds/seeds-ru.atom"))
    server.route("/ru.atom") { request in
      if request.headers["if-none-match"] == "\"seed-1\"" { return .init(status: 304) }
      return .init(
        headers: [("Content-Type", "application/atom+xml"), ("ETag", "\"seed-1\"")], body: feedBody)
    }
    server.route("/broken") { _ in .init(status: 500, body: Data("oops".utf8)) }
    let monitor = try Monitor.open(
      config: config(feeds: [server.url("/ru.atom"), server.url("/broken")]), logger: logger)
    defer { monitor.shutdown() }

    let first = try await monitor.refresh()
    #expect(first.newItems == 2 && first.relevantItems == 2)
    #expect(first.failedFeeds == 1)
    #expect(first.failures.first?.contains("HTTP 500") == true)

    let second = try await monitor.refresh()
    #expect(second.unchanged == 1 && second.newItems == 0)
    #expect(server.requests(to: "/ru.atom").last?.headers["if-none-match"] == "\"seed-1\"")

    let feeds = try monitor.store.feeds()
    let broken = try #require(feeds.first { $0.url.hasSuffix("/broken") })
    #expect(broken.consecutiveFailures == 2 && broken.lastErrorKind == "http.500")
    let healthy = try #require(feeds.first { $0.url.hasSuffix("/ru.atom") })
    #expect(healthy.lastStatus == 304 && healthy.itemCount == 2)
    // Relative links in the feed resolve against the URL it was fetched from.
    let items = try monitor.store.items(firstSeenFrom: .distantPast, to: .distantFuture)
    #expect(
      items.allSatisfy {
        $0.url?.hasPrefix(server.baseURL + "/003_") == true
          || $0.url?.hasPrefix(server.baseURL + "/004_") == true
      })
  }
}

@Suite("Digest schedule")
struct DigestScheduleTests {
  func date(_ text: String) -> Date {
    let formatter = ISO8601DateFormatter()
    return formatter.date(from: text)!
  }

  @Test("08:00 Asia/Almaty is 03:00 UTC; the next run is strictly after")
  func almaty() {
    let schedule = DigestSchedule(minuteOfDay: 480, timeZone: TimeZone(identifier: "Asia/Almaty")!)
    #expect(schedule.nextRun(after: date("2026-11-25T01:00:00Z")) == date("2026-11-25T03:00:00Z"))
    #expect(schedule.nextRun(after: date("2026-11-25T03:00:00Z")) == date("2026-11-26T03:00:00Z"))
  }

  @Test("Across daylight-saving changes the local time holds")
  func dst() {
    let berlin = TimeZone(identifier: "Europe/Berlin")!
    let schedule = DigestSchedule(minuteOfDay: 480, timeZone: berlin)
    // Spring forward on 2026-03-29: 08:00 CEST is 06:00 UTC.
    #expect(schedule.nextRun(after: date("2026-03-28T12:00:00Z")) == date("2026-03-29T06:00:00Z"))
    // Fall back on 2026-10-25: 08:00 CET is 07:00 UTC.
    #expect(schedule.nextRun(after: date("2026-10-24T12:00:00Z")) == date("2026-10-25T07:00:00Z"))
    // A time inside the spring-forward gap moves to the next valid instant.
    let gap = DigestSchedule(minuteOfDay: 150, timeZone: berlin)
    #expect(gap.nextRun(after: date("2026-03-28T12:00:00Z")) == date("2026-03-29T01:00:00Z"))
  }
}
