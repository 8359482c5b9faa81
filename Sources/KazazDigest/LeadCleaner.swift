import Foundation

/// Takes the page furniture and agency boilerplate off a line of news text, with the rules of
/// `LeadRules`:
///
/// - at the start, date stamps ("date 2023-12-07", "10.04.2023, 18:16"), datelines ("ASTANA, Dec 7
///   (Reuters) –", "БАКУ, 10 апреля. /ТАСС/.", "Astana. 10 aprel. Trend:", "Астана. 10 апреля.
///   KAZAKHSTAN TODAY -", "BAKU, Azerbaijan, April 11.") and agency credits ("KAZAKHSTAN TODAY -");
/// - at the end of a sentence, closing credits (", News.az reports.", "– Kazinform", ", сообщает
///   Trend.", ", Report informs.");
/// - whole lines that are only a date, a photo credit, a byline, a reader prompt or an agency's
///   name become empty.
///
/// A dateline is a place word in capitals, or a capitalised place followed by a date or a credit:
/// an ordinary sentence opening with a capitalised word keeps it.
enum LeadCleaner {
  /// Cleans one line (already on one line, spaces collapsed); empty when nothing of it is prose.
  static func clean(_ line: String) -> String {
    var text = line.trimmingCharacters(in: .whitespaces)
    if Self.isFurniture(text) { return "" }
    // Stamps, datelines and credits can follow each other: "date 2023-12-07 ASTANA – …".
    var previous = ""
    while previous != text {
      previous = text
      for rule in Self.openings { text = rule.removingPrefix(from: text) }
    }
    text = Self.closingCredit.removingSuffix(from: text)
    return Self.isFurniture(text) ? "" : text
  }

  /// Takes a closing credit off one sentence: "…in Baku, News.az reports." → "…in Baku.".
  static func withoutClosingCredit(_ sentence: String) -> String {
    closingCredit.removingSuffix(from: sentence)
  }

  /// A line that is only a date stamp, a photo credit, a byline, a prompt, an agency's name, or
  /// holds no word of three letters at all ("+ ↺ − 16 px", "45671").
  static func isFurniture(_ line: String) -> Bool {
    let text = line.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
    if text.isEmpty { return true }
    if furnitureLines.contains(where: { $0.matchesWhole(text) }) { return true }
    let words = text.split { !$0.isLetter }
    return !words.contains { $0.count >= 3 }
  }

  // MARK: - The compiled rules

  /// A rule that failed to compile is left out (and `LeadRulesTests` fails).
  struct Rule {
    let expression: NSRegularExpression?

