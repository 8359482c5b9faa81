import Foundation

/// The daemon's background reclassification of stored items after the profile's version changed,
/// as `kazaz-monitor status` shows it.
public struct ReclassificationStatus: Codable, Sendable, Equatable {
  /// The effective profile version the items are classified with.
  public var profileVersion: String
  /// Items whose classification carried another version when the pass began.
  public var total: Int
  /// Items classified again so far.
  public var done: Int
  /// Of those, items whose relevance verdict changed.
  public var changed: Int
  public var startedAt: Date
  /// When the pass ended (every stale item done); nil while it runs.
  public var finishedAt: Date?

  public init(
    profileVersion: String, total: Int, done: Int = 0, changed: Int = 0, startedAt: Date,
    finishedAt: Date? = nil
  ) {
    self.profileVersion = profileVersion
    self.total = total
    self.done = done
    self.changed = changed
    self.startedAt = startedAt
    self.finishedAt = finishedAt
  }

  /// `reclassifying for profile version 10+3f9a0c1e: 1200 of 5000 items (24%), 31 changed verdict`
  public var line: String {
    let percent = total > 0 ? min(100, done * 100 / total) : 100
    let state = finishedAt == nil ? "reclassifying" : "reclassified"
    return
      "\(state) for profile version \(profileVersion): \(done) of \(total) items (\(percent)%), \(changed) changed verdict"
  }
}
