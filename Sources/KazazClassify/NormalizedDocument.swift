import KazazModel
import KazazText

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
  /// How words are written into `bytes`.
  enum Spelling {
    /// `TextNormalizer`: the profile's patterns as written.
    case standard
    /// `KazakhSkeleton`: Kazakh in any of its Latin spellings, for the skeletons of the
    /// profile's Kazakh terms.
    case kazakhSkeleton
  }

  struct Sentence {
    var start: Int
    var end: Int
    var region: TextRegion
    var paragraph: Int
  }

  private(set) var bytes: [UInt8] = []
  private(set) var sentences: [Sentence] = []
  /// The headline's scalars, one space, then the body's (each after NFKC where needed): one
  /// array for the other extractors, decoded once.
  let scalars: [Unicode.Scalar]
  /// Where the headline and the body lie in `scalars`.
  let titleRange: Range<Int>
  let bodyRange: Range<Int>
  let spelling: Spelling

  /// The lead is the first sentences of the body, up to about this many characters.
  static let leadCharacters = 320

  init(title: String, body: String) {
    bytes.reserveCapacity(title.utf8.count + body.utf8.count + 64)
    // Valid UTF-8 has at most one scalar per byte.
    var titleCount = 0
    var compatibility = false
    var scalars = [Unicode.Scalar](
      unsafeUninitializedCapacity: title.utf8.count + body.utf8.count + 1
    ) { buffer, count in
      count = 0
      compatibility = Self.decode(title, into: buffer, count: &count)
      titleCount = count
      buffer[count] = " "
      count += 1
      if Self.decode(body, into: buffer, count: &count) { compatibility = true }
    }
    if compatibility {
      // Rare (combining marks, compatibility characters): decoded again after NFKC.
      let folded = TextNormalizer.compatibilityForm(title)
      scalars = Array(folded.unicodeScalars)
      titleCount = scalars.count
      scalars.append(" ")
      scalars.append(contentsOf: TextNormalizer.compatibilityForm(body).unicodeScalars)
    }
    titleRange = 0..<titleCount
    bodyRange = (titleCount + 1)..<scalars.count
    self.scalars = scalars
    spelling = .standard
    appendParagraphs(scalars, titleRange, isTitle: true)
    appendParagraphs(scalars, bodyRange, isTitle: false)
  }

  /// The same article (the same scalars, sentences and regions) written in another spelling.
  init(_ document: NormalizedDocument, spelling: Spelling) {
    scalars = document.scalars
    titleRange = document.titleRange
    bodyRange = document.bodyRange
    self.spelling = spelling
    bytes.reserveCapacity(document.bytes.count)
    appendParagraphs(scalars, titleRange, isTitle: true)
    appendParagraphs(scalars, bodyRange, isTitle: false)
  }

  /// Decodes the scalars of `text` into `buffer` from `count` on, and tells whether the text
  /// needs NFKC (see `TextNormalizer.needsCompatibilityNormalization`).
  private static func decode(
    _ text: String, into buffer: UnsafeMutableBufferPointer<Unicode.Scalar>, count: inout Int
  ) -> Bool {
    var needsCompatibility = false
    let decoded: Void? = text.utf8.withContiguousStorageIfAvailable { utf8 in
      // A Swift string holds valid UTF-8, so the sequences need no checks.
      var index = 0
      while index < utf8.count {
        let lead = UInt32(utf8[index])
        var value: UInt32
        if lead < 0x80 {
          value = lead
          index += 1
        } else if lead < 0xE0 {
          value = (lead & 0x1F) << 6 | UInt32(utf8[index + 1] & 0x3F)
          index += 2
        } else if lead < 0xF0 {
          value =
            (lead & 0x0F) << 12 | UInt32(utf8[index + 1] & 0x3F) << 6
            | UInt32(utf8[index + 2] & 0x3F)
          index += 3
        } else {
          value =
            (lead & 0x07) << 18 | UInt32(utf8[index + 1] & 0x3F) << 12
            | UInt32(utf8[index + 2] & 0x3F) << 6 | UInt32(utf8[index + 3] & 0x3F)
          index += 4
        }
        let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
        if value >= 0x0300 && TextNormalizer.needsCompatibilityNormalization(scalar) {
          needsCompatibility = true
        }
        buffer[count] = scalar
        count += 1
      }
    }
    if decoded == nil {
      for scalar in text.unicodeScalars {
        buffer[count] = scalar
        count += 1
      }
      needsCompatibility = TextNormalizer.needsCompatibilityNormalization(text.unicodeScalars)
    }
    return needsCompatibility
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
  private mutating func appendParagraphs(
    _ scalars: [Unicode.Scalar], _ bounds: Range<Int>, isTitle: Bool
  ) {
    var consumed = 0
    var paragraph = 1
    var index = bounds.lowerBound
    var firstParagraph = true
    while index < bounds.upperBound {
      var end = index
      while end < bounds.upperBound,
        !Self.isLineBreak(scalars[end])
          || Self.isSoftWrap(scalars, at: end, before: bounds.upperBound)
      {
        end += 1
      }
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
    switch spelling {
    case .standard:
      var lastWasSpace = true
      TextNormalizer.append(scalars, to: &bytes, lastWasSpace: &lastWasSpace)
    case .kazakhSkeleton:
      KazakhSkeleton.append(scalars, to: &bytes)
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
      index = s.withUnsafeBufferPointer { buffer in
        // Straight to the next sentence-ending mark.
        var position = index
        while position < to, !isSentenceEnd(buffer[position]) { position += 1 }
        return position
      }
      guard index < to else { break }
      let next = index + 1
      if next < to,
        isWhitespace(s[next])
      {
        var lookahead = next
        while lookahead < to, isWhitespace(s[lookahead]) { lookahead += 1 }
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
    return result.filter { range in !s[range].allSatisfy(isWhitespace) }
  }

  @inline(__always)
  static func isSentenceEnd(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "." || scalar == "!" || scalar == "?" || scalar == "…"
  }

  /// Unicode white space (the `White_Space` property), by value: the property is a short fixed
  /// list, and looking it up for every Cyrillic letter of an article is measurable.
  @inline(__always)
  static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) }
    if value < 0x1680 { return value == 0x85 || value == 0xA0 }
    switch value {
    case 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
    default: return false
    }
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

  /// Whether the line break at `index` wraps a sentence rather than ending a paragraph: one
  /// break, between a letter or a comma and a lower-case letter (text hard-wrapped at a fixed
  /// width by a wire service or a feed).
  static func isSoftWrap(_ s: [Unicode.Scalar], at index: Int, before end: Int) -> Bool {
    guard s[index] == "\n", index > 0, index + 1 < end else { return false }
    let before = s[index - 1]
    let after = s[index + 1]
    return (before.properties.isAlphabetic || before == ",") && after.properties.isLowercase
  }

  static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
    default: return false
    }
  }
}
