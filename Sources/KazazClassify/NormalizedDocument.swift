import KazazModel

/// An article split into sentences, each normalised and framed by spaces, in one byte buffer.
///
/// Sentences are separated by a newline byte, which no pattern contains, so a phrase never
/// matches across a sentence boundary. Each sentence knows its region (title, lead, body) and
/// its paragraph, which scoring uses for co-occurrence. A dateline opening the body
/// (`BAKU, Azerbaijan, December 12.`) is left out: see `Dateline`.
struct NormalizedDocument {
  struct Sentence {
    var start: Int
    var end: Int
    var region: TextRegion
    var paragraph: Int
  }

  private(set) var bytes: [UInt8] = []
  private(set) var sentences: [Sentence] = []

  /// The lead is the first sentences of the body, up to about this many characters.
  static let leadCharacters = 320

  init(title: String, body: String) {
    bytes.reserveCapacity(title.utf8.count + body.utf8.count + 64)
    for sentence in Self.sentences(of: title) {
      append(sentence, region: .title, paragraph: 0)
    }
    var consumed = 0
    var paragraphIndex = 1
    for (position, line) in body.split(whereSeparator: \.isNewline).enumerated() {
      var paragraph = line[...]
      if position == 0 {
        // The dateline names where the story was filed, not what it is about: skipped.
        paragraph = paragraph.dropFirst(Dateline.length(in: paragraph))
      }
      var hadText = false
      for sentence in Self.sentences(of: paragraph) {
        let region: TextRegion = consumed < Self.leadCharacters ? .lead : .body
        consumed += sentence.count
        append(sentence, region: region, paragraph: paragraphIndex)
        hadText = true
      }
      if hadText { paragraphIndex += 1 }
    }
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

  private mutating func append<S: StringProtocol>(_ text: S, region: TextRegion, paragraph: Int) {
    let start = bytes.count
    bytes.append(0x20)
    TextNormalizer.append(String(text), to: &bytes)
    if bytes.count == start + 1 {
      bytes.removeLast()
      return
    }
    if bytes.last != 0x20 { bytes.append(0x20) }
    sentences.append(Sentence(start: start, end: bytes.count, region: region, paragraph: paragraph))
    bytes.append(0x0A)
  }

  /// Splits text into sentences at `.`, `!`, `?`, `…` followed by white space and an upper-case
  /// letter, digit or quote. Abbreviations such as "Dec. 5" stay joined; "U.S. President" may
  /// split, which only costs a little co-occurrence precision.
  static func sentences<S: StringProtocol>(of text: S) -> [S.SubSequence] {
    var result: [S.SubSequence] = []
    var sentenceStart = text.startIndex
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      let next = text.index(after: index)
      if character == "." || character == "!" || character == "?" || character == "…",
        next < text.endIndex, text[next].isWhitespace
      {
        var lookahead = next
        while lookahead < text.endIndex, text[lookahead].isWhitespace {
          lookahead = text.index(after: lookahead)
        }
        if lookahead < text.endIndex, startsSentence(text[lookahead]) {
          result.append(text[sentenceStart..<next])
          sentenceStart = lookahead
          index = lookahead
          continue
        }
      }
      index = next
    }
    if sentenceStart < text.endIndex { result.append(text[sentenceStart..<text.endIndex]) }
    return result.filter { !$0.allSatisfy(\.isWhitespace) }
  }

  private static func startsSentence(_ character: Character) -> Bool {
    character.isUppercase || character == "\"" || character == "«" || character == "“"
      || character == "—" || character == "–"
  }
}
