import Foundation
import GRDB
import KazazModel
import KazazTesting
import Testing

@testable import KazazStore

@Suite("Stories, search, retention, backup")
struct StoryAndSearchTests {
  let directory: TemporaryDirectory
  let store: Store
  let feeds: [FeedState]
  let now = Date(timeIntervalSince1970: 1_764_000_000)

  init() throws {
    directory = try TemporaryDirectory()
    store = try Store.open(path: directory.path("store.sqlite").path)
    feeds = try store.registerFeeds(urls: [
      "https://trend.az/rss", "https://kazinform.kz/rss", "https://ru.kz/rss",
    ])
  }

  static let report = """
    Kazakhstan and Azerbaijan agreed to raise trade turnover to one billion dollars, the two \
    presidents said after talks in Astana on Tuesday. Exports of Kazakh grain through the port of \
    Baku grew by thirty percent last year, and the sides plan a joint venture in the Caspian ports \
    of Aktau and Alat to expand container shipping along the Middle Corridor.
    """

  func words(_ text: String) -> [Substring] {
    text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
  }

  func incoming(
    _ id: String, title: String, text: String, link: String, language: Language = .en,
    relevant: Bool = true, keyFacts: [KeyFact] = [], topics: [String] = []
  ) -> IncomingItem {
    IncomingItem(
      item: ParsedItem(id: id, title: title, link: link, summary: text),
      canonicalURL: CanonicalURL.make(link),
      classification: Classification(
        relevant: relevant, score: 10, language: language,
        topics: topics.map(TopicID.init(rawValue:)), evidence: [], profileVersion: "1",
        keyFacts: keyFacts),
      fingerprint: SimHash.fingerprint(words: words(text)),
      searchText: (title + " " + text).lowercased())
  }

  /// Key facts as the classifier reports them.
  static func percent(_ text: String, _ value: Double) -> KeyFact {
    KeyFact(kind: .percentage, text: text, value: value)
  }

  static func dollars(_ text: String, _ value: Double) -> KeyFact {
    KeyFact(kind: .money, text: text, value: value, currency: "USD")
  }

  @discardableResult
  func commit(_ feed: Int, _ items: [IncomingItem], at date: Date? = nil) throws -> PollCommit {
    try store.commit(
      FeedPollResult(
        feedID: feeds[feed].id, checkedAt: date ?? now,
        outcome: .updated(status: 200, etag: nil, lastModified: nil, warnings: []), items: items))
  }

  func storyIDs() throws -> [Int64?] {
    try store.pool.read { db in try Int64?.fetchAll(db, sql: "SELECT storyId FROM item ORDER BY id")
    }
  }

  @Test("A republication with small edits joins the story; the earliest item leads it")
  func crossOutletRepublication() throws {
    try commit(
      0,
      [
        incoming(
          "a", title: "KZ and AZ to raise trade", text: Self.report, link: "https://trend.az/1")
      ])
    let edited = Self.report.replacingOccurrences(
      of: "on Tuesday", with: "on Tuesday, Kazinform reports")
    try commit(
      1,
      [
        incoming(
          "b", title: "Trade to reach $1 billion", text: edited, link: "https://kazinform.kz/9")
      ], at: now.addingTimeInterval(3600))
    let unrelated =
      "The weather in Almaty will be sunny with light winds and temperatures near twenty degrees for the rest of the week according to the national forecaster Kazhydromet and local services."
    try commit(
      1,
      [
        incoming(
          "c", title: "Weather", text: unrelated, link: "https://kazinform.kz/10", relevant: false)
      ])
    // The story is named by its lead, the earliest item; the unrelated item stands alone.
    let stories = try storyIDs()
    #expect(stories[0] == 1 && stories[1] == 1)
    #expect(stories[2] == nil)
    let also = try store.alsoReportedBy(itemIDs: [1])
    #expect(also[1]?.map(\.feedURL) == ["https://kazinform.kz/rss"])
  }

  @Test("An English and a Russian report of one event, sharing figures, join one story")
  func crossLanguageEvent() throws {
    try commit(
      0,
      [
        incoming(
          "en", title: "Trade up", text: "Exports grew 30.4 percent to $375.3 million.",
          link: "https://trend.az/en",
          keyFacts: [
            Self.percent("30.4 percent", 30.4), Self.dollars("$375.3 million", 375.3e6),
          ])
      ])
    try commit(
      2,
      [
        incoming(
          "ru", title: "Товарооборот", text: "Экспорт вырос на 30,4% до 375,3 млн долларов.",
          link: "https://ru.kz/1", language: .ru,
          keyFacts: [Self.percent("30,4%", 30.4), Self.dollars("375,3 млн долларов", 375.3e6)])
      ])
    // Same figures but irrelevant, or the same language: not linked by figures.
    try commit(
      2,
      [
        incoming(
          "ru2", title: "Другое", text: "Рост 30,4% и 375,3 млн долларов.",
          link: "https://ru.kz/2", language: .ru, relevant: false,
          keyFacts: [Self.percent("30,4%", 30.4), Self.dollars("375,3 млн долларов", 375.3e6)])
      ])
    let stories = try storyIDs()
    #expect(stories[0] == 1 && stories[1] == 1)
    #expect(stories[2] == nil)
  }

