import Foundation
import GRDB
import KazazModel
import KazazTesting
import Testing

@testable import KazazStore

@Suite("SQLite store")
struct StoreTests {
  let directory: TemporaryDirectory
  let store: Store
  let now = Date(timeIntervalSince1970: 1_764_000_000)

  init() throws {
    directory = try TemporaryDirectory()
    store = try Store.open(path: directory.path("state/store.sqlite").path)
  }

  func incoming(_ id: String, link: String?, relevant: Bool = true, topics: [String] = [])
    -> IncomingItem
  {
    IncomingItem(
      item: ParsedItem(id: id, title: "Title \(id)", link: link, summary: "Text \(id)"),
      canonicalURL: CanonicalURL.make(link),
      classification: Classification(
        relevant: relevant, score: relevant ? 10 : 1, language: .en,
        topics: topics.map(TopicID.init(rawValue:)),
        evidence: [
          Evidence(
            kind: .kazakhstan, term: "kazakhstan*", region: .title, count: 1, contribution: 3)
        ],
        profileVersion: "1"))
  }

  @Test("WAL mode, foreign keys, and a sound file")
  func pragmas() throws {
    let (journal, foreignKeys) = try store.pool.read { db in
      (
        try String.fetchOne(db, sql: "PRAGMA journal_mode"),
        try Int.fetchOne(db, sql: "PRAGMA foreign_keys")
      )
    }
    #expect(journal == "wal")
    #expect(foreignKeys == 1)
    #expect(try store.integrityCheck() == "ok")
  }

  @Test("A poll is committed: items, classifications, topics and feed state")
  func commit() throws {
    let feed = try #require(store.registerFeeds(urls: ["https://a.kz/rss"], now: now).first)
    let result = FeedPollResult(
      feedID: feed.id, checkedAt: now,
      outcome: .updated(
        status: 200, etag: "\"e1\"", lastModified: "Mon, 10 Apr 2023 18:16:05 GMT", warnings: []),
      feedTitle: "A.kz",
      items: [
        incoming("1", link: "https://a.kz/1", topics: ["energy", "trade-economy"]),
        incoming("2", link: "https://a.kz/2", relevant: false),
      ])
    let commit = try store.commit(result)
    #expect(commit == PollCommit(inserted: 2, relevant: 1, duplicates: 0))
    let state = try #require(store.feeds().first)
    #expect(state.title == "A.kz" && state.etag == "\"e1\"" && state.lastStatus == 200)
    #expect(state.itemCount == 2 && state.consecutiveFailures == 0)
    let items = try store.items(
      firstSeenFrom: now.addingTimeInterval(-1), to: now.addingTimeInterval(1))
    #expect(items.count == 2)
    #expect(items[0].relevant && items[0].topics.map(\.rawValue) == ["trade-economy", "energy"])
    let evidence = try store.pool.read { db in
      try String.fetchOne(db, sql: "SELECT evidence FROM classification WHERE relevant")
    }
    #expect(evidence?.contains("\"kind\":\"kazakhstan\"") == true)
  }

  @Test("The same guid in the same feed is stored once")
  func sameGUID() throws {
    let feed = try #require(store.registerFeeds(urls: ["https://a.kz/rss"]).first)
    let poll = FeedPollResult(
      feedID: feed.id, checkedAt: now,
      outcome: .updated(status: 200, etag: nil, lastModified: nil, warnings: []),
      items: [incoming("1", link: "https://a.kz/1")])
    #expect(try store.commit(poll).inserted == 1)
    #expect(try store.commit(poll) == PollCommit(inserted: 0, relevant: 0, duplicates: 1))
    #expect(try store.knownGUIDs(feedID: feed.id) == ["1"])
  }

  @Test("The same article (canonical URL) from another feed is a duplicate")
  func crossFeed() throws {
    let feeds = try store.registerFeeds(urls: ["https://a.kz/rss", "https://b.az/rss"])
    let updated = FeedPollResult.Outcome.updated(
      status: 200, etag: nil, lastModified: nil, warnings: [])
    try store.commit(
      FeedPollResult(
        feedID: feeds[0].id, checkedAt: now, outcome: updated,
        items: [incoming("x", link: "https://www.trend.az/news/1/?utm_source=rss")]))
    let second = try store.commit(
      FeedPollResult(
        feedID: feeds[1].id, checkedAt: now, outcome: updated,
        items: [incoming("y", link: "http://trend.az/news/1#top")]))
    #expect(second.duplicates == 1 && second.inserted == 0)
  }

  @Test("A failed poll keeps the items and validators, and counts failures")
  func failure() throws {
    let feed = try #require(store.registerFeeds(urls: ["https://a.kz/rss"]).first)
    try store.commit(
      FeedPollResult(
        feedID: feed.id, checkedAt: now,
        outcome: .updated(status: 200, etag: "\"e\"", lastModified: nil, warnings: []),
        items: [incoming("1", link: "https://a.kz/1")]))
    for _ in 0..<2 {
      try store.commit(
        FeedPollResult(
          feedID: feed.id, checkedAt: now,
          outcome: .failed(kind: "http.500", message: "HTTP 500 from https://a.kz/rss", status: 500)
        ))
    }
    let state = try #require(store.feeds().first)
    #expect(state.consecutiveFailures == 2 && state.lastErrorKind == "http.500")
    #expect(state.etag == "\"e\"" && state.itemCount == 1)
    try store.commit(
      FeedPollResult(feedID: feed.id, checkedAt: now, outcome: .notModified(status: 304)))
    #expect(try store.feeds().first?.consecutiveFailures == 0)
  }

