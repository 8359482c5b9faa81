import Foundation
import GRDB
import KazazModel
import KazazTesting
import Testing

@testable import KazazStore

@Suite("Primary topics in the store")
struct PrimaryTopicStoreTests {
  let now = Date(timeIntervalSince1970: 1_764_000_000)

  func classification(primary: String?, topics: [String: Double]) -> Classification {
    Classification(
      relevant: true, score: 10, language: .en,
      topics: topics.keys.sorted().map(TopicID.init(rawValue:)), evidence: [],
      profileVersion: "1",
      topicScores: Dictionary(
        uniqueKeysWithValues: topics.map { (TopicID(rawValue: $0.key), $0.value) }),
      primaryTopic: primary.map(TopicID.init(rawValue:)))
  }

  @Test("Stored with the item, read back with it, replaced by reclassification")
  func roundTrip() throws {
    let directory = try TemporaryDirectory()
    let store = try Store.open(path: directory.path("store.sqlite").path)
    let feed = try #require(store.registerFeeds(urls: ["https://a.kz/rss"]).first)
    try store.commit(
      FeedPollResult(
        feedID: feed.id, checkedAt: now,
        outcome: .updated(status: 200, etag: nil, lastModified: nil, warnings: []),
        items: [
          IncomingItem(
            item: ParsedItem(id: "1", title: "Ferry", link: nil, summary: "Ferry text"),
            canonicalURL: nil,
            classification: classification(
              primary: "transport-logistics",
              topics: ["transport-logistics": 9, "trade-economy": 4]))
        ]))
    let window = (now.addingTimeInterval(-1), now.addingTimeInterval(1))
    var items = try store.items(firstSeenFrom: window.0, to: window.1)
    #expect(items.map(\.primaryTopic) == [TopicID(rawValue: "transport-logistics")])
    try store.replaceClassifications(
      [(itemID: items[0].id, classification: classification(primary: nil, topics: [:]))], at: now)
    items = try store.items(firstSeenFrom: window.0, to: window.1)
    #expect(items.map(\.primaryTopic) == [nil])
  }

  @Test("Migration v8 gives items classified before it their highest-scoring stored topic")
  func migration() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("v7.sqlite").path
    let queue = try OldStore.make(at: path, upTo: "v7-crash-quarantine", now: now)
    // Item 1: energy scores highest. Item 2: a tie, broken by the digests' topic order.
    // Item 3: no topic at all.
    let topics: [(Int, String, Double)] = [
      (1, "politics-diplomacy", 3), (1, "energy", 8.5), (1, "trade-economy", 8),
      (2, "transport-logistics", 5), (2, "trade-economy", 5),
    ]
    try queue.write { db in
      for id in 1...3 {
        try db.execute(
          sql: "INSERT INTO item (id, feedId, guid, firstSeenAt) VALUES (?, 1, ?, ?)",
          arguments: [id, "g\(id)", now])
        try db.execute(
          sql: """
            INSERT INTO classification (itemId, relevant, score, language, evidence,
                                        profileVersion, classifiedAt)
            VALUES (?, 1, 10, 'en', '[]', '1', ?)
            """, arguments: [id, now])
      }
      for (item, topic, score) in topics {
        try db.execute(
          sql: "INSERT INTO itemTopic (itemId, topic, score) VALUES (?, ?, ?)",
          arguments: [item, topic, score])
      }
    }
    try queue.close()
    let store = try Store.open(path: path)
    let primary = try store.pool.read { db in
      try String?.fetchAll(db, sql: "SELECT primaryTopic FROM classification ORDER BY itemId")
    }
    #expect(primary == ["energy", "trade-economy", nil])
  }
}
