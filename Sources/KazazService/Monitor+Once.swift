import Foundation
import KazazClassify
import KazazModel
import KazazStore
import Logging

extension Monitor {
  /// What `run --once` does: one poll of every feed; the stored items of another profile
  /// version classified again (as the daemon does in the background); then the digest duty the
  /// daemon performs at its digest time (the complete digests and weekly reports owed since the
  /// last ones, pending deliveries, retention), so a timer that runs this every few minutes
  /// writes every daily digest and weekly report; then the digest of the period in progress,
  /// marked partial. Returns the cycle's summary and the partial digest's files. `now` defaults
  /// to the monitor's clock.
  public func runOnce(now: (@Sendable () -> Date)? = nil) async throws -> (
    summary: CycleSummary, files: [URL]
  ) {
    let summary = try await refresh()
    try reclassifyStale()
    let moment = now?() ?? clock.now()
    await writeDueReports(now: moment)
    return (summary, try writeDigest(now: moment))
  }

  /// Classifies again, in batches, the stored items whose classification carries another
  /// profile version than the classifier's, and logs it.
  func reclassifyStale() throws {
    let version = classifier.profile.version
    let stale = try store.staleClassificationCount(version: version)
    guard stale > 0 else { return }
    logger.notice(
      "profile version changed; classifying stored items again",
      metadata: ["profile.version": "\(version)", "items": "\(stale)"])
    let done = try Reclassification.run(store: store, classifier: classifier, all: false)
    logger.notice(
      "stored items classified again",
      metadata: [
        "profile.version": "\(version)", "items": "\(done.items)", "changed": "\(done.changed)",
      ])
  }
}