    init(_ pattern: String, caseInsensitive: Bool = true) {
      expression = try? NSRegularExpression(
        pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
    }

    var compiles: Bool { expression != nil }

    func removingPrefix(from text: String) -> String {
      guard let expression,
        let match = expression.firstMatch(
          in: text, options: [.anchored], range: NSRange(text.startIndex..., in: text)),
        match.range.length > 0, let range = Range(match.range, in: text)
      else { return text }
      return String(text[range.upperBound...]).trimmingCharacters(in: .whitespaces)
    }

    func removingSuffix(from text: String) -> String {
      guard let expression,
        let match = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
        let range = Range(match.range, in: text)
      else { return text }
      let kept = text[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
      // The sentence keeps its own full stop: "…in Baku, News.az reports." → "…in Baku.".
      guard !kept.isEmpty else { return text }
      let last = kept.last ?? "."
      return ".!?…".contains(last) ? kept : kept + "."
    }

    func matchesWhole(_ text: String) -> Bool {
      guard let expression,
        let match = expression.firstMatch(
          in: text, options: [.anchored], range: NSRange(text.startIndex..., in: text))
      else { return false }
      return match.range.length == (text as NSString).length
    }
  }

  static func alternation(_ words: [String]) -> String {
    "(?:"
      + words.sorted { $0.count > $1.count }.map(NSRegularExpression.escapedPattern(for:))
      .joined(separator: "|") + ")"
  }

  /// Month names in any case, also inside rules that are otherwise case-sensitive.
  static let months = "(?i:" + alternation(LeadRules.months) + ")"
  /// An agency in any case ("KAZINFORM", "Kazinform"), or a web address.
  static let agency = "(?:(?i:" + alternation(LeadRules.agencies) + ")|" + LeadRules.domain + ")"
  static let stamp =
    "(?:"
    + LeadRules.dateStamps.map { $0.replacingOccurrences(of: "MONTH", with: months) }
    .joined(separator: "|") + ")"
  /// A date in a dateline: "Dec 7", "April 11", "10 апреля", "10 aprel".
  static let datelineDate = #"(?:\d{1,2}\s+"# + months + #"|"# + months + #"\.?\s+\d{1,2})"#
  /// A credit in a dateline: "(Reuters)", "/ТАСС/", "Trend", "KAZAKHSTAN TODAY".
  static let credit =
    #"(?:\(\s*"# + agency + #"\s*\)|/\s*"# + agency + #"\s*/|"# + agency
    + #"|\(\p{Lu}[\p{L}.\- ]{1,25}\))"#
  static let capitalsPlace = #"\p{Lu}[\p{Lu}’'\-]{2,}(?:\s\p{Lu}[\p{Lu}’'\-]{2,})?"#
  /// A capitalised place name of one or two words, not a month ("BAKU, Azerbaijan, Nov. 25.").
  static let place =
    "(?!" + months + #"\b)\p{Lu}[\p{L}’'\-]+(?:\s\p{Lu}[\p{L}’'\-]+)?"#
  static let dash = #"[–—-]"#

  /// Removed, in this order and repeatedly, from the start of a line.
  static let openings: [Rule] = [
    // A date stamp: "date 2023-12-07", "10.04.2023, 18:16 45671"; not a date that opens a
    // sentence ("10 апреля 2023 года президенты…").
    Rule(
      #"\s*"# + stamp + #"(?:\s+\d+\b)?\s*[|·,–—-]?(?=\s*(?:$|[^\p{Ll}\s]))"#,
      caseInsensitive: false),
    // "ASTANA –", "BAKU, Azerbaijan, April 11.", "ASTANA, Dec 7 (Reuters) –", "БАКУ, 10 апреля.
    // /ТАСС/." — a place in capitals (case matters here).
    Rule(
      notAcronym + capitalsPlace + #"(?:,\s*"# + place + #"){0,2}(?:\s*[,.]\s*"# + datelineDate
        + #"(?:,?\s+\d{4})?)?(?:\s*[,.]?\s*"# + credit + #")?\s*(?:"# + dash + #"|[.:])\s+"#,
      caseInsensitive: false),
    // "Astana. 10 aprel. Trend:", "Астана. 10 апреля. KAZAKHSTAN TODAY -", "Baku, April 11 –":
    // a capitalised place with a date.
    Rule(
      place + #"(?:,\s*"# + place + #")?\s*[,.]\s*"# + datelineDate
        + #"(?:,?\s+\d{4})?(?:\s*[,.]?\s*"#
        + credit + #")?\s*(?:"# + dash + #"|[.:,])\s+"#, caseInsensitive: false),
    // "Baku (APA) –", "Astana, Kazinform –": a capitalised place with a credit.
    Rule(
      place + #"\s*[,.]?\s*"# + credit + #"\s*(?:"# + dash + #"|[.:])\s+"#, caseInsensitive: false),
    // "Baku —", "Астана –": a city and a dash.
    Rule(alternation(LeadRules.cities) + #"\s*"# + dash + #"\s+"#, caseInsensitive: false),
    // "KAZAKHSTAN TODAY -", "(Reuters) -", "Trend:" opening the text.
    Rule(credit + #"\s*(?:"# + dash + #"|:)\s+"#, caseInsensitive: false),
  ]

  /// Not an acronym that opens a sentence ("SOCAR – the state company – …" keeps "SOCAR").
  static let notAcronym = "(?!" + alternation(TitleRules.acronyms) + #"\b)"#

  /// A credit closing a sentence: ", News.az reports.", "– Kazinform", ", сообщает Trend.",
  /// ", Report informs.", ", xəbər verir APA."
  static let closingCredit = Rule(
    #"(?:,\s*|\s+"# + dash + #"\s*)?(?:"# + agency + #"\s+(?i:"#
      + alternation(LeadRules.creditAfter)
      + #")|(?i:"# + alternation(LeadRules.creditBefore) + #")\s+"# + agency + #"|"# + dash
      + #"\s*"# + agency + #")\s*[.!]?\s*$"#, caseInsensitive: false)

  static let furnitureLines: [Rule] =
    LeadRules.furnitureLines.map { Rule($0) } + [
      Rule(#"\s*"# + stamp + #"(?:[\s,|·]+\d+)*\s*"#), Rule(credit + #"\s*"#),
    ]

  /// Every compiled rule, for the test that they all compile.
  static var allRules: [Rule] { openings + [closingCredit] + furnitureLines }
}
