import KazazModel
import KazazText
import Testing

@testable import KazazClassify

@Suite("Text normalisation")
struct TextNormalizerTests {
  @Test(
    "Case folding, letters and separators per language",
    arguments: [
      ("КАЗАХСТАН и Азербайджан", "казахстан и азербайджан"),
      ("Ёлка, ещё", "елка еще"),
      ("Qazaxıstan AZƏRBAYCAN İlham Əliyev", "qazaxistan azerbaycan ilham eliyev"),
      ("Kazakistan Azerbaycan Bakü'de ŞİŞLİ çağrı", "kazakistan azerbaycan baku de sisli cagri"),
      ("Қазақстан Әзірбайжан Үкіметі ұлттық Һ", "қазақстан әзірбайжан үкіметі ұлттық һ"),
      (
        "Kazakh-Azerbaijani, Kazakh–Azerbaijani, Kazakh—Azerbaijani",
        "kazakh azerbaijani kazakh azerbaijani kazakh azerbaijani"
      ),
      ("«Astana» and “Baku”: 1.5 bn", "astana and baku 1 5 bn"),
      ("ＫＡＺＡＫＨＳＴＡＮ ﬁnance", "kazakhstan finance"),
      ("Azerbaijan’s café", "azerbaijan s cafe"),
      ("e\u{0301}te\u{0301}", "ete"),
    ])
  func normalises(input: String, expected: String) {
    #expect(TextNormalizer.normalize(input) == expected)
  }
}

@Suite("Term matcher")
struct TermMatcherTests {
  func matches(_ text: String, _ patterns: [String]) -> [String] {
    let compiled = patterns.compactMap(CompiledProfile.compile)
    let matcher = TermMatcher(patterns: compiled)
    let bytes = Array((" " + TextNormalizer.normalize(text) + " ").utf8)
    return matcher.matches(in: bytes).map { patterns[$0.pattern] }
  }

  @Test("Stems match inflected forms; exact terms only whole words")
  func stems() {
    let found = matches(
      "Казахстана и Казахстаном, казахстанский; Баку, Бакуриани", ["казахстан*", "баку"])
    #expect(found == ["казахстан*", "казахстан*", "казахстан*", "баку"])
  }

  @Test("A pattern never starts inside a word")
  func wordStart() {
    #expect(matches("Pakistan and Uzbekistan", ["kistan*", "stan"]).isEmpty)
  }

  @Test("Phrases match across hyphens and quotes, not across sentences")
  func phrases() {
    #expect(
      matches("The Kazakh-Azerbaijani talks", ["kazakh azerbaijani*"]) == ["kazakh azerbaijani*"])
    let document = NormalizedDocument(title: "", body: "They met in Astana. And Baku was next.")
    let matcher = TermMatcher(patterns: [CompiledProfile.compile("astana and baku")!])
    #expect(matcher.matches(in: document.bytes).isEmpty)
  }

  @Test("Overlapping patterns are all reported")
  func overlapping() {
    let found = matches("Ilham Aliyev", ["ilham aliyev", "aliyev*", "ilham"])
    #expect(Set(found) == ["ilham aliyev", "aliyev*", "ilham"])
  }

  @Test("Thousands of patterns compile and match the same as a few")
  func manyPatterns() {
    var patterns = (0..<3000).map { "term\($0)x*" }
    patterns.append("azerbaijan*")
    #expect(
      matches("Azerbaijani term17x term2999xyz", patterns) == [
        "azerbaijan*", "term17x*", "term2999x*",
      ])
  }
}

@Suite("Language identification")
struct LanguageIdentifierTests {
  @Test(
    "en, ru, kk, az, tr",
    arguments: [
      ("The presidents of Kazakhstan and Azerbaijan held talks in Astana on trade.", "en"),
      ("Президенты Казахстана и Азербайджана провели переговоры в Астане.", "ru"),
      ("Қазақстан мен Әзірбайжан президенттері Астанада келіссөздер жүргізді.", "kk"),
      ("Azərbaycan və Qazaxıstan prezidentləri Astanada danışıqlar aparıblar.", "az"),
      ("Azerbaycan ve Kazakistan cumhurbaşkanları Astana'da görüştü ve anlaşma imzaladı.", "tr"),
    ])
  func identifies(text: String, expected: String) {
    #expect(LanguageIdentifier.identify(text).rawValue == expected)
  }

