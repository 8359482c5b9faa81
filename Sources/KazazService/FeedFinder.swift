import Foundation
import KazazFetch
import KazazModel
import KazazParse
import KazazSources

/// Finds the feed behind a URL an analyst gives: the URL itself when it is a feed, else the
/// feeds its page announces (`<link rel="alternate">`, best first), else the common feed paths
/// on its site (`/feed`, `/rss`, `/rss.xml` …). A candidate counts only when it fetches and
/// parses as a feed.
public struct FeedFinder: Sendable {
  public let engine: CurlEngine
  public let parser: FeedParser

  public init(engine: CurlEngine, parser: FeedParser = FeedParser()) {
    self.engine = engine
    self.parser = parser
  }

  /// A feed that was found and parsed.
  public struct Found: Sendable {
    public var url: String
    public var status: Int
    public var feed: ParsedFeed
    /// How it was found: `direct`, `link` (announced by the page) or `common-path`.
    public var via: String
  }

  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  public func find(_ url: String) async throws(Failure) -> Found {
    let response: FetchResponse
    do {
      response = try await engine.fetch(FetchRequest(url: url))
    } catch {
      throw Failure(description: "\(url): \(error)")
    }
    guard (200..<300).contains(response.status) else {
      throw Failure(description: "\(url): HTTP \(response.status)")
    }
    if let feed = parse(response) {
      return Found(url: url, status: response.status, feed: feed, via: "direct")
    }
    var tried: [String] = []
    let page = HTMLDocument(data: response.body, httpCharset: response.charset)
    let announced = FeedDiscovery.feeds(in: page, pageURL: response.effectiveURL).map(\.url)
    for candidate in announced where !tried.contains(candidate) {
      tried.append(candidate)
      if let found = await attempt(candidate, via: "link") { return found }
    }
    for candidate in FeedDiscovery.commonCandidates(for: response.effectiveURL)
    where !tried.contains(candidate) {
      tried.append(candidate)
      if let found = await attempt(candidate, via: "common-path") { return found }
    }
    throw Failure(
      description: "\(url): no feed found (the page announces none that parses; tried "
        + "\(tried.joined(separator: ", ")))")
  }

  private func attempt(_ url: String, via: String) async -> Found? {
    guard let response = try? await engine.fetch(FetchRequest(url: url)),
      (200..<300).contains(response.status), let feed = parse(response)
    else { return nil }
    return Found(url: url, status: response.status, feed: feed, via: via)
  }

  /// The response as a feed, or nil when it is a web page or unreadable.
  private func parse(_ response: FetchResponse) -> ParsedFeed? {
    let type = response.header("content-type")?.lowercased() ?? ""
    guard
      FeedDiscovery.looksLikeFeed(response.body) || type.contains("rss")
        || type.contains("atom") || type.contains("feed+json")
    else { return nil }
    return try? parser.parse(
      response.body, baseURL: response.effectiveURL, httpCharset: response.charset)
  }
}
