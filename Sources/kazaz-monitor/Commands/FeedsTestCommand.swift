import ArgumentParser
import Foundation
import KazazClassify
import KazazConfig
import KazazFetch
import KazazModel
import KazazService
import Logging

/// `feeds test URL`: what polling this feed would do now, stored nowhere.
struct FeedsTest: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "test",
    abstract:
      "Fetch and parse one feed; show its items, which get full text, and how they classify.",
    discussion:
      "Nothing is stored. With --config the fetch settings, the profile and (for a listed feed) "
      + "its full_text come from the config; otherwise the defaults and the profile found as for "
      + "`classify`. A page URL is searched for its feed as `feeds add` does.")

  @Option(name: .shortAndLong, help: "A configuration file (YAML).")
  var config: String?

  @Option(help: "The classifier profile (without --config).")
  var profile: String?

  @Option(help: "Override full_text: auto, always or never.")
  var fullText: String?

  @Flag(help: "Do not fetch article pages; only mark the items that would get full text.")
  var noArticles = false

  @Argument(help: "A feed URL or a page of the site.")
  var url: String

  func run() async throws {
    var settings = FetchSettings()
    var profilePath: String
    var mode = FullTextMode.auto
    var language: String?
    if let config {
      let loaded = try ConfigOptions.load(path: config, logLevel: nil)
      settings = loaded.fetchSettings
      profilePath = loaded.profilePath.path
      let entry = loaded.feeds.first { $0.url == url }
      mode = entry?.fullText ?? .auto
      language = entry?.language
    } else {
      profilePath = try ProfileLocator.locate(explicit: profile)
    }
    if let fullText {
      guard let chosen = FullTextMode(rawValue: fullText) else {
        throw ValidationError("--full-text: expected auto, always or never")
      }
      mode = chosen
    }
    let classifier: Classifier
    do {
      classifier = Classifier(profile: try ProfileLoader.load(path: profilePath))
    } catch {
      printError(error.description)
      throw ExitCode(78)
    }
    let engine = CurlEngine(settings: settings)
    defer { engine.shutdown() }
    let found = try await discoverFeed(url, language: language, engine: engine)
    let feed = found.feed
    say(
      "feed: \(found.url.terminalSafe)"
        + (found.via == "direct" ? "" : " (found via \(found.via.terminalSafe))"))
    say(
      "HTTP \(found.status), \(feed.format.rawValue), \"\(feed.title.terminalSafe(or: "(untitled)"))\", "
        + "\(feed.items.count) items, full_text: \(mode.rawValue)")
    for warning in feed.warnings { say("warning: \(warning.terminalSafe)") }
    let articles = ArticleFetcher(engine: engine, classifier: classifier)
    let wants = feed.items.map { articles.wantsFullText($0, mode: mode) }
    let items =
      noArticles
      ? feed.items
      : await articles.enrich(
        feed.items, mode: mode, maxResponseBytes: nil,
        acceptLanguage: AcceptLanguage.header(for: language), home: found.origin,
        logger: Logger(label: "kazaz-monitor") { _ in SwiftLogNoOpLogHandler() })
    for (index, item) in items.enumerated() {
      let result = classifier.classify(title: item.title ?? "", body: item.bodyText)
      let verdict =
        result.relevant
        ? "relevant (score \(result.score))"
          + (result.topics.isEmpty
            ? "" : ": " + result.topics.map(\.rawValue).joined(separator: ", "))
        : "not relevant (score \(result.score))"
      var marks: [String] = []
      if wants[index] {
        if noArticles {
          marks.append("would get full text")
        } else if item.content != feed.items[index].content {
          marks.append(
            "full text: \(item.bodyText.split(whereSeparator: \.isWhitespace).count) words")
        } else {
          marks.append("full text wanted, not fetched")
        }
      }
      let suffix = marks.isEmpty ? "" : " [\(marks.joined(separator: "; "))]"
      say("\(index + 1). \(item.title.terminalSafe(or: "(untitled)")) — \(verdict)\(suffix)")
      if let link = item.link { say("   \(link.terminalSafe)") }
    }
    say("nothing was stored")
  }
}
