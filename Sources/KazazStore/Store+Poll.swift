import Foundation
import GRDB
import KazazModel

/// What committing one poll result changed.
public struct PollCommit: Sendable, Equatable {
  /// Items stored for the first time.
  public var inserted: Int
  /// Of those, how many the classifier found relevant.
  public var relevant: Int
  /// Items skipped: already stored in this feed, or the same article (canonical URL) already
  /// stored from another feed.
  public var duplicates: Int

  public init(inserted: Int = 0, relevant: Int = 0, duplicates: Int = 0) {
    self.inserted = inserted
    self.relevant = relevant
    self.duplicates = duplicates
  }
}

extension Store {
  /// Commits one feed's poll — new items, their classifications and the feed's HTTP state — in
  /// a single transaction.
  @discardableResult
  public func commit(_ result: FeedPollResult) throws -> PollCommit {
    try pool.write { db in try commit(result, db: db) }
  }

  /// Commits several feeds' poll results in one transaction (a group commit): all of them or
  /// none, in order, each exactly as `commit(_:)` would. Fewer, larger transactions cost less
  /// per item, above all in the search index, which writes one segment per transaction.
  @discardableResult
  public func commit(_ results: [FeedPollResult]) throws -> [PollCommit] {
    try pool.write { db in try results.map { try commit($0, db: db) } }
  }

  private func commit(_ result: FeedPollResult, db: Database) throws -> PollCommit {
    // Formatting a date for SQLite is costly: once per poll, not per row.
    let stamp = StoredDate.databaseValue(result.checkedAt)
    // A warm cycle of a thousand feeds is a thousand of these: one prepared statement.
    let selectFeed = try db.cachedStatement(sql: "SELECT * FROM feed WHERE id = ?")
    guard var feed = try FeedRecord.fetchOne(selectFeed, arguments: [result.feedID]) else {
      throw StoreError.unknownFeed(result.feedID)
    }
    var commit = PollCommit()
    for incoming in result.items {
      if try isDuplicate(incoming, feedID: result.feedID, db: db) {
        commit.duplicates += 1
        continue
      }
      try insert(incoming, feedID: result.feedID, at: result.checkedAt, stamp: stamp, db: db)
      commit.inserted += 1
      if incoming.classification.relevant { commit.relevant += 1 }
    }
    apply(result, commit: commit, to: &feed)
    try save(feed, checkedAt: stamp, db: db)
    return commit
  }

  private func isDuplicate(_ incoming: IncomingItem, feedID: Int64, db: Database) throws -> Bool {
    let sameGUID = try db.cachedStatement(
      sql: "SELECT EXISTS(SELECT 1 FROM item WHERE feedId = ? AND guid = ?)")
    if try Bool.fetchOne(sameGUID, arguments: [feedID, incoming.item.id]) ?? false { return true }
    guard let canonical = incoming.canonicalURL else { return false }
    let sameURL = try db.cachedStatement(
      sql: "SELECT EXISTS(SELECT 1 FROM item WHERE canonicalURL = ?)")
    return try Bool.fetchOne(sameURL, arguments: [canonical]) ?? false
  }

