import Foundation
import KazazConfig
import KazazModel
import KazazTesting
import Testing

@testable import KazazClassify

/// Stories whose occasion is not their subject: a leaders' call after an accident is about the
/// call, a president's trip to a multilateral summit is about the summit, and Kazakh oil through
/// Azerbaijan's pipeline is about the two even when the excerpt names Azerbaijan only by the
/// pipeline. Short texts written for these tests, in the shape of agency news.
@Suite("Shipped profile occasions")
struct ShippedOccasionTests {
  let classifier: Classifier

  init() throws {
    classifier = try ShippedProfile.classifier.get()
  }

  /// A call between the presidents reported in the lead, with the crash as its occasion and
  /// plenty of accident vocabulary after it.
  static let calls: [(language: String, text: String)] = [
    (
      "ru",
      """

      Алиев позвонил Токаеву, чтобы обсудить расследование крушения самолета под Актау.
      Президент Азербайджана поблагодарил Казахстан за спасательную операцию и помощь \
      пострадавшим. Стороны выразили уверенность, что причины крушения будут установлены. \
      Погибших вспомнили минутой молчания, выжившие вернулись на родину.
      """
    ),
    (
      "kk",
      """

      Қасым-Жомарт Тоқаев Ильхам Әлиевпен телефон арқылы сөйлесті. Президенттер ұшақ апатына \
      байланысты көңіл айтты. Қазақстан тарапы апаттың себептерін анықтайтын комиссия жұмысы \
      туралы айтты. Әлиев Қазақстан Үкіметіне апат кезіндегі көмегі үшін алғыс айтты.
      """
    ),
  ]

  @Test("A presidents' call after a crash is a contact between the two, in the lead")
  func callAfterCrash() {
    for (language, text) in Self.calls {
      let result = classifier.classify(text: text)
      #expect(result.relevant, "\(language): \(result.score)")
    }
  }

  @Test("Accident vocabulary still halves a crash report whose lead reports no contact")
  func crashReportStaysIrrelevant() {
    let text = """
      Plane crash near Aktau: the investigation continues
      An Azerbaijan Airlines plane crashed near Aktau, killing 38. Survivors were taken to \
      hospital. Kazakhstan's transport ministry said the black boxes would be read abroad.
      Azerbaijan declared a day of mourning for the victims of the crash.
      """
    let result = classifier.classify(text: text)
    #expect(!result.relevant, "\(result.score)")
  }

  /// A president flies to the other capital for a summit of a multilateral body whose members
  /// are listed.
  static let summits: [(language: String, text: String)] = [
    (
      "kk",
      """

      Мемлекет басшысы Қасым-Жомарт Тоқаев жұмыс сапарымен Бакуге барды. Әзербайжан \
      астанасында бүгін Біріккен ұлттар ұйымының бағдарламасы аясында саммит өтеді. Ұйымға \
      Әзербайжан, Қазақстан, Қырғызстан, Тәжікстан, Түрікменстан мен Өзбекстан кіреді. Бүгін \
      алғаш рет президенттер қатыспақ.
      """
    ),
    (
      "en",
      """
      Tokayev arrives in Baku for the United Nations summit
      President Kassym-Jomart Tokayev arrived in Baku on a working visit to attend the summit of \
      a United Nations programme. Its member states are Azerbaijan, Kazakhstan, Kyrgyzstan, \
      Tajikistan, Turkmenistan and Uzbekistan. Tokayev was welcomed at Baku airport.
      """
    ),
  ]

  @Test("A trip to a multilateral summit in the other capital is the summit's story")
  func multilateralSummit() {
    for (language, text) in Self.summits {
      let result = classifier.classify(text: text)
      #expect(!result.relevant, "\(language): \(result.score)")
    }
  }

  /// A president's speech at a summit the other hosts: "our countries" and "joint projects" in
  /// it mean every member, so they do not name the two as a pair.
  static let summitSpeeches: [(language: String, text: String)] = [
    (
      "en",
      """
      Tokayev speaks at the Turkic summit in Baku
      President Kassym-Jomart Tokayev took part in the summit of the Organization of Turkic \
      States in Baku, hosted by President Ilham Aliyev. "Our countries are bound by a common \
      history, and our joint projects in transport and energy open new opportunities," he said. \
      The leaders of Turkey, Uzbekistan and Kyrgyzstan also spoke. The summit adopted the Baku \
      declaration.
      """
    ),
    (
      "ru",
      """
      Токаев выступил на саммите ОТГ в Баку
      Президент Казахстана Касым-Жомарт Токаев принял участие в саммите Организации тюркских \
      государств в Баку, который открыл Президент Азербайджана Ильхам Алиев. «Наши страны \
      связывает общая история, а совместные проекты в транспорте и энергетике открывают новые \
      возможности», — сказал он. На саммите также выступили лидеры Турции, Узбекистана и \
      Кыргызстана. По итогам саммита принята Бакинская декларация.
      """
    ),
  ]

