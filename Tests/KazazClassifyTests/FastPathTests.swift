import Foundation
import KazazConfig
import KazazModel
import KazazTesting
import KazazText
import Testing

@testable import KazazClassify

/// The shortcuts the classify path takes for speed must give exactly what the plain rule gives:
/// the matcher against a brute-force search, language identification that stops counting early,
/// the UTF-8 decoder against the standard library, and a stable evidence order.
@Suite("Fast paths")
struct FastPathTests {
  @Test("White space by value agrees with the Unicode property on every scalar")
  func whitespaceByValue() {
    for value in UInt32(0)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      #expect(
        NormalizedDocument.isWhitespace(scalar) == scalar.properties.isWhitespace,
        "U+\(String(value, radix: 16, uppercase: true))")
    }
  }

  @Test("Folding letters by their properties agrees with the full computation")
  func foldShortcut() {
    let ranges: [Range<UInt32>] = [
      0..<FoldTable.tableLimit, 0x2100..<0x2C00, 0x3000..<0x3100, 0xA640..<0xA800,
      0xAB00..<0xAC00, 0xF900..<0xFB00, 0xFB00..<0x10000, 0x10400..<0x10500, 0x1D400..<0x1D800,
      0x1E900..<0x1E960,
    ]
    for range in ranges {
      for value in range {
        #expect(
          FoldTable.computeFold(value: value)
            == FoldTable.computeFold(value: value, shortcut: false),
          "U+\(String(value, radix: 16, uppercase: true))")
      }
    }
  }

  @Test("Patterns are trimmed of exactly what Foundation's white space set trims")
  func patternTrimming() {
    let samples = [
      "kazakh*", "  kazakh* \t", "\u{00A0}astana\u{3000}", "\nbaku\n", " \u{2003} ", "", "a b",
      "\u{200B}x\u{200B}", "\t\u{1680}қазақ*\u{202F}",
    ]
    for sample in samples {
      #expect(
        CompiledProfile.trimmingSpaces(sample) == sample.trimmingCharacters(in: .whitespaces),
        "\(sample.debugDescription)")
    }
  }

  /// Every whole-word occurrence of every pattern, found by trying each pattern at each word
  /// start of ` text ` (the matcher's contract), sorted like the matcher's output after sorting.
  static func bruteForce(_ patterns: [TermMatcher.Pattern], in text: [UInt8]) -> [TermMatcher.Match]
  {
    var found: [TermMatcher.Match] = []
    for (index, pattern) in patterns.enumerated() {
      var needle: [UInt8] = [0x20] + Array(pattern.words.utf8)
      if !pattern.isPrefix { needle.append(0x20) }
      guard needle.count <= text.count else { continue }
      for start in 0...(text.count - needle.count)
      where text[start..<(start + needle.count)].elementsEqual(needle) {
        let end = start + needle.count - (pattern.isPrefix ? 0 : 1)
        found.append(TermMatcher.Match(pattern: index, start: start + 1, end: end))
      }
    }
    return found.sorted { ($0.start, $0.end, $0.pattern) < ($1.start, $1.end, $1.pattern) }
  }

  @Test("The matcher finds exactly what a brute-force search finds, long words and all")
  func matcherAgainstBruteForce() {
    let patterns = [
      "kazakh*", "kazakhstan*", "astana and baku", "baku", "trade turnover", "trade*", "oil",
      "middle corridor", "казахстан*", "товарооборот*", "a", "an", "and baku",
    ].compactMap(CompiledProfile.compile)
    let matcher = TermMatcher(patterns: patterns)
    let texts = [
      "Kazakhstan and Azerbaijan: Astana and Baku raised trade turnover and oil exports.",
      "Antidisestablishmentarianism-style extraordinarilylongwords precede Baku and a trade deal.",
      "Казахстанско-азербайджанский товарооборот вырос; Казахстан и Баку. Oil oil OIL oilfield.",
      "Bakuriani, Kazakhs, kazakhstani; tradeturnover trade-turnover; an a and-baku middle  corridor",
      String(repeating: "nothinghereatall ", count: 40) + "baku",
    ]
    for text in texts {
      let document = NormalizedDocument(title: "", body: text)
      let found = matcher.matches(in: document.bytes).sorted {
        ($0.start, $0.end, $0.pattern) < ($1.start, $1.end, $1.pattern)
      }
      #expect(found == Self.bruteForce(patterns, in: document.bytes), "\(text)")
      #expect(!found.isEmpty)
    }
  }

  @Test("Below the root, dense states and failure links into them find what brute force finds")
  func matcherDenseStatesAgainstBruteForce() {
    // " ka" has seven children (a dense state, as the root always is); " oil ka…" and
    // " big oil" fail over into " ka…" and " oil" when a match breaks off mid-pattern.
    let patterns = [
      "kaz*", "kab*", "kac", "kad*", "kae", "kaf*", "kag", "oil kaz", "oil kab transit",
      "big oil", "oil", "oil kafe*", "zkab",
    ].compactMap(CompiledProfile.compile)
    let matcher = TermMatcher(patterns: patterns)
    let vocabulary = [
      "kaz", "kazakh", "kab", "kabul", "kac", "kad", "kae", "kaf", "kafe", "kag", "kah", "ka",
      "k", "oil", "big", "transit", "zkab", "oilkaz", "казах",
    ]
    var seed: UInt64 = 0x2545_F491_4F6C_DD1D
    for _ in 0..<200 {
      var words: [String] = []
      for _ in 0..<12 {
        seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        words.append(vocabulary[Int(seed >> 33) % vocabulary.count])
      }
      let text = words.joined(separator: " ")
      let document = NormalizedDocument(title: "", body: text)
      let found = matcher.matches(in: document.bytes).sorted {
        ($0.start, $0.end, $0.pattern) < ($1.start, $1.end, $1.pattern)
      }
      #expect(found == Self.bruteForce(patterns, in: document.bytes), "\(text)")
    }
  }

  @Test("Decoding into scalars agrees with the standard library, NFKC included")
  func decoding() {
    let samples = [
      ("Казахстан — Azərbaycan", "Qazaxıstan 🇰🇿 €20m, “quotes”"),
      ("", "only a body"),
      ("ﬁnance ＫＡＺ", "e\u{0301}te\u{0301} and plain"),
      ("plain title", "Ё 𝔸 ₸ ₼ …"),
    ]
    for (title, body) in samples {
      let document = NormalizedDocument(title: title, body: body)
      let expectedTitle = Array(TextNormalizer.compatibilityForm(title).unicodeScalars)
      let expectedBody = Array(TextNormalizer.compatibilityForm(body).unicodeScalars)
      #expect(Array(document.scalars[document.titleRange]) == expectedTitle)
      #expect(Array(document.scalars[document.bodyRange]) == expectedBody)
      #expect(document.scalars.count == expectedTitle.count + 1 + expectedBody.count)
    }
  }

  @Test("Counting function words may stop at enough English words; the language stays the same")
  func languageEarlyStop() {
    let english = Array(" the talks and the visit of the president with the minister ".utf8)
    let full = LanguageIdentifier.functionWordHits(english[...])
    let stopped = LanguageIdentifier.functionWordHits(english[...], englishEnough: 2)
    #expect(full.english == 4)
    #expect(stopped.english == 2)
    // Words folded Turkish writes too ("in", "is") do not stop the count.
    let shared = Array(" aliyev in astana is the bir ve and ".utf8)
    let counted = LanguageIdentifier.functionWordHits(shared[...], englishEnough: 2)
    #expect(counted.english == 4 && counted.shared == 2 && counted.turkic == 2)
    #expect(LanguageIdentifier.identify("The talks and the visit of the president.") == .en)
    #expect(
      LanguageIdentifier.identify("Kazakistan ve Azerbaycan arasında işbirliği için bir adım.")
        == .tr)
  }

  @Test("Headlines are trimmed of spaces, tabs and carriage returns only")
  func titleTrimming() {
    #expect(Classifier.splitTitle(" \tBaku talks \t\r\nBody").title == "Baku talks")
    #expect(Classifier.splitTitle("\r\nBody").title == "")
    #expect(Classifier.splitTitle(" \r \nBody").title == "")
    #expect(Classifier.splitTitle("\u{00A0}Astana\u{00A0}\nBody").title == "\u{00A0}Astana\u{00A0}")
    #expect(Classifier.splitTitle("Only a title  ").title == "Only a title")
  }

  @Test("Evidence is ordered by contribution, then term, and the same on every run")
  func evidenceOrder() throws {
    let classifier = Classifier(
      profile: try ProfileLoader.parse(ClassifierTests.profileText, displayName: "test"))
    let text = """
      Kazakhstan and Azerbaijan talks
      Astana and Baku held talks. Kazakhstan, Azerbaijan, oil and trade. Trade and oil again.
      """
    let first = classifier.classify(text: text).evidence
    for _ in 0..<5 { #expect(classifier.classify(text: text).evidence == first) }
    for (earlier, later) in zip(first, first.dropFirst()) {
      #expect(
        earlier.contribution > later.contribution
          || (earlier.contribution == later.contribution && earlier.term <= later.term))
    }
  }
}
