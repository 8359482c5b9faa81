import Foundation

/// The syndication format a document was recognised as.
public enum FeedFormat: String, Sendable, Codable, Hashable {
  case rss090 = "rss090"
  case rss091 = "rss091"
  case rss092 = "rss092"
  case rss10 = "rss10"
  case rss20 = "rss20"
  case atom03 = "atom03"
  case atom10 = "atom10"
  case jsonFeed = "json"
}

/// A feed as the parser understood it: format-independent, text already plain, links absolute.
public struct ParsedFeed: Sendable, Equatable {
  public var format: FeedFormat
  public var title: String?
  public var link: String?
  public var items: [ParsedItem]
  /// Problems the parser recovered from (malformed XML, undefined entities, …). A feed with
  /// warnings is "degraded", not failed: its items before the damage are kept.
  public var warnings: [String]
  /// Minutes, from RSS `<ttl>`, when present.
  public var ttlMinutes: Int?

  public init(
    format: FeedFormat, title: String? = nil, link: String? = nil, items: [ParsedItem] = [],
    warnings: [String] = [], ttlMinutes: Int? = nil
  ) {
    self.format = format
    self.title = title
    self.link = link
    self.items = items
    self.warnings = warnings
    self.ttlMinutes = ttlMinutes
  }
}

/// One entry of a feed, normalised.
public struct ParsedItem: Sendable, Equatable {
  /// A stable identifier: the guid/id, else the normalised link, else a hash of the content.
  public var id: String
  public var title: String?
  public var link: String?
  public var published: Date?
  public var updated: Date?
  public var author: String?
  /// Short plain text (description/summary).
  public var summary: String?
  /// Full plain text when the feed carries it (content:encoded, atom:content, yandex:full-text).
  public var content: String?

  public init(
    id: String, title: String? = nil, link: String? = nil, published: Date? = nil,
    updated: Date? = nil, author: String? = nil, summary: String? = nil, content: String? = nil
  ) {
    self.id = id
    self.title = title
    self.link = link
    self.published = published
    self.updated = updated
    self.author = author
    self.summary = summary
    self.content = content
  }

  /// The longest text the item carries, for classification and leads.
  public var bodyText: String {
    let candidates = [content, summary].compactMap { $0 }
    return candidates.max(by: { $0.count < $1.count }) ?? ""
  }
}
