import Foundation
import GRDB
import KazazModel
import KazazTesting
import Testing

@testable import KazazStore

/// The figures that join reports of one event across languages: the classifier's key facts,
/// indexed by the store, refreshed by reclassification, rebuilt for stores written before.
@Suite("Event figures")
struct EventFigureTests {
  let directory: TemporaryDirectory
  let store: Store
  let feeds: [FeedState]
  let now = Date(timeIntervalSince1970: 1_764_000_000)

  init() throws {
    directory = try TemporaryDirectory()
    store = try Store.open(path: directory.path("store.sqlite").path)
    feeds = try store.registerFeeds(urls: ["https://trend.az/rss", "https://ru.kz/rss"])
  }

  static let english: [KeyFact] = [
    KeyFact(kind: .percentage, text: "30.4 percent", value: 30.4),
    KeyFact(kind: .money, text: "$375.3 million", value: 375.3e6, currency: "USD"),
    KeyFact(kind: .money, text: "$1 billion", value: 1e9, currency: "USD"),
    KeyFact(kind: .person, text: "Ilham Aliyev", count: 1),
  ]
  static let russian: [KeyFact] = [
    KeyFact(kind: .percentage, text: "30,4%", value: 30.4),
    KeyFact(kind: .money, text: "375,3 млн долларов", value: 375.3e6, currency: "USD"),
  ]

  func incoming(_ id: String, language: Language, relevant: Bool = true, facts: [KeyFact])
    -> IncomingItem
  {
    IncomingItem(
      item: ParsedItem(id: id, title: "T \(id)", link: "https://x.kz/\(id)", summary: "text"),
      canonicalURL: CanonicalURL.make("https://x.kz/\(id)"),
      classification: Classification(
        relevant: relevant, score: 10, language: language, topics: [], evidence: [],
        profileVersion: "1", keyFacts: facts))
  }

  func commit(_ feed: Int, _ item: IncomingItem, at date: Date) throws {
    try store.commit(
      FeedPollResult(
        feedID: feeds[feed].id, checkedAt: date,
        outcome: .updated(status: 200, etag: nil, lastModified: nil, warnings: []), items: [item]))
  }

  func figures(of item: Int64) throws -> [String] {
    try store.pool.read { db in
      try String.fetchAll(
        db, sql: "SELECT figure FROM itemFigure WHERE itemId = ? ORDER BY figure",
        arguments: [item])
    }
  }

  func storyIDs() throws -> [Int64?] {
    try store.pool.read { db in try Int64?.fetchAll(db, sql: "SELECT storyId FROM item ORDER BY id")
    }
  }

  @Test("The same amount or percentage gives the same figure in any language; round ones none")
  func keys() {
    #expect(EventFigures.keys(of: Self.english) == ["% 30.4", "USD 3.753e+08"])
    #expect(EventFigures.keys(of: Self.russian) == EventFigures.keys(of: Self.english))
    let round = [
      KeyFact(kind: .percentage, text: "40%", value: 40),
      KeyFact(kind: .money, text: "$500 million", value: 5e8, currency: "USD"),
      KeyFact(kind: .quantity, text: "1,500 tonnes", value: 1500, unit: "t"),
    ]
    #expect(EventFigures.keys(of: round).isEmpty)
    // The unit is part of the figure: 375.3 tonnes are not 375.3 dollars.
    #expect(
      EventFigures.keys(of: [
        KeyFact(kind: .quantity, text: "375,3 тонн", value: 375.3, unit: "t"),
        KeyFact(kind: .money, text: "$375.3", value: 375.3, currency: "USD"),
      ]) == ["t 375.3", "USD 375.3"])
    #expect(EventFigures.significantDigits("3.753e+08") == 4)
    #expect(EventFigures.significantDigits("1500") == 2)
    #expect(EventFigures.significantDigits("0.05") == 1)
  }

  @Test("Reports sharing only round figures stay apart")
  func roundFiguresDoNotJoin() throws {
    let round = [
      KeyFact(kind: .percentage, text: "40%", value: 40),
      KeyFact(kind: .money, text: "$1 billion", value: 1e9, currency: "USD"),
    ]
    try commit(0, incoming("en", language: .en, facts: round), at: now)
    try commit(1, incoming("ru", language: .ru, facts: round), at: now.addingTimeInterval(60))
    #expect(try storyIDs() == [nil, nil])
  }

  @Test("Reclassification refreshes the indexed figures: new facts in, irrelevant items out")
  func reclassification() throws {
    try commit(0, incoming("en", language: .en, facts: Self.english), at: now)
    #expect(try figures(of: 1) == ["% 30.4", "USD 3.753e+08"])
    let changed = Classification(
      relevant: true, score: 10, language: .en, topics: [], evidence: [], profileVersion: "2",
      keyFacts: [
        KeyFact(kind: .quantity, text: "3.15 million tonnes", value: 3.15e6, unit: "t"),
        KeyFact(kind: .percentage, text: "12.5%", value: 12.5),
      ])
    try store.replaceClassifications([(itemID: 1, classification: changed)], at: now)
    #expect(try figures(of: 1) == ["% 12.5", "t 3.15e+06"])
    var irrelevant = changed
    irrelevant.relevant = false
    try store.replaceClassifications([(itemID: 1, classification: irrelevant)], at: now)
    #expect(try figures(of: 1) == [])
    // A report in another language joins through the refreshed figures (it shares none of the
    // first ones).
    try store.replaceClassifications([(itemID: 1, classification: changed)], at: now)
    try commit(
      1,
      incoming(
        "ru", language: .ru,
        facts: [
          KeyFact(kind: .quantity, text: "3,15 млн тонн", value: 3.15e6, unit: "t"),
          KeyFact(kind: .percentage, text: "12,5%", value: 12.5),
        ]), at: now.addingTimeInterval(60))
    #expect(try storyIDs() == [1, 1])
  }

  @Test("Migration v9 rebuilds the figure index from the stored key facts")
  func migration() throws {
    let path = directory.path("v8.sqlite").path
    let queue = try OldStore.make(at: path, upTo: "v8-primary-topic", now: now)
    try queue.write { db in
      for (id, relevant) in [(1, true), (2, false)] {
        try db.execute(
          sql: "INSERT INTO item (id, feedId, guid, firstSeenAt) VALUES (?, 1, ?, ?)",
          arguments: [id, "g\(id)", now])
        try db.execute(
          sql: """
            INSERT INTO classification (itemId, relevant, score, language, evidence,
                                        profileVersion, classifiedAt, keyFacts)
            VALUES (?, ?, 10, 'en', '[]', '1', ?, ?)
            """,
          arguments: [id, relevant, now, StoredJSON.keyFacts(Self.english)])
        // Bare numbers, as the index held them before.
        try db.execute(
          sql: "INSERT INTO itemFigure (itemId, figure) VALUES (?, '375.3')", arguments: [id])
      }
    }
    try queue.close()
    let reopened = try Store.open(path: path)
    let rows = try reopened.pool.read { db in
      try Row.fetchAll(db, sql: "SELECT itemId, figure FROM itemFigure ORDER BY itemId, figure")
    }
    #expect(
      rows.map { "\($0["itemId"] as Int64) \($0["figure"] as String)" } == [
        "1 % 30.4", "1 USD 3.753e+08",
      ])
  }
}
