import Foundation

extension Monitor {
  /// What `run --once` does: one poll of every feed; then the digest duty the daemon performs
  /// at its digest time (the complete digests owed since the last one, pending deliveries,
  /// retention), so a timer that runs this every few minutes writes every daily digest; then
  /// the digest of the period in progress, marked partial. Returns the cycle's summary and the
  /// partial digest's files.
  public func runOnce(now: @Sendable () -> Date = { Date() }) async throws -> (
    summary: CycleSummary, files: [URL]
  ) {
    let summary = try await refresh()
    let moment = now()
    await writeDueDigests(floor: digestFloor(now: moment), now: moment)
    return (summary, try writeDigest(now: moment))
  }
}
