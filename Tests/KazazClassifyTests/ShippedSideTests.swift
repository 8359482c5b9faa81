import Foundation
import KazazConfig
import KazazModel
import KazazTesting
import Testing

@testable import KazazClassify

/// What names a side besides the country: its regions and cities (a governor of one side meeting
/// the other's investors), Azerbaijan's export pipeline under its Russian abbreviation (БТД), the
/// heads of the two Muslim boards, and a nation's classical poet, whose name its culture goes by
/// abroad (an Abai centre in Baku, a Nizami monument in Almaty): the poet marks that nation
/// weakly, enough for a cultural story that names the other side only through him, too little
/// for a street named after him to make a one-side story the pair's. Short texts written for
/// these tests.
@Suite("Shipped profile sides")
struct ShippedSideTests {
  let classifier: Classifier

  init() throws {
    classifier = try ShippedProfile.classifier.get()
  }

  @Test(
    "A nation's classical poet names its side in a cultural story",
    arguments: [
      """
      Бакуде Абай орталығы ашылды
      Әзірбайжан астанасы Бакуде Абай орталығы ашылды. Орталыққа келушілер ақынның \
      шығармашылығымен, қазақ халқының тарихы мен мәдениетімен таныса алады.
      """,
      """
      Abai centre opens in Baku
      An Abai centre has opened at a university in Baku. Students will read the poet's works \
      and learn about the history and culture of the Kazakh people.
      """,
      """
      В Алматы открыли памятник Низами
      В Алматы открыли памятник Низами Гянджеви. На церемонии прочли стихи поэта на казахском \
      и азербайджанском языках.
      """,
    ])
  func classicalPoet(text: String) {
    let result = classifier.classify(text: text)
    #expect(result.relevant, "score \(result.score)")
    #expect(result.topics.contains(TopicID(rawValue: "culture-humanitarian")), "\(result.topics)")
  }

  @Test(
    "A region or city of one side marks it: a governor's talks with the other side's investors",
    arguments: [
      """
      Aktobe region seeks investors from Azerbaijan
      The governor of Kazakhstan's Aktobe region met a delegation of Azerbaijani businessmen in \
      Aktobe. The region wants Azerbaijani investors to build two plants and to import fruit \
      from Azerbaijan. Azerbaijan is the third trade partner of Aktobe region, the governor said.
      """,
      """
      Карагандинская область ищет инвесторов из Азербайджана
      Аким Карагандинской области Казахстана встретился в Караганде с делегацией \
      азербайджанских предпринимателей. Регион предложил азербайджанским инвесторам построить \
      два завода. Азербайджан входит в тройку торговых партнеров Карагандинской области, \
      отметил аким.
      """,
    ])
  func region(text: String) {
    let result = classifier.classify(text: text)
    #expect(result.relevant, "score \(result.score)")
  }

  @Test("Azerbaijan's export pipeline under its Russian abbreviation names Azerbaijan")
  func pipelineAbbreviation() {
    let result = classifier.classify(
      text: """
        Казахстан отложил поставки нефти в БТД
        Поставки казахстанской нефти в систему БТД откладываются, сообщил Казахстан. Нефть с \
        Кашагана должна была идти танкерами из Курыка в сторону Баку, а затем по БТД.
        """)
    #expect(result.relevant, "score \(result.score)")
  }

  @Test("The heads of the two Muslim boards name their sides")
  func muslimBoards() {
    let result = classifier.classify(
      text: """
        Верховный муфтий встретился с шейх-уль-исламом
        Сегодня в Астане Верховный муфтий Наурызбай кажы Таганулы встретился с председателем \
        Управления мусульман Кавказа шейх-уль-исламом Аллахшукюром Пашазаде. «Добро пожаловать \
        в Казахстан», — сказал муфтий. Стороны обсудили сотрудничество духовных управлений.
        """)
    #expect(result.relevant, "score \(result.score)")
    #expect(result.topics.contains(TopicID(rawValue: "religion")), "\(result.topics)")
  }

  @Test("The poet is a weak mark: a street named after him does not make a story the pair's")
  func streetNamedAfterPoet() {
    let result = classifier.classify(
      text: """
        Azerbaijani bank opens a new branch in Baku
        An Azerbaijani bank opened its new branch on Abai Street in Baku. The bank plans ten more \
        branches across Azerbaijan this year.
        """)
    #expect(!result.relevant, "score \(result.score)")
  }
}
