import Foundation
import KazazConfig
import KazazModel
import KazazTesting
import Testing

@testable import KazazClassify

/// Hard negatives of the kinds the monitor meets in every language: a crash of one country's
/// airliner in the other, a match between the two national teams, a summit roll-call, a third
/// country's partners named in one breath, Azerbaijan–Armenia diplomacy hosted in Kazakhstan, and
/// the events of the Turkic organisations. Short texts written for these tests, in the shape of
/// agency news.
@Suite("Shipped profile hard negatives")
struct ShippedNegativeTests {
  let classifier: Classifier

  init() throws {
    classifier = try ShippedProfile.classifier.get()
  }

  /// The AZAL crash near Aktau: the airline is Azerbaijani, the site Kazakh.
  static let crashes: [(language: String, text: String)] = [
    (
      "en",
      """
      AZAL plane crashes near Aktau, 38 killed
      AKTAU, Kazakhstan. An Azerbaijan Airlines passenger jet flying from Baku to Grozny crashed \
      near the Kazakh city of Aktau on Wednesday, killing 38 of the 67 people on board.
      Kazakhstan's emergencies ministry said rescuers pulled 29 survivors from the wreckage. \
      Azerbaijani President Ilham Aliyev declared a day of mourning. Aviation experts said the \
      plane appeared to have been hit by Russian air defence fire over Chechnya before it \
      diverted across the Caspian Sea.
      """
    ),
    (
      "ru",
      """
      Самолет AZAL потерпел крушение под Актау
      АКТАУ. Пассажирский самолет авиакомпании AZAL, выполнявший рейс Баку – Грозный, потерпел \
      крушение в трех километрах от Актау. На борту находились 67 человек, 38 из них погибли.
      Министерство по чрезвычайным ситуациям Казахстана сообщило, что спасатели извлекли из-под \
      обломков выживших. Ильхам Алиев объявил в Азербайджане день траура. По предварительным \
      данным, самолет был поврежден российской системой ПВО над Грозным.
      """
    ),
    (
      "kk",
      """
      Ақтау маңында құлаған AZAL ұшағы: тергеу жалғасуда
      Ақтау маңында апатқа ұшыраған Azerbaijan Airlines әуе компаниясының ұшағы Бакуден \
      Грозныйға ұшып бара жатқан. Ресей әуе қорғанысы ұшақтың құлауына қатысты айыптауларға \
      жауап берген жоқ.
      Әзірбайжан Президенті Ильхам Әлиев Ресей басшылығынан кешірім сұрауды талап етті. \
      Қазақстан тарапы тергеуге көмек көрсетіп жатыр.
      """
    ),
    (
      "az",
      """
      AZAL-ın Aktau yaxınlığında qəzaya uğrayan təyyarəsi ilə bağlı araşdırma davam edir
      Bakı, 27 dekabr. Azərbaycan Hava Yollarının Bakı-Qroznı reysini yerinə yetirən təyyarəsi \
      Qazaxıstanın Aktau şəhəri yaxınlığında qəzaya uğrayıb. Qəza nəticəsində 38 nəfər həlak \
      olub.
      Prezident İlham Əliyev Rusiya tərəfindən günahın etiraf edilməsini tələb edib. Rusiyanın \
      hava hücumundan müdafiə sistemlərinin təyyarəni vurduğu ehtimal olunur. Qazaxıstanın \
      nəqliyyat naziri araşdırmanın davam etdiyini bildirib.
      """
    ),
    (
      "tr",
      """
      Aktau yakınlarında düşen AZAL uçağının kara kutuları incelendi
      ASTANA - Azerbaycan Hava Yolları'na (AZAL) ait yolcu uçağının Kazakistan'ın Aktau kenti \
      yakınlarında düşmesiyle ilgili soruşturma sürüyor. Kazada 38 kişi hayatını kaybetti, 29 \
      kişi yaralı olarak kurtuldu.
      Kazakistan Ulaştırma Bakanlığı, uçağın kara kutularının Brezilya'da inceleneceğini \
      açıkladı. Azerbaycan Cumhurbaşkanı İlham Aliyev, uçağın Rusya hava sahasında dışarıdan \
      hasar gördüğünü söyledi.
      """
    ),
  ]

