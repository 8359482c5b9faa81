import Foundation
import GRDB
import KazazModel

/// Rows of the `feed` table.
struct FeedRecord: Codable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "feed"
  var id: Int64?
  var url: String
  var title: String?
  var addedAt: Date
  var etag: String?
  var lastModified: String?
  var lastStatus: Int?
  var lastCheckedAt: Date?
  var lastSuccessAt: Date?
  var consecutiveFailures: Int
  var lastErrorKind: String?
  var lastError: String?
  var currentURL: String?
  var nextCheckAt: Date?
  var disabledReason: String?
  var unchangedPolls: Int
  /// Polls in a row that a process died in the middle of (v7).
  var interruptedPolls: Int
  /// While quarantined after crashes: the fingerprint of the feed's config entry then (v7).
  var quarantineSettings: String?

  init(url: String, addedAt: Date) {
    self.url = url
    self.addedAt = addedAt
    consecutiveFailures = 0
    unchangedPolls = 0
    interruptedPolls = 0
  }

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

  func state(itemCount: Int = 0) -> FeedState {
    FeedState(
      id: id ?? 0, url: url, currentURL: currentURL, title: title, etag: etag,
      lastModified: lastModified, lastStatus: lastStatus, lastCheckedAt: lastCheckedAt,
      lastSuccessAt: lastSuccessAt, consecutiveFailures: consecutiveFailures,
      lastErrorKind: lastErrorKind, lastError: lastError, nextCheckAt: nextCheckAt,
      disabledReason: disabledReason, unchangedPolls: unchangedPolls, itemCount: itemCount,
      interruptedPolls: interruptedPolls, quarantined: quarantineSettings != nil)
  }
}

/// Rows of the `item` table.
struct ItemRecord: Codable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "item"
  var id: Int64?
  var feedId: Int64
  var guid: String
  var url: String?
  var canonicalURL: String?
  var title: String?
  var summary: String?
  var content: String?
  var author: String?
  var publishedAt: Date?
  var updatedAt: Date?
  var firstSeenAt: Date

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// Rows of the `classification` table (one per item; evidence as JSON).
struct ClassificationRecord: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "classification"
  var itemId: Int64
  var relevant: Bool
  var score: Double
  var language: String
  var evidence: String
  var profileVersion: String
  var classifiedAt: Date
  /// `[KeyFact]` as JSON (added by migration v3-key-facts).
  var keyFacts: String
  /// The topic digests file the item under (added by migration v8-primary-topic).
  var primaryTopic: String?
}

/// Rows of the `itemTopic` table.
struct ItemTopicRecord: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "itemTopic"
  var itemId: Int64
  var topic: String
  var score: Double
}

/// Rows of the `digest` table: which digest files were written.
struct DigestRecord: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "digest"
  var day: String
  var format: String
  var path: String
  var itemCount: Int
  var writtenAt: Date
}
