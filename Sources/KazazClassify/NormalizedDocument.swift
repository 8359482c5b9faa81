import KazazModel

/// An article split into sentences, each normalised and framed by spaces, in one byte buffer.
///
/// Sentences are separated by a newline byte, which no pattern contains, so a phrase never
/// matches across a sentence boundary. Each sentence knows its region (title, lead, body) and
/// its paragraph, which scoring uses for co-occurrence. A dateline opening the body
/// (`BAKU, Azerbaijan, December 12.`) is left out: see `Dateline`.
///
/// Splitting and normalising happen in one pass over the Unicode scalars (no grapheme
/// clustering), which keeps classification fast on large volumes.
struct NormalizedDocument {
  struct Sentence {
    var start: Int
    var end: Int
    var region: TextRegion
    var paragraph: Int
  }

  private(set) var bytes: [UInt8] = []
  private(set) var sentences: [Sentence] = []
  /// The headline's and body's scalars (after NFKC where needed), for the other extractors.
  let titleScalars: [Unicode.Scalar]
  let bodyScalars: [Unicode.Scalar]

  /// The lead is the first sentences of the body, up to about this many characters.
  static let leadCharacters = 320

  init(title: String, body: String) {
    bytes.reserveCapacity(title.utf8.count + body.utf8.count + 64)
    titleScalars = Array(TextNormalizer.compatibilityForm(title).unicodeScalars)
    bodyScalars = Array(TextNormalizer.compatibilityForm(body).unicodeScalars)
    appendParagraphs(titleScalars, isTitle: true)
    appendParagraphs(bodyScalars, isTitle: false)
  }

  /// The sentence holding byte `offset` (binary search).
  func sentenceIndex(at offset: Int) -> Int {
    var low = 0
    var high = sentences.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if sentences[middle].start <= offset { low = middle } else { high = middle - 1 }
    }
    return low
  }

  /// Splits `scalars` into paragraphs (line breaks) and sentences, appending each sentence. The
  /// title is one paragraph (0) whatever its lines; body paragraphs are numbered from 1.
  private mutating func appendParagraphs(_ scalars: [Unicode.Scalar], isTitle: Bool) {
    var consumed = 0
    var paragraph = 1
    var index = 0
    var firstParagraph = true
    while index < scalars.count {
      var end = index
      while end < scalars.count, !Self.isLineBreak(scalars[end]) { end += 1 }
      var start = index
      if !isTitle && firstParagraph && end > start {
        // The dateline names where the story was filed, not what it is about: skipped.
        start += Dateline.length(in: scalars[start..<end])
      }
      var hadText = false
      for range in Self.sentenceRanges(scalars, start, end) {
        let region: TextRegion =
          isTitle ? .title : (consumed < Self.leadCharacters ? .lead : .body)
        if !isTitle { consumed += range.count }
        if append(scalars[range], region: region, paragraph: isTitle ? 0 : paragraph) {
          hadText = true
        }
      }
      if hadText {
        if !isTitle { paragraph += 1 }
        firstParagraph = false
      }
      index = end + 1
    }
  }

  /// Appends one sentence; returns false when it had no letters or digits.
  private mutating func append(
    _ scalars: ArraySlice<Unicode.Scalar>, region: TextRegion, paragraph: Int
  ) -> Bool {
    let start = bytes.count
    bytes.append(0x20)
    var lastWasSpace = true
    for scalar in scalars {
      TextNormalizer.append(scalar, to: &bytes, lastWasSpace: &lastWasSpace)
    }
    if bytes.count == start + 1 {
      bytes.removeLast()
      return false
    }
    if bytes.last != 0x20 { bytes.append(0x20) }
    sentences.append(Sentence(start: start, end: bytes.count, region: region, paragraph: paragraph))
    bytes.append(0x0A)
    return true
  }

  /// Splits text into sentences at `.`, `!`, `?`, `…` followed by white space and an upper-case
  /// letter, digit or quote. Abbreviations such as "Dec. 5" stay joined; "U.S. President" may
  /// split, which only costs a little co-occurrence precision.
  static func sentences(of text: String) -> [String] {
    let scalars = Array(text.unicodeScalars)
    return sentenceRanges(scalars, 0, scalars.count).map {
      String(String.UnicodeScalarView(scalars[$0]))
    }
  }

  static func sentenceRanges(_ s: [Unicode.Scalar], _ from: Int, _ to: Int) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var sentenceStart = from
    var index = from
    while index < to {
      let scalar = s[index]
      let next = index + 1
      if scalar == "." || scalar == "!" || scalar == "?" || scalar == "…", next < to,
        s[next].properties.isWhitespace
      {
        var lookahead = next
        while lookahead < to, s[lookahead].properties.isWhitespace { lookahead += 1 }
        if lookahead < to, startsSentence(s[lookahead]) {
          result.append(sentenceStart..<next)
          sentenceStart = lookahead
          index = lookahead
          continue
        }
      }
      index = next
    }
    if sentenceStart < to { result.append(sentenceStart..<to) }
    return result.filter { range in !s[range].allSatisfy { $0.properties.isWhitespace } }
  }

  private static func startsSentence(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "\"", "«", "“", "—", "–": return true
    default:
      if scalar.value < 0x80 {
        return (0x41...0x5A).contains(scalar.value) || (0x30...0x39).contains(scalar.value)
      }
      return scalar.properties.isUppercase || scalar.properties.numericType != nil
    }
  }

  static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
    default: return false
    }
  }
}
