import Foundation
import KazazModel

/// The one extractor of key figures: sums of money, percentages and volumes (tonnes, TEU,
/// barrels, cubic metres) in English, Russian, Kazakh, Azerbaijani and Turkish news text —
/// "$1 billion", "375.3 million US dollars", "300 млн долларов", "529,4 млн долл. США",
/// "полмиллиарда долларов", "€20m", "14.3%", "%14,3", "на 22 процента", "3,1 млн тонн",
/// "120 000 TEU", "10 bcm" — each with the phrase it quantifies and, for changes, its direction
/// (`FactContext`): "товарооборот вырос на 40%" is `+40%` of "товарооборот".
///
/// A number is digits with separators. Spaces (also no-break and thin spaces) always group
/// thousands; several equal `,`/`.` separators group thousands ("1,000,000"); a single one is a
/// decimal point unless exactly three digits follow and no scale word comes next ("1,500" is
/// fifteen hundred, "3.785 million" three point seven). A money amount needs a currency: a symbol
/// or code before the number ("$", "US$", "€", "₸", "₼", "USD") or a currency word after it and
/// its scale ("dollars", "долларов", "манат", "tenge", "AZN"). A volume needs its unit after the
/// number and scale. A number with a scale word but neither ("3.7 million people") is not
/// reported.
///
/// The digest shows these facts and the store joins reports of one event in several languages
/// on them, so there is no other figure extractor.
///
/// The scanner looks only around digits (and at the few words that state half a million or a
/// billion), so text without numbers costs little more than one pass over its scalars.
public enum AmountExtractor {
  /// At most this many facts per article (the first ones, in order of appearance).
  public static let limit = 20
  /// Figures found before context and repeats are settled: room for repeats, and a bound.
  static let candidateLimit = limit * 4

  public static func facts(in source: String) -> [KeyFact] {
    facts(in: Array(source.unicodeScalars))
  }

  /// As `facts(in:)` on text already split into scalars. `sentenceBreaks` are positions where a
  /// sentence ends although no punctuation says so (after a headline): a figure's subject is
  /// never looked for across them. Without `context` the figures come without subject or
  /// direction: reading the words around each figure is most of the extractor's cost, and the
  /// classifier spends it on relevant articles only, the ones digests show.
  public static func facts(
    in scalars: [Unicode.Scalar], sentenceBreaks: [Int] = [], context: Bool = true
  ) -> [KeyFact] {
    // At most `candidateLimit`: repeats of one figure in a hostile text must not cost a sentence
    // scan each.
    let found = figures(in: scalars)
    var facts: [KeyFact] = []
    var seen: Set<String> = []
    var lastSubject: String?
    // A number too long for a Double is no figure anyone wrote.
    for figure in found where figure.fact.value?.isFinite ?? true {
      var fact = figure.fact
      if context {
        let words = FactContext(
          scalars: scalars, start: figure.start, end: figure.end, breaks: sentenceBreaks)
        switch words.subject() {
        case .named(let subject): fact.subject = subject
        case .reference: fact.subject = lastSubject
        case .none: break
        }
        if let subject = fact.subject { lastSubject = subject }
        fact.direction = words.direction(isPercentage: fact.kind == .percentage)
      }
      let key = [
        fact.kind.rawValue, "\(fact.value ?? 0)", fact.currency ?? "", fact.unit ?? "",
        fact.subject ?? "",
      ].joined(separator: "|")
      guard seen.insert(key).inserted else { continue }
      facts.append(fact)
      if facts.count == limit { break }
    }
    return facts
  }

  /// A figure found in the text and where it lies, before its context is read.
  struct Found {
    var fact: KeyFact
    var start: Int
    var end: Int
  }

