import Foundation
import KazazClassify
import KazazConfig
import KazazModel
import KazazStore
import KazazText
import Logging

/// The archive operations: search, retention, backup, and adding local articles by hand.
extension Monitor {
  /// The source that items added by hand (`ingest`) belong to.
  public static let manualSourceURL = "manual:"

  /// Full-text search; the query is normalised the way stored text is.
  public func search(
    _ text: String, topic: TopicID? = nil, since: Date? = nil, relevantOnly: Bool = false,
    limit: Int = 50
  ) throws -> [StoredItem] {
    let words = TextNormalizer.normalize(text).split(separator: " ").map(String.init)
    return try store.search(
      SearchQuery(
        words: words, topic: topic, since: since, relevantOnly: relevantOnly, limit: limit))
  }

  /// Applies the retention policy: irrelevant items older than the configured days lose their
  /// text; the file is compacted when worthwhile.
  @discardableResult
  public func applyRetention(now: Date = Date()) throws -> PruneReport {
    let cutoff = now.addingTimeInterval(-Double(config.irrelevantRetentionDays) * 86_400)
    let report = try store.pruneIrrelevant(before: cutoff)
    if report.prunedItems > 0 || report.vacuumed {
      logger.info(
        "retention applied",
        metadata: ["items.pruned": "\(report.prunedItems)", "vacuumed": "\(report.vacuumed)"])
    }
    return report
  }

  /// Adds plain-text articles (first non-empty line = headline) to the store as items of the
  /// manual source, classified like any other. A file added twice is stored once.
  public func ingest(articles: [(path: String, text: String)], now: Date = Date()) throws
    -> PollCommit
  {
    guard let source = try store.registerFeeds(urls: [Self.manualSourceURL], now: now).first else {
      return PollCommit()
    }
    let items = articles.map { article -> IncomingItem in
      let (title, body) = Classifier.splitTitle(article.text)
      let item = ParsedItem(
        id: "manual:" + StableHash.hex(article.text), title: title,
        link: URL(fileURLWithPath: article.path).standardizedFileURL.absoluteString,
        summary: body.trimmingCharacters(in: .whitespacesAndNewlines))
      return ItemIndexing.incoming(
        item, classification: classifier.classify(title: title, body: body))
    }
    return try store.commit(
      FeedPollResult(
        feedID: source.id, checkedAt: now,
        outcome: .updated(status: 200, etag: nil, lastModified: nil, warnings: []),
        feedTitle: "Added by hand", items: items))
  }
}

/// What commands read of the store, as operations: they never reach the store itself.
extension Monitor {
  /// A consistent, compacted copy of the store at `path` (safe while the daemon writes).
  public func backup(to path: String) throws {
    try store.backup(to: path)
  }

  /// What `status` shows without a daemon: the store's file, its counts, the newest digest
  /// and each feed's health.
  public struct StoreOverview: Sendable {
    public var path: String
    public var feedCount: Int
    public var items: Int
    public var relevantItems: Int
    public var lastDigest: (day: String, path: String)?
    public var feeds: [FeedState]
  }

  public func storeOverview() throws -> StoreOverview {
    let counts = try store.counts()
    let last = try store.lastDigest()
    return StoreOverview(
      path: store.path, feedCount: counts.feeds, items: counts.items,
      relevantItems: counts.relevant, lastDigest: last.map { ($0.day, $0.path) },
      feeds: try store.feeds())
  }

  /// Classifies stored items again: those of another profile version, or every one with `all`.
  public func reclassify(all: Bool, batchSize: Int) throws -> Reclassification.Summary {
    try Reclassification.run(
      store: store, classifier: classifier, all: all, batchSize: batchSize, now: clock.now())
  }
}
