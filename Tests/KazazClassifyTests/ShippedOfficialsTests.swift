import Foundation
import KazazConfig
import KazazModel
import KazazTesting
import Testing

@testable import KazazClassify

/// Who acts, with the shipped profile, in the five languages: the visits, talks and meetings of
/// two sector ministers (or two prosecutors general) are their sector's story (the sector is the primary topic; their
/// contact is politics too, as the labelling guide has it); a president, prime minister, foreign
/// minister or ambassador receiving or meeting one keeps politics. Written for these tests in
/// the shape of ministry press releases and agency dispatches.
@Suite("Shipped profile: leaders and sector officials")
struct ShippedOfficialsTests {
  typealias Story = ShippedTopicTests.Story

  let classifier: Classifier

  init() throws {
    classifier = try ShippedProfile.classifier.get()
  }

  func check(_ story: Story) {
    let result = classifier.classify(text: story.text)
    #expect(result.relevant, "\(story.name): score \(result.score)")
    let topics = Set(result.topics.map(\.rawValue))
    for topic in story.topics {
      #expect(topics.contains(topic), "\(story.name): \(topic) missing from \(topics.sorted())")
    }
    for topic in story.not {
      #expect(!topics.contains(topic), "\(story.name): \(topic) assigned")
    }
    if let primary = story.primary {
      #expect(result.primaryTopic?.rawValue == primary, "\(story.name): primary \(topics)")
    }
  }

