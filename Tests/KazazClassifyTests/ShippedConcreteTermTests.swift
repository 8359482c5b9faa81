import Foundation
import KazazConfig
import KazazModel
import KazazTesting
import Testing

@testable import KazazClassify

/// Concrete sector terms (routes, cables, funds, figures, ministries in their case forms and
/// plurals, military academies) carry their topic in different news styles: an interview, agency
/// dispatches with datelines, a ministry press release, in the five languages. Written for these
/// tests; each names its topic once or twice, as short real reports do.
@Suite("Shipped profile: concrete sector terms in varied news styles")
struct ShippedConcreteTermTests {
  typealias Story = ShippedTopicTests.Story

  static let stories: [Story] = [
    Story(
      name: "en-interview-route-and-turnover",
      text: """
        Ambassador: Kazakhstan and Azerbaijan will double cargo on the Trans-Caspian route
        In an interview with our correspondent, the Ambassador of Kazakhstan to Azerbaijan spoke \
        about the priorities of bilateral cooperation.
        – Which projects matter most this year?
        – Our countries are building a joint container hub. Cargo on the Trans-Caspian transport \
        corridor grew by 60 percent last year, to 4.5 million tonnes, and we expect new ferries \
        between Kuryk and Alat to double it by 2027.
        – And trade?
        – Trade turnover between Kazakhstan and Azerbaijan reached 600 million dollars, and we \
        aim at one billion.
        """,
      topics: ["transport-logistics", "trade-economy"]),
    Story(
      name: "ru-dispatch-power-cables",
      text: """
        Казахстан и Азербайджан проложат энергетический кабель по дну Каспия
        БАКУ, 12 мая. Казахстан и Азербайджан подписали соглашение о строительстве подводной \
        линии электропередачи через Каспийское море, сообщили в министерстве энергетики \
        Казахстана.
        Проект предусматривает прокладку силовых кабелей мощностью до 1,5 гигаватта. По ним \
        электроэнергия ветровых и солнечных станций Казахстана будет поставляться в Азербайджан \
        и далее в Европу.
        """,
      topics: ["energy"], not: ["transport-logistics"]),
    Story(
      name: "ru-ministry-release-route",
      text: """
        О встрече с делегацией Азербайджанской Республики
        Пресс-служба Министерства транспорта Республики Казахстан сообщает, что в Астане \
        состоялась встреча с делегацией Азербайджанской Республики.
        Стороны обсудили загрузку Транскаспийского маршрута, тарифы на перевалку в портах Актау \
        и Курык и график движения паромов до порта Алят. Отмечено, что объем перевозок по \
        маршруту за девять месяцев вырос на 35 процентов.
        """,
      topics: ["transport-logistics"], not: ["politics-diplomacy"]),
    Story(
      name: "kk-dispatch-route",
      text: """
        Транскаспий маршруты бойынша жүк тасымалы артты
        АСТАНА. Биылғы тоғыз айда Қазақстан мен Әзірбайжан арасындағы Транскаспий маршруты \
        бойынша жүк тасымалы 40 пайызға өсіп, 3,2 миллион тоннаға жетті.
        Ақтау және Құрық порттарынан Баку мен Әлят порттарына қатынайтын паромдар саны ұлғайды. \
        Келесі жылы контейнерлік хаб салу жоспарланып отыр.
        """,
      topics: ["transport-logistics"]),
    Story(
      name: "az-dispatch-route",
      text: """
        Transxəzər marşrutu ilə yükdaşımalar artıb
        Bakı, 3 oktyabr. Azərbaycan ilə Qazaxıstan arasında Transxəzər marşrutu ilə \
        yükdaşımaların həcmi doqquz ayda 35 faiz artaraq 3 milyon tona çatıb.
        Ələt limanı ilə Aktau və Kurık limanları arasında bərə reyslərinin sayı artırılıb. \
        Tərəflər konteyner daşımaları üçün vahid tarif tətbiq etməyi planlaşdırır.
        """,
      topics: ["transport-logistics"]),
    Story(
      name: "tr-dispatch-route",
      text: """
        Kazakistan ile Azerbaycan, Trans-Hazar güzergahında yük taşımacılığını artırıyor
        Bakü - Kazakistan ile Azerbaycan arasında Trans-Hazar güzergahı üzerinden taşınan yük \
        miktarı bu yılın ilk dokuz ayında yüzde 35 artarak 3 milyon tona ulaştı.
        Aktau ve Kurık limanları ile Alat Limanı arasında çalışan feribot sayısı artırıldı. \
        Taraflar konteyner taşımacılığı için ortak tarife uygulamayı planlıyor.
        """,
      topics: ["transport-logistics"]),
    Story(
      name: "en-dispatch-joint-fund",
      text: """
        Kazakhstan, Azerbaijan launch joint fund
        ASTANA, Kazakhstan, Nov. 5. Kazakhstan and Azerbaijan have launched a joint fund to \
        finance projects in industry, logistics and agriculture.
        The fund's capital will be 500 million US dollars, contributed in equal shares by \
        Samruk-Kazyna and the Azerbaijan Investment Holding. The first projects include a \
        fertiliser plant and a grain terminal.
        """,
      topics: ["investment-finance"]),
    Story(
      name: "ru-dispatch-grain",
      text: """
        Азербайджан увеличит закупки казахстанского зерна
        АСТАНА, 15 января. Азербайджан в этом году закупит у Казахстана до 800 тысяч тонн \
        пшеницы, сообщил министр сельского хозяйства Казахстана.
        По его словам, поставки зерна идут по железной дороге через Туркменистан и паромами \
        через Каспий. Экспорт муки в Азербайджан за прошлый год вырос на 20 процентов.
        """,
      topics: ["agriculture"]),
    Story(
      name: "ru-defence-ministers-cadets",
      text: """
        Курсанты из Казахстана будут учиться в военных вузах Азербайджана
        АСТАНА, 20 февраля. Министр обороны Казахстана Руслан Жаксылыков провел переговоры с \
        министром обороны Азербайджана Закиром Гасановым.
        Стороны договорились, что с сентября 30 казахстанских курсантов будут обучаться в \
        военных вузах Азербайджана, а азербайджанские офицеры пройдут подготовку в Военной \
        академии Вооруженных сил Казахстана. Кроме того, в 2025 году пройдут совместные учения \
        на Каспии.
        """,
      topics: ["security-defense", "education-science"], not: ["politics-diplomacy"]),
    Story(
      name: "en-energy-ministers-power-cable",
      text: """
        Kazakhstan and Azerbaijan agree on electricity exports to Europe
        ASTANA, Kazakhstan, April 9. The ministers of energy of Kazakhstan and Azerbaijan signed \
        a roadmap on exporting Kazakh electricity to Europe.
        The project envisages laying a 1.5-gigawatt power cable along the bottom of the Caspian \
        Sea. The cable will connect wind farms in the Mangystau region with the Azerbaijani grid \
        by 2030.
        """,
      topics: ["energy"], not: ["politics-diplomacy", "transport-logistics"]),
  ]

