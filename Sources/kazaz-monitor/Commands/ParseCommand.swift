import ArgumentParser
import Foundation
import KazazFetch
import KazazModel
import KazazParse

struct ParseCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "parse",
    abstract: "Parse one feed (a file or an http/https/file URL) and print it normalised.")

  @Flag(
    help: """
      Print JSON: {format, title, link, warnings, items: [{id, title, link, published, updated, \
      date_estimated, author, summary, categories, media}]}.
      """
  )
  var json = false

  @Option(
    help: ArgumentHelp(
      "The HTTP Content-Type the document came with (its charset is trusted over the XML "
        + "declaration). For files; URLs use the server's.",
      valueName: "type"))
  var contentType: String?

  @Option(
    help: ArgumentHelp(
      "The URL relative links resolve against (default: the file's or the final URL).",
      valueName: "url"))
  var baseURL: String?

  @Argument(help: "A feed file path or URL.")
  var source: String

  func run() async throws {
    var (data, base, charset) = try await load()
    if let contentType { charset = FeedParser.charset(ofContentType: contentType) }
    if let baseURL { base = baseURL }
    let feed: ParsedFeed
    do {
      feed = try FeedParser().parse(data, baseURL: base, httpCharset: charset)
    } catch {
      printError("\(source): \(error.description)")
      throw ExitCode.failure
    }
    for warning in feed.warnings { printError("\(source): warning: \(warning)") }
    if json {
      FeedJSON.write(feed) { FileHandle.standardOutput.write(Data(buffer: $0)) }
      FileHandle.standardOutput.write(Data([0x0A]))
    } else {
      print("\(feed.format.rawValue): \(feed.title ?? "(untitled)") — \(feed.items.count) items")
      for item in feed.items {
        var date = item.published.map(CivilTime.rfc3339) ?? "no date"
        if item.dateEstimated { date += ", estimated" }
        print("- \(item.title ?? "(untitled)") [\(date)] \(item.link ?? "")")
      }
    }
  }

  private func load() async throws -> (Data, String?, String?) {
    let lower = source.lowercased()
    guard lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("file://")
    else {
      let url = URL(fileURLWithPath: source)
      do {
        return (try Data(contentsOf: url), url.absoluteString, nil)
      } catch {
        printError("\(source): cannot read the file")
        throw ExitCode.failure
      }
    }
    let engine = CurlEngine()
    defer { engine.shutdown() }
    do {
      let response = try await engine.fetch(FetchRequest(url: source))
      guard (200..<300).contains(response.status) else {
        printError("\(source): HTTP \(response.status)")
        throw ExitCode.failure
      }
      return (response.body, response.effectiveURL, response.charset)
    } catch let error as FetchError {
      printError("\(source): \(error.description)")
      throw ExitCode.failure
    }
  }
}
