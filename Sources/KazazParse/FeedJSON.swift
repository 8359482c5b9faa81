import Dispatch
import Foundation
import KazazModel
import KazazText

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
    var out = JSONBytes(capacity: chunkSize + 4096)
    func flush() {
      out.bytes.withUnsafeBufferPointer(sink)
      out.bytes.removeAll()
    }
    out.raw("{\"format\":")
    out.string(feed.format.rawValue)
    out.raw(",\"items\":[")
    let items = feed.items
    // A long feed has its second half encoded on another thread meanwhile.
    let split = items.count >= concurrentItems ? items.count / 2 : items.count
    let tail = split < items.count ? TailEncoding(items[split...], chunkSize: chunkSize) : nil
    for index in 0..<split {
      if index > 0 { out.raw(",") }
      writeItem(items[index], into: &out)
      if out.bytes.count >= chunkSize { flush() }
    }
    if let tail {
      flush()
      for chunk in tail.wait() { chunk.withUnsafeBufferPointer(sink) }
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

  /// Feeds with at least this many items are encoded in two halves at once.
  static let concurrentItems = 2048

  /// The JSON of the items from the second half on, each after a comma, encoded on a global
  /// queue from the moment it is made, in pieces of about `chunkSize` bytes (one buffer grown to
  /// megabytes would touch fresh memory at every doubling).
  private final class TailEncoding: @unchecked Sendable {
    // @unchecked: `chunks` is written by the queue's block only, and read after `wait` has seen
    // that block signal.
    private var chunks: [ByteBuffer] = []
    private let done = DispatchSemaphore(value: 0)

    init(_ items: ArraySlice<ParsedItem>, chunkSize: Int) {
      DispatchQueue.global(qos: .userInitiated).async { [self] in
        var out = JSONBytes(capacity: chunkSize + 4096)
        for item in items {
          out.raw(",")
          FeedJSON.writeItem(item, into: &out)
          if out.bytes.count >= chunkSize {
            chunks.append(out.bytes)
            out = JSONBytes(capacity: chunkSize + 4096)
          }
        }
        chunks.append(out.bytes)
        done.signal()
      }
    }

    func wait() -> [ByteBuffer] {
      done.wait()
      return chunks
    }
  }

  fileprivate static func writeItem(_ item: ParsedItem, into out: inout JSONBytes) {
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
    out.date(item.published)
    out.raw(",\"summary\":")
    out.string(item.summary ?? item.content)
    out.raw(",\"title\":")
    out.string(item.title)
    out.raw(",\"updated\":")
    out.date(item.updated)
    out.raw("}")
  }
}

/// A growing JSON byte buffer.
struct JSONBytes {
  let bytes: ByteBuffer

  init(capacity: Int = 256) {
    bytes = ByteBuffer(capacity: capacity)
  }

  func raw(_ text: StaticString) {
    bytes.append(text.utf8Start, count: text.utf8CodeUnitCount)
  }

  func string(_ value: String?) {
    guard var value else {
      raw("null")
      return
    }
    bytes.append(UInt8(ascii: "\""))
    value.withUTF8 { utf8 in
      JSONString.escape(utf8) { run in bytes.append(run) }
    }
    bytes.append(UInt8(ascii: "\""))
  }

  /// An RFC 3339 date in UTC (`2023-04-10T13:16:05Z`), or `null`.
  func date(_ value: Date?) {
    guard let value else {
      raw("null")
      return
    }
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 22) { buffer in
      let base = buffer.baseAddress!
      base[0] = UInt8(ascii: "\"")
      CivilTime.writeRFC3339(value, to: base + 1)
      base[21] = UInt8(ascii: "\"")
      bytes.append(base, count: 22)
    }
  }

}
