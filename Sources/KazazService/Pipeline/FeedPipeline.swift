import Foundation
import KazazClassify
import KazazFetch
import KazazModel
import KazazParse
import KazazStore
import Logging

/// One feed, one poll: fetch → parse → full article text where wanted → classify the new items → plan the next poll → commit,
/// as one unit of work. Any failure becomes the feed's recorded state; nothing escapes to stop
/// the cycle.
public struct FeedPipeline: Sendable {
  public let engine: CurlEngine
  public let parser: FeedParser
  public let classifier: Classifier
  public let store: Store
  public let planner = PollPlanner()
  /// Where the CPU stages of each poll are marked, so a crash is charged to its feed.
  public let journal: PollJournal?
  /// The polls of one pipeline (one cycle) share their commits' transactions while the writer
  /// is busy.
  let commits: CommitGroup

  public init(
    engine: CurlEngine, parser: FeedParser, classifier: Classifier, store: Store,
    journal: PollJournal? = nil
  ) {
    self.engine = engine
    self.parser = parser
    self.classifier = classifier
    self.store = store
    self.journal = journal
    commits = CommitGroup(store: store)
  }

  /// Polls `feed` and commits the result. Returns what the poll did, for the cycle summary.
  public func poll(
    _ feed: FeedState, policy: FeedPolicy, logger: Logger, now: @Sendable () -> Date = Date.init
  ) async -> FeedPollReport {
    var logger = logger
    logger[metadataKey: "feed.url"] = "\(feed.fetchURL)"
    var (result, observation) = await produce(feed, policy: policy, logger: logger, now: now)
    // A transfer aborted by shutdown says nothing about the feed: record nothing.
    if case .failed(let kind, _, _) = result.outcome, kind == FetchError.cancelled.kind {
      return FeedPollReport(feedURL: feed.url, outcome: result.outcome, commit: PollCommit())
    }
    let plan = planner.plan(
      observation: observation, interval: policy.interval,
      failuresBefore: feed.consecutiveFailures, unchangedBefore: feed.unchangedPolls,
      changed: !result.items.isEmpty, now: result.checkedAt, jitter: Double.random(in: -1...1))
    result.nextCheckAt = plan.nextCheckAt
    result.disabledReason = plan.disabledReason
    if let reason = plan.disabledReason {
      logger.warning("feed disabled", metadata: ["reason": "\(reason)"])
    }
    if let movedTo = result.movedTo {
      logger.notice(
        "feed moved permanently; polling its new address", metadata: ["to": "\(movedTo)"])
    }
    do {
      let commit = try await commits.commit(result)
      logger.debug(
        "feed polled",
        metadata: ["items.new": "\(commit.inserted)", "items.relevant": "\(commit.relevant)"])
      return FeedPollReport(feedURL: feed.url, outcome: result.outcome, commit: commit)
    } catch {
      logger.error("cannot store the poll result", metadata: ["error": "\(error)"])
      return FeedPollReport(
        feedURL: feed.url,
        outcome: .failed(kind: "store.write", message: "\(error)", status: nil),
        commit: PollCommit())
    }
  }

