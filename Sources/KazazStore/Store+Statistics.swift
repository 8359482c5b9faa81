import Foundation
import GRDB
import KazazModel

extension Store {
  /// Item counts for consecutive periods: `boundaries` `[b0, b1, …, bn]` (ascending) give the
  /// counts of `[b0, b1)`, `[b1, b2)`, … — n results. Digests use it for the days before their
  /// own (the 7-day average and the 14-day trend). One query over the whole span; only the
  /// classification columns are read, never the text.
  public func itemCounts(boundaries: [Date]) throws -> [ItemCounts] {
    guard boundaries.count >= 2, let first = boundaries.first, let last = boundaries.last else {
      return []
    }
    var counts = Array(repeating: ItemCounts(), count: boundaries.count - 1)
    try pool.read { db in
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT item.firstSeenAt, classification.relevant, classification.language,
                 CASE WHEN classification.relevant THEN
                   (SELECT group_concat(topic, ',') FROM itemTopic WHERE itemTopic.itemId = item.id)
                 END AS topics
          FROM item
          LEFT JOIN classification ON classification.itemId = item.id
          WHERE item.firstSeenAt >= ? AND item.firstSeenAt < ?
          """, arguments: [first, last])
      while let row = try rows.next() {
        let seen: Date = row["firstSeenAt"]
        // The last boundary not after `seen`: the period the item belongs to.
        var low = 0
        var high = boundaries.count - 1
        while high - low > 1 {
          let middle = (low + high) / 2
          if boundaries[middle] <= seen { low = middle } else { high = middle }
        }
        counts[low].total += 1
        guard (row["relevant"] as Bool?) == true else { continue }
        counts[low].relevant += 1
        let language = Language(rawValue: row["language"] ?? "other") ?? .other
        counts[low].byLanguage[language, default: 0] += 1
        for topic in (row["topics"] as String?)?.split(separator: ",") ?? [] {
          counts[low].byTopic[TopicID(rawValue: String(topic)), default: 0] += 1
        }
      }
    }
    return counts
  }
}
