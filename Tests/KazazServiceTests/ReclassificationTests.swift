import Foundation
import KazazClassify
import KazazConfig
import KazazModel
import KazazService
import KazazStore
import KazazTesting
import Testing

@Suite("Reclassification after a profile change")
struct ReclassificationTests {
  static func profile(version: String, relevance: Double) throws -> ClassifierProfile {
    let topics = TopicID.all.map { "  \($0.rawValue): { en: { \"t\($0.canonicalIndex)x\": 1 } }" }
      .joined(separator: "\n")
    return try ProfileLoader.parse(
      """
      version: "\(version)"
      thresholds: { relevance: \(relevance), side_minimum: 1, topic: 1 }
      sides:
        kazakhstan: { en: { "kazakhstan*": 1.3, "astana": 0.8 } }
        azerbaijan: { en: { "azerbaijan*": 1.3, "baku": 0.8 } }
      topics:
      \(topics)
      """, displayName: "test")
  }

  @Test("Only items of another version are redone, in batches; --all redoes everything")
  func reclassify() throws {
    let directory = try TemporaryDirectory()
    let store = try Store.open(path: directory.path("store.sqlite").path)
    let feed = try #require(store.registerFeeds(urls: ["https://a.kz/rss"]).first)
    let old = Classifier(profile: try Self.profile(version: "1", relevance: 1000))
    let texts = [
      ("Kazakhstan and Azerbaijan sign a deal", "Astana and Baku agreed. Kazakhstan, Azerbaijan."),
      ("Kazakhstan raises its key rate", "The bank in Astana raised the rate."),
      ("Azerbaijan hosts a forum", "Baku welcomed guests from Azerbaijan and abroad."),
    ]
    let items = texts.enumerated().map { index, text in
      IncomingItem(
        item: ParsedItem(id: "\(index)", title: text.0, link: nil, summary: text.1),
        canonicalURL: nil, classification: old.classify(title: text.0, body: text.1))
    }
    try store.commit(
      FeedPollResult(
        feedID: feed.id, checkedAt: Date(),
        outcome: .updated(status: 200, etag: nil, lastModified: nil, warnings: []), items: items))
    #expect(try store.counts().relevant == 0)

    let new = Classifier(profile: try Self.profile(version: "2", relevance: 1))
    let summary = try Reclassification.run(store: store, classifier: new, all: false, batchSize: 2)
    #expect(summary == .init(items: 3, relevant: 1, changed: 1, batches: 2))
    #expect(try store.counts().relevant == 1)
    #expect(try store.staleClassificationCount(version: "2") == 0)

    let again = try Reclassification.run(store: store, classifier: new, all: false)
    #expect(again.items == 0)
    let all = try Reclassification.run(store: store, classifier: new, all: true, batchSize: 10)
    #expect(all == .init(items: 3, relevant: 1, changed: 0, batches: 1))
  }
}
