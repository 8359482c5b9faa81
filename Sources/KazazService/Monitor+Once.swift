import Foundation
import KazazClassify
import KazazModel
import KazazStore
import Logging

extension Monitor {
  /// What `run --once` does: one poll of every feed; the stored items of another profile
  /// version classified again (as the daemon does in the background); then the digest duty the daemon performs
  /// at its digest time (the complete digests owed since the last one, pending deliveries,
  /// retention), so a timer that runs this every few minutes writes every daily digest; then
  /// the digest of the period in progress, marked partial. Returns the cycle's summary and the
  /// partial digest's files.
  public func runOnce(now: @Sendable () -> Date = { Date() }) async throws -> (
    summary: CycleSummary, files: [URL]
  ) {
    let summary = try await refresh()
    try reclassifyStale()
    let moment = now()
    await writeDueDigests(floor: digestFloor(now: moment), now: moment)
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
