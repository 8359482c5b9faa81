import KazazModel

/// What a figure quantifies and whether it is a change, read from the words around it within
/// its sentence: the nearest subject from `FactVocabulary` before the figure (up to
/// `wordsBefore` words), else after it (up to `wordsAfter`), and for percentages a growth or
/// decline word next to it.
///
/// A vague subject ("объём", "amount") gives way to a specific one a few words farther
/// ("объём двустороннего товарооборота" is "товарооборот"); a phrase pointing back ("этот
/// показатель") takes the subject of the figure before.
struct FactContext {
  static let wordsBefore = 12
  static let wordsAfter = 4
  /// How many words past a vague subject a specific one may be.
  static let genericReach = 4
  /// Sentences are looked at no farther than this many scalars from the figure.
  static let reach = 400

  enum Subject: Equatable {
    case named(String)
    case reference
  }

  /// Lower-case words before the figure (text order) and after it.
  let before: [String]
  let after: [String]

  init(scalars s: [Unicode.Scalar], start: Int, end: Int, breaks: [Int] = []) {
    let lower = max(
      Self.sentenceStart(s, before: start), breaks.filter { $0 <= start }.max() ?? 0)
    let upper = min(Self.sentenceEnd(s, after: end), breaks.filter { $0 >= end }.min() ?? s.count)
    before = Array(Self.words(s, in: lower..<start, last: Self.wordsBefore))
    after = Array(Self.words(s, in: end..<upper, last: nil).prefix(Self.wordsAfter))
  }

  /// The subject: the nearest before the figure, else the nearest after it.
  func subject() -> Subject? {
    if let found = Self.nearest(in: before, fromEnd: true) { return found }
    return Self.nearest(in: after, fromEnd: false)
  }

  /// Up or down when a growth or decline word stands next to the figure: for a percentage among
  /// the three words before or two after it; for an amount only after a growth word and "by"/"на"
  /// ("grew by $5 million"), since "rose to $5 million" is a level.
  func direction(isPercentage: Bool) -> KeyFact.Direction? {
    let near: ArraySlice<String>
    if isPercentage {
      near = before.suffix(3) + after.prefix(2)
    } else {
      guard let last = before.last, FactVocabulary.changePrepositions.contains(last) else {
        return nil
      }
      near = before.dropLast().suffix(3)
    }
    for word in near.reversed() {
      if FactVocabulary.up.contains(where: { FactVocabulary.matches(word, $0) }) { return .up }
      if FactVocabulary.down.contains(where: { FactVocabulary.matches(word, $0) }) { return .down }
    }
    return nil
  }

  /// The subject closest to the figure in `words`: the end of `words` when they precede it.
  static func nearest(in words: [String], fromEnd: Bool) -> Subject? {
    var vague: (display: String, distance: Int)?
    for distance in 0..<words.count {
      if let vague, distance > vague.distance + genericReach { return .named(vague.display) }
      let position = fromEnd ? words.count - 1 - distance : distance
      guard let subject = subject(in: words, at: position, endingThere: fromEnd) else { continue }
      switch subject.role {
      case .specific: return .named(subject.display)
      case .reference: return vague.map { .named($0.display) } ?? .reference
      case .generic: if vague == nil { vague = (subject.display, distance) }
      }
    }
    return vague.map { .named($0.display) }
  }

  /// The longest subject whose last word (or first, when `endingThere` is false) is at `index`.
  static func subject(in words: [String], at index: Int, endingThere: Bool)
    -> FactVocabulary.Subject?
  {
    FactVocabulary.subjects.first { subject in
      let count = subject.words.count
      let first = endingThere ? index - count + 1 : index
      guard first >= 0, first + count <= words.count else { return false }
      return zip(words[first..<(first + count)], subject.words).allSatisfy {
        FactVocabulary.matches($0, $1)
      }
    }
  }

  // MARK: - Sentences and words

  /// Where the sentence holding `index` starts.
  static func sentenceStart(_ s: [Unicode.Scalar], before index: Int) -> Int {
    var position = min(index, s.count) - 1
    let limit = max(0, index - reach)
    while position >= limit {
      if endsSentence(s, at: position) { return position + 1 }
      position -= 1
    }
    return limit
  }

  /// Where the sentence holding the scalar before `index` ends.
  static func sentenceEnd(_ s: [Unicode.Scalar], after index: Int) -> Int {
    var position = index
    let limit = min(s.count, index + reach)
    while position < limit {
      if endsSentence(s, at: position) { return position }
      position += 1
    }
    return limit
  }

  /// Whether a sentence (or clause, for `;`) ends at `position`: a line break, a semicolon, or
  /// `.`, `!`, `?`, `…` before white space, a `.` only when what follows starts a sentence and
  /// what precedes is not an abbreviation or an initial ("Dec. 5", "долл. США", "А. Байель").
  static func endsSentence(_ s: [Unicode.Scalar], at position: Int) -> Bool {
    let scalar = s[position]
    if scalar == "\n" || scalar == "\r" || scalar == ";" { return true }
    guard scalar == "." || scalar == "!" || scalar == "?" || scalar == "…" else { return false }
    guard position + 1 < s.count, s[position + 1].properties.isWhitespace else {
      return position + 1 == s.count
    }
    guard scalar == "." else { return true }
    var next = position + 1
    while next < s.count, s[next].properties.isWhitespace { next += 1 }
    guard next < s.count, !s[next].properties.isLowercase else { return false }
    // After a number, a quote or a bracket the full stop ends the sentence.
    guard position > 0, s[position - 1].properties.isAlphabetic else { return true }
    var wordStart = position
    while wordStart > 0, s[wordStart - 1].properties.isAlphabetic { wordStart -= 1 }
    let word = String(String.UnicodeScalarView(s[wordStart..<position])).lowercased()
    return word.unicodeScalars.count > 1 && !abbreviations.contains(word)
  }

  /// Words that a full stop follows without ending the sentence, in the five languages.
  static let abbreviations: Set<String> = [
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "vs", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "inc", "ltd", "co", "corp", "gen", "gov", "mln",
    "bln", "mn", "bn", "г", "гг", "др", "им", "ул", "пр", "св", "см", "тыс", "млн", "млрд",
    "трлн", "руб", "долл", "коп", "обл", "проф", "акад", "жж", "küç", "mlrd", "vb", "doç", "av",
    "sn", "cad", "sok", "mlr",
  ]

  /// The words (letter runs, lower case, `ё` as `е`, `İ` as `i`) in `range`, in text order; with
  /// `last`, only the last that many.
  static func words(_ s: [Unicode.Scalar], in range: Range<Int>, last: Int?) -> [String] {
    var found: [String] = []
    var position = range.lowerBound
    while position < range.upperBound {
      guard s[position].properties.isAlphabetic else {
        position += 1
        continue
      }
      var word = String.UnicodeScalarView()
      while position < range.upperBound, s[position].properties.isAlphabetic {
        word.append(fold(s[position]))
        position += 1
      }
      found.append(String(word).lowercased())
    }
    guard let last else { return found }
    return Array(found.suffix(last))
  }

  static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    switch scalar {
    case "ё", "Ё": "е"
    case "İ": "i"
    default: scalar
    }
  }
}
