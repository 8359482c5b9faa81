import Foundation

/// A feed as the store knows it: identity, HTTP validators, schedule and health.
public struct FeedState: Sendable, Equatable {
  public var id: Int64
  /// The URL the configuration names: the feed's identity.
  public var url: String
  /// Where the feed is fetched from now: differs from `url` after a permanent redirect.
  public var currentURL: String?
  public var title: String?
  public var etag: String?
  public var lastModified: String?
  public var lastStatus: Int?
  public var lastCheckedAt: Date?
  public var lastSuccessAt: Date?
  public var consecutiveFailures: Int
  public var lastErrorKind: String?
  public var lastError: String?
  /// When the feed is due next; nil means as soon as possible.
  public var nextCheckAt: Date?
  /// Set when the feed is disabled (e.g. 410 Gone): why. Disabled feeds are not polled.
  public var disabledReason: String?
  /// Successful polls in a row that brought nothing new (drives adaptive polling).
  public var unchangedPolls: Int
  public var itemCount: Int
  /// Polls in a row that a process died in the middle of (a crash while processing the feed).
  public var interruptedPolls: Int
  /// Disabled because processing it crashed the process `crashQuarantineThreshold` times in a
  /// row; lifted by `feeds enable` or a change of its config entry.
  public var quarantined: Bool

  public init(
    id: Int64, url: String, currentURL: String? = nil, title: String? = nil, etag: String? = nil,
    lastModified: String? = nil, lastStatus: Int? = nil, lastCheckedAt: Date? = nil,
    lastSuccessAt: Date? = nil, consecutiveFailures: Int = 0, lastErrorKind: String? = nil,
    lastError: String? = nil, nextCheckAt: Date? = nil, disabledReason: String? = nil,
    unchangedPolls: Int = 0, itemCount: Int = 0, interruptedPolls: Int = 0,
    quarantined: Bool = false
  ) {
    self.id = id
    self.url = url
    self.currentURL = currentURL
    self.title = title
    self.etag = etag
    self.lastModified = lastModified
    self.lastStatus = lastStatus
    self.lastCheckedAt = lastCheckedAt
    self.lastSuccessAt = lastSuccessAt
    self.consecutiveFailures = consecutiveFailures
    self.lastErrorKind = lastErrorKind
    self.lastError = lastError
    self.nextCheckAt = nextCheckAt
    self.disabledReason = disabledReason
    self.unchangedPolls = unchangedPolls
    self.itemCount = itemCount
    self.interruptedPolls = interruptedPolls
    self.quarantined = quarantined
  }

  /// The URL to request: the permanent redirect target when there is one.
  public var fetchURL: String { currentURL ?? url }

  /// Failing: this many consecutive failures or more (shown in status and digests).
  public static let failingThreshold = 3

  /// Quarantined: this many polls in a row ended with the process dying while processing it.
  public static let crashQuarantineThreshold = 3

  public var isFailing: Bool { consecutiveFailures >= Self.failingThreshold }
  public var isDisabled: Bool { disabledReason != nil }
}

extension FeedState {
  /// The error kind of a poll answered by the site's bot protection (a challenge page instead
  /// of the feed): stored in `lastErrorKind` like every error kind, shown by `status` and the
  /// digest's feed health, backed off like a 429.
  public static let blockedErrorKind = "http.blocked"

  /// The last poll was answered by the site's bot protection.
  public var isBlocked: Bool { consecutiveFailures > 0 && lastErrorKind == Self.blockedErrorKind }
}
