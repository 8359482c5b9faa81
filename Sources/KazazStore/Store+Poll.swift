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
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return try pool.write { db in
      guard var feed = try FeedRecord.fetchOne(db, key: result.feedID) else {
        throw StoreError.unknownFeed(result.feedID)
      }
      var commit = PollCommit()
      for incoming in result.items {
        if try isDuplicate(incoming, feedID: result.feedID, db: db) {
          commit.duplicates += 1
          continue
        }
        try insert(incoming, feedID: result.feedID, at: result.checkedAt, encoder: encoder, db: db)
        commit.inserted += 1
        if incoming.classification.relevant { commit.relevant += 1 }
      }
      apply(result, to: &feed)
      try feed.update(db)
      return commit
    }
  }

  private func isDuplicate(_ incoming: IncomingItem, feedID: Int64, db: Database) throws -> Bool {
    let sameGUID =
      try Bool.fetchOne(
        db, sql: "SELECT EXISTS(SELECT 1 FROM item WHERE feedId = ? AND guid = ?)",
        arguments: [feedID, incoming.item.id]) ?? false
    if sameGUID { return true }
    guard let canonical = incoming.canonicalURL else { return false }
    return try Bool.fetchOne(
      db, sql: "SELECT EXISTS(SELECT 1 FROM item WHERE canonicalURL = ?)", arguments: [canonical])
      ?? false
  }

  private func insert(
    _ incoming: IncomingItem, feedID: Int64, at now: Date, encoder: JSONEncoder, db: Database
  ) throws {
    let item = incoming.item
    var record = ItemRecord(
      id: nil, feedId: feedID, guid: item.id, url: item.link, canonicalURL: incoming.canonicalURL,
      title: item.title, summary: item.summary, content: item.content, author: item.author,
      publishedAt: item.dateEstimated ? nil : item.published,
      updatedAt: item.updated, firstSeenAt: now)
    try record.insert(db)
    guard let itemID = record.id else { return }
    let classification = incoming.classification
    let evidence = String(decoding: try encoder.encode(classification.evidence), as: UTF8.self)
    try ClassificationRecord(
      itemId: itemID, relevant: classification.relevant, score: classification.score,
      language: classification.language.rawValue, evidence: evidence,
      profileVersion: classification.profileVersion, classifiedAt: now
    ).insert(db)
    for topic in classification.topics {
      try ItemTopicRecord(itemId: itemID, topic: topic.rawValue, score: 0).insert(db)
    }
  }

  private func apply(_ result: FeedPollResult, to feed: inout FeedRecord) {
    feed.lastCheckedAt = result.checkedAt
    if let title = result.feedTitle, !title.isEmpty { feed.title = title }
    switch result.outcome {
    case .updated(let status, let etag, let lastModified, _):
      feed.lastStatus = status
      feed.etag = etag
      feed.lastModified = lastModified
      feed.lastSuccessAt = result.checkedAt
      feed.consecutiveFailures = 0
      feed.lastErrorKind = nil
      feed.lastError = nil
    case .notModified(let status):
      feed.lastStatus = status
      feed.lastSuccessAt = result.checkedAt
      feed.consecutiveFailures = 0
      feed.lastErrorKind = nil
      feed.lastError = nil
    case .failed(let kind, let message, let status):
      feed.lastStatus = status
      feed.consecutiveFailures += 1
      feed.lastErrorKind = kind
      feed.lastError = message
    }
  }
}
