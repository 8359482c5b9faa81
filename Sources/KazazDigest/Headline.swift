import Foundation
import KazazModel

/// A headline as a digest shows it: without the site's name the feed appends (" - Trend.az",
/// " | Kazinform", " — Новости Казахстана") and, when written in capitals, in sentence case with
/// its acronyms and proper names kept (`TitleRules`).
enum Headline {
  /// Separators before a site's name.
  static let separators = [" | ", " - ", " – ", " — ", " :: ", " • "]
  /// A title keeps at least this many words before a separator.
  static let minimumWords = 3
  /// Longer headlines are cut here: no headline needs more, and a hostile one must not cost more.
  static let maximumCharacters = 300
  /// Letters in capitals for a title to count as written in capitals.
  static let capitalsShare = 0.8

  /// `language` is the article's: Turkish and Azerbaijani write the small `I` as `ı`.
  static func tidy(
    _ title: String, feedTitle: String?, feedURL: String, language: Language = .other
  ) -> String {
    var text = DigestText.oneLine(String(title.prefix(maximumCharacters)))
    if title.count > maximumCharacters { text += "…" }
    text = withoutSiteName(text, feedTitle: feedTitle, feedURL: feedURL)
    guard isCapitals(text) else { return text }
    let dotless = language == .tr || language == .az
    return sentenceCase(dotless ? text.replacingOccurrences(of: "I", with: "ı") : text)
  }

  // MARK: - Site names

  /// The title without its last part when that part names the site: the feed's title or host,
  /// a web address, a known outlet, or a site's stock phrase ("Новости Казахстана").
  static func withoutSiteName(_ title: String, feedTitle: String?, feedURL: String) -> String {
    var best: Range<String.Index>?
    for separator in separators {
      if let found = title.range(of: separator, options: .backwards),
        found.lowerBound > (best?.lowerBound ?? title.startIndex)
      {
        best = found
      }
    }
    guard let cut = best else { return title }
    let head = title[..<cut.lowerBound].trimmingCharacters(in: .whitespaces)
    let tail = title[cut.upperBound...].trimmingCharacters(in: .whitespaces)
    guard head.split(separator: " ").count >= minimumWords,
      isSiteName(tail, feedTitle: feedTitle, feedURL: feedURL)
    else { return title }
    return head
  }

  static func isSiteName(_ tail: String, feedTitle: String?, feedURL: String) -> Bool {
    let folded = WrittenTerms.fold(tail)
    guard !folded.isEmpty, tail.split(separator: " ").count <= 5 else { return false }
    let host = DigestText.host(of: feedURL)
    let names =
      [host, host.hasPrefix("www.") ? String(host.dropFirst(4)) : host]
      + [feedTitle]
      .compactMap { $0 }
    if names.contains(where: { WrittenTerms.fold($0) == folded }) { return true }
    // "Trend" in "Trend.az", "Kazinform" in "Kazinform news": a name long enough to tell.
    if let feedTitle, feedTitle.count >= 4, folded.count >= 4 {
      let name = WrittenTerms.fold(feedTitle)
      if name.contains(folded) || folded.contains(name) { return true }
    }
    return siteTail.contains { $0.matchesWhole(tail) }
  }

  static let siteTail: [LeadCleaner.Rule] =
    [LeadCleaner.Rule(LeadRules.domain), LeadCleaner.Rule(LeadCleaner.agency)]
    + LeadRules.siteTails.map { LeadCleaner.Rule($0) }

  // MARK: - Capitals

  static func isCapitals(_ title: String) -> Bool {
    let letters = title.unicodeScalars.filter(\.properties.isAlphabetic)
    guard letters.count >= 8 else { return false }
    let capitals = letters.filter(\.properties.isUppercase).count
    return Double(capitals) >= capitalsShare * Double(letters.count)
  }

  /// Lower case but for the first letter, acronyms and proper names.
  static func sentenceCase(_ title: String) -> String {
    var out = ""
    var word = ""
    var first = true
    func flush() {
      guard !word.isEmpty else { return }
      out += cased(word, first: first)
      first = false
      word = ""
    }
    for character in title {
      if character.isLetter || character.isNumber || "-'’".contains(character) {
        word.append(character)
      } else {
        flush()
        out.append(character)
      }
    }
    flush()
    return out
  }

  /// One word of a title in capitals, as a sentence writes it.
  static func cased(_ word: String, first: Bool) -> String {
    let parts = word.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
    if parts.count > 1 {
      // "TRANS-CASPIAN" and "KAZAKH-AZERBAIJANI" are names when their last part is.
      let named = isName(parts.last ?? "")
      return parts.enumerated().map { index, part in
        if isAcronym(part) { return part }
        if named || isName(part) || (first && index == 0) { return capitalized(part) }
        return lower(part)
      }.joined(separator: "-")
    }
    if isAcronym(word) { return word }
    if first || isName(word) { return capitalized(word) }
    return lower(word)
  }

  static func capitalized(_ word: String) -> String {
    word.prefix(1).uppercased() + lower(word.dropFirst())
  }

  /// Lower case, with Turkish and Azerbaijani `İ` as `i` (not `i` and a combining dot).
  static func lower<S: StringProtocol>(_ word: S) -> String {
    word.replacingOccurrences(of: "İ", with: "i").lowercased()
  }

  static let acronyms = Set(TitleRules.acronyms)
  static let vowels = Set("aeiouyаеёиоуыэюяəıöüäєіїұүөәіAEIOUYАЕЁИОУЫЭЮЯƏIÖÜ")

  static func isAcronym(_ word: String) -> Bool {
    if acronyms.contains(word) { return true }
    let letters = word.filter(\.isLetter)
    if word.contains(where: \.isNumber), !letters.isEmpty { return true }
    return (2...5).contains(letters.count) && !letters.contains(where: vowels.contains)
  }

  static let names: [LeadCleaner.Rule] = TitleRules.names.map { LeadCleaner.Rule($0) }

  static func isName(_ word: String) -> Bool {
    // A Turkish name keeps its suffix after an apostrophe: "AZERBAYCAN'IN".
    let stem = word.split(whereSeparator: { $0 == "'" || $0 == "’" }).first.map(String.init) ?? word
    let folded = lower(stem)
    return names.contains { $0.matchesWhole(folded) }
  }
}
