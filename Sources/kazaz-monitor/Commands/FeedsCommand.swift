import ArgumentParser
import Foundation
import KazazConfig
import KazazFetch
import KazazModel
import KazazService
import KazazWeb

/// `kazaz-monitor feeds …`: the feed list in the config file, which is its one source of truth.
/// Commands that change it edit the file in place (comments and layout kept) and ask for a
/// reload; the daemon reads the list again on `systemctl reload kazaz-monitor`.
struct FeedsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "feeds",
    abstract: "List, add, remove, test, import and export the configured feeds.",
    discussion:
      "The feeds live in the config file's `feeds:` list. add, remove and import edit that file "
      + "in place, keeping its comments and layout, and never leave a file that does not load. "
      + "Reload the daemon afterwards: systemctl reload kazaz-monitor.",
    subcommands: [
      FeedsList.self, FeedsAdd.self, FeedsRemove.self, FeedsTest.self, FeedsImport.self,
      FeedsExport.self, FeedsEnable.self,
    ])
}

/// Printed after every change to the feed list.
let reloadAdvice = "Reload the daemon to apply: systemctl reload kazaz-monitor"

/// Applies an edit to the config file, or exits 78 with the reason (the file is untouched).
func editConfig(
  _ config: Config, expectedFeeds: Int,
  _ edit: (String) throws(ConfigEditor.EditError) -> String
) throws -> Config {
  do {
    return try ConfigEditor.update(path: config.sourceFile.path, edit: edit) {
      updated throws(ConfigEditor.EditError) in
      guard updated.feeds.count == expectedFeeds else {
        throw ConfigEditor.EditError(
          description: "the edit would leave \(updated.feeds.count) feeds, not \(expectedFeeds)")
      }
    }
  } catch {
    printError("\(config.sourceFile.path): \(error)")
    throw ExitCode(78)
  }
}

struct FeedsList: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List the configured feeds.")

  @OptionGroup var options: ConfigOptions

  func run() async throws {
    let config = try options.load()
    for feed in config.feeds {
      var details: [String] = []
      if let category = feed.category { details.append("category: \(category.terminalSafe)") }
      if let language = feed.language { details.append("language: \(language)") }
      if feed.fullText != .auto { details.append("full_text: \(feed.fullText.rawValue)") }
      if let interval = feed.interval { details.append("every \(interval.components.seconds)s") }
      let suffix = details.isEmpty ? "" : " (\(details.joined(separator: ", ")))"
      say("\(feed.url.terminalSafe)\t\(feed.title.terminalSafe(or: "(untitled)"))\(suffix)")
    }
    if config.feeds.isEmpty { say("no feeds configured") }
  }
}

struct FeedsAdd: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add",
    abstract: "Add a feed by its URL or by a page of its site (the feed is discovered).",
    discussion:
      "The feed is fetched and parsed before it is saved; its title comes from the feed unless "
      + "--title is given. A page URL is searched for <link rel=\"alternate\"> feeds, then the "
      + "common paths (/feed, /rss, /rss.xml, /feed.xml, /atom.xml, /index.rss) are tried.")

  @OptionGroup var options: ConfigOptions

  @Option(help: "The title to store (default: the feed's own).")
  var title: String?

  @Option(help: "A folder for OPML export, e.g. Agencies/Kazakhstan.")
  var category: String?

  @Option(help: "Fetch article pages for full text: auto, always or never.")
  var fullText: String = "auto"

  @Argument(help: "A feed URL or a page of the site.")
  var url: String

  func run() async throws {
    let config = try options.load()
    guard let mode = FullTextMode(rawValue: fullText) else {
      throw ValidationError("--full-text: expected auto, always or never")
    }
    let engine = CurlEngine(settings: config.fetchSettings)
    defer { engine.shutdown() }
    let found = try await discoverFeed(url, engine: engine)
    if let existing = config.feeds.first(where: { $0.url == found.url }) {
      printError(
        "\(found.url) is already listed on line \(existing.line ?? 0) of \(config.sourceFile.path)")
      throw ExitCode.failure
    }
    let feedTitle = title ?? found.feed.title
    _ = try editConfig(config, expectedFeeds: config.feeds.count + 1) {
      text throws(ConfigEditor.EditError) in
      try ConfigEditor.adding(
        [.init(url: found.url, title: feedTitle, category: category, fullText: mode)], to: text)
    }
    let how = found.via == "direct" ? "" : " (found via \(found.via) on \(url))"
    say(
      "added \(found.url.terminalSafe) — \(feedTitle.terminalSafe(or: "(untitled)")), "
        + "\(found.feed.format.rawValue), \(found.feed.items.count) items\(how.terminalSafe)")
    say(reloadAdvice)
  }
}

