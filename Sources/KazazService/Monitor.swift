import Foundation
import KazazClassify
import KazazConfig
import KazazDigest
import KazazFetch
import KazazModel
import KazazParse
import KazazStore
import Logging

/// Everything the daemon and the one-shot commands share, built from a `Config`: the store, the
/// fetcher, the classifier, and the operations on them. Commands call the operations; the
/// store, the fetcher and the classifier stay inside the service layer.
public struct Monitor: Sendable {
  public let config: Config
  let store: Store
  let engine: CurlEngine
  let classifier: Classifier
  public let logger: Logger
  /// The feeds this process is processing, for crash quarantine; only processes that poll
  /// (`preparedForPolling`) keep one.
  public var journal: PollJournal?
  /// Where the poll loop and the schedules read the time and wait for it; a reload keeps it.
  public var clock: any WallClock

  /// The effective classifier profile's version.
  public var profileVersion: String { classifier.profile.version }

  public init(
    config: Config, store: Store, engine: CurlEngine, classifier: Classifier, logger: Logger,
    journal: PollJournal? = nil, clock: any WallClock = SystemClock()
  ) {
    self.config = config
    self.store = store
    self.engine = engine
    self.classifier = classifier
    self.logger = logger
    self.journal = journal
    self.clock = clock
  }

  /// Loads the profile, opens the store and starts the fetch engine.
  public static func open(config: Config, logger: Logger) throws -> Monitor {
    let classifier = try ProfileLoading.classifier(config: config, logger: logger)
    try FileManager.default.createDirectory(
      at: config.stateDirectory, withIntermediateDirectories: true)
    let store = try Store.open(path: config.databasePath.path)
    // Reading the profile's YAML and compiling its automaton leave many small freed blocks; hand
    // them back to the system so a long-running daemon does not carry that peak forever.
    releaseFreedMemory()
    return Monitor(
      config: config, store: store, engine: CurlEngine(settings: config.fetchSettings),
      classifier: classifier, logger: logger)
  }

  /// Opens for the commands that only read the store (search, status, feed health): as `open`,
  /// or read-only when this user may read the store but not write it — an operator in the
  /// service's group, beside a daemon that owns the state directory.
  public static func openForQueries(config: Config, logger: Logger) throws -> Monitor {
    let path = config.databasePath.path
    guard FileManager.default.fileExists(atPath: path),
      access(path, W_OK) != 0 || access(config.stateDirectory.path, W_OK) != 0
    else { return try open(config: config, logger: logger) }
    let profile = try config.loadProfile().profile
    return Monitor(
      config: config, store: try Store.openReadOnly(path: path),
      engine: CurlEngine(settings: config.fetchSettings), classifier: Classifier(profile: profile),
      logger: logger)
  }

  /// The one way a poll cycle starts — `run --once`, the daemon's scheduled cycles, `refresh`
  /// and signals: polls the feeds `scope` selects (default: every configured feed, whatever
  /// its schedule), never the disabled ones. Feeds never polled before are first scheduled
  /// across `spreadWindow` when the scope takes the due feeds, so a large list does not fire at
  /// once. `now` (default: the monitor's clock) decides which feeds are due. An empty summary
  /// when the scope selects none.
  public func refresh(
    _ scope: RefreshScope = .all, now: Date? = nil, spreadWindow: Duration = .seconds(120),
    onReport: (@Sendable (FeedPollReport) -> Void)? = nil
  ) async throws -> CycleSummary {
    let feeds = try feeds(in: scope, now: now ?? clock.now(), spreadWindow: spreadWindow)
    guard !feeds.isEmpty else { return CycleSummary() }
    return await poll(feeds, onReport: onReport)
  }

  /// The configured feeds due at `now`, after scheduling the never-polled ones across
  /// `spreadWindow`.
  func dueFeeds(now: Date, spreadWindow: Duration) throws -> [FeedState] {
    let feeds = try store.registerFeeds(urls: config.feeds.map(\.url), now: now)
    let planner = PollPlanner()
    let fresh = feeds.filter { $0.lastCheckedAt == nil && $0.nextCheckAt == nil && !$0.isDisabled }
    if !fresh.isEmpty {
      try store.schedule(
        Dictionary(
          uniqueKeysWithValues: fresh.map {
            ($0.id, planner.firstCheck(url: $0.url, now: now, window: spreadWindow))
          }))
    }
    return try store.dueFeeds(at: now, among: Set(config.feeds.map(\.url)))
  }

  /// When the next configured feed is due.
  public func nextDueDate() throws -> Date? {
    try store.nextDueDate(among: Set(config.feeds.map(\.url)))
  }

  func poll(
    _ feeds: [FeedState], onReport: (@Sendable (FeedPollReport) -> Void)? = nil
  ) async -> CycleSummary {
    let pipeline = FeedPipeline(
      engine: engine, parser: FeedParser(maxDocumentBytes: config.fetch.maxResponseBytes),
      classifier: classifier, store: store, journal: journal)
    return await RefreshCycle(pipeline: pipeline).run(
      feeds: feeds, policies: config.feedPolicies,
      defaultPolicy: FeedPolicy(interval: config.pollInterval), logger: logger,
      now: { [clock] in clock.now() }, onReport: onReport)
  }

  public func shutdown() {
    engine.shutdown()
    journal?.close()
  }
}
