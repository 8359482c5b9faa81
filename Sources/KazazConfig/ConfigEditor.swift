import Foundation
import Yams

/// Edits the `feeds:` list of a config file as text, so comments, blank lines, key order and
/// quoting everywhere else survive byte for byte.
///
/// The config file is the one source of truth for the feed list; `feeds add/remove/import`
/// go through here. The YAML node marks locate the `feeds:` sequence and each entry; an entry
/// spans its `- ` line and every following line indented deeper than the dash (trailing blank
/// lines excluded). New entries are appended after the last one with the same indentation. The
/// edited text is loaded with `ConfigLoader` before anything is written, and the file is replaced
/// atomically by `ConfigFileWriter` (its mode, owner and group kept; a symlink's target edited),
/// so a failed edit never leaves a broken config.
public enum ConfigEditor {
  /// A feed to append.
  public struct NewFeed: Sendable, Equatable {
    public var url: String
    public var title: String?
    public var category: String?
    public var fullText: FullTextMode
    public var language: String?

    public init(
      url: String, title: String? = nil, category: String? = nil, fullText: FullTextMode = .auto,
      language: String? = nil
    ) {
      self.url = url
      self.title = title
      self.category = category
      self.fullText = fullText
      self.language = language
    }
  }

  /// Why an edit was not made; the file is unchanged.
  public struct EditError: Error, CustomStringConvertible, Equatable {
    public var description: String

    public init(description: String) {
      self.description = description
    }
  }

  /// Where the `feeds:` list is in the text.
  struct FeedsList {
    /// Zero-based line of the `feeds:` key.
    var keyLine: Int
    /// Zero-based line ranges of the entries, in order.
    var entries: [ClosedRange<Int>]
    /// Columns of the dash and of the entry content, zero-based.
    var dashColumn: Int
    var contentColumn: Int
    /// True when the value is empty (`feeds:`, `feeds: []`).
    var isEmpty: Bool
  }

  /// `text` with `feeds` appended to its `feeds:` list.
  public static func adding(_ feeds: [NewFeed], to text: String) throws(EditError) -> String {
    var lines = splitLines(text)
    let list = try locate(in: text, lines: lines)
    var block: [String] = []
    let dash = String(repeating: " ", count: list.dashColumn)
    let inner = String(repeating: " ", count: list.contentColumn)
    for feed in feeds {
      block.append("\(dash)- url: \(scalar(feed.url, quoteAlways: false))")
      if let title = feed.title { block.append("\(inner)title: \(scalar(title))") }
      if let category = feed.category { block.append("\(inner)category: \(scalar(category))") }
      if feed.fullText != .auto { block.append("\(inner)full_text: \(feed.fullText.rawValue)") }
      if let language = feed.language { block.append("\(inner)language: \(scalar(language))") }
    }
    if list.isEmpty {
      // `feeds: []` or `feeds:` → `feeds:` followed by the entries.
      let keyLine = lines[list.keyLine]
      if let colon = keyLine.range(of: "feeds:") {
        var rest = String(keyLine[colon.upperBound...])
        if let comment = rest.range(of: " #") {
          rest = String(rest[comment.lowerBound...])
        } else {
          rest = ""
        }
        lines[list.keyLine] = String(keyLine[..<colon.upperBound]) + rest
      }
      lines.insert(contentsOf: block, at: list.keyLine + 1)
    } else {
      lines.insert(contentsOf: block, at: list.entries.last!.upperBound + 1)
    }
    return joinLines(lines, like: text)
  }

  /// `text` without the entry that starts on `line` (one-based, as `FeedEntry.line`).
  public static func removing(entryAt line: Int, from text: String) throws(EditError) -> String {
    var lines = splitLines(text)
    let list = try locate(in: text, lines: lines)
    guard let range = list.entries.first(where: { $0.lowerBound == line - 1 }) else {
      throw EditError(description: "no feeds entry starts on line \(line)")
    }
    lines.removeSubrange(range)
    if list.entries.count == 1 {
      lines[list.keyLine] = lines[list.keyLine].replacingOccurrences(
        of: "feeds:", with: "feeds: []")
    }
    return joinLines(lines, like: text)
  }