  @Test(
    "Short Turkish texts full of names, where folded iş and 'ın read as English is and in",
    arguments: [
      "Kazakistan'ın Bakü Büyükelçisi, Azerbaycan'ın iş dünyası temsilcileriyle bir araya geldi",
      "Tokayev, Aliyev'in davetini kabul etti ve Bakü'ye gidecek",
      "Kazakistan Cumhurbaşkanı Tokayev, İlham Aliyev'in davetiyle Bakü'ye gidecek.",
      "KTZ ile ADY, Aktau-Bakü hattında iş birliğini görüştü",
      "Astana'da Kazak-Azerbaycan iş forumu düzenlendi. Forumda iki ülkenin şirketleri buluştu.",
    ])
  func shortTurkish(text: String) {
    #expect(LanguageIdentifier.identify(text) == .tr)
  }

  @Test(
    "English with Turkish and Azerbaijani names stays English",
    arguments: [
      "Erdoğan and Aliyev met in Baku with the ministers of Kazakhstan.",
      "Kazakh minister met Şahbazov in Baku on oil transit and was briefed on the pipeline.",
      "The ambassador of Türkiye is in Astana for talks on the Middle Corridor.",
    ])
  func englishWithNames(text: String) {
    #expect(LanguageIdentifier.identify(text) == .en)
  }
}

@Suite("Normalisation and stems per language")
struct LanguageFormsTests {
  /// Matches `patterns` (profile syntax) against `text` and returns the patterns found, in order.
  func found(_ text: String, _ patterns: [String]) -> [String] {
    let matcher = TermMatcher(patterns: patterns.compactMap(CompiledProfile.compile))
    let bytes = Array((" " + TextNormalizer.normalize(text) + " ").utf8)
    return matcher.matches(in: bytes).map { patterns[$0.pattern] }
  }

  @Test("English: possessives, hyphenated compounds, dash and quote variants")
  func english() {
    #expect(
      TextNormalizer.normalize("Kazakhstan’s Kazakh‑Azerbaijani “ties”")
        == "kazakhstan s kazakh azerbaijani ties")
    #expect(
      found("Azerbaijan's and Kazakhstani firms", ["azerbaijan*", "kazakhstan*"]) == [
        "azerbaijan*", "kazakhstan*",
      ])
  }

  @Test("Russian: ё folds to е, case endings match stems, hyphenated adjectives are phrases")
  func russian() {
    #expect(TextNormalizer.normalize("ЁМКОСТЬ Всё") == "емкость все")
    #expect(
      found(
        "Казахстанско-азербайджанские отношения между Казахстаном и Азербайджаном",
        ["казахстанско азербайджанск*", "между казахстаном и азербайджаном"])
        == ["казахстанско азербайджанск*", "между казахстаном и азербайджаном"])
    #expect(found("Азербайджана, Азербайджану, азербайджанцы", ["азербайджан*"]).count == 3)
  }

  @Test("Kazakh: its letters are kept, upper case folds, suffixes match stems")
  func kazakh() {
    #expect(
      TextNormalizer.normalize("ӘЗІРБАЙЖАН ҚАЗАҚСТАН ҒЫЛЫМ ҢӨҰҮҺІ")
        == "әзірбайжан қазақстан ғылым ңөұүһі")
    #expect(
      found("Қазақстанның, Қазақстанға, Әзірбайжанмен", ["қазақстан*", "әзірбайжан*"]) == [
        "қазақстан*", "қазақстан*", "әзірбайжан*",
      ])
    #expect(found("Қазақстан мен Әзірбайжан", ["қазақстан мен әзірбайжан*"]).count == 1)
    // Russian и/к never match Kazakh і/қ: the letters stay distinct.
    #expect(found("Казахстан", ["қазақстан*"]).isEmpty)
  }

  @Test("Azerbaijani: ə ı İ ğ ş ç ö ü fold, case suffixes match stems")
  func azerbaijani() {
    #expect(
      TextNormalizer.normalize("AZƏRBAYCAN İLHAM ƏLİYEV Şuşa Gəncə ölkə üçün")
        == "azerbaycan ilham eliyev susa gence olke ucun")
    #expect(
      found("Qazaxıstanın, Qazaxıstanla, Azərbaycanda", ["qazaxistan*", "azerbaycan*"]) == [
        "qazaxistan*", "qazaxistan*", "azerbaycan*",
      ])
    #expect(found("Bakıda, Bakının", ["bakida", "bakinin"]) == ["bakida", "bakinin"])
  }

  @Test("Turkish: dotted and dotless I, apostrophe before suffixes")
  func turkish() {
    #expect(TextNormalizer.normalize("KAZAKİSTAN ILIK Işık") == "kazakistan ilik isik")
    #expect(
      found("Kazakistan'ın ve Azerbaycan'a", ["kazakistan*", "azerbaycan*"]) == [
        "kazakistan*", "azerbaycan*",
      ])
  }
}
