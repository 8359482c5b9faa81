import Foundation
import GRDB
import KazazModel
import KazazTesting
import KazazText
import Testing

@testable import KazazStore

/// The search index is built with one version of the text normalisation; a store whose index
/// was built with another is indexed again when it is opened for writing.
@Suite("Search index and the normalisation version")
struct SearchIndexVersionTests {
  func item(_ id: String, title: String, text: String) -> IncomingItem {
    IncomingItem(
      item: ParsedItem(id: id, title: title, link: "https://trend.az/\(id)", summary: text),
      canonicalURL: CanonicalURL.make("https://trend.az/\(id)"),
      classification: Classification(
        relevant: true, score: 10, language: .ru, topics: [], evidence: [], profileVersion: "1"),
      fingerprint: nil,
      searchText: TextNormalizer.normalize(title) + "\n" + TextNormalizer.normalize(text))
  }

  func recordedVersion(_ store: Store) throws -> String? {
    try store.pool.read { db in
      try String.fetchOne(db, sql: "SELECT value FROM storeInfo WHERE key = 'searchNormalization'")
    }
  }

  @Test(
    "A stale index is rebuilt at open: the same queries find the same items, pruned ones stay out")
  func staleIndexIsRebuilt() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("store.sqlite").path
    var store = try Store.open(path: path)
    #expect(try recordedVersion(store) == String(TextNormalizer.version))
    let feed = try #require(try store.registerFeeds(urls: ["https://trend.az/rss"]).first)
    let items = [
      item("1", title: "Казахстан и Азербайджан", text: "Паромы через Каспий: порт Актау."),
      item("2", title: "Qazaqstan", text: "Türkiyə və Azərbaycan ticarət dövriyyəsi."),
      item("3", title: "Old", text: "Ёлка в Баку, снятый с публикации текст."),
    ]
    try store.commit(
      FeedPollResult(
        feedID: feed.id, checkedAt: Date(timeIntervalSince1970: 1_764_000_000),
        outcome: .updated(status: 200, etag: nil, lastModified: nil, warnings: []),
        items: items))
    try store.pool.write { db in
      try db.execute(sql: "UPDATE item SET pruned = 1 WHERE guid = '3'")
    }
    let queries = [["актау"], ["азербаиджан"], ["dovriyyesi"], ["turkiye"], ["елка"], ["qazaq"]]
    func answers(_ store: Store) throws -> [[String]] {
      try queries.map { words in try store.search(SearchQuery(words: words)).compactMap(\.title) }
    }
    let before = try answers(store)
    #expect(before.contains(["Казахстан и Азербайджан"]) && before.contains(["Qazaqstan"]))

    // The index as another version of the normalisation would have left it: empty, and the
    // version recorded is not the running one.
    try store.pool.write { db in
      try db.execute(sql: "INSERT INTO itemSearch (itemSearch) VALUES ('delete-all')")
      try db.execute(sql: "UPDATE storeInfo SET value = '0' WHERE key = 'searchNormalization'")
    }
    #expect(try answers(store).allSatisfy(\.isEmpty))
    store = try Store.open(path: path)
    #expect(try recordedVersion(store) == String(TextNormalizer.version))
    #expect(try answers(store) == before)
    // Current: opening again rebuilds nothing.
    #expect(try store.rebuildSearchIndexIfStale() == nil)
  }
}