  static let sectorStories: [Story] = [
    Story(
      name: "en-energy-ministers",
      text: """
        Kazakh energy minister holds talks in Baku on oil transit
        BAKU, June 3. Kazakhstan's Minister of Energy Almasadam Satkaliyev, who arrived in Baku \
        on an official visit, held talks with Azerbaijan's Minister of Energy Parviz Shahbazov, \
        the ministry's press service reported.
        The ministers discussed increasing the transit of Kazakh oil through the \
        Baku–Tbilisi–Ceyhan pipeline and the supply of Kazakh crude to the SOCAR refinery.
        During the meeting, the sides also discussed the visit of a Kazakh delegation to Baku in \
        the autumn and signed a memorandum on joint geological exploration in the Caspian.
        """,
      topics: ["energy"], primary: "energy"),
    Story(
      name: "ru-transport-ministers",
      text: """
        Министр транспорта Казахстана провел переговоры в Баку
        БАКУ, 17 сентября. Министр транспорта Республики Казахстан Марат Карабаев, находящийся в \
        Азербайджане с официальным визитом, провел переговоры с министром цифрового развития и \
        транспорта Азербайджана Рашадом Набиевым, сообщает пресс-служба министерства.
        В ходе встречи стороны обсудили увеличение объема контейнерных перевозок по \
        Транскаспийскому международному транспортному маршруту, развитие портов Актау, Курык и \
        Алят, а также строительство новых паромов.
        По итогам переговоров министры подписали дорожную карту на 2025–2026 годы.
        """,
      topics: ["transport-logistics"], primary: "transport-logistics"),
    Story(
      name: "kk-transport-ministers",
      text: """
        Көлік министрі Бакуде келіссөздер жүргізді
        Бакуде ресми сапармен жүрген Қазақстан Республикасының Көлік министрі Марат Қарабаев \
        Әзірбайжанның Цифрлық даму және көлік министрі Рашад Набиевпен келіссөздер жүргізді, деп \
        хабарлады министрліктің баспасөз қызметі.
        Кездесуде тараптар Транскаспий халықаралық көлік бағыты бойынша контейнерлік тасымалдың \
        көлемін ұлғайту, Ақтау және Құрық порттары мен Әлят портының арасындағы паромдық \
        қатынасты дамыту мәселелерін талқылады.
        Келіссөздер қорытындысы бойынша 2025–2026 жылдарға арналған жол картасына қол қойылды.
        """,
      topics: ["transport-logistics"], primary: "transport-logistics"),
    Story(
      name: "az-energy-ministers",
      text: """
        Qazaxıstanın energetika naziri Bakıda danışıqlar aparıb
        Bakı, 4 iyun. Rəsmi səfərlə Bakıda olan Qazaxıstanın energetika naziri Almasadam \
        Sätqaliyev Azərbaycanın energetika naziri Pərviz Şahbazov ilə danışıqlar aparıb.
        Görüşdə Qazaxıstan neftinin Bakı-Tbilisi-Ceyhan boru kəməri ilə nəqlinin artırılması və \
        Xəzər dənizinin dibi ilə elektrik kabelinin çəkilməsi layihəsi müzakirə olunub.
        Tərəflər ikitərəfli münasibətlərin inkişafından məmnunluq ifadə edib, növbəti görüşü \
        Astanada keçirmək barədə razılığa gəliblər.
        """,
      topics: ["energy"], primary: "energy"),
    Story(
      name: "tr-energy-ministers",
      text: """
        Kazakistan Enerji Bakanı resmi ziyaret için Bakü'de
        Resmi ziyaret için Bakü'de bulunan Kazakistan Enerji Bakanı Almasadam Satkaliyev, \
        Azerbaycan Enerji Bakanı Pervin Şahbazov ile görüştü.
        Görüşmede Kazak petrolünün Bakü-Tiflis-Ceyhan boru hattı üzerinden taşınan miktarının \
        artırılması ve Hazar Denizi'nin altından geçecek elektrik kablosu projesi ele alındı.
        Bakanlar, ikili ilişkilerin geliştirilmesi ve enerji iş birliği için ortak çalışma grubu \
        kurulması konusunda anlaştı.
        """,
      topics: ["energy"], primary: "energy"),
    Story(
      name: "en-prosecutors-general",
      text: """
        Prosecutors general of Kazakhstan and Azerbaijan hold talks in Baku
        The Prosecutor General of Kazakhstan held talks in Baku with the Prosecutor General of \
        Azerbaijan during an official visit. The sides discussed bilateral cooperation in \
        extradition and the fight against organised crime and signed a cooperation programme.
        """,
      topics: ["security-defense"], not: ["politics-diplomacy"], primary: "security-defense"),
    Story(
      name: "ru-prosecutors-general",
      text: """
        Генпрокуроры Казахстана и Азербайджана провели переговоры в Баку
        Генеральный прокурор Казахстана в ходе официального визита провел переговоры в Баку с \
        генеральным прокурором Азербайджана. Стороны обсудили двустороннее сотрудничество в \
        сфере экстрадиции и борьбы с организованной преступностью и подписали программу \
        сотрудничества.
        """,
      topics: ["security-defense"], not: ["politics-diplomacy"], primary: "security-defense"),
  ]

