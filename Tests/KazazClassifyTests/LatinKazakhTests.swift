import KazazConfig
import KazazModel
import KazazText
import Testing

@testable import KazazClassify

/// Kazakh in every script it is written in: one skeleton for each spelling, language
/// identification that tells Latin Kazakh from Azerbaijani and Turkish, and the shipped profile's
/// Kazakh terms finding Latin Kazakh articles as they find Cyrillic ones.
@Suite("Kazakh in Latin letters")
struct LatinKazakhTests {
  @Test(
    "Every spelling of a phrase has one skeleton",
    arguments: [
      (
        "kazakstan men azerbaijan",
        [
          "Қазақстан мен Әзербайжан", "Qazaqstan men Ázerbaıjan", "Qazaqstan men Äzerbaijan",
          "Qazaqstan men A'zerbai'jan", "Kazakhstan men Azerbaijan", "QAZAQSTAN MEN ÁZERBAIJAN",
          "Qazaqstan men Әzerbaijan",
        ]
      ),
      ("tokaev", ["Тоқаев", "Toqaev", "Tokayev", "Tokaev", "Тоkаев"]),
      (
        "ilkam aliev",
        ["Ильхам Әлиев", "Ilham Áliev", "Ilkham Aliyev", "Ilham Äliev", "I'lham A'li'ev"]
      ),
      ("kazakstan", ["Kazakhstan", "Qazaqstan", "Қазақстан", "Qazaxstan", "Казахстан"]),
      (
        "kazakstaning",
        ["Қазақстанның", "Qazaqstannyń", "Qazaqstannyñ", "Qazaqstannyn'", "Qazaqstannyng"]
      ),
      (
        "sharuashiligi",
        ["шаруашылығы", "sharýashylyǵy", "şaruaşylyğy", "s'ary'as'ylyg'y", "sharuashylyghy"]
      ),
      ("prezidenti", ["Президенті", "Prezıdenti", "Prezidentı", "Prezi'denti", "Prezidentі"]),
      ("jane juk", ["және жүк", "jáne júk", "jäne jük", "ja'ne ju'k", "zhane zhuk", "jәne jүk"]),
    ])
  func skeletons(expected: String, spellings: [String]) {
    for spelling in spellings {
      #expect(KazakhSkeleton.normalize(spelling) == expected, "\(spelling)")
    }
  }

  @Test(
    "Latin Kazakh in each alphabet is identified as Kazakh",
    arguments: [
      "Qazaqstan men Ázerbaıjan prezıdentteri Astanada kelissózder júrgizdi jáne kelisimge qol qoıdy.",
      "Qazaqstan men Äzırbaijan prezidentterı Astanada kelıssözder jürgızdı jäne kelısımge qol qoidy.",
      "Qazaqstan men A'zirbai'jan prezi'dentteri Astanada kelisso'zder ju'rgizdi ja'ne kelisimge qol qoi'dy.",
      "Qazaqstan men Azirbaijan prezidentteri Astanada kelissozder zhurgizdi zhane kelisimge qol qoidy.",
      "Qazaqstan men Әzirbaijan prezidentteri Astanada kelissөzder jүrgizdi jәne kelisimge qol qoidy.",
      "Eki el arasyndagy sauda turaly kelisim bolyp tabylady.",
    ])
  func identifiesKazakh(text: String) {
    let identification = LanguageIdentifier.identification(text)
    #expect(identification.language == .kk)
    #expect(identification.isLatinKazakh)
  }

  @Test(
    "Azerbaijani, Turkish and English are not identified as Kazakh",
    arguments: [
      (
        "Azərbaycan və Qazaxıstan prezidentləri Bakıda görüşüb, iki ölkə üçün sazişlər imzalayıb.",
        "az"
      ),
      (
        "Azerbaycan ve Kazakistan cumhurbaşkanları Bakü'de bir araya geldi ve anlaşma imzaladı.",
        "tr"
      ),
      ("Kazakistan ile Azerbaycan arasında ulaştırma için yeni bir dönem başladı.", "tr"),
      ("Kazakh men and women met in Astana for the talks with the Azerbaijani delegation.", "en"),
      ("Tokayev and Aliyev discussed the Trans-Caspian route in Baku and Aktau.", "en"),
    ])
  func notKazakh(text: String, expected: String) {
    let identification = LanguageIdentifier.identification(text)
    #expect(identification.language.rawValue == expected)
    #expect(!identification.isLatinKazakh)
  }

