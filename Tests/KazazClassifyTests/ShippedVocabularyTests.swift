import Foundation
import KazazModel
import Testing

@testable import KazazClassify

/// A topic's vocabulary in every language, not only in English: stories written for these tests
/// that name their topic only with the ordinary words of their language (farm machinery and
/// livestock in Kazakh, sovereign funds and securities in Azerbaijani, sculpture, cinema and
/// poetry in Turkish), none of which the English list would find.
@Suite("Shipped profile vocabulary beyond English")
struct ShippedVocabularyTests {
  struct Story: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var topic: String

    var testDescription: String { name }
  }

  static let stories: [Story] = [
    Story(
      name: "kk agriculture",
      text: """
        Қазақстан Әзірбайжанға ауылшаруашылық техникасын жеткізеді
        АСТАНА. Қазақстан мен Әзірбайжан арасындағы келісім бойынша қазақстандық зауыттар \
        Әзірбайжанға 200 трактор мен 50 комбайн жеткізеді.
        Тараптар ірі қара мал мен құс шаруашылығын дамытуды, ет өнімдерін өңдейтін бірлескен \
        кәсіпорын ашуды талқылады.
        """,
      topic: "agriculture"),
    Story(
      name: "az investment-finance",
      text: """
        Azərbaycan və Qazaxıstan suveren fondları birgə layihələrə kapital yatıracaq
        BAKI. Azərbaycan ilə Qazaxıstan arasında imzalanan sənədə əsasən iki ölkənin suveren \
        fondları birgə layihələrin səhmdarları olacaq.
        Qazaxıstan tərəfi Azərbaycanın qiymətli kağızlarını öz portfelinə daxil etməyə də maraq \
        göstərib.
        """,
      topic: "investment-finance"),
    Story(
      name: "tr culture-humanitarian",
      text: """
        Kazakistan ve Azerbaycan şairleri Astana'da buluştu
        ASTANA. Kazakistan ile Azerbaycan arasındaki anlaşma çerçevesinde Astana'da iki ülkenin \
        yazarları ve şairleri şiir akşamında buluştu, bir fotoğraf sergisi açıldı.
        Azerbaycan'ın ve Kazakistan'ın heykeltıraşları ortak bir heykel projesini tanıttı; akşam \
        sinema salonunda iki ülkenin filmleri gösterildi.
        """,
      topic: "culture-humanitarian"),
  ]

  @Test("A story told in the words of its language carries its topic", arguments: Self.stories)
  func story(_ story: Story) throws {
    let result = try ShippedProfile.classifier.get().classify(text: story.text)
    #expect(result.relevant, "\(story.name): score \(result.score)")
    let topics = result.topics.map(\.rawValue)
    #expect(topics.contains(story.topic), "\(story.name): \(topics)")
  }
}
