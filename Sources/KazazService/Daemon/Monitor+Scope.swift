import Foundation
import KazazConfig
import KazazControl
import KazazModel
import KazazStore
import Logging

extension Monitor {
  /// The feeds `scope` selects, in configuration order; disabled feeds are never selected.
  func feeds(in scope: RefreshScope, now: Date, spreadWindow: Duration) throws -> [FeedState] {
    var selected = Set<Int64>()
    if scope.due {
      selected.formUnion(try dueFeeds(now: now, spreadWindow: spreadWindow).map(\.id))
    }
    let configured = try store.registerFeeds(urls: config.feeds.map(\.url), now: now)
    for feed in configured where scope.all || scope.feeds.contains(feed.url) {
      if feed.isDisabled {
        logger.notice(
          "feed is disabled; not polled",
          metadata: ["feed.url": "\(feed.url)", "reason": "\(feed.disabledReason ?? "")"])
      } else {
        selected.insert(feed.id)
      }
    }
    return configured.filter { selected.contains($0.id) }
  }

  /// The configured feed a user means by `reference`: its URL (as configured, or where it
  /// moved), or its store id as `status` shows it.
  func configuredFeed(matching reference: String) throws -> String? {
    let configured = Set(config.feeds.map(\.url))
    if configured.contains(reference) { return reference }
    let id = Int64(reference.hasPrefix("#") ? String(reference.dropFirst()) : reference)
    let match = try store.feeds().first { feed in
      configured.contains(feed.url) && (feed.id == id || feed.currentURL == reference)
    }
    return match?.url
  }
}

extension FeedProgress {
  init(_ report: FeedPollReport) {
    switch report.outcome {
    case .updated:
      self.init(
        feed: report.feedURL, outcome: "updated", newItems: report.commit.inserted,
        relevantItems: report.commit.relevant, error: nil)
    case .notModified:
      self.init(
        feed: report.feedURL, outcome: "unchanged", newItems: 0, relevantItems: 0, error: nil)
    case .failed(_, let message, _):
      self.init(
        feed: report.feedURL, outcome: "failed", newItems: 0, relevantItems: 0, error: message)
    }
  }
}

extension FeedHealth {
  init(_ feed: FeedState) {
    self.init(
      id: feed.id, url: feed.url, currentURL: feed.currentURL, title: feed.title,
      itemCount: feed.itemCount, lastStatus: feed.lastStatus, lastCheckedAt: feed.lastCheckedAt,
      lastSuccessAt: feed.lastSuccessAt, consecutiveFailures: feed.consecutiveFailures,
      lastError: feed.lastError, nextCheckAt: feed.nextCheckAt,
      disabledReason: feed.disabledReason)
  }
}
