import Foundation
import KazazClassify
import KazazModel
import KazazStore

/// Reclassifies stored items after the profile changed: every item whose classification carries
/// another profile version (or none), or every item with `all`. Works in batches, each written
/// in one transaction, so a large store is never locked for long and an interruption loses at most
/// one batch (the next run picks up what is still stale).
public enum Reclassification {
  public struct Summary: Sendable, Equatable {
    /// Items classified again.
    public var items = 0
    /// Of those, how many are now relevant.
    public var relevant = 0
    /// Items whose relevance verdict changed.
    public var changed = 0
    public var batches = 0

    public init(items: Int = 0, relevant: Int = 0, changed: Int = 0, batches: Int = 0) {
      self.items = items
      self.relevant = relevant
      self.changed = changed
      self.batches = batches
    }
  }

  public static func run(
    store: Store, classifier: Classifier, all: Bool, batchSize: Int = 500, now: Date = Date()
  ) throws -> Summary {
    let version = classifier.profile.version
    var summary = Summary()
    var afterID: Int64 = 0
    while true {
      let batch = try store.itemsToReclassify(
        version: version, all: all, afterID: afterID, limit: max(1, batchSize))
      guard let last = batch.last else { break }
      let (results, counts) = classify(batch, with: classifier)
      try store.replaceClassifications(results, at: now)
      summary.add(counts)
      afterID = last.id
    }
    return summary
  }

  /// One batch classified again: the new classifications, and what they count as (one batch).
  static func classify(_ batch: [ItemText], with classifier: Classifier) -> (
    results: [(itemID: Int64, classification: Classification)], summary: Summary
  ) {
    var summary = Summary(batches: 1)
    let results = batch.map { item in
      let classification = classifier.classify(title: item.title, body: item.text)
      summary.items += 1
      if classification.relevant { summary.relevant += 1 }
      if item.relevant != classification.relevant { summary.changed += 1 }
      return (itemID: item.id, classification: classification)
    }
    return (results, summary)
  }
}

extension Reclassification.Summary {
  mutating func add(_ other: Self) {
    items += other.items
    relevant += other.relevant
    changed += other.changed
    batches += other.batches
  }
}
