import Foundation
import KazazConfig
import KazazModel
import KazazStore
import Logging

extension Monitor {
  /// For the processes that poll (the daemon and `run --once`): opens this process's poll
  /// journal, charges the feeds that earlier processes died while processing, quarantines those
  /// that did so `FeedState.crashQuarantineThreshold` times in a row, and gives quarantined
  /// feeds whose config entry changed another chance. Each step is logged.
  public func preparedForPolling(now: Date = Date()) throws -> Monitor {
    let (journal, leftovers) = try PollJournal.open(stateDirectory: config.stateDirectory)
    var monitor = self
    monitor.journal = journal
    try monitor.applyQuarantineRules(leftovers, now: now)
    return monitor
  }

  /// Applies what the journals of dead processes show, and the config's changed entries.
  func applyQuarantineRules(_ leftovers: PollJournal.Leftovers, now: Date) throws {
    let fingerprints = config.feedFingerprints
    for feed in try store.releaseQuarantines(settings: fingerprints) {
      logger.notice(
        "feed's config entry changed; quarantine lifted", metadata: ["feed.url": "\(feed.url)"])
    }
    let named = leftovers.culprits.union(leftovers.crashed).union(leftovers.killed)
    guard !named.isEmpty else { return }
    let feeds = Dictionary(
      try store.feeds().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    func urls(_ ids: Set<Int64>) -> String {
      "\(ids.sorted().map { feeds[$0]?.url ?? "#\($0)" })"
    }
    if !leftovers.culprits.isEmpty {
      logger.error(
        "the previous process crashed while processing these feeds",
        metadata: ["feeds": "\(urls(leftovers.culprits))"])
    }
    if !leftovers.crashed.isEmpty {
      logger.error(
        "the previous process crashed or was aborted while processing these feeds, among others",
        metadata: ["feeds": "\(urls(leftovers.crashed))"])
    }
    if !leftovers.killed.isEmpty {
      logger.notice(
        "the previous process was killed while processing these feeds; not counted against them",
        metadata: ["feeds": "\(urls(leftovers.killed))"])
    }
    for feed in try store.recordInterruptedPolls(
      leftovers.charged, settings: fingerprints, now: now)
    {
      logger.critical(
        "feed quarantined: processing it ended the process repeatedly; the other feeds go on",
        metadata: ["feed.url": "\(feed.url)", "reason": "\(feed.disabledReason ?? "")"])
    }
  }
}

extension Monitor {
  /// Enables a disabled feed named by its URL (as configured, or where it moved), its title in
  /// the config, or its id (`#N` in `status`). Returns the feed as it was before, or nil when
  /// no configured feed matches.
  public func enableFeed(matching reference: String) throws -> FeedState? {
    let byTitle = config.feeds.first { $0.title == reference }?.url
    guard let url = try byTitle ?? configuredFeed(matching: reference),
      let feed = try store.feeds().first(where: { $0.url == url })
    else { return nil }
    try store.enableFeed(id: feed.id)
    logger.notice(
      "feed enabled", metadata: ["feed.url": "\(url)", "was": "\(feed.disabledReason ?? "")"])
    return feed
  }
}
