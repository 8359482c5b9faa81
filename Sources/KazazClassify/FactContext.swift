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
  /// Words are looked for no farther than this many scalars from the figure.
  static let reach = 400

  enum Subject: Equatable {
    case named(String)
    case reference
  }

  /// Folded words before the figure (text order) and after it.
  let before: [[UInt8]]
  let after: [[UInt8]]

  init(scalars s: [Unicode.Scalar], start: Int, end: Int, breaks: [Int] = []) {
    // The words are read outwards from the figure, to the sentence's end or enough of them.
    let lower = max(start - Self.reach, breaks.filter { $0 <= start }.max() ?? 0, 0)
    let upper = min(end + Self.reach, breaks.filter { $0 >= end }.min() ?? s.count, s.count)
    before = Self.words(s, before: start, downTo: lower, limit: Self.wordsBefore)
    after = Self.words(s, after: end, upTo: upper, limit: Self.wordsAfter)
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
    let near: ArraySlice<[UInt8]>
    if isPercentage {
      near = before.suffix(3) + after.prefix(2)
    } else {
      guard let last = before.last,
        FactVocabulary.changePrepositions.contains(where: { $0.matches(last) })
      else { return nil }
      near = before.dropLast().suffix(3)
    }
    for word in near.reversed() {
      if FactVocabulary.up.contains(where: { $0.matches(word) }) { return .up }
      if FactVocabulary.down.contains(where: { $0.matches(word) }) { return .down }
    }
    return nil
  }

  /// The subject closest to the figure in `words`: the end of `words` when they precede it.
  static func nearest(in words: [[UInt8]], fromEnd: Bool) -> Subject? {
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
  static func subject(in words: [[UInt8]], at index: Int, endingThere: Bool)
    -> FactVocabulary.Subject?
  {
    guard let byte = words[index].first,
      let candidates = (endingThere ? FactVocabulary.byLastWord : FactVocabulary.byFirstWord)[
        byte]
    else { return nil }
    for position in candidates {
      let subject = FactVocabulary.subjects[position]
      let count = subject.words.count
      let first = endingThere ? index - count + 1 : index
      guard first >= 0, first + count <= words.count else { continue }
      var matched = true
      for offset in 0..<count where !subject.words[offset].matches(words[first + offset]) {
        matched = false
        break
      }
      if matched { return subject }
    }
    return nil
  }

  // MARK: - Sentences and words

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

  /// The last `limit` words (letter runs, folded by `FoldedWord`) of the sentence before
  /// `index`, back to `lower` at most, in text order.
  static func words(_ s: [Unicode.Scalar], before index: Int, downTo lower: Int, limit: Int)
    -> [[UInt8]]
  {
    var found: [[UInt8]] = []
    var position = index - 1
    while position >= lower, found.count < limit {
      guard AmountExtractor.isLetter(s[position]) else {
        if endsSentence(s, at: position) { break }
        position -= 1
        continue
      }
      let end = position + 1
      while position >= lower, AmountExtractor.isLetter(s[position]) { position -= 1 }
      var word: [UInt8] = []
      for scalar in s[(position + 1)..<end] { FoldedWord.append(scalar, to: &word) }
      found.append(word)
    }
    return found.reversed()
  }

  /// The first `limit` words of the sentence after `index`, up to `upper` at most.
  static func words(_ s: [Unicode.Scalar], after index: Int, upTo upper: Int, limit: Int)
    -> [[UInt8]]
  {
    var found: [[UInt8]] = []
    var position = index
    while position < upper, found.count < limit {
      guard AmountExtractor.isLetter(s[position]) else {
        if endsSentence(s, at: position) { break }
        position += 1
        continue
      }
      var word: [UInt8] = []
      while position < upper, AmountExtractor.isLetter(s[position]) {
        FoldedWord.append(s[position], to: &word)
        position += 1
      }
      found.append(word)
    }
    return found
  }
}
