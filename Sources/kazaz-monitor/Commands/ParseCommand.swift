import ArgumentParser
import Foundation
import KazazFetch
import KazazModel
import KazazParse
import KazazText

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

  @Argument(
    help: """
      Feed file paths or URLs. With several, --json prints one line per source (JSON Lines) \
      with a "source" key, and a source that fails gives {"error", "message", "source"}.
      """)
  var sources: [String] = []

  @Option(
    help: ArgumentHelp(
      "Also read the sources from this file, one per line ('-': standard input).",
      valueName: "file"))
  var filesFrom: String?

  func validate() throws {
    guard !sources.isEmpty || filesFrom != nil else {
      throw ValidationError("give a feed file or URL")
    }
  }

  func run() async throws {
    var all = sources
    if let filesFrom {
      let list: Data
      do {
        list =
          filesFrom == "-"
          ? FileHandle.standardInput.readDataToEndOfFile()
          : try Data(contentsOf: URL(fileURLWithPath: filesFrom))
      } catch {
        printError("\(filesFrom): cannot read the list of sources")
        throw ExitCode.failure
      }
      all += String(decoding: list, as: UTF8.self).split(whereSeparator: \.isNewline).map(
        String.init)
    }
    var failed = false
    var last: ParsedFeed?
    for source in all {
      last = try await parse(source, labelled: all.count > 1)
      if last == nil { failed = true }
    }
    // Exit with the last feed still in memory: freeing a large one item by item takes longer
    // than the system takes to reclaim the whole process.
    withExtendedLifetime(last) { Foundation.exit(failed ? EXIT_FAILURE : EXIT_SUCCESS) }
  }

  /// Parses and prints one source; nil when it could not be parsed.
  private func parse(_ source: String, labelled: Bool) async throws -> ParsedFeed? {
    guard let (data, loadedBase, loadedCharset) = try await load(source, labelled: labelled) else {
      return nil
    }
    let charset = contentType.map(FeedParser.charset(ofContentType:)) ?? loadedCharset
    let base = baseURL ?? loadedBase
    let feed: ParsedFeed
    do {
      feed = try FeedParser().parse(data, baseURL: base, httpCharset: charset)
    } catch {
      fail(source, labelled: labelled, kind: error.kind, message: error.description)
      return nil
    }
    for warning in feed.warnings { printError("\(source): warning: \(warning)") }
    if json {
      var stream = TerminalText.JSONStream()
      FeedJSON.write(feed, source: labelled ? source : nil) {
        stream.write($0, to: writeStandardOutput)
      }
      stream.finish(to: writeStandardOutput)
      writeStandardOutputNewline()
    } else {
      if labelled { say("== \(source.terminalSafe)") }
      say(
        "\(feed.format.rawValue): \(feed.title.terminalSafe(or: "(untitled)")) — "
          + "\(feed.items.count) items")
      for item in feed.items {
        var date = item.published.map(CivilTime.rfc3339) ?? "no date"
        if item.dateEstimated { date += ", estimated" }
        say(
          "- \(item.title.terminalSafe(or: "(untitled)")) [\(date)] "
            + item.link.terminalSafe(or: ""))
      }
    }
    return feed
  }

  /// Reports a source that failed: on standard error, and as a JSON line when sources are
  /// labelled, so that output lines stay in step with the sources.
  private func fail(_ source: String, labelled: Bool, kind: String, message: String) {
    printError("\(source): \(message)")
    guard json && labelled else { return }
    let object = ["error": kind, "message": message, "source": source]
    if let line = try? JSONSerialization.data(
      withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    {
      // Written as the feeds' JSON is, unbuffered, so lines stay in the order of the sources.
      var safe = TerminalText.safeJSON(String(decoding: line, as: UTF8.self)) + "\n"
      safe.withUTF8(writeStandardOutput)
    }
  }

  private func load(_ source: String, labelled: Bool) async throws -> (Data, String?, String?)? {
    let lower = source.lowercased()
    guard lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("file://")
    else {
      let url = URL(fileURLWithPath: source)
      do {
        // Mapped: a 10 MB feed is not copied into fresh memory before parsing starts.
        return (try Data(contentsOf: url, options: .alwaysMapped), url.absoluteString, nil)
      } catch {
        fail(source, labelled: labelled, kind: "parse.unreadable", message: "cannot read the file")
        return nil
      }
    }
    let engine = CurlEngine()
    defer { engine.shutdown() }
    do {
      let response = try await engine.fetch(FetchRequest(url: source))
      guard (200..<300).contains(response.status) else {
        fail(source, labelled: labelled, kind: "fetch.http", message: "HTTP \(response.status)")
        return nil
      }
      return (response.body, response.effectiveURL, response.charset)
    } catch let error as FetchError {
      fail(source, labelled: labelled, kind: "fetch", message: error.description)
      return nil
    }
  }
}
