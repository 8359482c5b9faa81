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
    help:
      "Print JSON: {format, title, link, items: [{id, title, link, published, updated, author, summary}]}."
  )
  var json = false

  @Argument(help: "A feed file path or URL.")
  var source: String

  func run() async throws {
    let (data, baseURL, charset) = try await load()
    let feed: ParsedFeed
    do {
      feed = try FeedParser().parse(data, baseURL: baseURL, httpCharset: charset)
    } catch {
      printError("\(source): \(error.description)")
      throw ExitCode.failure
    }
    for warning in feed.warnings { printError("\(source): warning: \(warning)") }
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
      print(String(decoding: try encoder.encode(ParsedFeedJSON(feed)), as: UTF8.self))
    } else {
      print("\(feed.format.rawValue): \(feed.title ?? "(untitled)") — \(feed.items.count) items")
      for item in feed.items {
        let date = item.published.map { RFC3339.string($0) } ?? "no date"
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

/// The normalised JSON shape of `parse --json`; missing values are explicit nulls.
struct ParsedFeedJSON: Encodable {
  let feed: ParsedFeed

  init(_ feed: ParsedFeed) { self.feed = feed }

  enum Keys: String, CodingKey {
    case format, title, link, items, id, published, updated, author, summary
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Keys.self)
    try container.encode(feed.format.rawValue, forKey: .format)
    try container.encode(feed.title, forKey: .title)
    try container.encode(feed.link, forKey: .link)
    var items = container.nestedUnkeyedContainer(forKey: .items)
    for item in feed.items {
      var entry = items.nestedContainer(keyedBy: Keys.self)
      try entry.encode(item.id, forKey: .id)
      try entry.encode(item.title, forKey: .title)
      try entry.encode(item.link, forKey: .link)
      try entry.encode(item.published.map(RFC3339.string), forKey: .published)
      try entry.encode(item.updated.map(RFC3339.string), forKey: .updated)
      try entry.encode(item.author, forKey: .author)
      try entry.encode(item.summary ?? item.content, forKey: .summary)
    }
  }
}

enum RFC3339 {
  static func string(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    formatter.timeZone = TimeZone(secondsFromGMT: 0)
    return formatter.string(from: date)
  }
}
