import Foundation
import KazazClassify
import KazazConfig
import KazazControl
import KazazFetch
import KazazModel
import KazazStore
import KazazTesting
import Logging
import Testing

@testable import KazazService

/// The daemon's background pass over stale stored items, with the progress `status` shows.
@Suite("Background reclassification")
struct BackgroundReclassificationTests {
  @Test("Stale items are redone in batches; progress is kept for status; nothing stale, no pass")
  func pass() async throws {
    let directory = try TemporaryDirectory()
    let store = try Store.open(path: directory.path("store.sqlite").path)
    let feed = try #require(store.registerFeeds(urls: ["https://a.kz/rss"]).first)
    let old = Classifier(profile: try ReclassificationTests.profile(version: "1", relevance: 1000))
    let titles = [
      "Kazakhstan and Azerbaijan sign a deal", "Kazakhstan raises its key rate",
      "Azerbaijan hosts a forum",
    ]
    let items = titles.enumerated().map { index, title in
      let body = "Astana and Baku agreed. Kazakhstan, Azerbaijan."
      return IncomingItem(
        item: ParsedItem(id: "\(index)", title: title, link: nil, summary: index == 0 ? body : ""),
        canonicalURL: nil, classification: old.classify(title: title, body: index == 0 ? body : ""))
    }
    _ = try store.commit(
      FeedPollResult(
        feedID: feed.id, checkedAt: Date(),
        outcome: .updated(status: 200, etag: nil, lastModified: nil, warnings: []), items: items))

    let new = Classifier(profile: try ReclassificationTests.profile(version: "2", relevance: 1))
    let monitor = Monitor(
      config: Config(
        stateDirectory: directory.url, profilePath: ProjectPaths.profile, feeds: [],
        sourceFile: directory.path("config.yaml")),
      store: store, engine: CurlEngine(), classifier: new, logger: Logger(label: "test"))
    defer { monitor.shutdown() }
    let tracker = ReclassificationTracker()
    let background = BackgroundReclassification(
      holder: MonitorHolder(monitor), tracker: tracker, batchSize: 2)
    await background.pass()
    let progress = try #require(tracker.current)
    #expect(progress.profileVersion == "2" && progress.total == 3 && progress.done == 3)
    #expect(progress.changed == 1 && progress.finishedAt != nil)
    #expect(progress.line.hasPrefix("reclassified for profile version 2: 3 of 3 items (100%)"))
    #expect(try store.staleClassificationCount(version: "2") == 0)
    #expect(try store.counts().relevant == 1)

    await background.pass()
    #expect(tracker.current == progress)
  }
}