  /// Every money amount, percentage and volume written with digits, and every half million or
  /// billion written in words, in order of appearance.
  static func figures(in scalars: [Unicode.Scalar]) -> [Found] {
    var found: [Found] = []
    var index = 0
    while index < scalars.count, found.count < candidateLimit {
      if !isDigit(scalars[index]) {
        if startsHalf(scalars, at: index), index == 0 || !isWordScalar(scalars[index - 1]),
          let half = halfAmount(in: scalars, at: index)
        {
          found.append(half)
          index = half.end
        } else {
          index = nextCandidate(scalars, from: index + 1)
        }
        continue
      }
      guard index == 0 || !isWordScalar(scalars[index - 1]) else {
        index += 1
        continue
      }
      let start = index
      guard let number = parseNumber(scalars, from: index) else {
        index += 1
        continue
      }
      index = number.end
      var cursor = skipSpaces(scalars, from: number.end)
      // Most numbers (dates, counts) have neither a sign, a symbol nor a word around them.
      let after = cursor < scalars.count ? scalars[cursor] : " "
      let before = start > 0 ? scalars[skipSpacesBackward(scalars, from: start - 1)] : " "
      guard
        after == "%" || before == "%" || isSymbol(after) || isSymbol(before)
          || isLetter(after) || isLetter(before)
      else { continue }
      // Percentages: "14.3%", "%14,3" (Turkish and Azerbaijani put the sign first), "30 percent".
      if start > 0, scalars[start - 1] == "%" {
        found.append(
          Found(
            fact: KeyFact(
              kind: .percentage, text: slice(scalars, start - 1, number.end), value: number.value),
            start: start - 1, end: number.end))
        continue
      }
      if cursor < scalars.count, scalars[cursor] == "%" {
        found.append(
          Found(
            fact: KeyFact(
              kind: .percentage, text: slice(scalars, start, cursor + 1), value: number.value),
            start: start, end: cursor + 1))
        index = cursor + 1
        continue
      }
      // The word after the number, read once for the percent, scale and currency tests.
      let following = Word(scalars, at: cursor)
      if let length = percentWord(scalars, at: cursor, following) {
        let end = cursor + length
        found.append(
          Found(
            fact: KeyFact(kind: .percentage, text: slice(scalars, start, end), value: number.value),
            start: start, end: end))
        index = end
        continue
      }
      // Money: currency before, scale after, currency after. Volumes: scale, then unit.
      var amountStart = start
      var currency = currencyBefore(scalars, numberStart: start, amountStart: &amountStart)
      var value = number.value
      var end = number.end
      var afterScale = following
      var scaled = false
      if let (multiplier, length) = scale(scalars, at: cursor, following) {
        value *= multiplier
        end = cursor + length
        cursor = skipSpaces(scalars, from: end)
        afterScale = Word(scalars, at: cursor)
        scaled = true
      } else if number.scaleSensitive {
        // "1,500" without a scale word: a thousands separator after all.
        value = number.groupedValue
      }
      if currency == nil, let (code, length) = currencyAfter(scalars, at: cursor, afterScale) {
        currency = code
        end = cursor + length
      }
      if let currency {
        let display = slice(scalars, amountStart, end).trimmingCharacters(
          in: CharacterSet(charactersIn: " .,"))
        found.append(
          Found(
            fact: KeyFact(kind: .money, text: display, value: value, currency: currency),
            start: amountStart, end: end))
        index = end
      } else if let unit = FactUnits.unit(scalars, at: cursor, afterScale: scaled) {
        end = cursor + unit.length
        found.append(
          Found(
            fact: KeyFact(
              kind: .quantity, text: slice(scalars, start, end), value: value * unit.multiplier,
              unit: unit.code),
            start: start, end: end))
        index = end
      }
    }
    return found
  }

  // MARK: - Half a million or a billion in words: "полмиллиарда долларов", "half a billion dollars"

  /// Whether "пол" or "half" starts at `index`: the cheap test before any word is read
  /// (`nextCandidate` has looked further already).
  @inline(__always)
  static func startsHalf(_ s: [Unicode.Scalar], at index: Int) -> Bool {
    let first = s[index]
    return first == "п" || first == "П" || first == "h" || first == "H"
  }

