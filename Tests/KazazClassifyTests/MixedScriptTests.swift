import KazazConfig
import KazazModel
import KazazText
import Testing

@testable import KazazClassify

/// Words that mix Latin and Cyrillic look-alikes are read in their majority script, in every
/// language; words whose other-script letters are not look-alikes are left as written.
@Suite("Mixed-script words")
struct MixedScriptTests {
  @Test(
    "Look-alikes are repaired toward the word's majority script",
    arguments: [
      ("Kазахстан и Азербайджaн", "казахстан и азербайджан"),  // Latin K, Latin a
      ("Azerbaijаn and Kazakhstаn", "azerbaijan and kazakhstan"),  // Cyrillic а
      ("Тoқаев пен Әлиeв", "тоқаев пен әлиев"),  // Latin o, e in Kazakh words
      ("Қaзaқстан", "қазақстан"),
      ("MИНИСТР, ТOКАЕВ", "министр токаев"),  // Latin M and O among capitals
      ("Azərbaycаn və Qazaxıstan", "azerbaycan ve qazaxistan"),
      ("Нурсултан Назарбаев – Hазарбаев", "нурсултан назарбаев назарбаев"),  // Latin H for Н
      ("рrеsidеnt", "president"),  // Cyrillic р, е in a Latin word
    ])
  func repairs(input: String, expected: String) {
    #expect(TextNormalizer.normalize(input) == expected)
  }

  @Test(
    "Words whose other-script letters have no look-alike, and ties, stay as written",
    arguments: [
      ("SOCARға", "socarға"),  // a Latin name with a Kazakh suffix
      ("kөlik jүk", "kөlik jүk"),  // Latin Kazakh with Kazakh Cyrillic letters left in
      ("Aа", "aа"),
      ("iPhone 15 и Kaspi.kz", "iphone 15 и kaspi kz"),
    ])
  func leftAlone(input: String, expected: String) {
    #expect(TextNormalizer.normalize(input) == expected)
  }

  @Test("Words in one script are never touched, whatever letters they hold")
  func singleScript() {
    for word in ["Kazakhstan", "Казахстан", "Қазақстан", "Azərbaycan", "Kazakistan'ın"] {
      #expect(MixedScript.repaired(Array(word.unicodeScalars)[...]) == nil)
    }
  }

  let classifier = ShippedProfile.classifier

  @Test("An article with look-alike letters classifies as the same article written cleanly")
  func classification() throws {
    let classifier = try self.classifier.get()
    let clean = (
      "Казахстан и Азербайджан обсудили транзит нефти",
      "Министры энергетики Казахстана и Азербайджана обсудили транзит нефти через Баку."
    )
    let mixed = (
      "Kазахстан и Aзербайджан обсудили транзит нефти",
      "Министры энергетики Kазахстана и Азербайджaна обсудили транзит нефти через Бaку."
    )
    let expected = classifier.classify(title: clean.0, body: clean.1)
    #expect(expected.relevant)
    #expect(classifier.classify(title: mixed.0, body: mixed.1) == expected)
  }
}