  let classifier = ShippedProfile.classifier

  /// One article of our own, in Cyrillic and in each Latin spelling.
  static let transit = [
    (
      "Қазақстан мен Әзірбайжан көлік дәлізін дамытады",
      """
      Астана. Қазақстан Президенті Қасым-Жомарт Тоқаев пен Әзірбайжан Президенті Ильхам Әлиев \
      келіссөздер жүргізді. Тараптар Транскаспий халықаралық көлік бағытын дамыту және жүк \
      тасымалын арттыру туралы жаңа келісімге қол қойды. Екі ел мұнай тасымалы бойынша \
      ынтымақтастықты жалғастырады.
      """
    ),
    (
      "Qazaqstan men Ázirbaıjan kólik dálizin damytady",
      """
      Astana. Qazaqstan Prezıdenti Qasym-Jomart Toqaev pen Ázirbaıjan Prezıdenti Ilham Áliev \
      kelissózder júrgizdi. Taraptar Transkaspıı halyqaralyq kólik baǵytyn damytý jáne júk \
      tasymalyn arttyrý týraly jańa kelisimge qol qoıdy. Eki el munaı tasymaly boıynsha \
      yntymaqtastyqty jalǵastyrady.
      """
    ),
    (
      "Qazaqstan men A'zirbai'jan ko'lik da'lizin damytady",
      """
      Astana. Qazaqstan Prezi'denti Qasym-Jomart Toqaev pen A'zirbai'jan Prezi'denti I'lham \
      A'li'ev kelisso'zder ju'rgizdi. Taraptar Transkaspi'i' halyqaralyq ko'lik bag'ytyn damyty' \
      ja'ne ju'k tasymalyn arttyry' ty'raly jan'a kelisimge qol qoi'dy. Eki el munai' tasymaly \
      boi'yns'a yntymaqtastyqty jalg'astyrady.
      """
    ),
    (
      "Qazaqstan men Äzırbaijan kölık dälızın damytady",
      """
      Astana. Qazaqstan Prezidentı Qasym-Jomart Toqaev pen Äzırbaijan Prezidentı Ilham Äliev \
      kelıssözder jürgızdı. Taraptar Transkaspii halyqaralyq kölık bağytyn damytu jäne jük \
      tasymalyn arttyru turaly jaña kelısımge qol qoidy. Ekı el mūnai tasymaly boiynşa \
      yntymaqtastyqty jalğastyrady.
      """
    ),
    (
      "Qazaqstan men Azirbaijan kolik dalizin damytady",
      """
      Astana. Qazaqstan Prezidenti Qasym-Zhomart Tokayev pen Azirbaijan Prezidenti Ilham Aliyev \
      kelissozder zhurgizdi. Taraptar Transkaspii halyqaralyq kolik baghytyn damytu zhane zhuk \
      tasymalyn arttyru turaly zhanga kelisimge qol qoidy. Eki el munai tasymaly boiynsha \
      yntymaqtastyqty zhalghastyrady.
      """
    ),
    (
      "Qazaqstan men Әzirbaijan kөlik dәlizin damytady",
      """
      Astana. Qazaqstan Prezidentі Qasym-Jomart Toqaev pen Әzirbaijan Prezidentі Ilham Әliev \
      kelissөzder jүrgizdi. Taraptar Transkaspii halyqaralyq kөlik baғytyn damytu jәne jүk \
      tasymalyn arttyru turaly jaңa kelisimge qol qoidy. Eki el munai tasymaly boiynsha \
      yntymaqtastyqty jalғastyrady.
      """
    ),
  ]