  static let leaderStories: [Story] = [
    Story(
      name: "en-foreign-ministers",
      text: """
        Foreign ministers of Kazakhstan and Azerbaijan hold talks in Astana
        ASTANA, May 14. Kazakh Foreign Minister Murat Nurtleu held talks with Azerbaijani \
        Foreign Minister Jeyhun Bayramov, who arrived in Astana on an official visit.
        The ministers discussed the schedule of high-level visits, preparations for the next \
        meeting of the Supreme Interstate Council and cooperation in transport and energy.
        Nurtleu noted that the strategic partnership between Kazakhstan and Azerbaijan has \
        reached the level of allied relations.
        """,
      topics: ["politics-diplomacy"]),
    Story(
      name: "ru-prime-minister",
      text: """
        Премьер-министр Казахстана принял делегацию Азербайджана
        АСТАНА, 12 марта. Премьер-министр Казахстана Олжас Бектенов провел встречу с \
        заместителем премьер-министра Азербайджана Шахином Мустафаевым.
        В ходе переговоров стороны обсудили реализацию договоренностей, достигнутых главами \
        государств, и расширение сотрудничества в сфере транспорта. Бектенов отметил, что \
        товарооборот между Казахстаном и Азербайджаном в прошлом году вырос на 14 процентов.
        """,
      topics: ["politics-diplomacy", "trade-economy"]),
    Story(
      name: "kk-president-receives-minister",
      text: """
        Тоқаев Әзірбайжанның энергетика министрін қабылдады
        Ақордада Мемлекет басшысы Қасым-Жомарт Тоқаев Әзірбайжан Республикасының энергетика \
        министрі Парвиз Шахбазовты қабылдады.
        Кездесуде Қазақстан мұнайын Баку – Тбилиси – Джейхан құбыры арқылы тасымалдау көлемін \
        арттыру және Каспий теңізі арқылы жасыл энергия дәлізін салу мәселелері талқыланды. \
        Президент екі ел арасындағы стратегиялық әріптестіктің маңызын атап өтті.
        """,
      topics: ["politics-diplomacy", "energy"], not: ["transport-logistics"]),
    Story(
      name: "az-president-receives-foreign-minister",
      text: """
        Prezident İlham Əliyev Qazaxıstanın xarici işlər nazirini qəbul edib
        Bakı, 18 aprel. Azərbaycan Respublikasının Prezidenti İlham Əliyev Qazaxıstan \
        Respublikasının xarici işlər naziri Murat Nurtleunu qəbul edib.
        Görüşdə Azərbaycan ilə Qazaxıstan arasında strateji tərəfdaşlıq və müttəfiqlik \
        münasibətlərinin inkişafı, nəqliyyat və energetika sahələrində əməkdaşlıq müzakirə \
        olunub. Nazir Prezident Tokayevin salamlarını çatdırıb.
        """,
      topics: ["politics-diplomacy"]),
    Story(
      name: "tr-president-receives-foreign-minister",
      text: """
        Cumhurbaşkanı Aliyev, Kazakistan Dışişleri Bakanı'nı kabul etti
        Azerbaycan Cumhurbaşkanı İlham Aliyev, Bakü'de resmi temaslarda bulunan Kazakistan \
        Dışişleri Bakanı Murat Nurtleu'yu kabul etti.
        Görüşmede, Azerbaycan ile Kazakistan arasındaki stratejik ortaklık ve müttefiklik \
        ilişkileri, ulaştırma ve enerji alanlarındaki iş birliği ele alındı. Nurtleu, Kazakistan \
        Cumhurbaşkanı Tokayev'in selamlarını iletti.
        """,
      topics: ["politics-diplomacy"]),
    Story(
      name: "en-ambassador-meets-energy-minister",
      text: """
        Kazakh ambassador meets Azerbaijan's energy minister
        BAKU, Oct. 8. Kazakhstan's Ambassador to Azerbaijan met with Azerbaijani Minister of \
        Energy Parviz Shahbazov, the embassy reported.
        The sides discussed the transit of Kazakh oil through the Baku–Tbilisi–Ceyhan pipeline \
        and the agenda of the upcoming meeting of the intergovernmental commission.
        """,
      topics: ["politics-diplomacy", "energy"]),
    Story(
      name: "ru-ambassador-meets-transport-minister",
      text: """
        Посол Азербайджана встретился с министром транспорта Казахстана
        АСТАНА, 14 ноября. Чрезвычайный и Полномочный Посол Азербайджана в Казахстане провел \
        встречу с министром транспорта Республики Казахстан.
        В ходе встречи стороны обсудили развитие Транскаспийского международного транспортного \
        маршрута, загрузку портов Актау и Алят, а также подготовку к визиту делегации \
        Азербайджана в Астану.
        """,
      topics: ["politics-diplomacy", "transport-logistics"]),
  ]

  @Test(
    "Sector ministers' visits and talks are their sector's story", arguments: Self.sectorStories)
  func sectorMinisters(story: Story) { check(story) }

  @Test(
    "Presidents, prime ministers, foreign ministers and ambassadors keep politics",
    arguments: Self.leaderStories
  )
  func leaders(story: Story) { check(story) }
}
