/// The lead a person would write: the first one or two sentences of the article's first real
/// paragraph, at most about `maximumCharacters`.
///
/// Lines that are page furniture rather than prose — the headline repeated, a date line, a photo
/// credit, a byline, a menu — are skipped, and the paragraph loses its dateline and agency credits
/// (`LeadCleaner`, rules in `LeadRules`). Sentences are split knowing abbreviations
/// (`Sentences`). A first sentence longer than the limit is cut at a word and marked with "…".
enum Lead {
  static let maximumCharacters = 300
  static let minimumParagraph = 60
  /// Share of letters and spaces in a line of prose.
  static let proseLetters = 0.8

  /// A lead comes from the first lines; a text's first lines are looked at, no more.
  static let linesExamined = 80
  /// Each line is cleaned and split from its first characters only: a lead needs a few hundred,
  /// and a hostile feed's megabyte-long line must not cost more.
  static let lineCharacters = 2_000

  static func make(from text: String, title: String? = nil) -> String {
    let headline = title.map(comparable)
    var longest = ""
    for raw in text.split(whereSeparator: \.isNewline).prefix(linesExamined) {
      let line = LeadCleaner.clean(DigestText.oneLine(String(raw.prefix(lineCharacters))))
      guard !line.isEmpty, headline.map({ comparable(line) != $0 }) ?? true else { continue }
      if line.count >= minimumParagraph && isProse(line) { return lead(of: line) }
      if line.count > longest.count { longest = line }
    }
    return lead(of: longest)
  }

  /// The headline and a line that only repeats it compare equal: case, punctuation and spacing
  /// ignored.
  static func comparable(_ line: String) -> String {
    line.lowercased().split { !($0.isLetter || $0.isNumber) }.joined(separator: " ")
  }

  /// Mostly letters and spaces, and at least one sentence-ending mark.
  static func isProse(_ line: String) -> Bool {
    let letters = line.reduce(0) { $0 + ($1.isLetter || $1 == " " ? 1 : 0) }
    let ends = line.contains { $0 == "." || $0 == "!" || $0 == "?" || $0 == "…" }
    return ends && Double(letters) / Double(max(line.count, 1)) > proseLetters
  }

  /// The first sentence, and the second when both fit; a closing credit is taken off each.
  static func lead(of paragraph: String) -> String {
    let sentences = Sentences.split(paragraph).map(LeadCleaner.withoutClosingCredit)
    guard let first = sentences.first else { return "" }
    guard first.count <= maximumCharacters else { return cut(first) }
    if sentences.count > 1, first.count + 1 + sentences[1].count <= maximumCharacters {
      return first + " " + sentences[1]
    }
    return first
  }

  /// A sentence too long for a lead, cut at the last word that fits, with "…".
  static func cut(_ sentence: String) -> String {
    let head = sentence.prefix(maximumCharacters - 1)
    let end = head.lastIndex(of: " ") ?? head.endIndex
    var kept = head[..<end]
    while let last = kept.last, ",;:–—-".contains(last) || last.isWhitespace { kept.removeLast() }
    return kept + "…"
  }
}
