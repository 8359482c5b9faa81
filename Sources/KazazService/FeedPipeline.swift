import Foundation
import KazazClassify
import KazazFetch
import KazazModel
import KazazParse
import KazazStore
import Logging

/// One feed, one poll: fetch → parse → classify the new items → commit, as one unit of work.
/// Any failure becomes the feed's recorded state; nothing escapes to stop the cycle.
public struct FeedPipeline: Sendable {
  public let engine: CurlEngine
  public let parser: FeedParser
  public let classifier: Classifier
  public let store: Store

  public init(engine: CurlEngine, parser: FeedParser, classifier: Classifier, store: Store) {
    self.engine = engine
    self.parser = parser
    self.classifier = classifier
    self.store = store
  }

  /// Polls `feed` and commits the result. Returns what the poll did, for the cycle summary.
  public func poll(_ feed: FeedState, logger: Logger, now: @Sendable () -> Date = Date.init) async
    -> FeedPollReport
  {
    var logger = logger
    logger[metadataKey: "feed.url"] = "\(feed.url)"
    let result = await produce(feed, logger: logger, now: now)
    do {
      let commit = try store.commit(result)
      let report = FeedPollReport(feedURL: feed.url, outcome: result.outcome, commit: commit)
      logger.debug(
        "feed polled",
        metadata: ["items.new": "\(commit.inserted)", "items.relevant": "\(commit.relevant)"])
      return report
    } catch {
      logger.error("cannot store the poll result", metadata: ["error": "\(error)"])
      return FeedPollReport(
        feedURL: feed.url,
        outcome: .failed(kind: "store.write", message: "\(error)", status: nil),
        commit: PollCommit())
    }
  }

  private func produce(_ feed: FeedState, logger: Logger, now: @Sendable () -> Date) async
    -> FeedPollResult
  {
    let request = FetchRequest(url: feed.url, etag: feed.etag, lastModified: feed.lastModified)
    let response: FetchResponse
    do {
      response = try await engine.fetch(request)
    } catch let error as FetchError {
      logger.warning("fetch failed", metadata: ["error": "\(error)"])
      return FeedPollResult(
        feedID: feed.id, checkedAt: now(),
        outcome: .failed(kind: error.kind, message: error.description, status: nil))
    } catch {
      return FeedPollResult(
        feedID: feed.id, checkedAt: now(),
        outcome: .failed(kind: "fetch.unknown", message: "\(error)", status: nil))
    }
    if response.isNotModified {
      return FeedPollResult(feedID: feed.id, checkedAt: now(), outcome: .notModified(status: 304))
    }
    guard (200..<300).contains(response.status) else {
      let message = "HTTP \(response.status) from \(response.effectiveURL)"
      logger.warning(
        "feed answered with an error status", metadata: ["http.status": "\(response.status)"])
      return FeedPollResult(
        feedID: feed.id, checkedAt: now(),
        outcome: .failed(kind: "http.\(response.status)", message: message, status: response.status)
      )
    }
    let parsed: ParsedFeed
    do {
      parsed = try parser.parse(
        response.body, baseURL: response.effectiveURL, httpCharset: response.charset, now: now())
    } catch {
      logger.warning("feed could not be parsed", metadata: ["error": "\(error)"])
      return FeedPollResult(
        feedID: feed.id, checkedAt: now(),
        outcome: .failed(kind: error.kind, message: error.description, status: response.status))
    }
    if !parsed.warnings.isEmpty {
      logger.notice(
        "feed is degraded; recovered what could be read",
        metadata: ["warnings": "\(parsed.warnings.count)", "first": "\(parsed.warnings[0])"])
    }
    let known = (try? store.knownGUIDs(feedID: feed.id)) ?? []
    let incoming = parsed.items.filter { !known.contains($0.id) }.map { item in
      IncomingItem(
        item: item, canonicalURL: CanonicalURL.make(item.link),
        classification: classifier.classify(title: item.title ?? "", body: item.bodyText))
    }
    return FeedPollResult(
      feedID: feed.id, checkedAt: now(),
      outcome: .updated(
        status: response.status, etag: response.etag, lastModified: response.lastModified,
        warnings: parsed.warnings),
      feedTitle: parsed.title, items: incoming)
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
