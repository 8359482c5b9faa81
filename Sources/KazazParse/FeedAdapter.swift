import Foundation
import KazazModel

/// Maps what the XML reader collected to a `ParsedFeed`, for RSS 0.9x/1.0/2.0 and Atom 0.3/1.0.
/// One adapter serves them all: the formats differ in element names, not in structure.
enum FeedAdapter {
  static func format(of raw: RawFeed) -> FeedFormat? {
    switch raw.root {
    case "rss":
      switch raw.rootAttributes["version"] {
      case "0.91": return .rss091
      case "0.92", "0.93", "0.94": return .rss092
      case "0.90", "0.9": return .rss090
      default: return .rss20
      }
    case "rdf:RDF":
      return raw.channelNamespace == "http://my.netscape.com/rdf/simple/0.9/" ? .rss090 : .rss10
    case "atom:feed": return .atom10
    case "atom03:feed": return .atom03
    default: return nil
    }
  }

  /// The URL the feed's relative links resolve against: its root `xml:base`, else its own.
  static func feedBase(_ raw: RawFeed, baseURL: String?) -> String? {
    raw.rootAttributes["xml:base"].flatMap { URLResolver.resolve($0, base: baseURL) } ?? baseURL
  }

  /// The feed around `items` (adapted one by one as the reader produced them).
  /// - Parameter undated: how many items had a date that was unreadable or absurd.
  static func adapt(
    _ raw: RawFeed, items: [ParsedItem], undated: Int, format: FeedFormat, baseURL: String?
  ) -> ParsedFeed {
    let feedBase = feedBase(raw, baseURL: baseURL)
    let channel = raw.channel
    let link =
      alternateLink(channel, base: feedBase)
      ?? URLResolver.resolve(channel.text(.link), base: feedBase)
    let title =
      (channel.text(.title) ?? channel.text(.atomTitle) ?? channel.text(.atom03Title)
      ?? channel.text(.dcTitle))
      .map(HTMLText.plainText)
    let ttl = channel.text(.ttl).flatMap(ttlMinutes)
    var warnings = raw.warnings
    if undated > 0 {
      warnings.append("\(undated) items with an unreadable or absurd date; first-seen time used")
    }
    return ParsedFeed(
      format: format, title: title, link: link, items: items, warnings: warnings,
      ttlMinutes: ttl)
  }

  /// The longest `<ttl>` taken at its word, in minutes: a week. A feed asking for longer gets a
  /// week (the poll planner caps it further); the cap keeps every later product of it (seconds,
  /// nanoseconds) far from overflowing.
  static let maxTTLMinutes = 7 * 24 * 60

  /// RSS `<ttl>`: ASCII digits, clamped to `maxTTLMinutes` however many there are; nil for
  /// anything else (signs, fractions, words).
  static func ttlMinutes(_ text: String) -> Int? {
    guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
    var minutes = 0
    for byte in text.utf8 {
      minutes = min(minutes * 10 + Int(byte - 48), maxTTLMinutes)
    }
    return minutes
  }

  static let publishedFields: [RawField] = [
    .pubDate, .atomPublished, .atom03Issued, .dcDate, .atom03Created, .dctermsIssued,
    .dctermsCreated,
  ]
  static let updatedFields: [RawField] = [
    .atomUpdated, .atom03Modified, .atom03Updated, .dctermsModified,
  ]