  /// The half amount starting at `start`, if one does.
  static func halfAmount(in scalars: [Unicode.Scalar], at start: Int) -> Found? {
    var cursor = start
    var words: [String] = []
    // At most three words: "half a billion".
    while words.count < 3, let word = word(scalars, at: cursor) {
      words.append(word.lowercased())
      cursor = skipSpaces(scalars, from: cursor + word.unicodeScalars.count)
      guard let value = halfValue(words) else { continue }
      guard let (code, length) = currencyAfter(scalars, at: cursor, Word(scalars, at: cursor))
      else { return nil }
      let end = cursor + length
      let text = slice(scalars, start, end).trimmingCharacters(in: CharacterSet(charactersIn: " ."))
      return Found(
        fact: KeyFact(kind: .money, text: text, value: value, currency: code),
        start: start, end: end)
    }
    return nil
  }

  /// The value of "полмиллиарда", "полумиллиона", "half a billion", …; nil for other words.
  static func halfValue(_ words: [String]) -> Double? {
    switch words {
    case ["полмиллиарда"], ["полумиллиарда"], ["half", "a", "billion"]: 5e8
    case ["полмиллиона"], ["полумиллиона"], ["half", "a", "million"]: 5e5
    default: nil
    }
  }

  // MARK: - Numbers

  struct Number {
    var value: Double
    /// The value if the single separator groups thousands instead ("1,500").
    var groupedValue: Double
    /// True when one `,`/`.` separator is followed by exactly three digits.
    var scaleSensitive: Bool
    var end: Int
  }

  static func parseNumber(_ s: [Unicode.Scalar], from start: Int) -> Number? {
    // The digits (ASCII) and, per group, where it ends in them.
    var digits: [UInt8] = []
    var groupEnds: [Int] = []
    var separators: [Unicode.Scalar] = []
    var index = start
    while index < s.count {
      let scalar = s[index]
      if isDigit(scalar) {
        digits.append(UInt8(scalar.value))
        index += 1
      } else if isNumberSeparator(scalar), index + 1 < s.count, isDigit(s[index + 1]),
        scalar == "," || scalar == "." || groupsOfThree(s, from: index + 1)
      {
        separators.append(
          scalar == "\u{00A0}" || scalar == "\u{202F}" || scalar == "\u{2009}" ? " " : scalar)
        groupEnds.append(digits.count)
        index += 1
      } else {
        break
      }
    }
    groupEnds.append(digits.count)
    let digitsOnly = String(decoding: digits, as: UTF8.self)
    guard let whole = Double(digitsOnly) else { return nil }
    let points = separators.filter { $0 != " " }
    if points.isEmpty {
      return Number(value: whole, groupedValue: whole, scaleSensitive: false, end: index)
    }
    if Set(points).count == 1 && points.count > 1 {
      // "1,000,000": thousands.
      return Number(value: whole, groupedValue: whole, scaleSensitive: false, end: index)
    }
    // The last `,`/`.` is the decimal point; separators before it group thousands.
    let lastPoint = separators.lastIndex { $0 != " " }!
    let split = groupEnds[lastPoint]
    let integer = String(decoding: digits[..<split], as: UTF8.self)
    let fraction = String(decoding: digits[split...], as: UTF8.self)
    guard let value = Double(integer + "." + fraction) else { return nil }
    return Number(
      value: value, groupedValue: whole,
      scaleSensitive: points.count == 1 && fraction.utf8.count == 3
        && lastPoint == groupEnds.count - 2,
      end: index)
  }

