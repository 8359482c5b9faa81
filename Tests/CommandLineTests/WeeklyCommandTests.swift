import Foundation
import KazazConfig
import KazazModel
import KazazStore
import KazazTesting
import Logging
import Testing

@testable import KazazService

/// `kazaz-monitor digest --week`, run as the real binary on a real store.
@Suite("digest --week")
struct WeeklyCommandTests {
  @Test("Writes the report of an ended week from the store; refuses a week that has not ended")
  func week() async throws {
    let binary = try #require(BuiltBinary.kazazMonitor(), "the kazaz-monitor binary was not built")
    let directory = try TemporaryDirectory()
    let config = try directory.write(
      """
      state_dir: \(directory.path("state").path)
      profile: \(ProjectPaths.profile.path)
      digest: { formats: [markdown, json, atom], timezone: Asia/Almaty }
      feeds:
        - url: http://127.0.0.1:9/feed.xml

      """, to: "config.yaml")
    let monitor = try Monitor.open(
      config: ConfigLoader.load(path: config.path),
      logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
    // Wednesday 5 March 2025, in 2025-W10 (Monday 3rd 08:00 to Monday 10th 08:00, Almaty).
    let seen = Date(timeIntervalSince1970: 1_741_161_600)
    let feed = try monitor.store.registerFeeds(urls: ["http://127.0.0.1:9/feed.xml"], now: seen)[0]
    try monitor.store.commit(
      FeedPollResult(
        feedID: feed.id, checkedAt: seen,
        outcome: .updated(status: 200, etag: nil, lastModified: nil, warnings: []),
        items: [
          IncomingItem(
            item: ParsedItem(
              id: "a", title: "Kazakhstan and Azerbaijan open a ferry line",
              link: "https://news.example/a", summary: "The ferry line opened."),
            canonicalURL: "https://news.example/a",
            classification: Classification(
              relevant: true, score: 12, language: .en,
              topics: [TopicID(rawValue: "transport-logistics")], evidence: [],
              profileVersion: "test"))
        ]))
    monitor.shutdown()

    let run = try await ProcessRun.run(
      binary, ["digest", "--config", config.path, "--week", "2025-W10"])
    #expect(run.status == 0, "\(run.errors)")
    let files = run.output.split(separator: "\n").map(String.init)
    #expect(
      files.map { URL(fileURLWithPath: $0).lastPathComponent } == [
        "2025-W10.md", "2025-W10.json", "digests.atom",
      ])
    let markdown = try String(contentsOfFile: files[0], encoding: .utf8)
    #expect(markdown.contains("# Kazakhstan–Azerbaijan weekly report — 2025-W10"))
    #expect(markdown.contains("Kazakhstan and Azerbaijan open a ferry line"))
    #expect(try String(contentsOfFile: files[2], encoding: .utf8).contains("weekly:2025-W10"))

    let future = try await ProcessRun.run(
      binary, ["digest", "--config", config.path, "--week", "2999-W10"])
    #expect(future.status == 64)
    #expect(future.errors.contains("--week: expected an ISO week that has ended"))
  }
}