  /// - Parameter undated: counts items whose date was present but unreadable or absurd.
  static func adaptItem(_ item: RawItem, base: String?, now: Date, undated: inout Int)
    -> ParsedItem
  {
    let ownLink =
      URLResolver.resolve(item.text(.link), base: base) ?? alternateLink(item, base: base)
      ?? URLResolver.resolve(permalinkGUID(item), base: base)
    let title = rendered(
      item, [.title, .atomTitle, .atom03Title, .dcTitle, .mediaTitle, .mediaGroupTitle])
    let summary = rendered(
      item,
      [
        .description, .atomSummary, .atom03Summary, .dcDescription, .mediaDescription,
        .mediaGroupDescription,
      ])
    let content = rendered(item, [.contentEncoded, .yandexFullText, .atomContent, .atom03Content])
    let (published, publishedSeen) = firstDate(item, publishedFields, now: now)
    let (updated, updatedSeen) = firstDate(item, updatedFields, now: now)
    if (publishedSeen || updatedSeen) && published == nil && updated == nil { undated += 1 }
    let author = firstText(item, [.author, .dcCreator, .atomAuthorName, .atom03AuthorName])
      .map(HTMLText.plainText)
    let guid = firstText(item, [.guid, .atomID, .atom03ID]) ?? item.about
    // Atom's id is a permalink when it is a web address and nothing else is.
    let link =
      ownLink
      ?? firstText(item, [.atomID, .atom03ID]).flatMap {
        $0.hasPrefix("http://") || $0.hasPrefix("https://") ? $0 : nil
      }
    let id = ItemIdentity.identifier(
      guid: guid, link: link, title: title, text: content ?? summary)
    return ParsedItem(
      id: id, title: title, link: link, published: published ?? updated ?? now,
      updated: updated ?? published, author: author, summary: summary, content: content,
      media: media(item, base: base), categories: categories(item),
      dateEstimated: published == nil && updated == nil)
  }

  /// The plain text of the first of `fields` that has any, read by its declared content type:
  /// HTML (the default, and what RSS means), XHTML (already structure: only white space to
  /// collapse), or base64 (Atom's `mode="base64"` and binary MIME types).
  private static func rendered(_ item: RawItem, _ fields: [RawField]) -> String? {
    for field in fields {
      guard let element = item.first(field), !element.range.isEmpty else { continue }
      let type = element.attributes["type"]?.lowercased() ?? "html"
      let plain: String
      if element.attributes["mode"] == "base64" || isBinary(type) {
        guard let text = item.string(element).trimmedOrNil else { continue }
        // Not base64 after all (a custom type over plain text): take the text as it is.
        let decoded = Data(base64Encoded: text).flatMap { String(data: $0, encoding: .utf8) }
        plain = HTMLText.plainText(decoded ?? text)
      } else if type == "xhtml" || type == "application/xhtml+xml" {
        plain = HTMLText.collapse(item.string(element))
      } else {
        // The common case: straight from the reader's bytes to plain text.
        plain = item.withBytes(element) { HTMLText.plainText(utf8: $0) }
      }
      if !plain.isEmpty { return plain }
    }
    return nil
  }

  /// A MIME type whose content Atom carries base64-encoded.
  static func isBinary(_ type: String) -> Bool {
    guard type.utf8.contains(UInt8(ascii: "/")), !type.hasPrefix("text/") else { return false }
    return !(type.hasSuffix("+xml") || type.hasSuffix("/xml") || type == "application/xhtml+xml")
  }

  /// The first of `fields` holding a plausible date; `seen` tells whether any held text at all.
  private static func firstDate(_ item: RawItem, _ fields: [RawField], now: Date)
    -> (date: Date?, seen: Bool)
  {
    var seen = false
    for field in fields {
      guard let element = item.first(field) else { continue }
      // Straight from the bytes when the text has no Unicode white space to trim at its ends
      // (the usual case); otherwise through the trimmed string.
      let fast = item.withBytes(element) { bytes -> (date: Date?, text: Bool)? in
        var start = 0
        var end = bytes.count
        while start < end, Trimming.isASCIISpace(bytes[start]) { start += 1 }
        while end > start, Trimming.isASCIISpace(bytes[end - 1]) { end -= 1 }
        guard start < end else { return (nil, false) }
        guard bytes[start] < 0x80, bytes[end - 1] < 0x80 else { return nil }
        let text = UnsafeBufferPointer(rebasing: bytes[start..<end])
        return (FeedDateParser.parse(utf8: text, now: now), true)
      }
      if let fast {
        guard fast.text else { continue }
        seen = true
        if let date = fast.date { return (date, true) }
        continue
      }
      guard let text = item.trimmedText(element) else { continue }
      seen = true
      if let date = FeedDateParser.parse(text, now: now) { return (date, true) }
    }
    return (nil, seen)
  }

