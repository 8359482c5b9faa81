// libFuzzer entry point over the JSON Feed adapter, built by bench/fuzz/run.sh (never by SwiftPM),
// through the parser's public entry point as the pipeline calls it: the document with the
// charset of a JSON content type. Inputs that do not start as JSON (the first byte after white
// space is not `{`) are refused, so the fuzzer spends its time in the adapter, not in the XML
// reader (the `parse` target's job).
//
// Promises checked: no trap; the same document gives the same feed; an error is one of the
// parser's own with a short message; every item has an identifier and a date (its own, in range,
// or the first-seen time marked estimated); at most 32 enclosures and categories per item, no
// more items than the document has objects; text no longer than the document decodes to, links
// no longer than that percent-encoded; and the normalised JSON of the feed is valid JSON with the same items.
import Foundation

@testable import KazazModel
@testable import KazazParse

/// A broken promise: says which on standard error (an optimised `precondition` would not),
/// then traps, which libFuzzer reports as a crash.
private func check(_ condition: Bool, _ message: @autoclosure () -> String) {
  guard !condition else { return }
  FileHandle.standardError.write(Data("broken promise: \(message())\n".utf8))
  fatalError()
}

/// Content types JSON feeds arrive with, and the URLs they come from: chosen by the length of
/// the input, so that the committed seeds stay plain JSON files.
private let contentTypes = [
  "application/feed+json", "application/feed+json; charset=utf-8", "application/json",
  "application/json; charset=\"UTF-16\"", "text/plain; charset=windows-1251",
]
private let baseURLs: [String?] = [
  "https://example.kz/feed.json", nil, "http://[::1]:8080/a/b/feed.json?x=1#f", "file:///tmp/x",
]
private let now = Date(timeIntervalSince1970: 1_795_000_000)
private let oldest = Date(timeIntervalSince1970: 631_152_000)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let data = Data(bytes: start, count: count)
  guard data.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) == UInt8(ascii: "{") else {
    return -1
  }
  let contentType = contentTypes[count % contentTypes.count]
  let base = baseURLs[count / contentTypes.count % baseURLs.count]
  let parser = FeedParser(maxDocumentBytes: 1 << 20)
  let feed: ParsedFeed
  do {
    feed = try parser.parse(
      data, baseURL: base, httpCharset: ContentType.charset(of: contentType), now: now)
  } catch {
    check(
      error.description.utf8.count <= 1024, "error message of \(error.description.utf8.count) bytes"
    )
    return 0
  }
  check(
    (try? parser.parse(
      data, baseURL: base, httpCharset: ContentType.charset(of: contentType), now: now)) == feed,
    "the same document gave another feed")
  check(feed.format == .jsonFeed, "a JSON document read as \(feed.format)")

  // Objects take at least two bytes each.
  check(feed.items.count <= count / 2, "\(feed.items.count) items from \(count) bytes")
  // UTF-16 text (JSON's own encoding detection) takes up to three UTF-8 bytes per two bytes;
  // a link percent-encodes each of those in three.
  let textLimit = count * 3 / 2 + 16
  let linkLimit = 3 * textLimit + (base?.utf8.count ?? 0)
  func bounded(_ text: String?, _ limit: Int, _ what: String) {
    guard let text else { return }
    check(text.utf8.count <= limit, "\(what) of \(text.utf8.count) bytes from \(count)")
  }
  bounded(feed.title, textLimit, "feed title")
  bounded(feed.link, linkLimit, "feed link")
  for item in feed.items {
    check(!item.id.isEmpty, "an item without identifier")
    // The guid, else the link (percent-encoded), else `hash:` and 16 hex digits.
    bounded(item.id, linkLimit, "id")
    for (text, what) in [
      (item.title, "title"), (item.summary, "summary"), (item.content, "content"),
      (item.author, "author"),
    ] {
      bounded(text, textLimit, what)
    }
    bounded(item.link, linkLimit, "link")
    check(item.media.count <= JSONFeedAdapter.maxMedia, "\(item.media.count) enclosures")
    check(item.categories.count <= JSONFeedAdapter.maxCategories, "\(item.categories.count) tags")
    for media in item.media {
      bounded(media.url, linkLimit, "enclosure URL")
      bounded(media.caption, textLimit, "caption")
      bounded(media.type, textLimit, "media type")
    }
    for category in item.categories { bounded(category, textLimit, "category") }
    // A date of the item's own lies in the parser's range; without one, the first-seen time.
    guard let published = item.published else {
      check(false, "an item without a date")
      return 0
    }
    if item.dateEstimated {
      check(published == now, "an estimated date that is not the first-seen time")
    } else {
      check(
        published >= oldest && published <= now.addingTimeInterval(2 * 86_400), "date out of range")
    }
    if let updated = item.updated {
      check(
        updated >= oldest && updated <= now.addingTimeInterval(2 * 86_400), "update out of range")
    }
  }

  // The normalised JSON is JSON, with every item.
  let json = FeedJSON.encode(feed)
  let object = try? JSONSerialization.jsonObject(with: Data(json)) as? [String: Any]
  check(object != nil, "FeedJSON wrote invalid JSON")
  check((object?["items"] as? [Any])?.count == feed.items.count, "FeedJSON lost items")
  return 0
}
