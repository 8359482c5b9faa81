/// Finds the headline of a plain-text article file: the first line, as the file format says, or,
/// when that line is empty, a short first line that reads like a headline.
///
/// Pages without a headline element are stored with an empty first line; some of them still
/// start with their headline one line further down, and others start straight with the body (or
/// with a byline such as "Автор: …"). The headline weighs the most of all regions, so only a line
/// shaped like one is promoted: short, one sentence without a final full stop, starting with a
/// capital or a digit, more than a label, not a dateline. Anything else stays in the body, whose
/// first sentences are then the lead (see `NormalizedDocument.leadCharacters`): an article without
/// a headline still has a lead.
enum ArticleHeadline {
  /// A headline has at most this many characters (news headlines stay well below it).
  static let maximumCharacters = 200
  /// ... and at least this many words with letters ("Trend" or a date is not a headline).
  static let minimumWords = 3
  /// A line `Label: a few words` ("Автор: Лейла Т.", "Фото: Үкімет") of at most this many words
  /// is a byline or a caption, not a quoted headline ("Токаев: Казахстан и Азербайджан …").
  static let labelWords = 4

  /// Splits an article file into headline and body. A first line with text is the headline as
  /// before; after an empty first line, blank lines are skipped and the next line is the
  /// headline when `looksLikeHeadline` says so and text follows it.
  static func split(_ text: String) -> (title: String, body: String) {
    let utf8 = text.utf8
    guard let firstEnd = lineEnd(utf8, from: utf8.startIndex) else {
      return (trimmed(text[...]), "")
    }
    let first = text[utf8.startIndex..<firstEnd]
    if !isBlank(first) {
      return (trimmed(first), String(text[nextLine(utf8, after: firstEnd)...]))
    }
    // No headline where the format puts it: skip the blank lines.
    var start = nextLine(utf8, after: firstEnd)
    while start < utf8.endIndex {
      let end = lineEnd(utf8, from: start) ?? utf8.endIndex
      if !isBlank(text[start..<end]) { break }
      start = end < utf8.endIndex ? nextLine(utf8, after: end) : utf8.endIndex
    }
    guard start < utf8.endIndex else { return ("", "") }
    guard let end = lineEnd(utf8, from: start) else { return ("", String(text[start...])) }
    let candidate = text[start..<end]
    let rest = text[nextLine(utf8, after: end)...]
    if !isBlank(rest), looksLikeHeadline(candidate) {
      return (trimmed(candidate), String(rest))
    }
    return ("", String(text[start...]))
  }

  /// Whether one line reads like a headline rather than body text, a byline or a date line.
  static func looksLikeHeadline(_ line: Substring) -> Bool {
    // Most lines are refused by their bytes: a long paragraph (at most four bytes a character,
    // and some room for spaces around it), or one whose last character ends a sentence.
    let utf8 = line.utf8
    guard utf8.count <= 4 * maximumCharacters + 64 else { return false }
    if let end = utf8.lastIndex(where: { $0 != 0x20 && $0 != 0x09 }),
      [0x2E, 0x2C, 0x3B, 0x3A].contains(utf8[end])
    {
      return false
    }
    let scalars = Array(line.unicodeScalars).trimmingWhiteSpace()
    guard !scalars.isEmpty, scalars.count <= maximumCharacters else { return false }
    // A headline starts with a capital letter, a digit or an opening quote or dash.
    guard let first = scalars.first(where: { isLetterOrDigit($0) }),
      first.properties.isUppercase || first.properties.numericType != nil
    else { return false }
    // Body text ends its sentences with a full stop (or an ellipsis where a page was cut).
    var last = scalars.endIndex - 1
    while last > 0, isClosingQuote(scalars[last]) { last -= 1 }
    switch scalars[last] {
    case ".", ",", ";", ":", "…": return false
    default: break
    }
    // One sentence, not a paragraph.
    guard NormalizedDocument.sentenceRanges(scalars, 0, scalars.count).count == 1 else {
      return false
    }
    let words = scalars.split(whereSeparator: NormalizedDocument.isWhitespace)
    guard words.filter({ $0.contains(where: { $0.properties.isAlphabetic }) }).count >= minimumWords
    else { return false }
    if let label = words.first, label.last == ":", words.count <= labelWords { return false }
    return Dateline.length(in: scalars[...]) == 0
  }

  private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isAlphabetic || scalar.properties.numericType != nil
  }

  private static func isClosingQuote(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "\"", "'", "»", "”", "’", ")", "]": return true
    default: return false
    }
  }

  /// Whether a line holds nothing to read: white space, a byte-order mark, zero-width marks.
  static func isBlank(_ line: Substring) -> Bool {
    line.unicodeScalars.allSatisfy { scalar in
      NormalizedDocument.isWhitespace(scalar) || scalar.properties.generalCategory == .format
    }
  }

  /// Where the line starting at `start` ends (its `\n` or `\r`), or nil for the last line.
  private static func lineEnd(_ utf8: String.UTF8View, from start: String.Index) -> String.Index? {
    let found: Int?? = utf8.withContiguousStorageIfAvailable { bytes in
      let from = utf8.distance(from: utf8.startIndex, to: start)
      return bytes[from...].firstIndex { $0 == 0x0A || $0 == 0x0D }
    }
    guard let found else { return utf8[start...].firstIndex { $0 == 0x0A || $0 == 0x0D } }
    return found.map { utf8.index(utf8.startIndex, offsetBy: $0) }
  }

  /// The start of the line after the line break at `end` (`\r\n` counts as one break).
  private static func nextLine(_ utf8: String.UTF8View, after end: String.Index) -> String.Index {
    var next = utf8.index(after: end)
    if utf8[end] == 0x0D, next < utf8.endIndex, utf8[next] == 0x0A {
      next = utf8.index(after: next)
    }
    return next
  }

  /// `text` without leading spaces and tabs and trailing spaces, tabs and carriage returns (all
  /// ASCII, so the UTF-8 view finds them).
  static func trimmed(_ text: Substring) -> String {
    let utf8 = text.utf8
    // Everything before `first` is a space or tab, so `last` is nil or not before `first`.
    guard let first = utf8.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }),
      let last = utf8.lastIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D })
    else { return "" }
    return String(text[first...last])
  }
}

extension Array where Element == Unicode.Scalar {
  /// The scalars without leading and trailing white space.
  fileprivate func trimmingWhiteSpace() -> [Unicode.Scalar] {
    guard let first = firstIndex(where: { !NormalizedDocument.isWhitespace($0) }),
      let last = lastIndex(where: { !NormalizedDocument.isWhitespace($0) })
    else { return [] }
    return Array(self[first...last])
  }
}