struct FeedsRemove: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "remove", abstract: "Remove a feed, named by its URL or its title.")

  @OptionGroup var options: ConfigOptions

  @Argument(help: "The feed's URL or title.")
  var feed: String

  func run() async throws {
    let config = try options.load()
    let canonical = CanonicalURL.make(feed)
    var matches = config.feeds.filter {
      $0.url == feed || (canonical != nil && CanonicalURL.make($0.url) == canonical)
    }
    if matches.isEmpty {
      matches = config.feeds.filter { $0.title?.lowercased() == feed.lowercased() }
    }
    guard matches.count == 1, let entry = matches.first, let line = entry.line else {
      printError(
        matches.isEmpty
          ? "no configured feed has the URL or title \"\(feed)\""
          : "\"\(feed)\" matches \(matches.count) feeds: "
            + matches.map(\.url).joined(separator: ", ") + "; name one by its URL")
      throw ExitCode.failure
    }
    _ = try editConfig(config, expectedFeeds: config.feeds.count - 1) {
      text throws(ConfigEditor.EditError) in
      try ConfigEditor.removing(entryAt: line, from: text)
    }
    say("removed \(entry.url.terminalSafe)\(entry.title.map { " — \($0.terminalSafe)" } ?? "")")
    say(reloadAdvice)
  }
}

struct FeedsImport: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Add the feeds of an OPML 1.0 or 2.0 file (folders become categories).",
    discussion:
      "Feeds already listed are skipped, as are non-http(s) URLs. Imported feeds are not fetched "
      + "now (a list can be long); check one with `feeds test URL`.")

  @OptionGroup var options: ConfigOptions

  @Option(help: "full_text for the imported feeds: auto, always or never.")
  var fullText: String = "auto"

  @Argument(help: "The OPML file.")
  var file: String

  func run() async throws {
    let config = try options.load()
    guard let mode = FullTextMode(rawValue: fullText) else {
      throw ValidationError("--full-text: expected auto, always or never")
    }
    let outlines: [OPMLFeed]
    do {
      outlines = try OPML.parse(try Data(contentsOf: URL(fileURLWithPath: file)))
    } catch let error as OPMLError {
      printError("\(file): \(error.description)")
      throw ExitCode.failure
    } catch {
      printError("\(file): cannot read the file")
      throw ExitCode.failure
    }
    var known = Set(config.feeds.map(\.url))
    var added: [ConfigEditor.NewFeed] = []
    for outline in outlines {
      // The config's own rule: a URL it would refuse must not reach the file.
      guard WebURL.isValid(outline.url) else {
        printError("skipped \(outline.url.terminalSafe): not an http or https URL")
        continue
      }
      guard known.insert(outline.url).inserted else {
        say("already listed: \(outline.url.terminalSafe)")
        continue
      }
      added.append(
        .init(
          url: outline.url, title: outline.title, category: outline.category, fullText: mode,
          language: outline.language))
    }
    guard !added.isEmpty else {
      say("nothing to import")
      return
    }
    _ = try editConfig(config, expectedFeeds: config.feeds.count + added.count) {
      text throws(ConfigEditor.EditError) in
      try ConfigEditor.adding(added, to: text)
    }
    say("imported \(added.count) of \(outlines.count) feeds")
    say(reloadAdvice)
  }
}

struct FeedsExport: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export", abstract: "Write the configured feeds as OPML 2.0 (categories kept).")

  @OptionGroup var options: ConfigOptions

  @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
  var output: String?

  func run() async throws {
    let config = try options.load()
    let opml = OPML.write(
      config.feeds.map {
        OPMLFeed(url: $0.url, title: $0.title, category: $0.category, language: $0.language)
      },
      title: "kazaz-monitor feeds", created: Date())
    if let output {
      try Data(opml.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
    } else {
      print(opml, terminator: "")
    }
  }
}
