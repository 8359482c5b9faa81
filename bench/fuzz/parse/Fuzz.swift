// libFuzzer entry point over the feed parser, built by bench/fuzz/run.sh (never by SwiftPM).
import Foundation
@testable import KazazParse

/// The HTTP charsets a fuzz input may arrive with, chosen by its first byte.
private let charsets: [String?] = [
  nil, nil, "windows-1251", "koi8-r", "utf-8", "utf-16", "us-ascii",
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  guard count > 0 else { return 0 }
  let data = Data(bytes: start, count: count)
  let selector = Int(data[data.startIndex]) % charsets.count
  let parser = FeedParser(maxDocumentBytes: 4 << 20)
  let now = Date(timeIntervalSince1970: 1_795_000_000)
  if let feed = try? parser.parse(
    data, baseURL: "https://example.kz/rss/", httpCharset: charsets[selector], now: now)
  {
    // The JSON writer must take whatever the parser produced.
    _ = FeedJSON.encode(feed)
  }
  // The text and date readers on their own, on the raw bytes read as UTF-8.
  let text = String(decoding: data.prefix(4096), as: UTF8.self)
  _ = HTMLText.plainText(text)
  _ = FeedDateParser.parse(text, now: now)
  return 0
}
