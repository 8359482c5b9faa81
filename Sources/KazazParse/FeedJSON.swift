import Foundation
import KazazModel

/// The normalised JSON of a parsed feed, as `kazaz-monitor parse --json` prints it and the
/// golden test files hold it. Keys are sorted, missing values are explicit `null`s, dates are
/// RFC 3339 UTC. Written straight to bytes: the output of a 10 MB feed is about as large.
///
/// `{"format", "items": [{"author", "categories", "date_estimated", "id", "link", "media",
/// "published", "summary", "title", "updated"}], "link", "title", "warnings"}` where `summary` is
/// the item's summary, else its full text, and `media` is `[{"kind", "type", "url"}]`.
public enum FeedJSON {
  public static func encode(_ feed: ParsedFeed) -> [UInt8] {
    var result: [UInt8] = []
    write(feed) { result.append(contentsOf: $0) }
    return result
  }

  /// Writes the JSON in pieces of about `chunkSize` bytes to `sink` (e.g. standard output), so
  /// that a large feed is never held twice in memory.
  /// - Parameter source: when given, written as a `"source"` key (for JSON Lines of many feeds).
  public static func write(
    _ feed: ParsedFeed, source: String? = nil, chunkSize: Int = 1 << 18,
    to sink: (UnsafeBufferPointer<UInt8>) -> Void
  ) {
    var out = JSONBytes()
    out.bytes.reserveCapacity(chunkSize + 4096)
    func flush() {
      out.bytes.withUnsafeBufferPointer(sink)
      out.bytes.removeAll(keepingCapacity: true)
    }
    out.raw("{\"format\":")
    out.string(feed.format.rawValue)
    out.raw(",\"items\":[")
    for (index, item) in feed.items.enumerated() {
      if index > 0 { out.raw(",") }
      writeItem(item, into: &out)
      if out.bytes.count >= chunkSize { flush() }
    }
    out.raw("],\"link\":")
    out.string(feed.link)
    if let source {
      out.raw(",\"source\":")
      out.string(source)
    }
    out.raw(",\"title\":")
    out.string(feed.title)
    out.raw(",\"warnings\":[")
    for (index, warning) in feed.warnings.enumerated() {
      if index > 0 { out.raw(",") }
      out.string(warning)
    }
    out.raw("]}")
    flush()
  }

  private static func writeItem(_ item: ParsedItem, into out: inout JSONBytes) {
    out.raw("{\"author\":")
    out.string(item.author)
    out.raw(",\"categories\":[")
    for (index, category) in item.categories.enumerated() {
      if index > 0 { out.raw(",") }
      out.string(category)
    }
    out.raw(item.dateEstimated ? "],\"date_estimated\":true" : "],\"date_estimated\":false")
    out.raw(",\"id\":")
    out.string(item.id)
    out.raw(",\"link\":")
    out.string(item.link)
    out.raw(",\"media\":[")
    for (index, media) in item.media.enumerated() {
      if index > 0 { out.raw(",") }
      out.raw("{\"kind\":")
      out.string(media.kind.rawValue)
      out.raw(",\"type\":")
      out.string(media.type)
      out.raw(",\"url\":")
      out.string(media.url)
      out.raw("}")
    }
    out.raw("],\"published\":")
    out.string(item.published.map(CivilTime.rfc3339))
    out.raw(",\"summary\":")
    out.string(item.summary ?? item.content)
    out.raw(",\"title\":")
    out.string(item.title)
    out.raw(",\"updated\":")
    out.string(item.updated.map(CivilTime.rfc3339))
    out.raw("}")
  }
}

/// A growing JSON byte buffer.
struct JSONBytes {
  var bytes: [UInt8] = []

  mutating func raw(_ text: StaticString) {
    bytes.append(
      contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  mutating func string(_ value: String?) {
    guard var value else {
      raw("null")
      return
    }
    bytes.append(UInt8(ascii: "\""))
    value.withUTF8 { utf8 in
      var runStart = 0
      for index in 0..<utf8.count {
        let byte = utf8[index]
        guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
          continue
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
        switch byte {
        case UInt8(ascii: "\""): raw("\\\"")
        case UInt8(ascii: "\\"): raw("\\\\")
        case 0x0A: raw("\\n")
        case 0x0D: raw("\\r")
        case 0x09: raw("\\t")
        default:
          raw("\\u00")
          bytes.append(Self.hex[Int(byte >> 4)])
          bytes.append(Self.hex[Int(byte & 0x0F)])
        }
        runStart = index + 1
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
    }
    bytes.append(UInt8(ascii: "\""))
  }

  private static let hex = Array("0123456789abcdef".utf8)
}
