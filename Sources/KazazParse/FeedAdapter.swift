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
      default: return .rss20
      }
    case "rdf:RDF": return .rss10
    case "atom:feed": return .atom10
    case "atom03:feed": return .atom03
    default: return nil
    }
  }

  static func adapt(_ raw: RawFeed, format: FeedFormat, baseURL: String?, now: Date) -> ParsedFeed {
    let feedBase =
      raw.rootAttributes["xml:base"].flatMap { URLResolver.resolve($0, base: baseURL) }
      ?? baseURL
    let channel = raw.channel
    let link = URLResolver.resolve(alternateLink(channel) ?? channel.text("link"), base: feedBase)
    let title =
      (channel.text("title") ?? channel.text("atom:title") ?? channel.text("atom03:title"))
      .map(HTMLText.plainText)
    let ttl = channel.text("ttl").flatMap { Int($0) }
    let items = raw.items.map { item in
      adaptItem(
        item, base: item.base.flatMap { URLResolver.resolve($0, base: feedBase) } ?? feedBase,
        now: now)
    }
    return ParsedFeed(
      format: format, title: title, link: link, items: items, warnings: raw.warnings,
      ttlMinutes: ttl)
  }

  static func adaptItem(_ item: RawItem, base: String?, now: Date) -> ParsedItem {
    let link = URLResolver.resolve(
      alternateLink(item) ?? item.text("link") ?? permalinkGUID(item), base: base)
    let title = firstText(item, ["title", "atom:title", "atom03:title", "dc:title"])
      .map(HTMLText.plainText)
    let summaryHTML = firstText(
      item, ["description", "atom:summary", "atom03:summary", "dc:description"])
    let contentHTML = firstText(
      item, ["content:encoded", "yandex:full-text", "atom:content", "atom03:content"])
    let summary = summaryHTML.map(HTMLText.plainText).flatMap { $0.isEmpty ? nil : $0 }
    let content = contentHTML.map(HTMLText.plainText).flatMap { $0.isEmpty ? nil : $0 }
    let published = firstText(
      item,
      [
        "pubDate", "atom:published", "atom03:issued", "dc:date", "atom03:created",
        "dcterms:issued",
      ]
    ).flatMap { FeedDateParser.parse($0, now: now) }
    let updated = firstText(item, ["atom:updated", "atom03:modified", "dcterms:modified"])
      .flatMap { FeedDateParser.parse($0, now: now) }
    let author = firstText(
      item, ["author", "dc:creator", "atom:author/atom:name", "atom03:author/atom03:name"]
    ).map(HTMLText.plainText)
    let guid = firstText(item, ["guid", "atom:id", "atom03:id"]) ?? item.first("rdf:about")?.text
    let id = ItemIdentity.identifier(
      guid: guid, link: link, title: title, text: content ?? summary)
    return ParsedItem(
      id: id, title: title, link: link, published: published, updated: updated ?? published,
      author: author, summary: summary, content: content)
  }

  private static func firstText(_ item: RawItem, _ paths: [String]) -> String? {
    for path in paths { if let text = item.text(path) { return text } }
    return nil
  }

  /// Atom's `<link rel="alternate" href>` (rel defaults to alternate).
  private static func alternateLink(_ item: RawItem) -> String? {
    let links = item.all("atom:link") + item.all("atom03:link")
    let alternate = links.first { ($0.attributes["rel"] ?? "alternate") == "alternate" }
    return alternate?.attributes["href"]
  }

  /// An RSS `<guid>` is a permalink unless `isPermaLink="false"`.
  private static func permalinkGUID(_ item: RawItem) -> String? {
    guard let guid = item.first("guid"), guid.attributes["isPermaLink"] != "false" else {
      return nil
    }
    let text = guid.text.trimmingCharacters(in: .whitespacesAndNewlines)
    return text.hasPrefix("http://") || text.hasPrefix("https://") ? text : nil
  }
}