  /// The presidents' condolence call about the same crash is bilateral politics.
  static let condolences: [(language: String, text: String)] = [
    (
      "en",
      """
      Tokayev offers condolences to Aliyev over plane crash
      Kazakh President Kassym-Jomart Tokayev held a telephone conversation with Azerbaijani \
      President Ilham Aliyev and expressed deep condolences over the crash of the Azerbaijan \
      Airlines plane near Aktau, Akorda said.
      Tokayev assured Aliyev that the Kazakh side would provide all necessary assistance to the \
      investigation. The presidents also discussed the strategic partnership and allied \
      relations between Kazakhstan and Azerbaijan, and agreed to keep in close contact.
      """
    ),
    (
      "ru",
      """
      Токаев выразил соболезнования Алиеву в связи с крушением самолета
      АСТАНА. Президент Казахстана Касым-Жомарт Токаев провел телефонный разговор с Президентом \
      Азербайджана Ильхамом Алиевым и выразил глубокие соболезнования в связи с крушением \
      самолета AZAL под Актау, в результате которого погибли 38 человек.
      Токаев заверил, что казахстанская сторона окажет всестороннее содействие расследованию. \
      Главы государств также обсудили вопросы казахстанско-азербайджанского стратегического \
      партнерства.
      """
    ),
  ]

  /// A fixture between the two national teams.
  static let matches: [(language: String, text: String)] = [
    (
      "en",
      """
      Kazakhstan beat Azerbaijan 2-1 in Nations League clash
      ASTANA. Kazakhstan's national football team beat Azerbaijan 2-1 in a UEFA Nations League \
      match at the Astana Arena on Saturday.
      The hosts took the lead in the 23rd minute, and Azerbaijan equalised before half-time. \
      Kazakhstan's head coach praised his squad after the striker scored the winner in stoppage \
      time.
      """
    ),
    (
      "kk",
      """
      Қазақстан құрамасы Әзірбайжанмен жолдастық матч өткізеді
      Қазақстан футбол құрамасы 7 маусымда Бакуде Әзірбайжан құрамасымен жолдастық матч \
      өткізеді. Бас жаттықтырушы Станислав Черчесов ойынға 25 футболшыны шақырды.
      Командалар соңғы рет 2019 жылы кездескен, сол ойын тең нәтижемен аяқталды. ФИФА \
      рейтингінде Қазақстан 107-орында, Әзірбайжан 115-орында тұр.
      """
    ),
    (
      "tr",
      """
      Azerbaycan ve Kazakistan futbol milli takımları Bakü'de karşılaştı
      BAKÜ - UEFA Uluslar Ligi'nde Azerbaycan, sahasında Kazakistan'ı 2-1 mağlup etti. Tofik \
      Bahramov Stadyumu'nda oynanan maçta golleri ilk yarıda attı.
      Azerbaycan Milli Takımı teknik direktörü, oyuncularının performansından memnun olduğunu \
      söyledi. Kazakistan bir sonraki maçında Astana'da Slovenya'yı ağırlayacak.
      """
    ),
  ]

