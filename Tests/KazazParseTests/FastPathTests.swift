import Foundation
import KazazModel
import KazazText
import Testing

@testable import KazazParse

/// The shortcuts taken for speed give what the general paths give.
@Suite("Fast paths agree with the general ones")
struct FastPathTests {
  let now = Date(timeIntervalSince1970: 1_764_000_000)

  @Test("JSON escaping finds every byte that needs it, wherever it falls in a word")
  func jsonEscaping() {
    for special in ["\"", "\\", "\n", "\u{01}", "\u{1F}", "\t"] {
      for position in 0..<20 {
        let text =
          String(repeating: "ж", count: position / 2) + String(repeating: "a", count: position % 2)
          + special + "tail"
        let out = JSONBytes()
        out.string(text)
        let encoded = out.bytes.withUnsafeBufferPointer { Data($0) }
        let decoded = try? JSONDecoder().decode(String.self, from: encoded)
        #expect(decoded == text)
      }
    }
  }

  @Test("Dates written into the JSON are the RFC 3339 strings")
  func jsonDates() {
    for seconds in [0, 631_152_000, 1_681_272_000, 1_764_000_059, -86_401] {
      let date = Date(timeIntervalSince1970: TimeInterval(seconds))
      let out = JSONBytes()
      out.date(date)
      #expect(
        out.bytes.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
          == "\"\(CivilTime.rfc3339(date))\"")
    }
  }

  @Test("Dates read from bytes equal dates read from strings")
  func datesFromBytes() {
    for text in [
      "Wed, 20 Nov 2024 15:28:13 GMT", " Wed, 20 Nov 2024 21:27:44 +0600 ", "2024-11-20T10:00:00Z",
      "10 апреля 2023, 18:16", "garbage", "",
    ] {
      var copy = text
      let fromBytes = copy.withUTF8 { FeedDateParser.parse(utf8: $0, now: now) }
      #expect(fromBytes == FeedDateParser.parse(text, now: now))
    }
  }

  @Test("Single spaces inside a run of text are kept; other white space still collapses")
  func renderRuns() {
    #expect(HTMLText.plainText("<p>a b  c\td</p> e") == "a b c d\ne")
    #expect(HTMLText.plainText("<b>x</b> y &amp; z") == "x y & z")
    #expect(HTMLText.plainText(" <i>lead</i> trail ") == "lead trail")
    #expect(HTMLText.plainText(utf8: UnsafeBufferPointer(start: nil, count: 0)).isEmpty)
  }

  @Test("Chunked table decoding equals whole decoding, undefined bytes counted across chunks")
  func chunkedDecoding() throws {
    let table = try #require(SingleByteDecoder.table(for: "windows-1251"))
    var bytes: [UInt8] = []
    for index in 0..<200_000 { bytes.append(UInt8(truncatingIfNeeded: index &* 7919 % 251)) }
    bytes[65_535] = 0x98  // undefined in windows-1251, at a chunk boundary
    bytes[70_000] = 0x98
    let data = Data(bytes)
    let (whole, undefined) = SingleByteDecoder.decode(data, with: table)
    #expect(undefined >= 2)
    var chunked = Data()
    var chunkedUndefined = 0
    let output = UnsafeMutableRawBufferPointer.allocate(byteCount: 65_536 * 3 + 4, alignment: 8)
    defer { output.deallocate() }
    data.withUnsafeBytes { input in
      var offset = 0
      while offset < input.count {
        let length = min(65_536, input.count - offset)
        let (written, undefinedBytes) = SingleByteDecoder.decode(
          UnsafeRawBufferPointer(rebasing: input[offset..<offset + length]), into: output,
          with: table)
        chunked.append(output.baseAddress!.assumingMemoryBound(to: UInt8.self), count: written)
        chunkedUndefined += undefinedBytes
        offset += length
      }
    }
    #expect(chunked == whole)
    #expect(chunkedUndefined == undefined)
  }

  /// A feed large enough for the concurrent paths, with `count` varied items.
  static func bigFeed(items count: Int) -> Data {
    var xml =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>Big</title><link>https://example.kz/</link>"
    for index in 0..<count {
      xml +=
        "<item><title>Заголовок \(index) &amp; \"more\"</title><link>https://example.kz/\(index)</link>"
      xml +=
        "<guid isPermaLink=\"false\">id-\(index)</guid><dc:creator>Автор \(index % 7)</dc:creator>"
      xml += "<category>Саясат</category><category>c\(index % 3)</category>"
      xml +=
        index % 5 == 0 ? "" : "<pubDate>Wed, 20 Nov 2024 15:28:\(10 + index % 50) +0600</pubDate>"
      xml +=
        "<description>&lt;p&gt;Текст \(index) <![CDATA[<b>bold</b>]]> "
        + String(repeating: "слово ", count: 40) + "&lt;/p&gt;</description>"
      xml +=
        "<enclosure url=\"https://example.kz/\(index).jpg\" type=\"image/jpeg\" length=\"1\"/></item>"
    }
    return Data((xml + "</channel></rss>").utf8)
  }

  @Test("Items adapted on a second thread are the items adapted in line, in order")
  func concurrentAdaptation() throws {
    let data = Self.bigFeed(items: 3000)
    #expect(data.count >= FeedParser.concurrentAdaptationBytes)
    let feed = try FeedParser().parse(data, now: now)
    // The same document cut below the threshold, item by item, must agree.
    let inline = ItemCollector(baseURL: nil, now: now)
    let concurrent = ItemCollector(baseURL: nil, now: now, concurrent: true)
    _ = XMLFeedReader.read(data, encoding: nil, stopAtFirstError: true) {
      inline.add($0, $1)
      concurrent.add($0, $1)
    }
    inline.finish()
    concurrent.finish()
    #expect(feed.items.count == 3000)
    #expect(concurrent.items == inline.items)
    #expect(concurrent.undated == inline.undated)
    #expect(feed.items == inline.items)
  }

  @Test("JSON written in two halves at once is the JSON written in one go")
  func concurrentJSON() throws {
    let feed = try FeedParser().parse(Self.bigFeed(items: FeedJSON.concurrentItems + 11), now: now)
    var chunks: [UInt8] = []
    FeedJSON.write(feed, source: "s", chunkSize: 4096) { chunks.append(contentsOf: $0) }
    var small = feed
    small.items = []
    var expected: [UInt8] = []
    FeedJSON.write(small, source: "s") { expected.append(contentsOf: $0) }
    // Items one by one through the sequential path, spliced into the empty feed's array.
    var items: [UInt8] = []
    for (index, item) in feed.items.enumerated() {
      var single = small
      single.items = [item]
      var one: [UInt8] = []
      FeedJSON.write(single) { one.append(contentsOf: $0) }
      let text = String(decoding: one, as: UTF8.self)
      let start = text.range(of: "\"items\":[")!.upperBound
      let end = text.range(of: "],\"link\"", options: .backwards)!.lowerBound
      if index > 0 { items.append(UInt8(ascii: ",")) }
      items.append(contentsOf: Array(text[start..<end].utf8))
    }
    let emptyText = String(decoding: expected, as: UTF8.self)
    let splice = emptyText.replacingOccurrences(
      of: "\"items\":[]", with: "\"items\":[" + String(decoding: items, as: UTF8.self) + "]")
    #expect(String(decoding: chunks, as: UTF8.self) == splice)
  }
}
