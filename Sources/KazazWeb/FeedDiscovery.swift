import Foundation
import KazazModel

/// A feed a web page announces.
public struct DiscoveredFeed: Sendable, Equatable {
  public var url: String
  public var title: String?
  /// The announced media type, lower-cased (`application/rss+xml` …).
  public var type: String

  public init(url: String, title: String?, type: String) {
    self.url = url
    self.title = title
    self.type = type
  }
}

/// Feed autodiscovery: the feeds a page lists in `<link rel="alternate">`, and the paths sites
/// commonly serve feeds at when a page lists none.
public enum FeedDiscovery {
  static let feedTypes = [
    "application/rss+xml", "application/atom+xml", "application/feed+json",
    "application/json", "application/rdf+xml", "application/xml", "text/xml",
  ]

  /// Paths tried, in order, on the site's origin when its page announces no feed.
  public static let commonPaths = [
    "/feed", "/rss", "/rss.xml", "/feed.xml", "/atom.xml", "/index.rss", "/feed/", "/rss/",
  ]

  /// The feeds announced by `page` (fetched from `pageURL`), absolute, without duplicates, best
  /// first: RSS and Atom before JSON, and site feeds before comment feeds.
  public static func feeds(in page: HTMLDocument, pageURL: String) -> [DiscoveredFeed] {
    let base =
      page.root.first("base")?["href"].flatMap { URL(string: $0, relativeTo: URL(string: pageURL)) }
      ?? URL(string: pageURL)
    var found: [DiscoveredFeed] = []
    for link in page.root.descendants(where: { $0.name == "link" || $0.name == "a" }) {
      let rel = (link["rel"] ?? "").lowercased().split(separator: " ")
      guard rel.contains("alternate"), let type = link["type"]?.lowercased(),
        feedTypes.contains(where: { type.hasPrefix($0) }),
        let href = link["href"]?.trimmingCharacters(in: .whitespacesAndNewlines), !href.isEmpty,
        let absolute = URL(string: href, relativeTo: base)?.absoluteURL.absoluteString,
        // The page's choice: only http(s) with a host (`http:feed` is relative to nothing),
        // never a file or another scheme; the config takes exactly these.
        WebURL.isValid(absolute)
      else { continue }
      guard !found.contains(where: { $0.url == absolute }) else { continue }
      found.append(
        DiscoveredFeed(
          url: absolute, title: link["title"].flatMap { ArticleMetadata.clean($0) },
          type: type))
    }
    return found.enumerated().sorted { lhs, rhs in
      let left = rank(lhs.element)
      let right = rank(rhs.element)
      return left != right ? left < right : lhs.offset < rhs.offset
    }.map(\.element)
  }

  private static func rank(_ feed: DiscoveredFeed) -> Int {
    let text = (feed.url + " " + (feed.title ?? "")).lowercased()
    let isComments =
      text.contains("comment") || text.contains("коммент") || text.contains("/comments")
    let typeRank =
      feed.type.contains("rss") || feed.type.contains("atom") || feed.type.contains("rdf")
      ? 0 : 1
    return (isComments ? 10 : 0) + typeRank
  }

  /// The common feed URLs on the origin of `pageURL`, in the order to try them; none unless
  /// the page came over http(s) (a `file:` page's "origin" is the machine's own files).
  public static func commonCandidates(for pageURL: String) -> [String] {
    guard var components = URLComponents(string: pageURL), components.host != nil,
      ["http", "https"].contains(components.scheme?.lowercased() ?? "")
    else {
      return []
    }
    components.query = nil
    components.fragment = nil
    return commonPaths.map {
      components.path = $0
      return components.string ?? ""
    }.filter { !$0.isEmpty }
  }

  /// True when the bytes look like a feed rather than a web page (a cheap check before parsing).
  public static func looksLikeFeed(_ data: Data) -> Bool {
    let head = String(decoding: data.prefix(1024), as: UTF8.self).lowercased()
    if head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf") {
      return true
    }
    let trimmed = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
    return trimmed.hasPrefix("{") && head.contains("jsonfeed.org")
  }
}
