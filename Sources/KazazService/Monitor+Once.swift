import Foundation
import KazazModel

extension Monitor {
  /// What `run --once` does: one poll of every feed; then the digest duty the daemon performs
  /// at its digest time (the complete digests and weekly reports owed since the last ones,
  /// pending deliveries, retention), so a timer that runs this every few minutes writes every
  /// daily digest and weekly report; then the digest of the period in progress, marked partial.
  /// Returns the cycle's summary and the partial digest's files. `now` defaults to the
  /// monitor's clock.
  public func runOnce(now: (@Sendable () -> Date)? = nil) async throws -> (
    summary: CycleSummary, files: [URL]
  ) {
    let summary = try await refresh()
    let moment = now?() ?? clock.now()
    await writeDueReports(now: moment)
    return (summary, try writeDigest(now: moment))
  }
}
