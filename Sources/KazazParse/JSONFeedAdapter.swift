import Foundation
import KazazModel

/// JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1).
///
/// Values are taken only with the type the specification gives them; a value of another type
/// (a number where a string belongs, an object where a list does) counts as absent, and one bad
/// item or attachment is skipped without taking its neighbours along. The one exception is an
/// item `id` written as a number, which many generators do: its text is the id.
/// Attachments become enclosures (their `size_in_bytes` and `duration_in_seconds` are not read),
/// tags become categories.
enum JSONFeedAdapter {
  /// Enclosures and categories kept per item, as for RSS and Atom.
  static let maxMedia = 32
  static let maxCategories = 32

  static func parse(_ data: Data, baseURL: String?, now: Date) throws(ParseError) -> ParsedFeed {
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: data)
    } catch {
      // Foundation's own words say where and why ("Number 1e999 is not representable",
      // "Too many nested arrays"); its localized description only that something failed.
      let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
      throw .malformedJSON(detail ?? error.localizedDescription)
    }
    guard let root = object as? [String: Any] else {
      throw .malformedJSON("top level is not an object")
    }
    guard let version = root["version"] as? String, version.contains("jsonfeed.org") else {
      throw .unknownFormat(root: nil)
    }
    let base = (root["feed_url"] as? String) ?? baseURL
    let items = objects(root["items"]).map { item(from: $0, base: base, now: now) }
    return ParsedFeed(
      format: .jsonFeed, title: root["title"] as? String,
      link: URLResolver.resolve(root["home_page_url"] as? String, base: base), items: items)
  }

  private static func item(from entry: [String: Any], base: String?, now: Date) -> ParsedItem {
    let link = URLResolver.resolve(
      (entry["url"] as? String) ?? (entry["external_url"] as? String), base: base)
    let title = (entry["title"] as? String).map(HTMLText.plainText)
    let html = entry["content_html"] as? String
    let text = entry["content_text"] as? String
    let content = (html.map(HTMLText.plainText) ?? text.map(HTMLText.collapse)).flatMap {
      $0.isEmpty ? nil : $0
    }
    let summary = (entry["summary"] as? String).map(HTMLText.plainText)
    // 1.1's `authors`, else 1.0's `author`.
    let listed = objects(entry["authors"])
    let authors = listed.isEmpty ? objects(entry["author"]) : listed
    let author = authors.lazy.compactMap { ($0["name"] as? String)?.trimmedOrNil }.first
    let guid = (entry["id"] as? String) ?? (entry["id"] as? NSNumber)?.stringValue
    let published = (entry["date_published"] as? String).flatMap {
      FeedDateParser.parse($0, now: now)
    }
    let updated = (entry["date_modified"] as? String).flatMap { FeedDateParser.parse($0, now: now) }
    // As for RSS and Atom: without a usable date of its own, an item is dated when first seen.
    return ParsedItem(
      id: ItemIdentity.identifier(guid: guid, link: link, title: title, text: content ?? summary),
      title: title, link: link, published: published ?? updated ?? now, updated: updated,
      author: author, summary: summary, content: content, media: media(entry, base: base),
      categories: categories(entry), dateEstimated: published == nil && updated == nil)
  }

  /// The objects of a list, or the value itself when it is one object; anything else is none.
  private static func objects(_ value: Any?) -> [[String: Any]] {
    if let object = value as? [String: Any] { return [object] }
    return (value as? [Any] ?? []).compactMap { $0 as? [String: Any] }
  }

  private static func media(_ entry: [String: Any], base: String?) -> [ParsedMedia] {
    var found: [ParsedMedia] = []
    for attachment in objects(entry["attachments"]) {
      guard let url = URLResolver.resolve(attachment["url"] as? String, base: base) else {
        continue
      }
      let caption = (attachment["title"] as? String).map(HTMLText.plainText)
      found.append(
        ParsedMedia(
          kind: .enclosure, url: url, type: attachment["mime_type"] as? String,
          caption: caption?.isEmpty == false ? caption : nil))
      if found.count >= maxMedia { break }
    }
    return found
  }

  private static func categories(_ entry: [String: Any]) -> [String] {
    var found: [String] = []
    for case let tag as String in entry["tags"] as? [Any] ?? [] {
      let text = HTMLText.collapse(tag)
      if !text.isEmpty, !found.contains(text) { found.append(text) }
      if found.count >= maxCategories { break }
    }
    return found
  }
}