  /// Multilateral summits where both appear in a roll-call.
  static let summits: [(language: String, text: String)] = [
    (
      "en",
      """
      CIS leaders gather in Dushanbe for annual summit
      DUSHANBE. Leaders of the Commonwealth of Independent States gathered in Dushanbe for their \
      annual summit on Friday.
      The presidents of Russia, Belarus, Kazakhstan, Azerbaijan, Kyrgyzstan, Tajikistan, \
      Uzbekistan and Armenia discussed economic cooperation, security and humanitarian ties. The \
      next summit will take place in Moscow.
      """
    ),
    (
      "kk",
      """
      Астанада ТМД елдері басшыларының саммиті өтті
      Астанада ТМД мемлекеттері басшылары кеңесінің отырысы өтті. Саммитке Ресей, Беларусь, \
      Армения, Әзірбайжан, Қырғызстан, Тәжікстан, Өзбекстан және Түрікменстан басшылары қатысты.
      Қатысушылар экономикалық ынтымақтастық, қауіпсіздік және гуманитарлық байланыстарды \
      талқылады. Келесі саммит Мәскеуде өтеді.
      """
    ),
    (
      "tr",
      """
      Türk Devletleri Teşkilatı zirvesi Bişkek'te yapıldı
      BİŞKEK - Türk Devletleri Teşkilatı Devlet Başkanları Konseyi'nin 11. zirvesi \
      Kırgızistan'ın başkenti Bişkek'te yapıldı.
      Zirveye Türkiye Cumhurbaşkanı Erdoğan, Azerbaycan Cumhurbaşkanı Aliyev, Kazakistan \
      Cumhurbaşkanı Tokayev, Özbekistan Cumhurbaşkanı Mirziyoyev ve Kırgızistan Cumhurbaşkanı \
      Caparov katıldı. Liderler ulaştırma, enerji ve dijitalleşme alanlarında iş birliğini ele \
      aldı.
      """
    ),
  ]

  /// Azerbaijan–Armenia talks, Kazakhstan only the host.
  static let armenia: [(language: String, text: String)] = [
    (
      "ru",
      """
      Алиев и Пашинян обсудили мирный договор
      БАКУ. Президент Азербайджана Ильхам Алиев и премьер-министр Армении Никол Пашинян провели \
      встречу на полях саммита в Копенгагене.
      Стороны обсудили проект мирного договора между Азербайджаном и Арменией и делимитацию \
      границы. Алиев заявил, что Баку готов подписать договор в ближайшее время.
      """
    ),
    (
      "az",
      """
      Azərbaycan və Ermənistan xarici işlər nazirləri sülh sazişini müzakirə edib
      Bakı, 10 may. Azərbaycanın xarici işlər naziri Ceyhun Bayramov Almatıda ermənistanlı \
      həmkarı Ararat Mirzoyanla görüşüb. Görüşə Qazaxıstanın xarici işlər naziri ev sahibliyi \
      edib.
      Nazirlər sülh sazişinin mətni və sərhədlərin delimitasiyası üzrə danışıqları davam \
      etdiriblər. Ermənistan və Azərbaycan arasında kommunikasiyaların açılması da müzakirə \
      olunub.
      """
    ),
  ]

  @Test("A crash of an Azerbaijani airliner near Aktau is not cooperation, in every language")
  func crash() {
    for (language, text) in Self.crashes {
      let result = classifier.classify(text: text)
      #expect(!result.relevant, "\(language): score \(result.score)")
    }
  }

  @Test("The presidents' condolence call that speaks of the partnership stays relevant")
  func condolenceCall() {
    for (language, text) in Self.condolences {
      let result = classifier.classify(text: text)
      #expect(result.relevant, "\(language): score \(result.score)")
      #expect(result.topics.contains(TopicID(rawValue: "politics-diplomacy")), "\(language)")
    }
  }

  @Test("A football match between the two national teams is sport, not cooperation")
  func football() {
    for (language, text) in Self.matches {
      let result = classifier.classify(text: text)
      #expect(!result.relevant, "\(language): score \(result.score)")
    }
  }

  @Test("A summit roll-call naming both among many countries is not bilateral")
  func summitRollCall() {
    for (language, text) in Self.summits {
      let result = classifier.classify(text: text)
      #expect(!result.relevant, "\(language): score \(result.score)")
    }
  }

