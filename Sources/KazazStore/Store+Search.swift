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

  /// The query's words split at punctuation, as the indexed text is.
  var pieces: [Substring] {
    words.flatMap { $0.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) }
  }
}

extension Store {
  /// The search index's tokenizer (migration v6): query words are tokenized the same way.
  static let searchTokenizer = FTS5TokenizerDescriptor(
    components: ["unicode61", "remove_diacritics", "2"])

  /// A query word that starts at most this many indexed words is searched as their alternatives;
  /// beyond, as an FTS5 prefix query.
  static let prefixAlternativesLimit = 64

  /// Items matching `query`, newest first. (Ranking every match by relevance would read every
  /// match: a common word in a million-item archive matches most of it. Newest-first lets the
  /// search stop after `limit` results, and recency is what news readers want.)
  public func search(_ query: SearchQuery) throws -> [StoredItem] {
    try pool.read { db in
      guard let expression = try matchExpression(query, db: db) else { return [] }
      var conditions = ["itemSearch MATCH ?", "NOT item.pruned"]
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
      // Pruned items keep their entries in the contentless index (migration v6): skipped here.
      return try Row.fetchAll(
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

  /// The FTS5 expression for the query's words, all of which must match, each as a prefix; nil
  /// when a word starts no indexed word, so nothing can match.
  ///
  /// FTS5 answers a prefix query by first merging the lists of every item holding any word
  /// with that prefix — for a common word, a good part of the archive — before it can return
  /// the newest. The same words written as alternatives (`"kazakhstan" OR "kazakhstani"`) are
  /// read newest first and the search stops after `limit` results. The words that start with a
  /// prefix come from the index's vocabulary, in byte order.
  func matchExpression(_ query: SearchQuery, db: Database) throws -> String? {
    let tokenizer = try db.makeTokenizer(Self.searchTokenizer)
    var parts: [String] = []
    for piece in query.pieces {
      let tokens = try tokenizer.tokenize(query: String(piece)).map(\.token)
      guard tokens.count == 1, let token = tokens.first else {
        // Not one indexed word (FTS5 reads it as a phrase): left to FTS5 as written.
        parts.append(Self.quoted(String(piece)) + "*")
        continue
      }
      // A single letter starts thousands of words: listing them first would only add to the
      // prefix query.
      if token.count == 1 {
        parts.append(Self.quoted(token) + "*")
        continue
      }
      let words = try indexedWords(startingWith: token, db: db)
      if words.isEmpty { return nil }
      if words.count > Self.prefixAlternativesLimit {
        parts.append(Self.quoted(token) + "*")
      } else {
        parts.append("(" + words.map(Self.quoted).joined(separator: " OR ") + ")")
      }
    }
    return parts.isEmpty ? nil : parts.joined(separator: " AND ")
  }

  /// The indexed words starting with `prefix`, in byte order; one more than
  /// `prefixAlternativesLimit` at most (the vocabulary reads each word's item list, so it
  /// stops there).
  private func indexedWords(startingWith prefix: String, db: Database) throws -> [String] {
    let terms = try db.cachedStatement(sql: "SELECT term FROM itemSearchTerms WHERE term >= ?")
    var words: [String] = []
    // The cursor resets the statement when it goes, at the end of this function.
    let cursor = try String.fetchCursor(terms, arguments: [prefix])
    while words.count <= Self.prefixAlternativesLimit, let term = try cursor.next(),
      term.utf8.starts(with: prefix.utf8)
    {
      words.append(term)
    }
    return words
  }

  /// An FTS5 string: never read as an operator.
  static func quoted(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