  /// One poll's steps: fetch, answers that carry no feed (304, bot protection, an error
  /// status), parse, then the new items with their article pages, classified.
  private func produce(
    _ feed: FeedState, policy: FeedPolicy, logger: Logger, now: @Sendable () -> Date
  ) async -> (FeedPollResult, PollPlanner.Observation) {
    let response: FetchResponse
    switch await fetch(feed, policy: policy, logger: logger, now: now) {
    case .proceed(let fetched): response = fetched
    case .stop(let failed): return (failed, .init(status: nil, failed: true))
    }
    let checkedAt = now()
    // From here to the classification, the work is on bytes the publisher chose: marked in the
    // journal, so a crash in it is charged to this feed (crash quarantine).
    let mark = ProcessingMark(journal: journal, feedID: feed.id)
    var observation = mark.run {
      PollPlanner.Observation(
        status: response.status, failed: false, retryAfter: response.retryAfter(now: checkedAt),
        cacheMaxAge: response.cacheMaxAge)
    }
    if let answer = answerWithoutFeed(feed, response, checkedAt, &observation, mark, logger) {
      return (answer, observation)
    }
    let parsed: ParsedFeed
    switch parse(feed, response, checkedAt, &observation, mark, logger) {
    case .proceed(let feed): parsed = feed
    case .stop(let failed): return (failed, observation)
    }
    // Clamped before any multiplication: a <ttl> of 10^18 minutes is a day, not an overflow.
    observation.ttl = PollPlanner.ttl(minutes: parsed.ttlMinutes)
    let incoming = await newItems(
      of: parsed, feed: feed, policy: policy, response: response, checkedAt: checkedAt,
      mark: mark, logger: logger)
    return (
      FeedPollResult(
        feedID: feed.id, checkedAt: checkedAt,
        outcome: .updated(
          status: response.status, etag: response.etag, lastModified: response.lastModified,
          warnings: parsed.warnings),
        feedTitle: parsed.title, items: incoming, movedTo: response.permanentlyMovedTo),
      observation
    )
  }

  /// A step's result: go on with a value, or stop with the poll's result.
  private enum Step<Value> {
    case proceed(Value)
    case stop(FeedPollResult)
  }

  private func fetch(
    _ feed: FeedState, policy: FeedPolicy, logger: Logger, now: @Sendable () -> Date
  ) async -> Step<FetchResponse> {
    let request = FetchRequest(
      url: feed.fetchURL, etag: feed.etag, lastModified: feed.lastModified,
      maxResponseBytes: policy.maxResponseBytes, acceptLanguage: policy.acceptLanguage)
    do {
      return .proceed(try await engine.fetch(request))
    } catch {
      let failure = (error as? FetchError) ?? .transport(code: -1, message: "\(error)")
      logFailure(feed, "fetch failed", failure.description, logger)
      return .stop(
        FeedPollResult(
          feedID: feed.id, checkedAt: now(),
          outcome: .failed(kind: failure.kind, message: failure.description, status: nil)))
    }
  }

  /// The result of a response that carries no feed to read: 304 Not Modified, the site's bot
  /// protection, an error status; nil for a 2xx to parse. Notes a permanent redirect that is
  /// followed for this poll only.
  private func answerWithoutFeed(
    _ feed: FeedState, _ response: FetchResponse, _ checkedAt: Date,
    _ observation: inout PollPlanner.Observation, _ mark: ProcessingMark, _ logger: Logger
  ) -> FeedPollResult? {
    if let downgrade = response.permanentMoveDowngrade {
      logger.notice(
        "permanent redirect followed for this poll only; the feed's address is kept",
        metadata: ["reason": "\(downgrade)"])
    }
    if response.isNotModified {
      return FeedPollResult(
        feedID: feed.id, checkedAt: checkedAt, outcome: .notModified(status: 304),
        movedTo: response.permanentlyMovedTo)
    }
    if let blocked = blockedResult(feed, response, checkedAt, &observation, mark, logger) {
      return blocked
    }
    guard (200..<300).contains(response.status) else {
      observation.failed = true
      let message = "HTTP \(response.status) from \(response.effectiveURL)"
      logFailure(feed, "feed answered with an error status", message, logger)
      return FeedPollResult(
        feedID: feed.id, checkedAt: checkedAt,
        outcome: .failed(
          kind: "http.\(response.status)", message: message, status: response.status))
    }
    return nil
  }