  @Test("Search: Cyrillic prefixes, case, topic, relevance and date filters")
  func search() throws {
    try commit(
      0,
      [
        incoming(
          "1", title: "Президенты Казахстана и Азербайджана", text: "переговоры в астане",
          link: "https://trend.az/a", topics: ["politics-diplomacy"]),
        incoming(
          "2", title: "Погода в Казахстане", text: "солнечно", link: "https://trend.az/b",
          relevant: false),
      ])
    try commit(
      0,
      [
        incoming(
          "3", title: "Energy transit", text: "kazakh oil via baku", link: "https://trend.az/c",
          topics: ["energy"])
      ], at: now.addingTimeInterval(86_400 * 3))
    #expect(try store.search(SearchQuery(words: ["казахстан"])).count == 2)
    #expect(
      try store.search(SearchQuery(words: ["казахстан"], relevantOnly: true)).map(\.title) == [
        "Президенты Казахстана и Азербайджана"
      ])
    #expect(try store.search(SearchQuery(words: ["казахстан", "переговор"])).count == 1)
    #expect(
      try store.search(SearchQuery(words: ["kazakh"], topic: TopicID(rawValue: "energy"))).count
        == 1)
    #expect(
      try store.search(SearchQuery(words: ["kazakh"], topic: TopicID(rawValue: "agriculture")))
        .isEmpty)
    #expect(
      try store.search(SearchQuery(words: ["казахстан"], since: now.addingTimeInterval(86_400)))
        .isEmpty)
    // Quotes and operators in the query are not syntax.
    #expect(try store.search(SearchQuery(words: ["\"oil", "OR", "via*"])).isEmpty)
    #expect(try store.search(SearchQuery(words: ["\"oil\"", "via*"])).count == 1)
  }

  @Test("Retention keeps relevant items, strips old irrelevant ones, and they do not come back")
  func retention() throws {
    try commit(
      0,
      [
        incoming(
          "old-noise", title: "Weather", text: "sunny", link: "https://trend.az/w", relevant: false),
        incoming("old-news", title: "Talks", text: "talks held", link: "https://trend.az/t"),
      ])
    let report = try store.pruneIrrelevant(before: now.addingTimeInterval(86_400))
    #expect(report.prunedItems == 1)
    let remaining = try store.pool.read { db in
      try Row.fetchAll(db, sql: "SELECT guid, summary, pruned FROM item ORDER BY id")
    }
    #expect(remaining.count == 2)
    #expect(remaining[0]["summary"] as String? == nil && remaining[0]["pruned"] as Bool == true)
    #expect(remaining[1]["summary"] as String? == "talks held")
    #expect(try store.search(SearchQuery(words: ["sunny"])).isEmpty)
    // The feed still carries the pruned item: it is known, not new.
    #expect(try store.knownGUIDs(feedID: feeds[0].id).contains("old-noise"))
    #expect(
      try commit(
        0,
        [
          incoming(
            "old-noise", title: "Weather", text: "sunny", link: "https://trend.az/w",
            relevant: false)
        ]
      ).inserted == 0)
    #expect(try store.integrityCheck() == "ok")
  }

  @Test("Migration v6 moves the search entries of a store written before it")
  func migrationToLeanSearch() throws {
    let path = directory.path("v5.sqlite").path
    let queue = try OldStore.make(at: path, upTo: "v5-digest-delivery", now: now)
    try queue.write { db in
      for (id, text) in [(1, "переговоры в астане"), (2, "kazakh oil via baku")] {
        try db.execute(
          sql: "INSERT INTO item (id, feedId, guid, firstSeenAt) VALUES (?, 1, ?, ?)",
          arguments: [id, "g\(id)", now])
        try db.execute(
          sql: "INSERT INTO itemSearch (rowid, text) VALUES (?, ?)", arguments: [id, text])
      }
    }
    try queue.close()
    let reopened = try Store.open(path: path)
    #expect(try reopened.search(SearchQuery(words: ["астан"])).map(\.id) == [1])
    #expect(try reopened.search(SearchQuery(words: ["ba"])).map(\.id) == [2])
    #expect(try reopened.integrityCheck() == "ok")
  }

  @Test("A prefix matches every indexed word it starts, however many, newest first")
  func prefixes() throws {
    // More words with the prefix than search writes out as alternatives.
    let count = Store.prefixAlternativesLimit + 6
    for index in 0..<count {
      try commit(
        index % 3,
        [
          incoming(
            "p\(index)", title: "Title", text: "caspian ferr\(index)x",
            link: "https://trend.az/p\(index)")
        ], at: now.addingTimeInterval(Double(index)))
    }
    let many = try store.search(SearchQuery(words: ["ferr"], limit: 1000))
    #expect(many.count == count)
    #expect(many.map(\.id) == many.map(\.id).sorted(by: >))
    #expect(try store.search(SearchQuery(words: ["ferr1"], limit: 1000)).count == 11)
    #expect(try store.search(SearchQuery(words: ["ferr12x", "caspian"])).count == 1)
    #expect(try store.search(SearchQuery(words: ["ferr", "nowhere"])).isEmpty)
    #expect(try store.search(SearchQuery(words: ["f"], limit: 1000)).count == count)
  }

  @Test("A backup is a consistent copy; it never overwrites")
  func backup() throws {
    try commit(0, [incoming("1", title: "Talks", text: "talks", link: "https://trend.az/1")])
    let path = directory.path("backup.sqlite").path
    try store.backup(to: path)
    let copy = try Store.open(path: path)
    #expect(try copy.counts().items == 1)
    #expect(try copy.integrityCheck() == "ok")
    #expect(throws: StoreError.self) { try store.backup(to: path) }
  }
}
