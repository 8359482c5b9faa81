import Foundation

/// What the XML reader collected, before any format-specific interpretation: the elements the
/// adapter may read, named by field (see `RawField`).
struct RawElement {
  var field: RawField
  /// Where the element's text (UTF-8) lies in its item's `text`.
  var range: Range<Int>
  var attributes: RawAttributes
}

/// An element's attributes, named by a short namespace prefix (`xml:base`, `rdf:about`). Elements
/// have few, so a list searched in order beats a dictionary.
struct RawAttributes {
  private var pairs: [(name: String, value: String)] = []

  init() {}

  /// - Parameter pairs: names without repeats.
  init(pairs: [(name: String, value: String)]) {
    self.pairs = pairs
  }

  var isEmpty: Bool { pairs.isEmpty }

  subscript(name: String) -> String? {
    get {
      for pair in pairs where pair.name == name { return pair.value }
      return nil
    }
    set {
      if let index = pairs.firstIndex(where: { $0.name == name }) {
        if let newValue { pairs[index].value = newValue } else { pairs.remove(at: index) }
      } else if let newValue {
        pairs.append((name, newValue))
      }
    }
  }
}

/// An item (or the channel): its elements, whose texts share one byte buffer — no string is
/// made for text nobody reads, and the buffer is reused from item to item (the reader owns it;
/// the adapter reads an item while the reader waits).
struct RawItem {
  private(set) var elements: [RawElement] = []
  /// The field of each of `elements`, searched without copying the elements.
  private(set) var fields: [RawField] = []
  let text: ByteBuffer
  /// `xml:base` in effect for the item, if the document set one.
  var base: String?
  /// RSS 1.0's `rdf:about` of the item: its URI.
  var about: String?

  init(textCapacity: Int = 256) {
    text = ByteBuffer(capacity: textCapacity)
  }

  mutating func append(_ element: RawElement) {
    elements.append(element)
    fields.append(element.field)
  }

  func first(_ field: RawField) -> RawElement? {
    fields.firstIndex(of: field).map { elements[$0] }
  }

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

  /// The element's text without white space around it, or nil when nothing is left.
  func trimmedText(_ element: RawElement) -> String? {
    withBytes(element) { bytes in
      var start = 0
      var end = bytes.count
      while start < end, Trimming.isASCIISpace(bytes[start]) { start += 1 }
      while end > start, Trimming.isASCIISpace(bytes[end - 1]) { end -= 1 }
      guard start < end else { return nil }
      let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
      // Only a multi-byte character at either end can be Unicode white space.
      return bytes[start] >= 0x80 || bytes[end - 1] >= 0x80 ? text.trimmedOrNil : text
    }
  }

  /// The trimmed text of the first element of `field`, if it has any.
  func text(_ field: RawField) -> String? {
    first(field).flatMap(trimmedText)
  }

  /// A copy with its own text buffer, for use after the reader has moved on.
  func copy() -> RawItem {
    var copy = RawItem(textCapacity: text.count)
    copy.elements = elements
    copy.fields = fields
    copy.base = base
    copy.about = about
    text.withUnsafeBufferPointer { copy.text.append($0) }
    return copy
  }

  /// Forgets the item's content, keeping its storage for the next one.
  mutating func reset(base: String?, about: String?) {
    elements.removeAll(keepingCapacity: true)
    fields.removeAll(keepingCapacity: true)
    text.removeAll()
    self.base = base
    self.about = about
  }
}

struct RawFeed {
  /// Root element, prefixed (`rss`, `rdf:RDF`, `atom:feed`, `atom03:feed`).
  var root: String?
  var rootAttributes = RawAttributes()
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