  /// Applies `edit` to the file at `path`, checks the result loads (with `check` run on it), and
  /// replaces the file atomically. Returns the loaded new configuration.
  @discardableResult
  public static func update(
    path: String, edit: (String) throws(EditError) -> String,
    check: (Config) throws(EditError) -> Void = { _ throws(EditError) in }
  ) throws(EditError) -> Config {
    let url = URL(fileURLWithPath: path).standardizedFileURL
    guard let old = try? String(contentsOf: url, encoding: .utf8) else {
      throw EditError(description: "\(path): cannot read the file")
    }
    let new = try edit(old)
    let config: Config
    do {
      config = try ConfigLoader.parse(new, displayName: path, location: url)
    } catch {
      throw EditError(
        description: "the edited configuration would not load; \(path) is unchanged:\n"
          + error.description)
    }
    try check(config)
    try ConfigFileWriter.replace(url.path, with: Data(new.utf8))
    return config
  }

  static func locate(in text: String, lines: [String]) throws(EditError) -> FeedsList {
    let node: Node?
    do {
      node = try Yams.compose(yaml: text)
    } catch {
      throw EditError(description: "cannot read the YAML: \(error)")
    }
    guard let root = node?.mapping,
      let (keyNode, value) = root.first(where: { $0.key.string == "feeds" }),
      let keyLine = keyNode.mark?.line
    else { throw EditError(description: "the file has no top-level \"feeds:\" list") }
    var list = FeedsList(
      keyLine: keyLine - 1, entries: [], dashColumn: 2, contentColumn: 4, isEmpty: true)
    guard let sequence = value.sequence else {
      if value.null != nil || value.string == "" { return list }
      throw EditError(description: "\"feeds:\" is not a list")
    }
    if sequence.isEmpty { return list }
    let isFlow =
      value.mark.map { mark in
        Array(lines[mark.line - 1]).dropFirst(mark.column - 1).first == "["
      } ?? false
    if sequence.style == .flow || isFlow {
      throw EditError(
        description: "\"feeds:\" is written as a [flow, list]; write it as a block list "
          + "(one \"- url: …\" per line) to edit it with this command")
    }
    list.isEmpty = false
    for (index, item) in sequence.enumerated() {
      guard let mark = item.mark else { continue }
      let start = mark.line - 1
      let content = mark.column - 1
      let line = Array(lines[start])
      let dash = line[..<min(content, line.count)].lastIndex(of: "-") ?? max(0, content - 2)
      if index == 0 {
        list.dashColumn = dash
        list.contentColumn = content
      }
      var end = start
      var probe = start + 1
      while probe < lines.count {
        let candidate = lines[probe]
        let indent = candidate.prefix { $0 == " " }.count
        let blank = candidate.trimmingCharacters(in: .whitespaces).isEmpty
        if !blank && indent <= dash { break }
        if !blank { end = probe }
        probe += 1
      }
      list.entries.append(start...end)
    }
    return list
  }

  /// A YAML scalar: plain when that is unambiguous, else double-quoted.
  static func scalar(_ text: String, quoteAlways: Bool = true) -> String {
    let safe = CharacterSet(
      charactersIn:
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?=&%+@;,!$()*")
    if !quoteAlways, !text.isEmpty, text.unicodeScalars.allSatisfy({ safe.contains($0) }),
      text.first?.isLetter == true
    {
      return text
    }
    var quoted = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": quoted += "\\\\"
      case "\"": quoted += "\\\""
      case "\n": quoted += "\\n"
      case "\t": quoted += "\\t"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          quoted += String(format: "\\x%02X", scalar.value)
        } else {
          quoted.unicodeScalars.append(scalar)
        }
      }
    }
    return quoted + "\""
  }

  static func splitLines(_ text: String) -> [String] {
    var lines = text.components(separatedBy: "\n")
    if lines.last == "" { lines.removeLast() }
    return lines
  }

  static func joinLines(_ lines: [String], like original: String) -> String {
    lines.joined(separator: "\n") + "\n"
  }
}
