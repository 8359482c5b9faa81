import Foundation
import KazazModel

/// The order of the day's stories:
///
///     rank = score × (1 + ln outlets) × (½ + ½ · 2^(−age / 24 h))
///
/// - `score`: the classifier's relevance score of the story's best item;
/// - `outlets`: the feeds that carried the story (the item and "also reported by"), so a story
///   three outlets ran weighs about twice one that only one did;
/// - `age`: from the item's publication (its first sighting when the date is missing or later)
///   to the end of the period, at least zero: a story published at the end of the period counts
///   fully, one a day older three quarters, an old one republished today half.
///
/// Equal ranks go to the story seen first, then the lower id: the order never depends on when
/// the digest is written.
enum StoryRanking {
  static let halfLife: TimeInterval = 86_400

  static func rank(of item: StoredItem, outlets: Int, periodEnd: Date) -> Double {
    let moment = item.publishedAt.map { min($0, item.firstSeenAt) } ?? item.firstSeenAt
    let age = max(0, periodEnd.timeIntervalSince(moment))
    let recency = 0.5 + 0.5 * pow(2, -age / halfLife)
    let reach = 1 + log(Double(max(1, outlets)))
    let score = item.score.isFinite ? max(0, item.score) : 0
    return score * reach * recency
  }
}
