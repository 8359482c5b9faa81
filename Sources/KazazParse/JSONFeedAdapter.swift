import Foundation
import KazazModel

/// JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1).
enum JSONFeedAdapter {
  static func parse(_ data: Data, baseURL: String?, now: Date) throws(ParseError) -> ParsedFeed {
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: data)
    } catch {
      throw .malformedJSON(error.localizedDescription)
    }
    guard let root = object as? [String: Any] else {
      throw .malformedJSON("top level is not an object")
    }
    guard let version = root["version"] as? String, version.contains("jsonfeed.org") else {
      throw .unknownFormat(root: nil)
    }
    let base = (root["feed_url"] as? String) ?? baseURL
    let entries = (root["items"] as? [[String: Any]]) ?? []
    let items = entries.map { entry -> ParsedItem in
      let link = URLResolver.resolve(
        (entry["url"] as? String) ?? (entry["external_url"] as? String), base: base)
      let title = (entry["title"] as? String).map(HTMLText.plainText)
      let html = entry["content_html"] as? String
      let text = entry["content_text"] as? String
      let content = (html.map(HTMLText.plainText) ?? text.map(HTMLText.collapse)).flatMap {
        $0.isEmpty ? nil : $0
      }
      let summary = (entry["summary"] as? String).map(HTMLText.plainText)
      let authors =
        (entry["authors"] as? [[String: Any]]) ?? (entry["author"] as? [String: Any]).map { [$0] }
        ?? []
      let author = authors.compactMap { $0["name"] as? String }.first
      let guid = (entry["id"] as? String) ?? (entry["id"] as? NSNumber)?.stringValue
      return ParsedItem(
        id: ItemIdentity.identifier(guid: guid, link: link, title: title, text: content ?? summary),
        title: title, link: link,
        published: (entry["date_published"] as? String).flatMap {
          FeedDateParser.parse($0, now: now)
        },
        updated: (entry["date_modified"] as? String).flatMap { FeedDateParser.parse($0, now: now) },
        author: author, summary: summary, content: content)
    }
    return ParsedFeed(
      format: .jsonFeed, title: root["title"] as? String,
      link: URLResolver.resolve(root["home_page_url"] as? String, base: base), items: items)
  }
}