  @Test(
    "Both among a third country's partners from every continent are a list, not a pair",
    arguments: [
      """
      Turkey to lease farmland abroad
      Turkey will sign agricultural cooperation agreements with Azerbaijan, Kazakhstan, \
      Venezuela, Sudan and Algeria, the Turkish agriculture minister said. Farmland in these \
      countries will be leased to grow crops that are hard to produce in Turkey.
      The ministry is also in talks with Brazil, Argentina and Ethiopia.
      """,
      """
      Azərbaycan və Türkiyə kənd təsərrüfatı sahəsində saziş imzalayacaq
      Azərbaycan və Türkiyə kənd təsərrüfatı sahəsində əməkdaşlıq sazişi imzalayacaqlar. \
      Türkiyənin kənd təsərrüfatı naziri bildirib ki, on ölkə ilə aqrar sahədə saziş \
      hazırlanır: onların arasında Azərbaycan, Qazaxıstan, Venesuela, Sudan və Əlcəzair var.
      Nazirin sözlərinə görə, bu ölkələrdə torpaqlar icarəyə götürüləcək.
      """,
    ])
  func partnersOfAThirdCountry(text: String) {
    let result = classifier.classify(text: text)
    #expect(!result.relevant, "score \(result.score)")
  }

  @Test("Azerbaijan–Armenia talks hosted in Kazakhstan are not about the pair")
  func armeniaTalks() {
    for (language, text) in Self.armenia {
      let result = classifier.classify(text: text)
      #expect(!result.relevant, "\(language): score \(result.score)")
    }
  }

  @Test("The Turkic states' organisation under its earlier names is a multilateral event")
  func turkicCouncil() {
    // The same report with the organisation named and with a neutral "meeting": the name
    // halves the score as the organisation's present name does.
    let reports = [
      (
        "Совета сотрудничества тюркоязычных государств",
        """
        Глава МИД Азербайджана отправится в Астану
        Министр иностранных дел Азербайджана примет участие в заседании NAME, которое пройдет в \
        Астане. Министры обсудят создание общего телеканала.
        """
      ),
      (
        "the Turkic Council",
        """
        Azerbaijan's foreign minister to travel to Astana
        Azerbaijan's foreign minister will take part in the meeting of NAME in Astana, the \
        capital of Kazakhstan. The ministers will discuss a common television channel.
        """
      ),
    ]
    for (name, report) in reports {
      let named = classifier.classify(text: report.replacing("NAME", with: name))
      let neutral = classifier.classify(text: report.replacing("NAME", with: "ministers"))
      #expect(
        named.score <= neutral.score * 0.5 + 0.01, "\(name): \(named.score) vs \(neutral.score)")
    }
  }

  @Test(
    "An event of the Turkic organisations (TURKSOY, the Turkic Academy) is multilateral",
    arguments: [
      """
      TURKSOY opens a festival of Turkic films in Baku
      The TURKSOY festival of films opened in Baku with the ambassador of Kazakhstan. Film makers \
      from Azerbaijan, Kazakhstan, Kyrgyzstan, Uzbekistan, Turkey and Hungary will show their \
      films, and the Kazakh film won the first prize.
      """,
      """
      Тюркская академия провела конференцию в Баку
      Тюркская академия провела в Баку конференцию с участием посла Казахстана. В ней \
      участвовали учёные Азербайджана, Казахстана, Кыргызстана, Узбекистана и Турции, а \
      казахстанские учёные представили доклад.
      """,
      """
      TÜRKSOY Bakıda türk filmləri festivalı keçirib
      TÜRKSOY Bakıda Qazaxıstan səfirinin iştirakı ilə film festivalı keçirib. Festivalda \
      Azərbaycan, Qazaxıstan, Qırğızıstan, Özbəkistan və Türkiyənin kinematoqrafçıları \
      filmlərini nümayiş etdiriblər, qazax filmi birinci mükafata layiq görülüb.
      """,
    ])
  func turkicOrganisations(text: String) {
    let result = classifier.classify(text: text)
    #expect(!result.relevant, "score \(result.score)")
  }
}
