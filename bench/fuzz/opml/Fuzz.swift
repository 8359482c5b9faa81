// libFuzzer entry point over OPML import and feed autodiscovery, built by bench/fuzz/run.sh
// (never by SwiftPM). The same bytes are read as an OPML file (`OPML.parse`) and as a web page
// whose announced feeds are collected (`FeedDiscovery.feeds`, against page URLs chosen by the
// input's length).
//
// Promises checked: no trap; every feed read has a URL without surrounding white space, a title
// that is not empty, a category path without empty or padded levels; a URL the import accepts
// (`WebURL.isValid`) is http(s), parses and has a host; writing the feeds and reading them back
// gives the same feeds (a title-less feed takes its URL as title); every feed a page announces,
// and every common feed URL tried on a site, is such a URL.
import Foundation

@testable import KazazModel
@testable import KazazWeb

/// A broken promise: says which on standard error (an optimised `precondition` would not),
/// then traps, which libFuzzer reports as a crash.
private func check(_ condition: Bool, _ message: @autoclosure () -> String) {
  guard !condition else { return }
  FileHandle.standardError.write(Data("broken promise: \(message())\n".utf8))
  fatalError()
}

private let pageURLs = [
  "https://example.kz/news/page.html?a=1#top", "http://[::1]:8080/", "https://example.kz",
  "file:///var/www/index.html", "http://user:pass@example.kz:99999/",
]

/// An http(s) URL with a host that Foundation reads back.
private func checkWeb(_ url: String, _ what: String) {
  check(WebURL.isValid(url), "\(what) is no web URL: \(url)")
  let components = URLComponents(string: url)
  check(["http", "https"].contains(components?.scheme?.lowercased() ?? ""), "\(what): \(url)")
  check(!(components?.host ?? "").isEmpty, "\(what) without host: \(url)")
}

private func key(_ feed: OPMLFeed) -> String {
  [feed.url, feed.title ?? "-", feed.category ?? "-", feed.siteURL ?? "-"].joined(
    separator: "\u{1}")
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let data = Data(bytes: start, count: count)

  if let feeds = try? OPML.parse(data) {
    for feed in feeds {
      check(!feed.url.isEmpty, "a feed without URL")
      check(
        feed.url.trimmingCharacters(in: .whitespacesAndNewlines) == feed.url,
        "URL with white space around it: \(feed.url)")
      check(feed.title.map { !$0.isEmpty } ?? true, "an empty title")
      if let category = feed.category {
        let levels = category.split(separator: "/", omittingEmptySubsequences: false)
        check(
          levels.allSatisfy { !$0.isEmpty && $0.trimmingCharacters(in: .whitespaces) == $0 },
          "category with an empty or padded level: \(category)")
      }
      if WebURL.isValid(feed.url) { checkWeb(feed.url, "imported feed") }
    }
    // Export, then import: the same feeds (folders group them, so compared as sets).
    let written = OPML.write(feeds, title: "fuzz", created: Date(timeIntervalSince1970: 0))
    do {
      let again = try OPML.parse(Data(written.utf8))
      let expected = feeds.map {
        OPMLFeed(url: $0.url, title: $0.title ?? $0.url, category: $0.category, siteURL: $0.siteURL)
      }
      check(
        again.map(key).sorted() == expected.map(key).sorted(),
        "round trip changed the feeds: \(feeds) → \(again)")
    } catch {
      check(false, "an exported file does not import: \(error)")
    }
  }

  let page = HTMLDocument(data: data)
  let pageURL = pageURLs[count % pageURLs.count]
  for feed in FeedDiscovery.feeds(in: page, pageURL: pageURL) {
    checkWeb(feed.url, "announced feed")
  }
  for candidate in FeedDiscovery.commonCandidates(for: pageURL) {
    checkWeb(candidate, "common feed URL")
  }
  _ = FeedDiscovery.looksLikeFeed(data)
  return 0
}