  @Test("'Our countries' in a summit speech is every member, not the pair")
  func summitSpeech() {
    for (language, text) in Self.summitSpeeches {
      let result = classifier.classify(text: text)
      #expect(!result.relevant, "\(language): \(result.score)")
    }
  }

  @Test("'Bilateral' beside both leaders' names makes a sidelines meeting the pair's story")
  func bilateralBesideBothNames() {
    let text = """
      Tokayev and Aliyev meet on the sidelines of the Turkic summit
      President Kassym-Jomart Tokayev met President Ilham Aliyev on the sidelines of the summit \
      of the Organization of Turkic States in Astana. Tokayev and Aliyev discussed bilateral \
      cooperation in trade, transport and energy. The leaders agreed to meet again.
      """
    let result = classifier.classify(text: text)
    #expect(result.relevant, "\(result.score)")
  }

  @Test("'The sides' right after a sentence naming both ministers is the pair's meeting")
  func sidesAfterBothMinisters() {
    let text = """

      На полях заседания Совета министров иностранных дел Организации тюркских государств в \
      Чолпон-Ате министр иностранных дел Казахстана встретился с министром иностранных дел \
      Азербайджана.
      Стороны обсудили развитие двустороннего стратегического партнерства и подготовку визита.
      """
    let result = classifier.classify(text: text)
    #expect(result.relevant, "\(result.score)")
  }

  @Test("'A series of bilateral meetings' at a summit names no pair")
  func bilateralMeetingsWithAnyone() {
    let text = """

      Глава МИД Азербайджана отправится в Казахстан, где примет участие в заседании Совета \
      министров иностранных дел Организации тюркских государств в Астане. На заседании \
      обсудят создание общего информационного пространства организации.
      Кроме того, министр проведет в Астане ряд двусторонних встреч.
      """
    let result = classifier.classify(text: text)
    #expect(!result.relevant, "\(result.score)")
  }

  @Test("A summit of universities is not a multilateral event")
  func universitiesSummit() {
    let text = """

      Назарбаев Университет расширит партнерство с азербайджанскими вузами, сообщила \
      проректор университета на полях саммита университетов в Баку.
      По ее словам, казахстанский университет подписал меморандум с Бакинским государственным \
      университетом об обмене студентами и преподавателями.
      """
    let result = classifier.classify(text: text)
    #expect(result.relevant, "\(result.score)")
  }

  @Test("A bilateral meeting on the sidelines of a summit stays relevant")
  func bilateralAtSummit() {
    let text = """
      Tokayev and Aliyev meet on the sidelines of the summit
      President Kassym-Jomart Tokayev met President Ilham Aliyev of Azerbaijan on the sidelines \
      of the summit in Astana. The two presidents discussed Kazakh-Azerbaijani trade, Kazakh \
      oil transit through Azerbaijan and the fibre-optic line under the Caspian Sea.
      """
    let result = classifier.classify(text: text)
    #expect(result.relevant, "\(result.score)")
  }

  @Test("Kazakh oil into Azerbaijan's export pipeline: the pipeline names Azerbaijan, not Georgia")
  func pipeline() {
    let text = """
      Kazakistan, Bakü-Tiflis-Ceyhan boru hattıyla petrol ihracatını artırdı
      KazMunayGaz, Aktau limanından Bakü-Tiflis-Ceyhan boru hattına 9 bin ton Kaşagan petrolü \
      gönderdi. Bir sonraki sevkiyat gelecek hafta yapılacak. Bu yıl BTC ile taşınan Kazak \
      petrolü 1 milyon tona ulaştı.
      """
    let result = classifier.classify(text: text)
    #expect(result.relevant, "\(result.score)")
    #expect(result.evidence.contains { $0.kind == .azerbaijan && $0.term == "baku tiflis ceyhan" })
    #expect(!result.evidence.contains { $0.term.hasPrefix("tiflis") })
    #expect(result.primaryTopic == TopicID(rawValue: "energy"))
  }

  @Test("Port names in a route chain are segments of the route, not a pair")
  func routeChain() {
    let text = """
      Türkiyənin ilk ixrac qatarı Çinə çatıb
      Türkiyənin ixrac qatarı Qazaxıstan-Çin sərhədinə çatıb. Qatar İstanbul-Ankara-Qars-Bakı-\
      Aktau-Almata-Sian xətti üzrə 8000 kilometr yolu 12 günə qət edəcək. Yük Çinə çatdırılacaq.
      """
    let result = classifier.classify(text: text)
    #expect(!result.relevant, "\(result.score)")
  }
}