  /// Another, about culture.
  static let culture = [
    (
      "Астанада Әзірбайжан мәдениеті күндері басталды",
      """
      Әзірбайжан мәдениеті күндері Қазақстан астанасында ашылды. Фестивальге екі елдің ақындары \
      мен композиторлары қатысты. Қазақстан Мәдениет және ақпарат министрі әзірбайжандық \
      әріптесімен кездесіп, гуманитарлық ынтымақтастықты талқылады.
      """
    ),
    (
      "Astanada Ázirbaıjan mádenıeti kúnderi bastaldy",
      """
      Ázirbaıjan mádenıeti kúnderi Qazaqstan astanasynda ashyldy. Festıvalge eki eldiń aqyndary \
      men kompozıtorlary qatysty. Qazaqstan Mádenıet jáne aqparat mınıstri ázirbaıjandyq \
      áriptesimen kezdesip, gýmanıtarlyq yntymaqtastyqty talqylady.
      """
    ),
    (
      "Astanada A'zirbai'jan ma'deni'eti ku'nderi bastaldy",
      """
      A'zirbai'jan ma'deni'eti ku'nderi Qazaqstan astanasynda as'yldy. Festi'valge eki eldin' \
      aqyndary men kompozi'torlary qatysty. Qazaqstan Ma'deni'et ja'ne aqparat mi'ni'stri \
      a'zirbai'jandyq a'riptesimen kezdesip, gy'mani'tarlyq yntymaqtastyqty talqylady.
      """
    ),
    (
      "Astanada Äzırbaijan mädenietı künderı bastaldy",
      """
      Äzırbaijan mädenietı künderı Qazaqstan astanasynda aşyldy. Festivalge ekı eldıñ aqyndary \
      men kompozitorlary qatysty. Qazaqstan Mädeniet jäne aqparat ministrı äzırbaijandyq \
      ärıptesımen kezdesıp, gumanitarlyq yntymaqtastyqty talqylady.
      """
    ),
    (
      "Astanada Azerbaijan madenieti kunderi bastaldy",
      """
      Azerbaijan madenieti kunderi Kazakhstan astanasynda ashyldy. Festivalge eki eldin aqyndary \
      men kompozitorlary qatysty. Kazakhstan Madeniet zhane aqparat ministri azerbaijandyq \
      ariptesimen kezdesip, gumanitarlyq yntymaqtastyqty talqylady.
      """
    ),
    (
      "Astanada Әzirbaijan mәdenieti kүnderi bastaldy",
      """
      Әzirbaijan mәdenieti kүnderi Qazaqstan astanasynda ashyldy. Festivalge eki eldiң aqyndary \
      men kompozitorlary qatysty. Qazaqstan Mәdeniet jәne aqparat ministrі әzirbaijandyq \
      әriptesimen kezdesip, gumanitarlyq yntymaqtastyqty talqylady.
      """
    ),
  ]

  @Test(
    "Each Latin spelling is relevant with the topics of the same text in Cyrillic",
    arguments: [transit, culture])
  func sameVerdict(versions: [(String, String)]) throws {
    let classifier = try self.classifier.get()
    let cyrillic = try #require(versions.first)
    let expected = classifier.classify(title: cyrillic.0, body: cyrillic.1)
    #expect(expected.relevant)
    #expect(!expected.topics.isEmpty)
    for (title, body) in versions.dropFirst() {
      let result = classifier.classify(title: title, body: body)
      #expect(result.language == .kk, "\(title)")
      #expect(result.relevant, "\(title)")
      #expect(result.topics == expected.topics, "\(title)")
      // The evidence names the profile's Kazakh terms, as for the Cyrillic text.
      #expect(result.evidence.contains { $0.term == "қазақстан*" }, "\(title)")
    }
  }

