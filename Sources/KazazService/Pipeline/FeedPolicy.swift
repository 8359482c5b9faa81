import KazazConfig
import KazazFetch

/// Per-feed polling settings, from the config entry or the defaults.
public struct FeedPolicy: Sendable, Equatable {
  public var interval: Duration
  public var maxResponseBytes: Int?
  /// When new items get the text of their article page.
  public var fullText: FullTextMode
  /// The feed's language, asked for first in `Accept-Language` (`AcceptLanguage`).
  public var language: String?

  public init(
    interval: Duration, maxResponseBytes: Int? = nil, fullText: FullTextMode = .auto,
    language: String? = nil
  ) {
    self.interval = interval
    self.maxResponseBytes = maxResponseBytes
    self.fullText = fullText
    self.language = language
  }

  /// The `Accept-Language` of the feed's requests and its article pages'.
  public var acceptLanguage: String { AcceptLanguage.header(for: language) }
}

extension Config {
  /// The policy of each configured feed, by URL.
  public var feedPolicies: [String: FeedPolicy] {
    Dictionary(
      feeds.map {
        (
          $0.url,
          FeedPolicy(
            interval: $0.interval ?? pollInterval, maxResponseBytes: $0.maxResponseBytes,
            fullText: $0.fullText, language: $0.language)
        )
      }, uniquingKeysWith: { first, _ in first })
  }
}
