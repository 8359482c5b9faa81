import KazazConfig

/// Per-feed polling settings, from the config entry or the defaults.
public struct FeedPolicy: Sendable, Equatable {
  public var interval: Duration
  public var maxResponseBytes: Int?

  public init(interval: Duration, maxResponseBytes: Int? = nil) {
    self.interval = interval
    self.maxResponseBytes = maxResponseBytes
  }
}

extension Config {
  /// The policy of each configured feed, by URL.
  public var feedPolicies: [String: FeedPolicy] {
    Dictionary(
      feeds.map {
        (
          $0.url,
          FeedPolicy(interval: $0.interval ?? pollInterval, maxResponseBytes: $0.maxResponseBytes)
        )
      }, uniquingKeysWith: { first, _ in first })
  }
}
