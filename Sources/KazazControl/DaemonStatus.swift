import Foundation
import KazazModel

/// The daemon's own account of its state, for `kazaz-monitor status`.
public struct DaemonStatus: Codable, Sendable, Equatable {
  public var pid: Int32
  public var startedAt: Date
  /// The daemon's clock when it answered.
  public var now: Date
  public var configFile: String
  public var storePath: String
  /// A cycle is polling feeds right now.
  public var cycleRunning: Bool
  public var lastCycle: CycleRecord?
  /// When the next configured feed is due (nil: none scheduled).
  public var nextCycleAt: Date?
  public var nextDigestAt: Date?
  /// When the next weekly report is written (nil: weekly reports are off, or a daemon that
  /// predates them).
  public var nextWeeklyReportAt: Date?
  public var items: Int
  public var relevantItems: Int
  public var feeds: [FeedHealth]
  /// The classifier profile's effective version.
  public var profileVersion: String?
  /// The last background reclassification since the daemon started, running or finished.
  public var reclassification: ReclassificationStatus?
  /// The mails of the newest reports and every undelivered one (nil from a daemon that
  /// predates mail delivery).
  public var mail: [MailHealth]?

  public init(
    pid: Int32, startedAt: Date, now: Date, configFile: String, storePath: String,
    cycleRunning: Bool, lastCycle: CycleRecord?, nextCycleAt: Date?, nextDigestAt: Date?,
    items: Int, relevantItems: Int, feeds: [FeedHealth], profileVersion: String? = nil,
    reclassification: ReclassificationStatus? = nil, mail: [MailHealth]? = nil,
    nextWeeklyReportAt: Date? = nil
  ) {
    self.pid = pid
    self.startedAt = startedAt
    self.now = now
    self.configFile = configFile
    self.storePath = storePath
    self.cycleRunning = cycleRunning
    self.lastCycle = lastCycle
    self.nextCycleAt = nextCycleAt
    self.nextDigestAt = nextDigestAt
    self.nextWeeklyReportAt = nextWeeklyReportAt
    self.items = items
    self.relevantItems = relevantItems
    self.feeds = feeds
    self.profileVersion = profileVersion
    self.reclassification = reclassification
    self.mail = mail
  }
}

/// One report's mail to one recipient, as the store records it.
public struct MailHealth: Codable, Sendable, Equatable {
  public var report: String
  public var recipient: String
  /// `held`, `pending`, `sending`, `sent` or `failed` (given up).
  public var state: String
  public var attempts: Int
  public var lastError: String?
  public var lastAttemptAt: Date?
  public var nextAttemptAt: Date?
  public var sentAt: Date?

  public init(
    report: String, recipient: String, state: String, attempts: Int, lastError: String?,
    lastAttemptAt: Date?, nextAttemptAt: Date?, sentAt: Date?
  ) {
    self.report = report
    self.recipient = recipient
    self.state = state
    self.attempts = attempts
    self.lastError = lastError
    self.lastAttemptAt = lastAttemptAt
    self.nextAttemptAt = nextAttemptAt
    self.sentAt = sentAt
  }
}

/// A finished refresh cycle: when, why, and what it did.
public struct CycleRecord: Codable, Sendable, Equatable {
  public var startedAt: Date
  public var finishedAt: Date
  /// `scheduled`, `manual` or `signal`, joined with `+` when requests were coalesced.
  public var trigger: String
  public var report: CycleSummary

  public init(startedAt: Date, finishedAt: Date, trigger: String, report: CycleSummary) {
    self.startedAt = startedAt
    self.finishedAt = finishedAt
    self.trigger = trigger
    self.report = report
  }
}

/// One feed's health, as the store records it.
public struct FeedHealth: Codable, Sendable, Equatable {
  public var id: Int64
  public var url: String
  public var currentURL: String?
  public var title: String?
  public var itemCount: Int
  public var lastStatus: Int?
  public var lastCheckedAt: Date?
  public var lastSuccessAt: Date?
  public var consecutiveFailures: Int
  public var lastError: String?
  public var nextCheckAt: Date?
  public var disabledReason: String?

  public init(
    id: Int64, url: String, currentURL: String?, title: String?, itemCount: Int, lastStatus: Int?,
    lastCheckedAt: Date?, lastSuccessAt: Date?, consecutiveFailures: Int, lastError: String?,
    nextCheckAt: Date?, disabledReason: String?
  ) {
    self.id = id
    self.url = url
    self.currentURL = currentURL
    self.title = title
    self.itemCount = itemCount
    self.lastStatus = lastStatus
    self.lastCheckedAt = lastCheckedAt
    self.lastSuccessAt = lastSuccessAt
    self.consecutiveFailures = consecutiveFailures
    self.lastError = lastError
    self.nextCheckAt = nextCheckAt
    self.disabledReason = disabledReason
  }
}
