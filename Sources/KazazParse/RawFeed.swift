import Foundation

/// What the XML reader collected, before any format-specific interpretation: elements named by
/// a short namespace prefix (`atom:link`, `dc:date`, `content:encoded`) and paths relative to
/// their item or channel (`atom:author/atom:name`).
struct RawElement {
  var path: String
  /// Where the element's text (UTF-8) lies in its item's `text`.
  var range: Range<Int>
  var attributes: [String: String]
}

/// An item (or the channel): its elements, whose texts share one byte buffer — no string is
/// made for text nobody reads, and the buffer is reused from item to item.
struct RawItem {
  var elements: [RawElement] = []
  var text: [UInt8] = []
  /// `xml:base` in effect for the item, if the document set one.
  var base: String?
  /// RSS 1.0's `rdf:about` of the item: its URI.
  var about: String?

  func first(_ path: String) -> RawElement? { elements.first { $0.path == path } }
  func all(_ path: String) -> [RawElement] { elements.filter { $0.path == path } }

  /// The element's text, untrimmed.
  func string(_ element: RawElement) -> String {
    withBytes(element) { String(decoding: $0, as: UTF8.self) }
  }

  func withBytes<Result>(
    _ element: RawElement, _ body: (UnsafeBufferPointer<UInt8>) -> Result
  ) -> Result {
    text.withUnsafeBufferPointer { buffer in
      let range = element.range.clamped(to: 0..<buffer.count)
      return body(UnsafeBufferPointer(rebasing: buffer[range]))
    }
  }

  /// The trimmed text of the first element at `path`, if it has any.
  func text(_ path: String) -> String? {
    first(path).flatMap { string($0).trimmedOrNil }
  }

  /// Forgets the item's content, keeping its storage for the next one.
  mutating func reset(base: String?, about: String?) {
    elements.removeAll(keepingCapacity: true)
    text.removeAll(keepingCapacity: true)
    self.base = base
    self.about = about
  }
}

struct RawFeed {
  /// Root element, prefixed (`rss`, `rdf:RDF`, `atom:feed`, `atom03:feed`).
  var root: String?
  var rootAttributes: [String: String] = [:]
  /// Namespace URI of `<channel>`, which tells RSS 0.90 from RSS 1.0.
  var channelNamespace: String?
  var channel = RawItem()
  var warnings: [String] = []
}

/// Short prefixes for the namespaces feeds use; unknown namespaces keep their URI.
enum Namespaces {
  static let prefixes: [String: String] = [
    "http://www.w3.org/2005/Atom": "atom",
    "http://purl.org/atom/ns#": "atom03",
    "http://purl.org/rss/1.0/": "",
    "http://my.netscape.com/rdf/simple/0.9/": "",
    "http://backend.userland.com/rss2": "",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://purl.org/dc/terms/": "dcterms",
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://search.yahoo.com/mrss/": "media",
    "http://search.yahoo.com/mrss": "media",
    "http://news.yandex.ru": "yandex",
    "http://news.yandex.ru/": "yandex",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf",
    "http://www.w3.org/1999/xhtml": "xhtml",
    "http://www.w3.org/XML/1998/namespace": "xml",
  ]

  static func qualified(local: String, uri: String?) -> String {
    guard let uri, !uri.isEmpty else { return local }
    let prefix = prefixes[uri] ?? uri
    return prefix.isEmpty ? local : "\(prefix):\(local)"
  }
}