  private func parse(
    _ feed: FeedState, _ response: FetchResponse, _ checkedAt: Date,
    _ observation: inout PollPlanner.Observation, _ mark: ProcessingMark, _ logger: Logger
  ) -> Step<ParsedFeed> {
    let parsed: ParsedFeed
    do {
      parsed = try mark.run { () throws(ParseError) -> ParsedFeed in
        FaultInjection.trapIfRequested(by: response.body)
        return try parser.parse(
          response.body, baseURL: response.effectiveURL, httpCharset: response.charset,
          now: checkedAt)
      }
    } catch {
      observation.failed = true
      if let challenge = mark.run({ response.botChallenge }) {
        return .stop(blocked(feed, challenge, response, checkedAt, &observation, logger))
      }
      logFailure(feed, "feed could not be parsed", error.description, logger)
      return .stop(
        FeedPollResult(
          feedID: feed.id, checkedAt: checkedAt,
          outcome: .failed(kind: error.kind, message: error.description, status: response.status)))
    }
    if !parsed.warnings.isEmpty {
      logger.notice(
        "feed is degraded; recovered what could be read",
        metadata: ["warnings": "\(parsed.warnings.count)", "first": "\(parsed.warnings[0])"])
    }
    return .proceed(parsed)
  }

  /// The items not stored before, with their article pages where the policy asks, classified.
  private func newItems(
    of parsed: ParsedFeed, feed: FeedState, policy: FeedPolicy, response: FetchResponse,
    checkedAt: Date, mark: ProcessingMark, logger: Logger
  ) async -> [IncomingItem] {
    let known =
      (try? await StoreWork.read { [store, id = feed.id] in try store.knownGUIDs(feedID: id) })
      ?? []
    let fresh = parsed.items.filter { !known.contains($0.id) }
    var articles = ArticleFetcher(engine: engine, classifier: classifier)
    articles.mark = mark
    let enriched = await articles.enrich(
      fresh, mode: policy.fullText, maxResponseBytes: policy.maxResponseBytes,
      acceptLanguage: policy.acceptLanguage,
      home: response.origin, now: checkedAt, logger: logger)
    return mark.run {
      enriched.map { item in
        ItemIndexing.incoming(
          item, classification: classifier.classify(title: item.title ?? "", body: item.bodyText))
      }
    }
  }

  /// An error status that is the site's bot protection answering (`BotChallenge`), as a failed
  /// poll of its own kind; nil for any other response. A 2xx is judged only once its body
  /// fails to parse, since a feed is never a challenge.
  private func blockedResult(
    _ feed: FeedState, _ response: FetchResponse, _ checkedAt: Date,
    _ observation: inout PollPlanner.Observation, _ mark: ProcessingMark, _ logger: Logger
  ) -> FeedPollResult? {
    guard !(200..<300).contains(response.status),
      let challenge = mark.run({ response.botChallenge })
    else { return nil }
    return blocked(feed, challenge, response, checkedAt, &observation, logger)
  }

  private func blocked(
    _ feed: FeedState, _ challenge: BotChallenge, _ response: FetchResponse, _ checkedAt: Date,
    _ observation: inout PollPlanner.Observation, _ logger: Logger
  ) -> FeedPollResult {
    observation.failed = true
    observation.blocked = true
    let message = "\(challenge.description) from \(response.effectiveURL)"
    logFailure(feed, "feed blocked by the site's bot protection", message, logger)
    return FeedPollResult(
      feedID: feed.id, checkedAt: checkedAt,
      outcome: .failed(
        kind: FeedState.blockedErrorKind, message: message, status: response.status))
  }

  /// The first failure of a run of failures is a warning; repeats are debug, so a feed that
  /// stays down does not flood the journal. Crossing the failing threshold warns once more.
  private func logFailure(
    _ feed: FeedState, _ message: Logger.Message, _ reason: String, _ logger: Logger
  ) {
    // Saturating: a corrupt count at Int.max must not trap the poll that reports it.
    let failures = feed.consecutiveFailures < Int.max ? feed.consecutiveFailures + 1 : Int.max
    let level: Logger.Level =
      failures == 1 || failures == FeedState.failingThreshold ? .warning : .debug
    logger.log(
      level: level, message, metadata: ["error": "\(reason)", "failures": "\(failures)"])
  }
}

/// What one poll did, for logs and the cycle summary.
public struct FeedPollReport: Sendable {
  public var feedURL: String
  public var outcome: FeedPollResult.Outcome
  public var commit: PollCommit

  public var failed: Bool {
    if case .failed = outcome { return true }
    return false
  }
}