  /// Inserts one item with its search entry, figures, classification and topics through cached
  /// prepared statements: a cold poll of a thousand feeds inserts tens of thousands of rows.
  ///
  /// Every statement here writes one row and so runs without a statement journal. That matters:
  /// a statement that needs one (INSERT OR REPLACE, a DELETE) opens a savepoint, and FTS5
  /// writes its pending search entries to disk at every savepoint — a new index segment per
  /// item, and merges to match, instead of one segment per poll.
  private func insert(
    _ incoming: IncomingItem, feedID: Int64, at now: Date, stamp: DatabaseValue, db: Database
  ) throws {
    let item = incoming.item
    let insertItem = try db.cachedStatement(
      sql: """
        INSERT INTO item (feedId, guid, url, canonicalURL, title, summary, content, author,
                          publishedAt, updatedAt, firstSeenAt, fingerprint, storyId,
                          band0, band1, band2, band3)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    let story = try story(for: incoming, at: now, db: db)
    let bands = incoming.fingerprint.map(SimHash.bands) ?? [Int?](repeating: nil, count: 4)
    try insertItem.execute(arguments: [
      feedID, item.id, item.link, incoming.canonicalURL, item.title, item.summary, item.content,
      item.author, item.dateEstimated ? nil : item.published.map(StoredDate.databaseValue),
      item.updated.map(StoredDate.databaseValue), stamp,
      incoming.fingerprint.map { Int64(bitPattern: $0) }, story, bands[0], bands[1], bands[2],
      bands[3],
    ])
    let itemID = db.lastInsertedRowID
    if let searchText = incoming.searchText, !searchText.isEmpty {
      let insertSearch = try db.cachedStatement(
        sql: "INSERT INTO itemSearch (rowid, text) VALUES (?, ?)")
      try insertSearch.execute(arguments: [itemID, SearchText.distinctWords(searchText)])
    }
    let classification = incoming.classification
    try Self.indexFigures(itemID: itemID, classification: classification, db: db)
    let insertClassification = try db.cachedStatement(
      sql: """
        INSERT INTO classification (itemId, relevant, score, language, evidence, profileVersion,
                                    classifiedAt, keyFacts, primaryTopic)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    try insertClassification.execute(arguments: [
      itemID, classification.relevant, classification.score, classification.language.rawValue,
      StoredJSON.evidence(classification.evidence, relevant: classification.relevant),
      classification.profileVersion, stamp, StoredJSON.keyFacts(classification.keyFacts),
      classification.primaryTopic?.rawValue,
    ])
    try Self.insertTopics(of: classification, itemID: itemID, db: db)
  }

  /// Replaces an item's classification, topic rows and indexed figures (reclassification),
  /// through cached statements.
  static func save(
    _ classification: Classification, itemID: Int64, stamp: DatabaseValue, db: Database
  ) throws {
    let evidence = StoredJSON.evidence(classification.evidence, relevant: classification.relevant)
    let keyFacts = StoredJSON.keyFacts(classification.keyFacts)
    let saveClassification = try db.cachedStatement(
      sql: """
        INSERT OR REPLACE INTO classification (itemId, relevant, score, language, evidence,
                                               profileVersion, classifiedAt, keyFacts,
                                               primaryTopic)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    try saveClassification.execute(arguments: [
      itemID, classification.relevant, classification.score, classification.language.rawValue,
      evidence, classification.profileVersion, stamp, keyFacts,
      classification.primaryTopic?.rawValue,
    ])
    let clearTopics = try db.cachedStatement(sql: "DELETE FROM itemTopic WHERE itemId = ?")
    try clearTopics.execute(arguments: [itemID])
    try Self.insertTopics(of: classification, itemID: itemID, db: db)
    try Self.reindexFigures(itemID: itemID, classification: classification, db: db)
  }

  private static func insertTopics(
    of classification: Classification, itemID: Int64, db: Database
  ) throws {
    guard !classification.topics.isEmpty else { return }
    let insertTopic = try db.cachedStatement(
      sql: "INSERT INTO itemTopic (itemId, topic, score) VALUES (?, ?, ?)")
    for topic in classification.topics {
      try insertTopic.execute(arguments: [
        itemID, topic.rawValue, classification.topicScores[topic] ?? 0,
      ])
    }
  }

  /// Writes a feed's poll state through one cached statement (a warm cycle of a thousand feeds
  /// is a thousand of these).
  private func save(_ feed: FeedRecord, checkedAt: DatabaseValue, db: Database) throws {
    let update = try db.cachedStatement(
      sql: """
        UPDATE feed SET title = ?, lastCheckedAt = ?, nextCheckAt = ?, currentURL = ?,
          disabledReason = ?, unchangedPolls = ?, lastStatus = ?, etag = ?, lastModified = ?,
          lastSuccessAt = ?, consecutiveFailures = ?, lastErrorKind = ?, lastError = ?,
          interruptedPolls = 0
        WHERE id = ?
        """)
    let lastSuccess: (any DatabaseValueConvertible)? =
      feed.lastSuccessAt == feed.lastCheckedAt ? checkedAt : feed.lastSuccessAt
    try update.execute(arguments: [
      feed.title, checkedAt, feed.nextCheckAt, feed.currentURL, feed.disabledReason,
      feed.unchangedPolls, feed.lastStatus, feed.etag, feed.lastModified, lastSuccess,
      feed.consecutiveFailures, feed.lastErrorKind, feed.lastError, feed.id,
    ])
  }

  private func apply(_ result: FeedPollResult, commit: PollCommit, to feed: inout FeedRecord) {
    feed.lastCheckedAt = result.checkedAt
    feed.nextCheckAt = result.nextCheckAt
    if let movedTo = result.movedTo { feed.currentURL = movedTo }
    if let reason = result.disabledReason { feed.disabledReason = reason }
    if let title = result.feedTitle, !title.isEmpty { feed.title = title }
    switch result.outcome {
    case .updated(let status, let etag, let lastModified, _):
      feed.unchangedPolls = commit.inserted > 0 ? 0 : min(feed.unchangedPolls, Int.max - 1) + 1
      feed.lastStatus = status
      feed.etag = etag
      feed.lastModified = lastModified
      feed.lastSuccessAt = result.checkedAt
      feed.consecutiveFailures = 0
      feed.lastErrorKind = nil
      feed.lastError = nil
    case .notModified(let status):
      feed.unchangedPolls = min(feed.unchangedPolls, Int.max - 1) + 1
      feed.lastStatus = status
      feed.lastSuccessAt = result.checkedAt
      feed.consecutiveFailures = 0
      feed.lastErrorKind = nil
      feed.lastError = nil
    case .failed(let kind, let message, let status):
      feed.lastStatus = status
      feed.consecutiveFailures = min(feed.consecutiveFailures, Int.max - 1) + 1
      feed.lastErrorKind = kind
      feed.lastError = message
    }
  }
}
