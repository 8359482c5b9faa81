import KazazConfig

/// Per-feed polling settings, from the config entry or the defaults.
public struct FeedPolicy: Sendable, Equatable {
  public var interval: Duration
  public var maxResponseBytes: Int?
  /// When new items get the text of their article page.
  public var fullText: FullTextMode

  public init(interval: Duration, maxResponseBytes: Int? = nil, fullText: FullTextMode = .auto) {
    self.interval = interval
    self.maxResponseBytes = maxResponseBytes
    self.fullText = fullText
  }
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
            fullText: $0.fullText)
        )
      }, uniquingKeysWith: { first, _ in first })
  }
}
