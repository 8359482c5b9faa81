import Testing

@testable import KazazStore

@Suite("Search text")
struct SearchTextTests {
  @Test("Each whitespace-separated word is kept once, in first-seen order")
  func distinctWords() {
    #expect(SearchText.distinctWords("в астане и в баку\nв астане") == "в астане и баку")
    #expect(SearchText.distinctWords("oil gas") == "oil gas")
    #expect(SearchText.distinctWords("") == "")
    #expect(SearchText.distinctWords("  a  a\t\ta ") == "a")
    // Chunks are compared whole: the index's tokenizer still splits "a,b".
    #expect(SearchText.distinctWords("a,b a b a,b") == "a,b a b")
    #expect(SearchText.distinctWords("Oil oil") == "Oil oil")
  }

  @Test("Many words and many repeats")
  func manyWords() {
    let words = (0..<5000).map { "w\($0 % 700)" }
    #expect(
      SearchText.distinctWords(words.joined(separator: " "))
        == (0..<700).map { "w\($0)" }.joined(separator: " "))
  }
}