  @Test("A commit that fails part-way leaves nothing behind")
  func atomicity() throws {
    let feed = try #require(store.registerFeeds(urls: ["https://a.kz/rss"]).first)
    let bad = FeedPollResult(
      feedID: feed.id + 999, checkedAt: now, outcome: .notModified(status: 304),
      items: [incoming("1", link: "https://a.kz/1")])
    #expect(throws: StoreError.self) { try store.commit(bad) }
    #expect(try store.counts().items == 0)
  }

  @Test("Reopening keeps the data; a database from a newer version is refused")
  func reopenAndSuperseded() throws {
    _ = try store.registerFeeds(urls: ["https://a.kz/rss"])
    let path = directory.path("state/store.sqlite").path
    #expect(try Store.open(path: path).counts().feeds == 1)
    try store.pool.write { db in
      try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
    }
    #expect(throws: StoreError.self) { try Store.open(path: path) }
  }

  @Test("Key facts and topic scores are stored with the classification")
  func keyFacts() throws {
    let feed = try #require(store.registerFeeds(urls: ["https://a.kz/rss"]).first)
    var item = incoming("1", link: "https://a.kz/1", topics: ["trade-economy"])
    item.classification.topicScores = [TopicID(rawValue: "trade-economy"): 4.5]
    item.classification.keyFacts = [
      KeyFact(kind: .money, text: "$1 billion", value: 1e9, currency: "USD"),
      KeyFact(kind: .person, text: "Ilham Aliyev", count: 2),
    ]
    try store.commit(
      FeedPollResult(
        feedID: feed.id, checkedAt: now,
        outcome: .updated(status: 200, etag: nil, lastModified: nil, warnings: []), items: [item]))
    let stored = try #require(
      store.items(firstSeenFrom: now.addingTimeInterval(-1), to: now.addingTimeInterval(1)).first)
    #expect(stored.keyFacts == item.classification.keyFacts)
    let score = try store.pool.read { db in
      try Double.fetchOne(db, sql: "SELECT score FROM itemTopic WHERE topic = 'trade-economy'")
    }
    #expect(score == 4.5)
  }

  @Test("Items of another profile version are listed in pages and reclassified in place")
  func reclassify() throws {
    let feed = try #require(store.registerFeeds(urls: ["https://a.kz/rss"]).first)
    try store.commit(
      FeedPollResult(
        feedID: feed.id, checkedAt: now,
        outcome: .updated(status: 200, etag: nil, lastModified: nil, warnings: []),
        items: (1...5).map { incoming("\($0)", link: "https://a.kz/\($0)", topics: ["energy"]) }))
    #expect(try store.staleClassificationCount(version: "1") == 0)
    #expect(try store.staleClassificationCount(version: "2") == 5)
    #expect(try store.itemsToReclassify(version: "1").isEmpty)
    let first = try store.itemsToReclassify(version: "2", limit: 3)
    #expect(first.count == 3 && first[0].title == "Title 1" && first[0].text == "Text 1")
    #expect(first[0].profileVersion == "1")
    let rest = try store.itemsToReclassify(version: "2", afterID: first[2].id, limit: 3)
    #expect(rest.count == 2)
    let updated = Classification(
      relevant: false, score: 0.5, language: .ru, topics: [TopicID(rawValue: "agriculture")],
      evidence: [], profileVersion: "2", topicScores: [TopicID(rawValue: "agriculture"): 3],
      keyFacts: [KeyFact(kind: .percentage, text: "5%", value: 5)])
    try store.replaceClassifications(first.map { ($0.id, updated) }, at: now)
    #expect(try store.staleClassificationCount(version: "2") == 2)
    #expect(try store.itemsToReclassify(version: "2").map(\.id) == rest.map(\.id))
    #expect(try store.itemsToReclassify(version: "2", all: true).count == 5)
    let topics = try store.pool.read { db in
      try String.fetchAll(
        db, sql: "SELECT topic FROM itemTopic WHERE itemId = ? ORDER BY topic",
        arguments: [first[0].id])
    }
    #expect(topics == ["agriculture"])
    #expect(try store.counts().relevant == 2)
    #expect(try store.relevanceByItem()[first[0].id] == false)
  }

  @Test("Migration v2 adds key facts to a store written before it, keeping its rows")
  func migrationFromV1() throws {
    let path = directory.path("old/store.sqlite").path
    let queue = try OldStore.make(at: path, upTo: "v1-initial", now: now)
    try queue.write { db in
      try db.execute(
        sql: "INSERT INTO item (feedId, guid, firstSeenAt) VALUES (1, 'g', ?)", arguments: [now])
      try db.execute(
        sql: """
          INSERT INTO classification (itemId, relevant, score, language, evidence, profileVersion,
            classifiedAt) VALUES (1, 1, 9, 'en', '[]', '1', ?)
          """, arguments: [now])
    }
    try queue.close()
    let reopened = try Store.open(path: path)
    let keyFacts = try reopened.pool.read { db in
      try String.fetchOne(db, sql: "SELECT keyFacts FROM classification WHERE itemId = 1")
    }
    #expect(keyFacts == "[]")
    #expect(try reopened.itemsToReclassify(version: "2").map(\.id) == [1])
  }
}
