/// The units of the volumes reported as key facts, written after a number and its scale:
/// tonnes, TEU, barrels and cubic metres, in the five languages the monitor reads.
enum FactUnits {
  struct Unit {
    /// The unit's words in lower case; a trailing `*` matches any ending.
    var words: [WordPattern]
    /// "t", "TEU", "bbl" or "m3".
    var code: String
    /// "bcm" is a billion cubic metres.
    var multiplier: Double
    /// A bare letter ("т") is a unit only after a scale word ("3,1 млн т").
    var needsScale: Bool

    init(words: [String], code: String, multiplier: Double = 1, needsScale: Bool = false) {
      self.words = words.map(WordPattern.init)
      self.code = code
      self.multiplier = multiplier
      self.needsScale = needsScale
    }
  }

  struct Match {
    var code: String
    var multiplier: Double
    /// In scalars from the position given.
    var length: Int
  }

  /// Longer phrases first, so "metric tons" wins over "tons".
  static let units: [Unit] = [
    // English
    Unit(words: ["metric", "tons"], code: "t"), Unit(words: ["metric", "tonnes"], code: "t"),
    Unit(words: ["cubic", "metres"], code: "m3"), Unit(words: ["cubic", "meters"], code: "m3"),
    Unit(words: ["cubic", "metre"], code: "m3"), Unit(words: ["cubic", "meter"], code: "m3"),
    Unit(words: ["cu", "m"], code: "m3"), Unit(words: ["bcm"], code: "m3", multiplier: 1e9),
    Unit(words: ["tonnes"], code: "t"), Unit(words: ["tonne"], code: "t"),
    Unit(words: ["tons"], code: "t"), Unit(words: ["ton"], code: "t"),
    Unit(words: ["teu"], code: "TEU"), Unit(words: ["teus"], code: "TEU"),
    Unit(words: ["barrels"], code: "bbl"), Unit(words: ["barrel"], code: "bbl"),
    Unit(words: ["bbl"], code: "bbl"),
    // Russian
    Unit(words: ["кубических", "метров"], code: "m3"), Unit(words: ["куб", "м"], code: "m3"),
    Unit(words: ["кубометр*"], code: "m3"), Unit(words: ["тонн*"], code: "t"),
    Unit(words: ["т"], code: "t", needsScale: true), Unit(words: ["дфэ"], code: "TEU"),
    Unit(words: ["баррел*"], code: "bbl"),
    // Kazakh (тонна and баррель are covered above)
    Unit(words: ["текше", "метр*"], code: "m3"),
    // Azerbaijani
    Unit(words: ["kub", "metr*"], code: "m3"), Unit(words: ["kubmetr*"], code: "m3"),
    Unit(words: ["barel*"], code: "bbl"),
    // Turkish ("ton" is covered above)
    Unit(words: ["metreküp*"], code: "m3"), Unit(words: ["varil*"], code: "bbl"),
    // Azerbaijani and Turkish case endings ("2 milyon tona", "tondan"), after a scale word only
    Unit(words: ["ton*"], code: "t", needsScale: true),
  ]

  /// The first letters of the units, in both cases.
  static let unitInitials: Set<Unicode.Scalar> = Set(
    units.compactMap { $0.words.first?.bytes }.flatMap { bytes -> [Unicode.Scalar] in
      let letter = String(decoding: bytes, as: UTF8.self).prefix(1)
      return Array((letter.lowercased() + letter.uppercased()).unicodeScalars)
    })

  /// The unit starting at `index` (after the number and its scale), if any.
  static func unit(_ s: [Unicode.Scalar], at index: Int, afterScale: Bool) -> Match? {
    if let length = cubicMetreSymbol(s, at: index) {
      return Match(code: "m3", multiplier: 1, length: length)
    }
    // Most words after a number ("2023 года", "10 April") are no unit: their first letter says so.
    guard index < s.count, unitInitials.contains(s[index]),
      let first = FoldedWord.word(s, at: index)
    else { return nil }
    for unit in units where afterScale || !unit.needsScale {
      guard let head = unit.words.first, head.matches(first.bytes),
        let length = match(unit.words, s, at: index)
      else { continue }
      return Match(code: unit.code, multiplier: unit.multiplier, length: length)
    }
    return nil
  }

  /// "m3", "m³", "м3", "м³" followed by no letter or digit: the length, else nil.
  static func cubicMetreSymbol(_ s: [Unicode.Scalar], at index: Int) -> Int? {
    guard index + 1 < s.count, s[index] == "m" || s[index] == "м",
      s[index + 1] == "3" || s[index + 1] == "³"
    else { return nil }
    guard index + 2 == s.count || !AmountExtractor.isWordScalar(s[index + 2]) else { return nil }
    return 2
  }

  /// The length of `words` written at `index` (one word each, a `.` and spaces between them),
  /// or nil when they are not there.
  static func match(_ words: [WordPattern], _ s: [Unicode.Scalar], at index: Int) -> Int? {
    var cursor = index
    var end = index
    for (position, pattern) in words.enumerated() {
      guard let word = FoldedWord.word(s, at: cursor), pattern.matches(word.bytes) else {
        return nil
      }
      end = cursor + word.length
      if position + 1 < words.count {
        cursor = end
        if cursor < s.count, s[cursor] == "." { cursor += 1 }
        cursor = AmountExtractor.skipSpaces(s, from: cursor)
      }
    }
    return end - index
  }
}
