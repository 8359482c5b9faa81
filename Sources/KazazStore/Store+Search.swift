import Foundation
import GRDB
import KazazModel

/// A full-text query. `words` are already normalised the way stored text is (lower case,
/// diacritics and ё folded); each matches as a prefix, all must match.
public struct SearchQuery: Sendable, Equatable {
  public var words: [String]
  public var topic: TopicID?
  public var since: Date?
  public var relevantOnly: Bool
  public var limit: Int

  public init(
    words: [String], topic: TopicID? = nil, since: Date? = nil, relevantOnly: Bool = false,
    limit: Int = 50
  ) {
    self.words = words
    self.topic = topic
    self.since = since
    self.relevantOnly = relevantOnly
    self.limit = limit
  }

  /// The FTS5 expression: every token quoted (so none is read as an operator) and a prefix.
  /// Punctuation splits tokens, as it does in the indexed text.
  var matchExpression: String {
    words.flatMap { $0.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) }
      .map { "\"" + $0 + "\"*" }
      .joined(separator: " ")
  }
}

extension Store {
  /// Items matching `query`, newest first. (Ranking every match by relevance would read every
  /// match: a common word in a million-item archive matches most of it. Newest-first lets the
  /// search stop after `limit` results, and recency is what news readers want.)
  public func search(_ query: SearchQuery) throws -> [StoredItem] {
    let expression = query.matchExpression
    guard !expression.isEmpty else { return [] }
    var conditions = ["itemSearch MATCH ?"]
    var arguments: [any DatabaseValueConvertible] = [expression]
    if let since = query.since {
      conditions.append("item.firstSeenAt >= ?")
      arguments.append(since)
    }
    if query.relevantOnly { conditions.append("classification.relevant") }
    if let topic = query.topic {
      conditions.append(
        "EXISTS (SELECT 1 FROM itemTopic t WHERE t.itemId = item.id AND t.topic = ?)")
      arguments.append(topic.rawValue)
    }
    arguments.append(query.limit)
    return try pool.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT item.id, item.storyId, item.title, item.url, item.summary, item.content, item.publishedAt,
                 item.firstSeenAt, feed.url AS feedURL, feed.title AS feedTitle,
                 classification.relevant, classification.score, classification.language,
                 (SELECT group_concat(topic, ',') FROM itemTopic WHERE itemTopic.itemId = item.id)
                   AS topics
          FROM itemSearch
          JOIN item ON item.id = itemSearch.rowid
          JOIN feed ON feed.id = item.feedId
          LEFT JOIN classification ON classification.itemId = item.id
          WHERE \(conditions.joined(separator: " AND "))
          ORDER BY itemSearch.rowid DESC
          LIMIT ?
          """, arguments: StatementArguments(arguments)
      ).map(Self.storedItem)
    }
  }
}
