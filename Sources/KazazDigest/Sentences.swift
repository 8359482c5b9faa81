/// Splits a paragraph into sentences, knowing the abbreviations of `SentenceRules`.
///
/// A sentence ends at `.`, `!`, `?` or `…` (and any closing quotes or brackets after it) followed
/// by white space and a capital letter, a digit, an opening quote or a dash — unless the stop
/// closes an abbreviation ("Dr.", "г.", "т.е.", "Dec."), an initial ("K. Tokayev"), or follows a
/// digit and comes before another (a decimal point never has a space after it anyway).
enum Sentences {
  static func split(_ paragraph: String) -> [String] {
    let characters = Array(paragraph)
    var sentences: [String] = []
    var start = 0
    var index = 0
    while index < characters.count {
      let character = characters[index]
      guard ".!?…".contains(character) else {
        index += 1
        continue
      }
      var end = index + 1
      while end < characters.count, "\"'»”)]".contains(characters[end]) { end += 1 }
      if end < characters.count, characters[end].isWhitespace,
        startsSentence(characters, after: end),
        character != "." || !isAbbreviation(characters, stopAt: index)
      {
        sentences.append(String(characters[start..<end]).trimmingCharacters())
        start = end
      }
      index = end
    }
    let rest = String(characters[start...]).trimmingCharacters()
    if !rest.isEmpty { sentences.append(rest) }
    return sentences.filter { !$0.isEmpty }
  }

  /// Whether what follows the white space at `index` can open a sentence.
  static func startsSentence(_ characters: [Character], after index: Int) -> Bool {
    var next = index
    while next < characters.count, characters[next].isWhitespace { next += 1 }
    guard next < characters.count else { return false }
    let character = characters[next]
    return character.isUppercase || character.isNumber || "\"'«“„([—–-".contains(character)
  }

  /// Whether the stop at `stop` closes an abbreviation or an initial: the letters and inner
  /// stops before it ("т.е", "U.S", "Dec") are in `SentenceRules`, or are one capital letter.
  static func isAbbreviation(_ characters: [Character], stopAt stop: Int) -> Bool {
    var start = stop
    while start > 0, characters[start - 1].isLetter || characters[start - 1] == "." {
      start -= 1
    }
    // "və s.": a two-word abbreviation.
    var token = String(characters[start..<stop])
    if token.count == 1, let first = token.first, first.isUppercase { return true }
    if start >= 3, characters[start - 1] == " " {
      var wordStart = start - 1
      while wordStart > 0, characters[wordStart - 1].isLetter { wordStart -= 1 }
      let pair = String(characters[wordStart..<stop]).lowercased()
      if SentenceRules.abbreviations.contains(pair) { return true }
    }
    token = token.lowercased()
    return SentenceRules.abbreviations.contains(token)
  }
}

extension String {
  /// Without surrounding white space (`Character`-wise, so no Foundation import is needed).
  fileprivate func trimmingCharacters() -> String {
    String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
  }
}
