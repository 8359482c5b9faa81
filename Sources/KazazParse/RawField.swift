/// The element paths the feed adapter reads, relative to their item or channel, as small numbers:
/// the reader names each element it keeps once, and the adapter finds fields by comparing bytes
/// rather than strings. Paths use the short namespace prefixes of `Namespaces`; any other path is
/// `other`.
enum RawField: UInt8, CaseIterable {
  case other
  // Text
  case title, atomTitle, atom03Title, dcTitle, mediaTitle, mediaGroupTitle
  case description, atomSummary, atom03Summary, dcDescription, mediaDescription
  case mediaGroupDescription
  case contentEncoded, yandexFullText, atomContent, atom03Content
  // Dates
  case pubDate, atomPublished, atom03Issued, dcDate, atom03Created, dctermsIssued, dctermsCreated
  case atomUpdated, atom03Modified, atom03Updated, dctermsModified
  // People, identity, links
  case author, dcCreator, atomAuthorName, atom03AuthorName
  case guid, atomID, atom03ID
  case link, atomLink, atom03Link
  // Media and categories
  case enclosure, mediaContent, mediaGroupContent
  case mediaThumbnail, mediaGroupThumbnail, mediaContentThumbnail
  case category, dcSubject, atomCategory, atom03Category
  // Channel only
  case ttl

  /// The path this field stands for.
  var path: String {
    switch self {
    case .other: ""
    case .title: "title"
    case .atomTitle: "atom:title"
    case .atom03Title: "atom03:title"
    case .dcTitle: "dc:title"
    case .mediaTitle: "media:title"
    case .mediaGroupTitle: "media:group/media:title"
    case .description: "description"
    case .atomSummary: "atom:summary"
    case .atom03Summary: "atom03:summary"
    case .dcDescription: "dc:description"
    case .mediaDescription: "media:description"
    case .mediaGroupDescription: "media:group/media:description"
    case .contentEncoded: "content:encoded"
    case .yandexFullText: "yandex:full-text"
    case .atomContent: "atom:content"
    case .atom03Content: "atom03:content"
    case .pubDate: "pubDate"
    case .atomPublished: "atom:published"
    case .atom03Issued: "atom03:issued"
    case .dcDate: "dc:date"
    case .atom03Created: "atom03:created"
    case .dctermsIssued: "dcterms:issued"
    case .dctermsCreated: "dcterms:created"
    case .atomUpdated: "atom:updated"
    case .atom03Modified: "atom03:modified"
    case .atom03Updated: "atom03:updated"
    case .dctermsModified: "dcterms:modified"
    case .author: "author"
    case .dcCreator: "dc:creator"
    case .atomAuthorName: "atom:author/atom:name"
    case .atom03AuthorName: "atom03:author/atom03:name"
    case .guid: "guid"
    case .atomID: "atom:id"
    case .atom03ID: "atom03:id"
    case .link: "link"
    case .atomLink: "atom:link"
    case .atom03Link: "atom03:link"
    case .enclosure: "enclosure"
    case .mediaContent: "media:content"
    case .mediaGroupContent: "media:group/media:content"
    case .mediaThumbnail: "media:thumbnail"
    case .mediaGroupThumbnail: "media:group/media:thumbnail"
    case .mediaContentThumbnail: "media:content/media:thumbnail"
    case .category: "category"
    case .dcSubject: "dc:subject"
    case .atomCategory: "atom:category"
    case .atom03Category: "atom03:category"
    case .ttl: "ttl"
    }
  }

  /// A field `FeedAdapter.media` may read.
  var isMedia: Bool {
    switch self {
    case .enclosure, .atomLink, .mediaContent, .mediaGroupContent, .mediaThumbnail,
      .mediaGroupThumbnail, .mediaContentThumbnail:
      true
    default: false
    }
  }

  /// A field `FeedAdapter.categories` reads.
  var isCategory: Bool {
    switch self {
    case .category, .dcSubject, .atomCategory, .atom03Category: true
    default: false
    }
  }

  private static let byPath: [String: RawField] = Dictionary(
    uniqueKeysWithValues: allCases.filter { $0 != .other }.map { ($0.path, $0) })

  /// The field of an element path; `other` for paths the adapter does not read.
  init(path: String) {
    self = Self.byPath[path] ?? .other
  }
}
