import ArgumentParser
import Foundation
import KazazClassify
import KazazFetch
import KazazModel
import KazazParse
import KazazService
import KazazWeb

/// `extract FILE|URL…`: the article the daemon would take from a page, and how it was found.
struct ExtractCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "extract",
    abstract: "Extract the article from web pages (files or http/https URLs) as the daemon does.",
    discussion:
      "URLs are fetched by the daemon's engine under its limits and address policy: only public "
      + "addresses unless --config sets fetch.allow_private_addresses.")

  @Flag(
    help: """
      Print JSON, one line per page: {source, url, title, author, published, language, \
      text_language, words, text, method: {path, container, score}}.
      """)
  var json = false

  @Option(
    help: ArgumentHelp(
      "The URL the page was served from, reported for files (URLs report their final URL).",
      valueName: "url"))
  var baseURL: String?

  @Option(
    help: ArgumentHelp(
      "The HTTP Content-Type the page came with (its charset is trusted over the page's). For "
        + "files; URLs use the server's.", valueName: "type"))
  var contentType: String?

  @Option(name: .shortAndLong, help: "A configuration file (YAML) whose fetch settings to use.")
  var config: String?

  @Argument(help: "HTML files or http/https URLs.")
  var sources: [String]

  func validate() throws {
    guard !sources.isEmpty else { throw ValidationError("give an HTML file or URL") }
  }

  func run() async throws {
    let settings = try config.map { try ConfigOptions.load(path: $0, logLevel: nil).fetchSettings }
    let loader = PageLoader(settings: settings ?? FetchSettings())
    defer { loader.shutdown() }
    var failed = false
    for source in sources {
      do {
        let page = try await loader.load(source)
        let charset = contentType.map(FeedParser.charset(ofContentType:)) ?? page.charset
        let article = ArticleExtractor.extract(data: page.data, httpCharset: charset)
        report(article, source: source, url: page.url ?? baseURL)
      } catch let error as PageLoader.Failure {
        failed = true
        printError("\(source): \(error.message)")
        if json {
          sayJSON(ExtractJSON.line(source: source, error: error.kind, message: error.message))
        }
      }
    }
    if failed { throw ExitCode.failure }
  }

  private func report(_ article: ExtractedArticle, source: String, url: String?) {
    let textLanguage = LanguageIdentifier.identify(article.text)
    if json {
      sayJSON(
        ExtractJSON.line(article, source: source, url: url, textLanguage: textLanguage.rawValue))
      return
    }
    if sources.count > 1 { say("== \(source.terminalSafe)") }
    let method = article.method
    var how = method.path.rawValue
    if let container = method.container { how += ", container \(container)" }
    if let score = method.score { how += ", score \(String(format: "%.1f", score))" }
    say("title: \(article.title.terminalSafe(or: "(none)"))")
    say("author: \(article.author.terminalSafe(or: "(none)"))")
    say("published: \(article.published.map(CivilTime.rfc3339) ?? "(none)")")
    say(
      "language: \(article.language.terminalSafe(or: "(not declared)")), text reads as "
        + textLanguage.rawValue)
    say("found by: \(how.terminalSafe)")
    say("words: \(ArticleExtractor.wordCount(article.text))")
    say("")
    say(article.text)
  }
}
