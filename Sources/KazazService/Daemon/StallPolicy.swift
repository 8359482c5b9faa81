import Foundation
import KazazConfig

/// When a running refresh cycle counts as wedged, for the systemd watchdog: no poll has
/// completed for longer than the slowest poll can legitimately take — its feed fetch and up to
/// `ArticleFetcher.defaultMaxPerPoll` article fetches, one after another, each up to the fetch
/// timeout — plus two minutes to parse, classify and commit. With the defaults (30 s) that is
/// 7.5 minutes. Polls run many at a time, so a cycle that progresses completes one far more
/// often; a cycle stuck in a deadlock or a hung system call completes none.
struct StallPolicy: Sendable, Equatable {
  var limit: TimeInterval

  init(fetchTimeout: Duration, articlesPerPoll: Int = ArticleFetcher.defaultMaxPerPoll) {
    let timeout =
      Double(fetchTimeout.components.seconds) + Double(fetchTimeout.components.attoseconds) / 1e18
    limit = timeout * Double(1 + articlesPerPoll) + 120
  }

  init(config: Config) {
    self.init(fetchTimeout: config.fetch.timeout)
  }

  /// Healthy unless a cycle runs and has gone `limit` without completing a poll.
  func isHealthy(timeWithoutProgress: TimeInterval?) -> Bool {
    guard let idle = timeWithoutProgress else { return true }
    return idle < limit
  }
}