  private static func firstText(_ item: RawItem, _ fields: [RawField]) -> String? {
    for field in fields { if let text = item.text(field) { return text } }
    return nil
  }

  /// Atom's `<link rel="alternate" href>` (rel defaults to alternate), HTML preferred; also
  /// `atom:link` in RSS. Each link resolves against its own `xml:base`, if it has one.
  private static func alternateLink(_ item: RawItem, base: String?) -> String? {
    var best: RawElement?
    for index in item.fields.indices
    where item.fields[index] == .atomLink || item.fields[index] == .atom03Link {
      let element = item.elements[index]
      guard (element.attributes["rel"] ?? "alternate") == "alternate",
        element.attributes["href"] != nil
      else { continue }
      let type = element.attributes["type"] ?? "text/html"
      if type == "text/html" || type == "application/xhtml+xml" {
        best = element
        break
      }
      if best == nil { best = element }
    }
    guard let best, let href = best.attributes["href"] else { return nil }
    let elementBase = best.attributes["xml:base"].flatMap { URLResolver.resolve($0, base: base) }
    return URLResolver.resolve(href, base: elementBase ?? base)
  }

  /// An RSS `<guid>` is a permalink unless `isPermaLink="false"`.
  private static func permalinkGUID(_ item: RawItem) -> String? {
    guard let guid = item.first(.guid), guid.attributes["isPermaLink"] != "false" else {
      return nil
    }
    guard let text = item.string(guid).trimmedOrNil else { return nil }
    return text.hasPrefix("http://") || text.hasPrefix("https://") ? text : nil
  }

  /// Enclosures, `media:content` and `media:thumbnail` (also inside `media:group`).
  private static func media(_ item: RawItem, base: String?) -> [ParsedMedia] {
    var found: [ParsedMedia] = []
    for index in item.fields.indices where item.fields[index].isMedia {
      let element = item.elements[index]
      let kind: ParsedMedia.Kind
      let urlKey: String
      switch element.field {
      case .enclosure:
        (kind, urlKey) = (.enclosure, "url")
      case .atomLink where element.attributes["rel"] == "enclosure":
        (kind, urlKey) = (.enclosure, "href")
      case .mediaContent, .mediaGroupContent:
        (kind, urlKey) = (.content, "url")
      case .mediaThumbnail, .mediaGroupThumbnail, .mediaContentThumbnail:
        (kind, urlKey) = (.thumbnail, "url")
      default:
        continue
      }
      guard let url = URLResolver.resolve(element.attributes[urlKey], base: base) else { continue }
      let type = element.attributes["type"] ?? element.attributes["medium"]
      let caption = item.withBytes(element) { HTMLText.plainText(utf8: $0) }
      found.append(
        ParsedMedia(kind: kind, url: url, type: type, caption: caption.isEmpty ? nil : caption))
      if found.count >= 32 { break }
    }
    return found
  }

  /// RSS and Atom categories and Dublin Core subjects, without duplicates.
  private static func categories(_ item: RawItem) -> [String] {
    var found: [String] = []
    for index in item.fields.indices where item.fields[index].isCategory {
      let element = item.elements[index]
      let text: String
      switch element.field {
      case .category, .dcSubject:
        text = item.withBytes(element) { HTMLText.plainText(utf8: $0) }
      case .atomCategory, .atom03Category:
        guard let value = element.attributes["label"] ?? element.attributes["term"] else {
          continue
        }
        text = HTMLText.plainText(value)
      default:
        continue
      }
      if !text.isEmpty, !found.contains(text) { found.append(text) }
      if found.count >= 32 { break }
    }
    return found
  }
}