  @inline(__always)
  static func isNumberSeparator(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case ",", ".", " ", "\u{00A0}", "\u{202F}", "\u{2009}": true
    default: false
    }
  }

  /// True when exactly three digits start at `index` and no digit follows them.
  static func groupsOfThree(_ s: [Unicode.Scalar], from index: Int) -> Bool {
    guard index + 3 <= s.count else { return false }
    for offset in 0..<3 where !isDigit(s[index + offset]) { return false }
    return index + 3 == s.count || !isDigit(s[index + 3])
  }

  // MARK: - Words around the number

  static let percentWords = ["percent", "pct", "процент", "пайыз", "faiz"]

  /// The length of a percent word at `index` ("percent", "per cent", "процента"), or nil.
  static func percentWord(_ s: [Unicode.Scalar], at index: Int, _ first: Word?) -> Int? {
    guard let first else { return nil }
    let lower = first.lower
    if percentWords.contains(where: { lower.hasPrefix($0) }) { return first.length }
    let next = index + first.length + 1
    if lower == "per", next < s.count, s[next - 1] == " ", word(s, at: next)?.lowercased() == "cent"
    {
      return next + 4 - index
    }
    return nil
  }

  /// Scale words and their multipliers; matched as whole words (an optional `.` may follow).
  static let scales: [(String, Double)] = [
    ("thousand", 1e3), ("тыс", 1e3), ("тысяч", 1e3), ("мың", 1e3),
    ("million", 1e6), ("millions", 1e6), ("mln", 1e6), ("mn", 1e6), ("m", 1e6),
    ("млн", 1e6), ("миллион", 1e6), ("миллиона", 1e6), ("миллионов", 1e6), ("milyon", 1e6),
    ("billion", 1e9), ("billions", 1e9), ("bln", 1e9), ("bn", 1e9), ("b", 1e9),
    ("млрд", 1e9), ("миллиард", 1e9), ("миллиарда", 1e9), ("миллиардов", 1e9),
    ("milyard", 1e9), ("milyar", 1e9),
    ("trillion", 1e12), ("трлн", 1e12), ("триллион", 1e12), ("триллиона", 1e12),
  ]

  static func scale(_ s: [Unicode.Scalar], at index: Int, _ word: Word?) -> (Double, Int)? {
    guard let word else { return nil }
    let lower = word.lower
    guard let multiplier = scales.first(where: { $0.0 == lower })?.1 else { return nil }
    var length = word.length
    if index + length < s.count, s[index + length] == "." { length += 1 }
    return (multiplier, length)
  }

  static let symbols: [Unicode.Scalar: String] = [
    "$": "USD", "€": "EUR", "£": "GBP", "₸": "KZT", "₼": "AZN", "₽": "RUB", "¥": "CNY",
    "₺": "TRY",
  ]
  static let codes = ["USD", "EUR", "GBP", "KZT", "AZN", "RUB", "CNY", "TRY"]

  /// Whether `scalar` is one of `symbols` (without hashing it).
  @inline(__always)
  static func isSymbol(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "$", "€", "£", "₸", "₼", "₽", "¥", "₺": true
    default: false
    }
  }

  @inline(__always)
  static func isUpperASCII(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value >= 0x41 && scalar.value <= 0x5A
  }

  /// Currency words after a number, by prefix (lower case), with their codes.
  static let currencyWords: [(String, String)] = [
    ("us dollar", "USD"), ("u.s. dollar", "USD"), ("dollar", "USD"), ("долл", "USD"),
    ("доллар", "USD"), ("dolları", "USD"), ("dolar", "USD"), ("euro", "EUR"), ("евро", "EUR"),
    ("avro", "EUR"), ("manat", "AZN"), ("манат", "AZN"), ("tenge", "KZT"), ("тенге", "KZT"),
    ("теңге", "KZT"), ("rubl", "RUB"), ("roubl", "RUB"), ("рубл", "RUB"), ("руб", "RUB"),
    ("yuan", "CNY"), ("юан", "CNY"), ("pound", "GBP"), ("lira", "TRY"), ("лир", "TRY"),
  ]

  static func currencyBefore(
    _ s: [Unicode.Scalar], numberStart: Int, amountStart: inout Int
  ) -> String? {
    var index = numberStart - 1
    while index >= 0, s[index] == " " || s[index] == "\u{00A0}" { index -= 1 }
    guard index >= 0 else { return nil }
    if isSymbol(s[index]), let code = symbols[s[index]] {
      amountStart = index
      // "US$": the letters before the sign belong to it.
      if index >= 2, s[index - 1] == "S", s[index - 2] == "U" { amountStart = index - 2 }
      return code
    }
    // A three-letter code ending right before the number.
    // (Every code is three upper-case ASCII letters.)
    if index >= 2, isUpperASCII(s[index]), isUpperASCII(s[index - 1]), isUpperASCII(s[index - 2]) {
      let code = String(String.UnicodeScalarView(s[(index - 2)...index]))
      if codes.contains(code), index < 3 || !isWordScalar(s[index - 3]) {
        amountStart = index - 2
        return code
      }
    }
    return nil
  }

  static func currencyAfter(_ s: [Unicode.Scalar], at index: Int, _ found: Word?) -> (String, Int)?
  {
    guard index < s.count else { return nil }
    if isSymbol(s[index]), let code = symbols[s[index]] { return (code, 1) }
    guard let found else { return nil }
    let word = found.text
    if codes.contains(word) { return (word, found.length) }
    let lower = found.lower
    // "US dollars", "долл. США": look at two words when the first is "us"/"u.s.".
    if lower == "us" || lower == "u" {
      var next = index + word.unicodeScalars.count
      while next < s.count, s[next] == "." || s[next] == " " { next += 1 }
      if let second = self.word(s, at: next), second.lowercased().hasPrefix("dollar") {
        return ("USD", next - index + second.unicodeScalars.count)
      }
      return nil
    }
    guard let code = currencyWords.first(where: { lower.hasPrefix($0.0) })?.1 else { return nil }
    var length = word.unicodeScalars.count
    if index + length < s.count, s[index + length] == "." { length += 1 }
    return (code, length)
  }

  // MARK: - Helpers

  /// The letters at a position, as written and in lower case, and their length in scalars.
  struct Word {
    var text: String
    var lower: String
    var length: Int

    init?(_ s: [Unicode.Scalar], at index: Int) {
      guard let text = AmountExtractor.word(s, at: index) else { return nil }
      self.text = text
      lower = text.lowercased()
      length = text.unicodeScalars.count
    }
  }

  static func word(_ s: [Unicode.Scalar], at index: Int) -> String? {
    var end = index
    while end < s.count, isLetter(s[end]) { end += 1 }
    guard end > index else { return nil }
    return String(unsafeUninitializedCapacity: (end - index) * 4) { buffer in
      var count = 0
      for scalar in s[index..<end] {
        for byte in scalar.utf8 {
          buffer[count] = byte
          count += 1
        }
      }
      return count
    }
  }

  static func skipSpacesBackward(_ s: [Unicode.Scalar], from index: Int) -> Int {
    var index = index
    while index > 0, s[index] == " " || s[index] == "\u{00A0}" { index -= 1 }
    return index
  }

  @inline(__always)
  static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x80 { return (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
    // Cyrillic letters without a property lookup (U+0482–0489 are a sign and combining marks).
    if (0x400...0x481).contains(value) || (0x48A...0x52F).contains(value) { return true }
    return scalar.properties.isAlphabetic
  }

  static func skipSpaces(_ s: [Unicode.Scalar], from index: Int) -> Int {
    var index = index
    while index < s.count, s[index] == " " || s[index] == "\u{00A0}" || s[index] == "\u{202F}" {
      index += 1
    }
    return index
  }

  static func slice(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
    String(String.UnicodeScalarView(s[start..<min(end, s.count)]))
  }

  /// The position of the first ASCII digit, or of "пол"/"Пол"/"half"/"Half" (which may start
  /// half a million or billion), at or after `start`, or the end: the one scan every article pays
  /// for, kept to comparisons of scalar values.
  static func nextCandidate(_ s: [Unicode.Scalar], from start: Int) -> Int {
    s.withUnsafeBufferPointer { buffer in
      var index = start
      while index < buffer.count {
        let value = buffer[index].value
        if value &- 0x30 <= 9 { return index }
        // "полм…", "полум…" (Russian has many words in "пол-"), "half a"; `| 0x20` makes "П"
        // "п" and "H" "h", one comparison each.
        let folded = value | 0x20
        guard folded == 0x43F || folded == 0x68 else {
          index += 1
          continue
        }
        if folded == 0x43F {
          if index + 4 < buffer.count, buffer[index + 1] == "о", buffer[index + 2] == "л",
            buffer[index + 3] == "м" || (buffer[index + 3] == "у" && buffer[index + 4] == "м")
          {
            return index
          }
        } else {
          if index + 5 < buffer.count, buffer[index + 1] == "a", buffer[index + 2] == "l",
            buffer[index + 3] == "f", buffer[index + 4] == " ", buffer[index + 5] == "a"
          {
            return index
          }
        }
        index += 1
      }
      return index
    }
  }

  static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value >= 0x30 && scalar.value <= 0x39
  }

  static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    isDigit(scalar) || scalar.properties.isAlphabetic
  }

}
