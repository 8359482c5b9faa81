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
  /// Minutes, from RSS `<ttl>`, when present; the parser caps it at a week.
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
  /// When the item was published: its publication date, else its last update, else (see
  /// `dateEstimated`) the time the parser first saw it.
  public var published: Date?
  public var updated: Date?
  /// Pictures, audio and video attached to the item (RSS enclosures, `media:*`).
  public var media: [ParsedMedia]
  /// Categories and subjects (RSS `category`, `dc:subject`, Atom `category`).
  public var categories: [String]
  /// True when the feed gave no usable date for the item (missing, unreadable or absurd) and
  /// `published` is the first-seen time instead.
  public var dateEstimated: Bool
  public var author: String?
  /// Short plain text (description/summary).
  public var summary: String?
  /// Full plain text when the feed carries it (content:encoded, atom:content, yandex:full-text).
  public var content: String?

  public init(
    id: String, title: String? = nil, link: String? = nil, published: Date? = nil,
    updated: Date? = nil, author: String? = nil, summary: String? = nil, content: String? = nil,
    media: [ParsedMedia] = [], categories: [String] = [], dateEstimated: Bool = false
  ) {
    self.id = id
    self.title = title
    self.link = link
    self.published = published
    self.updated = updated
    self.author = author
    self.summary = summary
    self.content = content
    self.media = media
    self.categories = categories
    self.dateEstimated = dateEstimated
  }

  /// The longest text the item carries, for classification and leads.
  public var bodyText: String {
    let candidates = [content, summary].compactMap { $0 }
    return candidates.max(by: { $0.count < $1.count }) ?? ""
  }
}

/// A picture, audio or video file an item points at.
public struct ParsedMedia: Sendable, Equatable {
  public enum Kind: String, Sendable, Codable {
    /// RSS `<enclosure>` or Atom `<link rel="enclosure">`.
    case enclosure
    /// `media:content`.
    case content
    /// `media:thumbnail`.
    case thumbnail
  }

  public var kind: Kind
  public var url: String
  /// MIME type or `media:content`'s `medium` (image, video, audio), when given.
  public var type: String?
  /// `media:title` / `media:description` of the file, as plain text, when given.
  public var caption: String?

  public init(kind: Kind, url: String, type: String? = nil, caption: String? = nil) {
    self.kind = kind
    self.url = url
    self.type = type
    self.caption = caption
  }
}
