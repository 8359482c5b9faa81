import Foundation
import KazazFetch
import KazazModel
import KazazParse
import KazazWeb

/// Finds the feed behind a URL an analyst gives: the URL itself when it is a feed, else the
/// feeds its page announces (`<link rel="alternate">`, best first), else the common feed paths
/// on its site (`/feed`, `/rss`, `/rss.xml` …). A candidate counts only when it fetches and
/// parses as a feed.
///
/// The URL given is the operator's and may be anything the engine fetches; the candidates are
/// the page's choice, so they must be http(s) (a page announcing `file:///etc/passwd` reads no
/// file and puts none in the config) and are fetched under the address policy, with the
/// page's own server as the one non-public endpoint they may reach.
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
    /// The server the feed came from (`FetchResponse.origin`): its own article pages may be
    /// fetched there even when it is not public.
    public var origin: Endpoint?
  }

  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  /// - Parameter language: the language to ask for first (`AcceptLanguage`), when known.
  public func find(_ url: String, language: String? = nil) async throws(Failure) -> Found {
    let acceptLanguage = AcceptLanguage.header(for: language)
    let response: FetchResponse
    do {
      response = try await engine.fetch(FetchRequest(url: url, acceptLanguage: acceptLanguage))
    } catch {
      throw Failure(description: "\(url): \(error)")
    }
    if !(200..<300).contains(response.status), let challenge = response.botChallenge {
      throw Failure(description: "\(url): \(challenge)")
    }
    guard (200..<300).contains(response.status) else {
      throw Failure(description: "\(url): HTTP \(response.status)")
    }
    if let feed = parse(response) {
      return Found(
        url: url, status: response.status, feed: feed, via: "direct", origin: response.origin)
    }
    var tried: [String] = []
    var refused: [String] = []
    let policy = AddressPolicy(purpose: "feed candidate", home: response.origin)
    let page = HTMLDocument(data: response.body, httpCharset: response.charset)
    let announced = FeedDiscovery.feeds(in: page, pageURL: response.effectiveURL).map(\.url)
    for candidate in announced where !tried.contains(candidate) {
      tried.append(candidate)
      if let found = await attempt(
        candidate, via: "link", policy: policy, acceptLanguage: acceptLanguage,
        refused: &refused)
      {
        return found
      }
    }
    for candidate in FeedDiscovery.commonCandidates(for: response.effectiveURL)
    where !tried.contains(candidate) {
      tried.append(candidate)
      if let found = await attempt(
        candidate, via: "common-path", policy: policy, acceptLanguage: acceptLanguage,
        refused: &refused)
      {
        return found
      }
    }
    let refusals = refused.isEmpty ? "" : "; " + refused.joined(separator: "; ")
    throw Failure(
      description: "\(url): no feed found (the page announces none that parses; tried "
        + "\(tried.joined(separator: ", "))\(refusals))")
  }

  /// One candidate: only http(s), under the address policy. A refusal is kept for the message.
  private func attempt(
    _ url: String, via: String, policy: AddressPolicy, acceptLanguage: String,
    refused: inout [String]
  ) async -> Found? {
    let scheme = url.prefix { $0 != ":" }.lowercased()
    guard scheme == "http" || scheme == "https" else { return nil }
    let response: FetchResponse
    do {
      response = try await engine.fetch(
        FetchRequest(url: url, addressPolicy: policy, acceptLanguage: acceptLanguage))
    } catch FetchError.addressRefused(let refusal) {
      refused.append(refusal.description)
      return nil
    } catch {
      return nil
    }
    guard (200..<300).contains(response.status), let feed = parse(response) else { return nil }
    return Found(
      url: url, status: response.status, feed: feed, via: via, origin: response.origin)
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
