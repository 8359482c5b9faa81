import Foundation

/// The words of an article that a classifier pattern matched, as the article writes them:
/// evidence stores patterns in normalised form ("ferr*", "aktau port*", "казахстанско
/// азербайджанск*"), a reader wants "ferry", "Aktau port", "казахстанско-азербайджанского".
///
/// Matching folds case, `ё` and Latin diacritics as the classifier does; a pattern word ending in
/// `*` matches any word it begins. A pattern not found in the text (the text was pruned, say) is
/// shown as written in the profile, without its `*`.
struct WrittenTerms {
  /// The article's words: where each lies in `text` and its folded form.
  private let words: [(range: Range<String.Index>, folded: String)]
  private let text: String

  init(_ text: String) {
    self.text = text
    var words: [(Range<String.Index>, String)] = []
    var index = text.startIndex
    while index < text.endIndex {
      guard Self.isWordCharacter(text[index]) else {
        index = text.index(after: index)
        continue
      }
      let start = index
      while index < text.endIndex, Self.isWordCharacter(text[index]) {
        index = text.index(after: index)
      }
      words.append((start..<index, Self.fold(text[start..<index])))
    }
    self.words = words
  }

  /// The pattern as the text first writes it inside a sentence; at a sentence start only, with a
  /// small first letter (unless more capitals follow); not found, the pattern without `*`.
  func written(_ pattern: String) -> String {
    let parts = pattern.split(separator: " ").map { Self.fold($0) }
    guard !parts.isEmpty, parts.count <= words.count else { return Self.plain(pattern) }
    var opening: String?
    for first in 0...(words.count - parts.count) {
      let matched = parts.indices.allSatisfy { offset in
        let part = parts[offset]
        let word = words[first + offset].folded
        return part.hasSuffix("*") ? word.hasPrefix(part.dropLast()) : word == part
      }
      guard matched else { continue }
      let range = words[first].range.lowerBound..<words[first + parts.count - 1].range.upperBound
      let found = String(text[range])
      guard startsSentence(at: range.lowerBound) else { return found }
      if opening == nil { opening = found }
    }
    guard let opening else { return Self.plain(pattern) }
    // "Посол" opening a sentence is "посол"; "ЦАМО", "Aktau Port" and names keep their capitals.
    let rest = opening.dropFirst()
    guard rest == rest.lowercased(), !Headline.isName(opening) else { return opening }
    return opening.prefix(1).lowercased() + rest
  }

  /// Whether only white space, quotes or brackets separate `index` from the start of the text,
  /// a line break or a sentence's final punctuation.
  private func startsSentence(at index: String.Index) -> Bool {
    var position = index
    while position > text.startIndex {
      position = text.index(before: position)
      let character = text[position]
      if character.isNewline || ".!?…".contains(character) { return true }
      if character.isWhitespace || "\"'«»“”„(—–-".contains(character) { continue }
      return false
    }
    return true
  }

  static func plain(_ pattern: String) -> String {
    pattern.replacingOccurrences(of: "*", with: "")
  }

  static func isWordCharacter(_ character: Character) -> Bool {
    character.isLetter || character.isNumber || character == "*"
  }

  /// Lower case, `ё` as `е`, and Latin letters without diacritics (`ə`, `ı` as `e`, `i`).
  static func fold<S: StringProtocol>(_ word: S) -> String {
    var out = String.UnicodeScalarView()
    for scalar in word.lowercased().unicodeScalars {
      switch scalar {
      case "ё": out.append("е")
      case "ə": out.append("e")
      case "ı": out.append("i")
      case "\u{0300}"..."\u{036F}": continue
      default:
        if scalar.value >= 0xC0, scalar.value < 0x250 {
          let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first
          out.append(base ?? scalar)
        } else {
          out.append(scalar)
        }
      }
    }
    return String(out)
  }
}
