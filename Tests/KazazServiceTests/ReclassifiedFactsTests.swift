import Foundation
import GRDB
import KazazClassify
import KazazConfig
import KazazModel
import KazazService
import KazazTesting
import Testing

@testable import KazazStore

/// Reclassification refreshes what the digest reads: the key facts stored with the
/// classification, the primary topic, and the figures the store joins stories on.
@Suite("Reclassification refreshes key facts")
struct ReclassifiedFactsTests {
  @Test("Stored key facts, primary topic and event figures follow a reclassification")
  func refresh() throws {
    let directory = try TemporaryDirectory()
    let store = try Store.open(path: directory.path("store.sqlite").path)
    let feed = try #require(store.registerFeeds(urls: ["https://a.kz/rss"]).first)
    let title = "Kazakhstan and Azerbaijan raise trade"
    let body = """
      Trade turnover between Kazakhstan and Azerbaijan grew by 30.4 percent to $375.3 million, \
      the ministers of the two countries said in Astana.
      """
    // Stored by an older version that found no facts.
    let old = Classification(
      relevant: true, score: 10, language: .en, topics: [], evidence: [], profileVersion: "old")
    let now = Date(timeIntervalSince1970: 1_764_000_000)
    try store.commit(
      FeedPollResult(
        feedID: feed.id, checkedAt: now,
        outcome: .updated(status: 200, etag: nil, lastModified: nil, warnings: []),
        items: [
          IncomingItem(
            item: ParsedItem(id: "1", title: title, link: nil, summary: body), canonicalURL: nil,
            classification: old)
        ]))
    let classifier = Classifier(
      profile: try ProfileLoader.load(path: ProjectPaths.profile.path))
    let summary = try Reclassification.run(store: store, classifier: classifier, all: false)
    #expect(summary.items == 1)

    let item = try #require(
      store.items(firstSeenFrom: now.addingTimeInterval(-1), to: now.addingTimeInterval(1)).first)
    let figures = item.keyFacts.filter(\.isFigure)
    #expect(figures.map(\.subject) == ["trade turnover", "trade turnover"])
    #expect(figures.map(\.direction) == [.up, nil])
    #expect(item.primaryTopic != nil && item.topics.contains(item.primaryTopic!))
    let indexed = try store.pool.read { db in
      try String.fetchAll(db, sql: "SELECT figure FROM itemFigure ORDER BY figure")
    }
    #expect(indexed == ["% 30.4", "USD 3.753e+08"])
  }
}
