import Foundation

/// A digest file the store knows was written: which day and format, where, and what it covered.
public struct WrittenDigest: Sendable, Equatable {
  public var day: String
  public var format: String
  public var path: String
  public var relevantCount: Int
  public var totalCount: Int
  public var periodStart: Date?
  public var periodEnd: Date?
  /// Written before the period was over (`run --once`); a complete digest replaces it.
  public var isPartial: Bool
  /// The titles of the top stories, for the Atom feed of digests.
  public var headlines: [String]
  public var writtenAt: Date

  public init(
    day: String, format: String, path: String, relevantCount: Int, totalCount: Int,
    periodStart: Date?, periodEnd: Date?, isPartial: Bool, headlines: [String], writtenAt: Date
  ) {
    self.day = day
    self.format = format
    self.path = path
    self.relevantCount = relevantCount
    self.totalCount = totalCount
    self.periodStart = periodStart
    self.periodEnd = periodEnd
    self.isPartial = isPartial
    self.headlines = headlines
    self.writtenAt = writtenAt
  }
}

/// A digest whose delivery command has not succeeded yet.
public struct PendingDelivery: Sendable, Equatable {
  public var day: String
  public var paths: [String]
  public var attempts: Int
  public var lastError: String?
}