  /// Azerbaijani and Turkish reports of the same kind: their verdict comes from their own terms.
  static let neighbours = [
    (
      "Azərbaycan və Qazaxıstan nəqliyyat dəhlizini inkişaf etdirir",
      """
      Bakı. İlham Əliyev və Qasım-Jomart Tokayev iki ölkə arasında ticarət və nəqliyyat \
      əlaqələrini müzakirə ediblər. Tərəflər Transxəzər marşrutu üzrə əməkdaşlığın \
      genişləndirilməsi üçün yeni sazişlər imzalayıb. Bu, yük daşımalarının artması ilə \
      nəticələnəcək.
      """
    ),
    (
      "Kazakistan ve Azerbaycan ulaştırma koridorunu geliştiriyor",
      """
      Bakü. Tokayev ile Aliyev, iki ülke arasındaki ticaret ve ulaştırma iş birliğini görüştü. \
      Taraflar Trans-Hazar güzergahı için yeni anlaşmalar imzaladı. Bu adım, yük taşımacılığının \
      artmasına katkı sağlayacak.
      """
    ),
  ]

  @Test("Azerbaijani and Turkish texts are read as written: no Kazakh skeleton matches them")
  func neighboursKeepTheirOwnTerms() throws {
    let classifier = try self.classifier.get()
    for (title, body) in Self.neighbours {
      let result = classifier.classify(title: title, body: body)
      #expect(result.language == .az || result.language == .tr, "\(title)")
      #expect(result.relevant, "\(title)")
      // Skeleton patterns are shown as the Kazakh (Cyrillic) terms they come from.
      let cyrillic = result.evidence.filter { evidence in
        evidence.term.unicodeScalars.contains {
          MixedScript.script($0.value) == MixedScript.cyrillic
        }
      }
      #expect(cyrillic.isEmpty, "\(title): \(cyrillic.map(\.term))")
    }
  }

  @Test("Skeletons of random mixed text are lower-case ASCII and stable, and classify")
  func randomText() throws {
    let classifier = try self.classifier.get()
    let alphabet = Array(
      "aáäəbcçdeéfgǵğhıiíjkqlmnńñoóöprsştuúüūývwxyz'’ʼ AÁQŃÝaәғқңөұүһіжшчщъьыэюя-.,0 7\u{301}"
        .unicodeScalars)
    var generator = SplitMix(seed: 20_261_207)
    for _ in 0..<500 {
      let length = Int(generator.next() % 120)
      var text = String.UnicodeScalarView()
      for _ in 0..<length {
        text.append(alphabet[Int(generator.next() % UInt64(alphabet.count))])
      }
      let string = String(text)
      let skeleton = KazakhSkeleton.normalize(string)
      #expect(
        skeleton.utf8.allSatisfy {
          (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x20
        },
        "\(string.debugDescription) → \(skeleton)")
      #expect(KazakhSkeleton.normalize(skeleton) == skeleton, "\(string.debugDescription)")
      let document = NormalizedDocument(
        NormalizedDocument(title: "", body: string), spelling: .kazakhSkeleton)
      _ = classifier.compiled.kazakhLatinMatcher.matches(in: document.bytes)
      _ = classifier.classify(title: string, body: string)
    }
  }

  @Test("The skeleton automaton holds the Kazakh terms only")
  func skeletonAutomaton() throws {
    let compiled = try classifier.get().compiled
    let skeletons = compiled.kazakhLatinMatcher.patternCount
    #expect(skeletons > 100)
    let displays = compiled.displayPatterns[compiled.kazakhLatinOffset...]
    #expect(displays.count == skeletons)
    let kazakh = Set(compiled.profile.terms.filter { $0.language == .kk }.map(\.pattern))
    let entities = Set(compiled.profile.entities.flatMap(\.patterns))
    #expect(displays.allSatisfy { kazakh.contains($0) || entities.contains($0) })
    // "Oil" reduced like Kazakh would meet the river Ойыл; English never meets this automaton.
    #expect(!displays.contains("oil"))
  }
}

/// A small seeded generator (SplitMix64), so that random tests repeat exactly.
struct SplitMix {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }
}