  /// One concrete mention in a sentence naming both sides, in a story about something else.
  static let oneMention: [Story] = [
    Story(
      name: "en-one-mention-route",
      text: """
        Kazakhstan, Azerbaijan sign three documents
        BAKU, June 2. Kazakhstan and Azerbaijan approved a joint work plan for the Trans-Caspian \
        route. The documents were signed after a meeting of the working group.
        """,
      topics: ["transport-logistics"]),
    Story(
      name: "ru-one-mention-power-cables",
      text: """
        Казахстан и Азербайджан подписали три документа
        БАКУ, 2 июня. Казахстан и Азербайджан договорились о прокладке силовых кабелей по дну \
        Каспийского моря. Документы подписаны по итогам заседания рабочей группы в Баку.
        """,
      topics: ["energy"]),
    Story(
      name: "kk-one-mention-route",
      text: """
        Қазақстан мен Әзірбайжан үш құжатқа қол қойды
        БАКУ. Қазақстан мен Әзірбайжан Транскаспий маршруты бойынша бірлескен жұмыс жоспарын \
        бекітті. Құжаттарға жұмыс тобының отырысы қорытындысы бойынша қол қойылды.
        """,
      topics: ["transport-logistics"]),
    Story(
      name: "az-one-mention-route",
      text: """
        Azərbaycan və Qazaxıstan üç sənəd imzalayıb
        Bakı, 2 iyun. Azərbaycan və Qazaxıstan Transxəzər marşrutu üzrə birgə iş planını \
        təsdiqləyib. Sənədlər işçi qrupunun iclasının yekunlarına əsasən imzalanıb.
        """,
      topics: ["transport-logistics"]),
    Story(
      name: "tr-one-mention-route",
      text: """
        Kazakistan ile Azerbaycan üç belge imzaladı
        Bakü - Kazakistan ile Azerbaycan, Trans-Hazar güzergahı için ortak çalışma planını \
        onayladı. Belgeler çalışma grubu toplantısının ardından imzalandı.
        """,
      topics: ["transport-logistics"]),
    Story(
      name: "en-one-mention-military-academies",
      text: """
        Kazakhstan and Azerbaijan sign three documents
        ASTANA, Feb. 20. Kazakhstan and Azerbaijan agreed that officers of the two countries \
        will study at each other's military academies from September. The documents were signed \
        after a meeting of the working group.
        """,
      topics: ["education-science"]),
    Story(
      name: "ru-one-mention-military-universities",
      text: """
        Казахстан и Азербайджан подписали три документа
        АСТАНА, 20 февраля. Казахстан и Азербайджан договорились, что офицеры двух стран с \
        сентября будут учиться в военных вузах друг друга. Документы подписаны по итогам \
        заседания рабочей группы.
        """,
      topics: ["education-science"]),

  ]

  @Test("Each story carries its sector topics", arguments: Self.stories + Self.oneMention)
  func carriesTopics(story: Story) throws {
    let result = try ShippedProfile.classifier.get().classify(text: story.text)
    #expect(result.relevant, "\(story.name): score \(result.score)")
    let topics = Set(result.topics.map(\.rawValue))
    for topic in story.topics {
      #expect(topics.contains(topic), "\(story.name): \(topic) missing from \(topics.sorted())")
    }
    for topic in story.not {
      #expect(!topics.contains(topic), "\(story.name): \(topic) assigned")
    }
  }
}
