import Foundation
import KazazClassify
import KazazConfig
import KazazFetch
import KazazModel
import KazazWeb
import Logging

/// Fetches the article pages of new feed items and puts their extracted text in the item, before
/// classification, so a feed that carries only a headline and a sentence is classified (and its
/// digest lead written) from the article itself. The page is not kept, only its text.
///
/// Which items: with `full_text: always` every new item with an http(s) link; with `auto` those
/// whose feed text is short (under `shortTextWords`), or whose headline and feed text already
/// name Kazakhstan, Azerbaijan or their relations while the text is not yet article-length.
/// At most `maxPerPoll` pages per feed poll; the rest keep their feed text. Pages go through
/// the same libcurl engine as feeds, so its limits apply: response size, timeouts, transfers per
/// host. Each item is new, so there is no earlier response to revalidate.
///
/// Item links are the publisher's choice, so the pages are fetched under the address policy
/// (`AddressPolicy`): only public addresses, or the very server the feed came from
/// (`FetchResponse.origin`), unless `fetch.allow_private_addresses` is set. A refused page is
/// logged as a warning and the item keeps its feed text.
public struct ArticleFetcher: Sendable {
  public let engine: CurlEngine
  public let classifier: Classifier
  public var maxPerPoll: Int
  /// Where extraction is marked as processing the feed's bytes (crash quarantine).
  public var mark = ProcessingMark.none
  static let shortTextWords = 80
  static let articleLengthWords = 250

  /// Article pages fetched per feed poll at most, unless told otherwise.
  public static let defaultMaxPerPoll = 10

  public init(
    engine: CurlEngine, classifier: Classifier, maxPerPoll: Int = ArticleFetcher.defaultMaxPerPoll
  ) {
    self.engine = engine
    self.classifier = classifier
    self.maxPerPoll = maxPerPoll
  }

  /// True when `item` would have its article fetched under `mode`.
  public func wantsFullText(_ item: ParsedItem, mode: FullTextMode) -> Bool {
    guard mode != .never, let link = item.link?.lowercased(),
      link.hasPrefix("http://") || link.hasPrefix("https://")
    else { return false }
    if mode == .always { return true }
    let words = ArticleExtractor.wordCount(item.bodyText)
    if words < Self.shortTextWords { return true }
    guard words < Self.articleLengthWords else { return false }
    let preview = classifier.classify(title: item.title ?? "", body: item.bodyText)
    return preview.evidence.contains {
      switch $0.kind {
      case .kazakhstan, .azerbaijan, .relation: true
      default: false
      }
    }
  }

  /// `items` with the article text of those that want it (at most `maxPerPoll`).
  /// - Parameter home: where the feed itself was served from (`FetchResponse.origin`): pages
  ///   there may be fetched even when that address is not public.
  /// - Parameter now: the poll's time, against which a page's date must be plausible.
  /// - Parameter acceptLanguage: the feed's `Accept-Language` (`FeedPolicy.acceptLanguage`).
  public func enrich(
    _ items: [ParsedItem], mode: FullTextMode, maxResponseBytes: Int?,
    acceptLanguage: String? = nil, home: Endpoint? = nil, now: Date = Date(), logger: Logger
  ) async -> [ParsedItem] {
    let wanted = mark.run { items.indices.filter { wantsFullText(items[$0], mode: mode) } }
    guard !wanted.isEmpty else { return items }
    let chosen = Array(wanted.prefix(maxPerPoll))
    if wanted.count > chosen.count {
      logger.debug(
        "article fetches capped for this poll",
        metadata: ["wanted": "\(wanted.count)", "fetched": "\(chosen.count)"])
    }
    var result = items
    await withTaskGroup(of: (Int, ExtractedArticle?).self) { group in
      for index in chosen {
        guard let link = items[index].link else { continue }
        group.addTask {
          (
            index,
            await article(
              at: link, maxResponseBytes: maxResponseBytes, acceptLanguage: acceptLanguage,
              home: home, logger: logger)
          )
        }
      }
      for await (index, article) in group {
        guard let article else { continue }
        result[index] = Self.merge(article, into: items[index], now: now)
      }
    }
    return result
  }

  /// Fetches and extracts one page; nil when it cannot be had (logged, never fatal).
  public func article(
    at url: String, maxResponseBytes: Int?, acceptLanguage: String? = nil,
    home: Endpoint? = nil, logger: Logger
  ) async -> ExtractedArticle? {
    do {
      let response = try await engine.fetch(
        FetchRequest(
          url: url, maxResponseBytes: maxResponseBytes,
          addressPolicy: AddressPolicy(purpose: "article page", home: home),
          acceptLanguage: acceptLanguage ?? AcceptLanguage.header(for: nil)))
      guard (200..<300).contains(response.status) else {
        if let challenge = mark.run({ response.botChallenge }) {
          logger.debug(
            "article page unavailable", metadata: ["url": "\(url)", "reason": "\(challenge)"])
          return nil
        }
        logger.debug(
          "article page unavailable", metadata: ["url": "\(url)", "status": "\(response.status)"])
        return nil
      }
      let type = response.header("content-type")?.lowercased() ?? "text/html"
      guard type.contains("html") || type.contains("xml") || type.hasPrefix("text/") else {
        logger.debug("article page is not HTML", metadata: ["url": "\(url)", "type": "\(type)"])
        return nil
      }
      let article = mark.run {
        ArticleExtractor.extract(data: response.body, httpCharset: response.charset)
      }
      logger.debug(
        "article extracted",
        metadata: [
          "url": "\(url)", "path": "\(article.method.path.rawValue)",
          "words": "\(ArticleExtractor.wordCount(article.text))",
        ])
      return article
    } catch FetchError.addressRefused(let refusal) {
      logger.warning("\(refusal.description)")
      return nil
    } catch {
      logger.debug("article fetch failed", metadata: ["url": "\(url)", "error": "\(error)"])
      return nil
    }
  }

  /// The article's text replaces the feed's when it is longer; its date and author fill gaps.
  ///
  /// A missing feed date reaches here as an estimate, not as nil: the parser puts the
  /// first-seen time in `published` and sets `dateEstimated`. That is the gap a page's date
  /// fills, when it is plausible by the parser's rule (from 1990 to two days after `now`): a
  /// page's date is the publisher's word as much as the feed's.
  static func merge(_ article: ExtractedArticle, into item: ParsedItem, now: Date) -> ParsedItem {
    var item = item
    if ArticleExtractor.wordCount(article.text) > ArticleExtractor.wordCount(item.bodyText) {
      item.content = article.text
    }
    if item.published == nil || item.dateEstimated, let date = article.published,
      isPlausible(date, now: now)
    {
      item.published = date
      item.dateEstimated = false
    }
    if item.author == nil { item.author = article.author }
    if item.title?.isEmpty ?? true { item.title = article.title }
    return item
  }

  /// From 1990-01-01 to two days after `now`, as the feed parser judges feed dates.
  static func isPlausible(_ date: Date, now: Date) -> Bool {
    date.timeIntervalSince1970 >= 631_152_000 && date <= now.addingTimeInterval(2 * 86_400)
  }
}
