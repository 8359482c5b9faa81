import Foundation
import KazazConfig
import KazazModel
import KazazTesting
import Testing

@testable import KazazClassify

/// What is a topic's substance and what is only its rhetoric or setting: friendship phrases and
/// lists of ties are not culture or religion; a list of spheres opened by a word for cooperation,
/// alliance or the spheres themselves assigns each; an organisation named as the setting is not
/// regional integration but the pair's format of three is, "on the sidelines" is not politics and
/// reporters at a ceremony are not the media; rescuers are emergencies (security), one side's
/// investment in the other and a development bank's grant for their project are investment,
/// doctors, hospitals, tourism, twinned towns and translated books are humanitarian ties,
/// internships, colleges and military education are education. A power line across the Caspian is
/// energy, not the Trans-Caspian route, restored flights are not reconstruction, a committee's
/// name is not its topic, industrial, fire and road safety are not defence, and prosecutors are
/// law enforcement (security). Goods one side supplies to the other are trade, condolences and
/// thanks to the medical staff after a crash are humanitarian, and the two presidents' joint
/// briefing is politics, and so are sector work done on the heads of state's agreement and the
/// visa regime; the fight against crime, illegal migration and readmission are security, Nowruz
/// (Навруз too) and the yurt are culture, wine is agriculture and trade unions are not trade; the
/// Caspian Sea named alone is not a transport route, and TRACECA is one. A letter between the
/// leaders is politics; a state company's president is a sector official.
/// Kazakh, Azerbaijani and Turkish words count in their forms with a vowel ending, where the last
/// consonant is voiced. Also text hard-wrapped at a fixed width, which must read as the sentences
/// it wraps. Short texts written for these tests.
@Suite("Shipped profile topic substance")
struct ShippedTopicSubstanceTests {
  let classifier: Classifier

  init() throws {
    classifier = try ShippedProfile.classifier.get()
  }

  /// Classifies `text` and expects it relevant with `topic` among its topics.
  func expectRelevant(
    _ text: String, assigns topic: TopicID, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let result = classifier.classify(text: text)
    #expect(result.relevant, "score \(result.score)", sourceLocation: sourceLocation)
    #expect(result.topics.contains(topic), "\(result.topics)", sourceLocation: sourceLocation)
  }

  /// Classifies `text` and expects it relevant with every one of `topics` (the spheres of a
  /// list).
  func expectRelevant(
    _ text: String, assigning topics: [String], sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let result = classifier.classify(text: text)
    #expect(result.relevant, "score \(result.score)", sourceLocation: sourceLocation)
    for topic in topics {
      #expect(
        result.topics.contains(TopicID(rawValue: topic)), "\(topic): \(result.topics)",
        sourceLocation: sourceLocation)
    }
  }

  /// Classifies `text` and expects it relevant with none of `topics`.
  func expectRelevant(
    _ text: String, without topics: [TopicID], sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let result = classifier.classify(text: text)
    #expect(result.relevant, "score \(result.score)", sourceLocation: sourceLocation)
    for topic in topics {
      #expect(!result.topics.contains(topic), "\(result.topics)", sourceLocation: sourceLocation)
    }
  }

  static let culture = TopicID(rawValue: "culture-humanitarian")
  static let religion = TopicID(rawValue: "religion")
  static let integration = TopicID(rawValue: "regional-integration")
  static let security = TopicID(rawValue: "security-defense")
  static let investment = TopicID(rawValue: "investment-finance")
  static let digital = TopicID(rawValue: "digital-telecom")
  static let education = TopicID(rawValue: "education-science")
  static let trade = TopicID(rawValue: "trade-economy")
  static let politics = TopicID(rawValue: "politics-diplomacy")
  static let agriculture = TopicID(rawValue: "agriculture")
  static let transport = TopicID(rawValue: "transport-logistics")

  @Test("Brotherly peoples and historical, cultural and religious ties are rhetoric")
  func rhetoric() {
    let text = """
      Tokayev and Aliyev hold talks in Astana
      President Kassym-Jomart Tokayev held talks with President Ilham Aliyev of Azerbaijan in \
      Astana. The presidents said that historical, cultural and religious ties unite the \
      brotherly peoples of Kazakhstan and Azerbaijan. The two leaders discussed the strategic \
      partnership and signed a joint declaration on allied relations.
      """
    expectRelevant(text, without: [Self.culture, Self.religion])
  }

  @Test("A list of the spheres of the pair's cooperation assigns each sphere it names")
  func listOfSpheres() {
    let text = """
      Tokayev receives Azerbaijan's foreign minister
      President Kassym-Jomart Tokayev received Azerbaijan's foreign minister in Astana. Relations \
      between Kazakhstan and Azerbaijan are developing in the trade, energy, transport, \
      agricultural and cultural spheres, the president said. The minister conveyed the greetings \
      of President Ilham Aliyev and the two discussed preparations for the next visit.
      """
    expectRelevant(
      text,
      assigning: [
        "trade-economy", "energy", "transport-logistics", "agriculture", Self.culture.rawValue,
      ])
  }

  @Test(
    "Three spheres of the pair's cooperation or partnership, named in one sentence, are a list",
    arguments: [
      """
      Tokayev receives Azerbaijan's foreign minister
      President Kassym-Jomart Tokayev received Azerbaijan's foreign minister in Astana. \
      Kazakhstan and Azerbaijan are strengthening their partnership in transport, energy and \
      digital technologies, the president said. The minister conveyed the greetings of \
      President Ilham Aliyev.
      """,
      """
      Токаев принял министра иностранных дел Азербайджана
      Президент Касым-Жомарт Токаев принял в Астане министра иностранных дел Азербайджана. \
      Казахстан и Азербайджан укрепляют сотрудничество в сфере транспорта, энергетики и \
      цифровых технологий, отметил президент. Министр передал приветствие президента Ильхама \
      Алиева.
      """,
      """
      Tokayev Azərbaycanın xarici işlər nazirini qəbul edib
      Prezident Kasım-Jomart Tokayev Astanada Azərbaycanın xarici işlər nazirini qəbul edib. \
      Qazaxıstan və Azərbaycan nəqliyyat, energetika və rəqəmsal texnologiyalar sahəsində \
      əməkdaşlığı gücləndirir, deyə prezident bildirib. Nazir Prezident İlham Əliyevin \
      salamlarını çatdırıb.
      """,
    ])
  func cooperationList(text: String) {
    expectRelevant(text, assigning: ["transport-logistics", "energy", Self.digital.rawValue])
  }

  @Test(
    "Three spheres after a word that opens a list of them ('in the fields of') are a list",
    arguments: [
      """
      Tokayev receives Azerbaijan's foreign minister
      President Kassym-Jomart Tokayev received Azerbaijan's foreign minister in Astana. \
      Relations between Kazakhstan and Azerbaijan are growing in the fields of trade, transport \
      and culture, the president said. The minister conveyed the greetings of President Ilham \
      Aliyev.
      """,
      """
      Токаев принял министра иностранных дел Азербайджана
      Президент Касым-Жомарт Токаев принял в Астане министра иностранных дел Азербайджана. \
      Отношения Казахстана и Азербайджана успешно развиваются в сферах торговли, транспорта и \
      культуры, отметил президент. Министр передал приветствие президента Ильхама Алиева.
      """,
      """
      Tokayev Azerbaycan Dışişleri Bakanını kabul etti
      Cumhurbaşkanı Kasım Cömert Tokayev, Azerbaycan Dışişleri Bakanını Astana'da kabul etti. \
      Kazakistan ile Azerbaycan ilişkileri ticaret, ulaşım ve kültür alanlarında gelişiyor, \
      dedi Tokayev. Bakan, Cumhurbaşkanı İlham Aliyev'in selamlarını iletti.
      """,
    ])
  func listOpenedBySpheres(text: String) {
    expectRelevant(
      text, assigning: ["trade-economy", "transport-logistics", Self.culture.rawValue])
  }

  @Test(
    "Three spheres of the pair's alliance, named in one sentence, are a list",
    arguments: [
      """
      Tokayev receives Azerbaijan's foreign minister
      President Kassym-Jomart Tokayev received Azerbaijan's foreign minister in Astana. \
      Kazakhstan and Azerbaijan are building their alliance on trade, energy and transport, the \
      president said. The minister conveyed the greetings of President Ilham Aliyev.
      """,
      """
      Токаев принял министра иностранных дел Азербайджана
      Президент Касым-Жомарт Токаев принял в Астане министра иностранных дел Азербайджана. \
      Союзнические отношения Казахстана и Азербайджана наполняются торговлей, энергетикой и \
      транспортом, отметил президент. Министр передал приветствие президента Ильхама Алиева.
      """,
    ])
  func allianceList(text: String) {
    expectRelevant(text, assigning: ["trade-economy", "energy", "transport-logistics"])
  }

  @Test("One side's sectors named without cooperation are not a list of the pair's spheres")
  func sectorsOfOneSide() {
    let text = """
      Kazakh business in Azerbaijan grows
      President Ilham Aliyev met President Kassym-Jomart Tokayev in Baku, where the two \
      presidents discussed the strategic partnership. Some 150 companies with Kazakh capital work \
      in Azerbaijan, in industry, agriculture, trade and transport.
      """
    expectRelevant(
      text, without: [TopicID(rawValue: "agriculture"), TopicID(rawValue: "transport-logistics")])
  }

  @Test("An organisation named for cooperation does not make a sentence about the pair's")
  func organisationNamedForCooperation() {
    let text = """
      Tokayev and Aliyev hold talks in Astana
      President Kassym-Jomart Tokayev held talks with President Ilham Aliyev of Azerbaijan in \
      Astana on the strategic partnership. Kazakhstan and Azerbaijan, both observers at the \
      Organisation of Islamic Cooperation, spoke there of tourism, universities and banks.
      """
    expectRelevant(text, without: [Self.education, Self.investment])
  }

  @Test("Two spheres touched in passing are not a list")
  func passingSpheres() {
    let text = """
      Tokayev receives Azerbaijan's foreign minister
      President Kassym-Jomart Tokayev received Azerbaijan's foreign minister in Astana. The \
      minister conveyed the greetings of President Ilham Aliyev. The two discussed the strategic \
      partnership, political consultations and preparations for the next visit of the president \
      of Azerbaijan, and noted trade and cultural ties between Kazakhstan and Azerbaijan.
      """
    let result = classifier.classify(text: text)
    #expect(result.relevant)
    #expect(result.topics == [TopicID(rawValue: "politics-diplomacy")], "\(result.topics)")
  }

  @Test("The Turkic organisation named as the setting is not regional integration")
  func organisationAsSetting() {
    let text = """
      Azerbaijan and Kazakhstan extend visa-free stays
      Azerbaijan's foreign minister and Kazakhstan's interior minister signed a protocol \
      extending visa-free stays between Azerbaijan and Kazakhstan to 90 days, before the \
      meeting of the Turkic Council and the Turkic-speaking states' ministers in Baku. The two \
      ministers discussed bilateral relations.
      """
    expectRelevant(text, without: [Self.integration])
  }

  @Test(
    "An organisation named as the frame of the pair's own work is not regional integration",
    arguments: [
      """
      Kazakh and Azerbaijani MPs meet in Baku
      A delegation of the Kazakh parliament met members of the Milli Majlis of Azerbaijan in \
      Baku. The sides discussed inter-parliamentary cooperation within TURKPA and in \
      multilateral formats. The MPs agreed to deepen Kazakh-Azerbaijani parliamentary ties.
      """,
      """
      Қазақстан мен Әзербайжан депутаттары Бакуде кездесті
      Қазақстан Парламентінің делегациясы Бакуде Әзербайжан Милли Меджлисінің депутаттарымен \
      кездесті. Тараптар ТүркПА аясындағы және көпжақты форматтардағы парламентаралық \
      ынтымақтастықты талқылады. Депутаттар қазақ-әзербайжан парламенттік байланыстарын \
      тереңдетуге келісті.
      """,
    ])
  func organisationAsFrame(text: String) {
    expectRelevant(text, without: [Self.integration])
  }

  @Test("'On the sidelines' of a summit is the setting of a meeting, not politics")
  func sidelinesAreTheSetting() {
    let text = """

      На полях саммита университетов Евразии в Баку проректор казахстанского университета \
      рассказала о партнерстве с азербайджанскими вузами.
      По ее словам, университеты Казахстана и Азербайджана будут обмениваться студентами.
      """
    expectRelevant(text, without: [TopicID(rawValue: "politics-diplomacy")])
  }

  @Test("Reporters at a ceremony and a company called 'Media' are not the media topic")
  func mediaAsTheAudience() {
    let text = """

      В Актау в университете открылся кабинет «Азербайджанский центр», где казахстанские \
      студенты будут изучать азербайджанский язык и культуру. Ленту перерезали ректор \
      университета и генеральный консул Азербайджана в Актау. На церемонии присутствовали \
      представители СМИ и директор ТОО «Маңғыстау Медиа».
      """
    expectRelevant(text, without: [TopicID(rawValue: "media-information")])
  }

  @Test("Military education beside a defence story is education too")
  func militaryEducation() {
    let text = """
      Defence ministers of Kazakhstan and Azerbaijan meet in Astana
      The defence minister of Azerbaijan, on a working visit to Kazakhstan, met the defence \
      minister of Kazakhstan in Astana. The ministers discussed military and military-technical \
      cooperation, joint exercises of the two armed forces and the training of officers, and \
      signed the military cooperation plan for next year. Cooperation in military education was \
      also discussed.
      """
    expectRelevant(text, assigning: [Self.education.rawValue, Self.security.rawValue])
  }

  @Test("Tourism named as a priority beside new flights is humanitarian ties")
  func tourism() {
    let text = """
      Посол Азербайджана: между Казахстаном и Азербайджаном откроются новые авиарейсы
      Посол Азербайджана в Казахстане рассказал о планах открыть прямые авиарейсы из Шымкента \
      и Караганды в Баку. По его словам, авиакомпании двух стран увеличат число рейсов между \
      Алматы, Астаной и Баку. Посол отметил, что развитие туризма между двумя странами \
      остается приоритетом.
      """
    expectRelevant(text, assigns: Self.culture)
  }

  @Test(
    "Twinning of two towns during a state visit is humanitarian ties in each language",
    arguments: [
      """
      Presidents of Kazakhstan and Azerbaijan hold talks in Astana
      President Tokayev and President Aliyev held talks in Astana during the state visit and \
      discussed the strategic partnership of the two countries. The mayors of Shymkent and Ganja \
      signed a protocol on twin cities.
      """,
      """
      Президенты Казахстана и Азербайджана провели переговоры в Астане
      Президент Токаев и Президент Алиев провели переговоры в Астане в ходе государственного \
      визита и обсудили стратегическое партнерство двух стран. Акимы Шымкента и Гянджи \
      подписали протокол об установлении побратимских отношений.
      """,
      """
      Қазақстан мен Әзірбайжан президенттері Астанада келіссөздер жүргізді
      Президент Тоқаев пен Президент Әлиев мемлекеттік сапар барысында Астанада келіссөздер \
      жүргізіп, екі елдің стратегиялық әріптестігін талқылады. Шымкент пен Гәнжә \
      қалалары арасында бауырластық қатынас орнату туралы хаттамаға қол қойылды.
      """,
      """
      Qazaxıstan və Azərbaycan prezidentləri Astanada danışıqlar aparıb
      Prezident Tokayev və Prezident İlham Əliyev dövlət səfəri çərçivəsində Astanada \
      danışıqlar aparıb, iki ölkənin strateji tərəfdaşlığını müzakirə ediblər. Şımkent və \
      Gəncə şəhərləri arasında qardaşlaşma haqqında protokol imzalanıb.
      """,
      """
      Kazakistan ve Azerbaycan cumhurbaşkanları Astana'da görüştü
      Cumhurbaşkanı Tokayev ve Cumhurbaşkanı Aliyev devlet ziyareti sırasında Astana'da \
      görüşerek iki ülkenin stratejik ortaklığını ele aldı. Çimkent ve Gence kardeş kent \
      protokolü imzaladı.
      """,
    ])
  func twinning(text: String) {
    expectRelevant(text, assigns: Self.culture)
  }

  @Test(
    "A development bank's grant for the pair's project is financing, beside its sector",
    arguments: [
      """
      Kazakhstan and Azerbaijan prepare the Caspian power cable
      The energy ministers of Kazakhstan and Azerbaijan discussed the green energy corridor \
      and the subsea power cable across the Caspian Sea that will link the energy systems of \
      the two countries. The cable will carry electricity from wind and solar plants of \
      Kazakhstan to Azerbaijan and on to Europe.
      The feasibility study has been funded: the Asian Development Bank approved a grant for \
      it.
      """,
      """
      Казахстан и Азербайджан готовят энергокабель по дну Каспия
      Министры энергетики Казахстана и Азербайджана обсудили зеленый энергетический коридор и \
      подводный кабель по дну Каспийского моря, который соединит энергосистемы двух стран. По \
      кабелю электроэнергия ветровых и солнечных станций Казахстана пойдет в Азербайджан и \
      далее в Европу.
      Технико-экономическое обоснование профинансировано: средства выделил Азиатский банк \
      развития.
      """,
      """
      Қазақстан мен Әзірбайжан Каспий арқылы электр кабелін дайындап жатыр
      Қазақстан мен Әзірбайжанның энергетика министрлері жасыл энергия дәлізін және екі елдің \
      энергия жүйелерін жалғайтын Каспий теңізінің түбімен өтетін электр кабелін талқылады. \
      Кабель арқылы Қазақстанның жел және күн станцияларының электр энергиясы Әзірбайжанға, \
      одан әрі Еуропаға жеткізіледі.
      Техникалық-экономикалық негіздеме қаржыландырылды: қаражатты Азия даму банкі бөлді.
      """,
    ])
  func projectFinancing(text: String) {
    expectRelevant(text, assigning: ["energy", Self.investment.rawValue])
  }

  @Test(
    "The pair's format of three (KZ-AZ-UZ) is regional integration beside a heavier sector story",
    arguments: [
      """
      Kazakhstan and Azerbaijan move ahead with the Caspian power cable
      The energy ministers of Kazakhstan and Azerbaijan discussed the subsea power cable that \
      will carry electricity from wind farms of Kazakhstan across the Caspian Sea to \
      Azerbaijan and on to Europe. The ministers reviewed the feasibility study of the cable, \
      the route on the seabed and the capacity of the converter stations.
      The project rests on the trilateral agreement of Kazakhstan, Azerbaijan and Uzbekistan \
      on green energy.
      """,
      """
      Казахстан и Азербайджан продвигают проект энергокабеля по дну Каспия
      Министры энергетики Казахстана и Азербайджана обсудили подводный кабель, по которому \
      электроэнергия ветровых станций Казахстана пойдет через Каспийское море в Азербайджан и \
      далее в Европу. Министры рассмотрели технико-экономическое обоснование кабеля, трассу по \
      дну моря и мощность преобразовательных станций.
      Проект основан на трехстороннем соглашении Казахстана, Азербайджана и Узбекистана о \
      зеленой энергетике.
      """,
      """
      Azərbaycan və Qazaxıstan Xəzər elektrik kabeli layihəsini irəli aparır
      Azərbaycan və Qazaxıstanın energetika nazirləri Qazaxıstanın külək stansiyalarının \
      elektrik enerjisini Xəzər dənizinin dibi ilə Azərbaycana və oradan Avropaya ötürəcək \
      sualtı kabeli müzakirə ediblər. Nazirlər kabelin texniki-iqtisadi əsaslandırmasını, \
      dəniz dibindəki marşrutu və çevirici stansiyaların gücünü nəzərdən keçiriblər.
      Layihə Azərbaycan, Qazaxıstan və Özbəkistanın yaşıl enerji üzrə üçtərəfli sazişinə \
      əsaslanır.
      """,
    ])
  func formatOfThree(text: String) {
    expectRelevant(text, assigning: ["energy", Self.integration.rawValue])
  }

  @Test(
    "An organisation named beside two spheres neither makes a list nor is one of its spheres",
    arguments: [
      """
      Presidents of Kazakhstan and Azerbaijan speak by phone
      President Tokayev and President Aliyev spoke by phone and discussed the strategic \
      partnership of the two countries. The presidents noted the growth of cooperation in \
      energy, transport and within the Organization of Turkic States.
      """,
      """
      Президенты Казахстана и Азербайджана провели телефонный разговор
      Президент Токаев и Президент Алиев провели телефонный разговор и обсудили стратегическое \
      партнерство двух стран. Президенты отметили рост сотрудничества в энергетике, транспорте \
      и в рамках Организации тюркских государств.
      """,
      """
      Azərbaycan və Qazaxıstan prezidentləri telefonla danışıb
      Prezident İlham Əliyev və Prezident Tokayev telefonla danışıb, iki ölkənin strateji \
      tərəfdaşlığını müzakirə ediblər. Prezidentlər enerji, nəqliyyat sahələrində və Türk \
      Dövlətləri Təşkilatı çərçivəsində əməkdaşlığın artdığını qeyd ediblər.
      """,
    ])
  func organisationBesideSpheres(text: String) {
    expectRelevant(text, without: [Self.integration])
  }

  @Test(
    "A Trans-Caspian power line or cable is energy, not the Trans-Caspian transport route",
    arguments: [
      """
      Kazakhstan and Azerbaijan study the Trans-Caspian power line
      Kazakhstan and Azerbaijan are preparing renewable energy cooperation around the Trans- \
      Caspian power line, a report by the two countries' research centres says. The Trans- \
      Caspian cable will carry green electricity from wind farms of Kazakhstan to Azerbaijan \
      and on to Europe.
      """,
      """
      Казахстан и Азербайджан изучают Транскаспийский энергокабель
      Казахстан и Азербайджан готовят сотрудничество в возобновляемой энергетике вокруг \
      Транскаспийской энергетической линии, говорится в докладе исследовательских центров двух \
      стран. Транскаспийский кабель доставит зеленую электроэнергию ветровых станций \
      Казахстана в Азербайджан и далее в Европу.
      """,
    ])
  func transCaspianPowerLine(text: String) {
    expectRelevant(text, without: [TopicID(rawValue: "transport-logistics")])
  }

  @Test(
    "Restoring flights between the two is transport, not the rebuilding of liberated lands",
    arguments: [
      """
      Kazakhstan restores flights with Azerbaijan
      Kazakhstan and Azerbaijan restored regular flights between Almaty and Baku. Air Astana \
      and Azerbaijan Airlines will operate two flights a week on the route.
      The restoration of flights with other countries continues step by step.
      """,
      """
      Казахстан восстановил авиасообщение с Азербайджаном
      Казахстан и Азербайджан восстановили регулярные рейсы между Алматы и Баку. Air Astana и \
      Azerbaijan Airlines будут выполнять два рейса в неделю.
      С другими странами авиасообщение восстановлено частично.
      """,
      """
      Қазақстан Әзербайжанмен тұрақты әуе қатынасын қалпына келтірді
      Қазақстан мен Әзербайжан арасында тұрақты әуе қатынасы қалпына келтірілді. Air Astana \
      және Azerbaijan Airlines әуе компаниялары Алматы – Баку бағыты бойынша аптасына екі рейс \
      орындайды.
      Басқа елдермен де әуе қатынасы кезең-кезеңімен қалпына келтірілуде.
      """,
    ])
  func restoredFlights(text: String) {
    expectRelevant(text, without: [TopicID(rawValue: "reconstruction")])
  }

  @Test(
    "A book translated from one side's language into the other's is culture in each language",
    arguments: [
      """
      Kazakh poet's book presented in Baku
      A book of poems by the Kazakh poet Mukagali Makatayev, translated into Azerbaijani, was \
      presented in Baku. The book was published by a Baku publishing house with the support of \
      the Embassy of Kazakhstan in Azerbaijan.
      """,
      """
      В Баку презентовали книгу казахского поэта
      В Баку состоялась презентация книги стихов казахского поэта Мукагали Макатаева, \
      переведенной на азербайджанский язык. Книга вышла в бакинском издательстве при поддержке \
      посольства Казахстана в Азербайджане.
      """,
      """
      Бакуде қазақ ақынының кітабы таныстырылды
      Бакуде әзербайжан тіліне аударылған қазақ ақыны Мұқағали Мақатаевтың өлеңдер кітабының \
      тұсаукесері өтті. Кітап Қазақстанның Әзербайжандағы елшілігінің қолдауымен Баку \
      баспасында жарық көрді.
      """,
    ])
  func translatedBook(text: String) {
    expectRelevant(text, assigns: Self.culture)
  }

  @Test(
    "A parliamentary committee named for defence and security is a title, not the topic",
    arguments: [
      """
      Milli Majlis committee meets Kazakh parliamentary delegation
      The chairman of the Milli Majlis Committee for International Relations met the \
      delegation of the Mazhilis of Kazakhstan led by the Chair of the International \
      Relations, Defence and Security Committee. The sides discussed inter-parliamentary \
      relations between Azerbaijan and Kazakhstan and the work of the friendship groups.
      """,
      """
      Комитет Милли Меджлиса встретился с делегацией Мажилиса Казахстана
      Председатель комитета Милли Меджлиса по международным отношениям встретился с делегацией \
      Мажилиса Казахстана во главе с председателем комитета по международным делам, обороне и \
      безопасности. Стороны обсудили межпарламентские связи Азербайджана и Казахстана и работу \
      групп дружбы.
      """,
    ])
  func committeeTitle(text: String) {
    expectRelevant(text, without: [Self.security])
  }

  @Test("Rescuers and a search-and-rescue operation are emergencies: security")
  func rescue() {
    let text = """
      Azerbaijan thanks Kazakhstan's rescuers
      The emergencies ministers of Kazakhstan and Azerbaijan met in Astana. Azerbaijan's \
      minister thanked Kazakhstan's rescuers for the search and rescue operation and the two \
      ministries agreed on joint rescue drills on the Caspian Sea.
      """
    expectRelevant(text, assigns: Self.security)
  }

  @Test(
    "Health cooperation is humanitarian: doctors, hospitals and medical aid in each language",
    arguments: [
      """
      Kazakhstan and Azerbaijan agree on exchanges of doctors
      The health ministers of Kazakhstan and Azerbaijan met in Baku. Kazakhstan's doctors will \
      train in Azerbaijan's hospitals, and the two ministries agreed on joint treatment of \
      patients with rare diseases.
      """,
      """
      Казахстан и Азербайджан договорились об обмене врачами
      Министры здравоохранения Казахстана и Азербайджана встретились в Баку. Врачи из \
      Казахстана пройдут стажировку в больницах Азербайджана, а стороны договорились о \
      совместном лечении пациентов с редкими заболеваниями.
      """,
      """
      Қазақстан мен Әзірбайжан дәрігерлер алмасады
      Қазақстан мен Әзірбайжанның денсаулық сақтау министрлері Бакуде кездесті. Қазақстандық \
      дәрігерлер Әзірбайжанның ауруханаларында тағылымдамадан өтеді, тараптар науқастарды \
      бірлесіп емдеу туралы келісті.
      """,
      """
      Azərbaycan və Qazaxıstan həkim mübadiləsi barədə razılaşıb
      Azərbaycan və Qazaxıstanın səhiyyə nazirləri Bakıda görüşüb. Qazaxıstanlı həkimlər \
      Azərbaycanın xəstəxanalarında təcrübə keçəcək, tərəflər xəstələrin birgə müalicəsi \
      barədə razılaşıb.
      """,
      """
      Azerbaycan ile Kazakistan doktor değişiminde anlaştı
      Azerbaycan ve Kazakistan sağlık bakanları Bakü'de bir araya geldi. Kazakistanlı doktorlar \
      Azerbaycan'ın hastanelerinde staj yapacak, taraflar hastaların ortak tedavisi konusunda \
      anlaştı.
      """,
    ])
  func health(text: String) {
    expectRelevant(text, assigns: Self.culture)
  }

  @Test(
    "Internships, further training, colleges and double degrees are education in each language",
    arguments: [
      """
      Kazakhstan and Azerbaijan agree on internships for young diplomats
      The foreign ministries of Kazakhstan and Azerbaijan agreed that Kazakhstan's young \
      diplomats will do internships in Baku. Azerbaijan's colleges and Kazakhstan's lyceums will \
      also offer double degrees and refresher training.
      """,
      """
      Казахстан и Азербайджан договорились о стажировках дипломатов
      Министерства иностранных дел Казахстана и Азербайджана договорились, что молодые \
      дипломаты Казахстана пройдут стажировку в Баку. Колледжи Азербайджана и лицеи \
      Казахстана предложат двойные дипломы и курсы повышения квалификации.
      """,
      """
      Қазақстан мен Әзірбайжан дипломаттардың тағылымдамасы туралы келісті
      Қазақстан мен Әзірбайжанның сыртқы істер министрліктері Қазақстанның жас дипломаттары \
      Бакуде тағылымдамадан өтеді деп келісті. Әзірбайжанның колледждері мен Қазақстанның \
      лицейлері қос диплом және біліктілік арттыру курстарын ұсынады.
      """,
      """
      Azərbaycan və Qazaxıstan gənc diplomatların ixtisasartırması barədə razılaşıb
      Azərbaycan və Qazaxıstanın xarici işlər nazirlikləri Qazaxıstanın gənc diplomatlarının \
      Bakıda ixtisasartırma kursu keçəcəyi barədə razılaşıb. Azərbaycanın kollecləri və \
      Qazaxıstanın liseyləri ikili diplom proqramları təklif edəcək.
      """,
      """
      Azerbaycan ile Kazakistan genç diplomatların stajı konusunda anlaştı
      Azerbaycan ve Kazakistan dışişleri bakanlıkları, Kazakistan'ın genç diplomatlarının \
      Bakü'de staj yapacağı konusunda anlaştı. Azerbaycan'ın kolejleri ve Kazakistan'ın liseleri \
      çift diploma ve hizmet içi eğitim programları sunacak.
      """,
    ])
  func furtherEducation(text: String) {
    expectRelevant(text, assigns: Self.education)
  }

  @Test("Help to the victims of an accident is humanitarian")
  func helpToVictims() {
    let text = """
      Aliyev thanks Kazakhstan for its help after the crash
      President Ilham Aliyev thanked President Kassym-Jomart Tokayev by phone for Kazakhstan's \
      help to the victims of the crash near Aktau. Kazakhstan's doctors and hospitals gave \
      medical aid to the injured Azerbaijani passengers.
      """
    expectRelevant(text, assigns: Self.culture)
  }

  @Test(
    "Joint investment projects are investment even beside a larger story",
    arguments: [
      """
      Kazakhstan and Azerbaijan sign oil transit deal
      SOCAR and KazMunayGas of Kazakhstan signed an agreement in Baku on the transit of Kazakh oil \
      through the Baku-Tbilisi-Ceyhan pipeline, raising volumes to 2 million tonnes of oil a \
      year. The two companies also agreed on joint investment projects in Azerbaijan and \
      Kazakhstan.
      """,
      """
      Казахстан и Азербайджан договорились о транзите нефти
      SOCAR и КазМунайГаз подписали в Баку соглашение о транзите казахстанской нефти по \
      нефтепроводу Баку – Тбилиси – Джейхан, увеличив объемы до 2 миллионов тонн нефти в год. \
      Компании Казахстана и Азербайджана также договорились о совместных инвестиционных \
      проектах.
      """,
      """
      Qazaxıstan və Azərbaycan neft tranziti barədə razılaşıb
      SOCAR və QazMunayQaz Bakıda Qazaxıstan neftinin Bakı-Tbilisi-Ceyhan boru kəməri ilə \
      tranziti barədə saziş imzalayıb, həcmlər ildə 2 milyon ton neftə çatacaq. Azərbaycan və \
      Qazaxıstan şirkətləri birgə investisiya layihələri barədə də razılaşıb.
      """,
    ])
  func jointInvestmentProjects(text: String) {
    expectRelevant(text, assigns: Self.investment)
  }

  @Test("One side's investments in the other are investment")
  func mutualInvestment() {
    let text = """
      Kazakh manufacturers sign contracts in Baku
      Kazakhstan and Azerbaijan signed supply contracts at a business forum in Baku. Azerbaijan's \
      investments in Kazakhstan reached 200 million dollars, and 150 companies with the Kazakh \
      capital work in Azerbaijan, the agency's chairman said.
      """
    expectRelevant(text, assigns: Self.investment)
  }

  @Test(
    "Industrial, fire and road safety are not defence, in each language",
    arguments: [
      """
      Kazakhstan and Azerbaijan sign agreements on industrial safety and statistics
      The governments of Kazakhstan and Azerbaijan signed agreements in Astana on industrial \
      security, fire security and statistics. The emergency services of the two countries will \
      share their experience of industrial security at oil plants and of road security.
      """,
      """
      Казахстан и Азербайджан подписали соглашения о промышленной безопасности
      Правительства Казахстана и Азербайджана подписали в Астане соглашения о промышленной \
      безопасности, пожарной безопасности и статистике. Ведомства двух стран обменяются опытом \
      промышленной безопасности на нефтяных заводах и безопасности дорожного движения.
      """,
      """
      Қазақстан мен Әзірбайжан өнеркәсіптік қауіпсіздік туралы келісімдерге қол қойды
      Қазақстан мен Әзірбайжан үкіметтері Астанада өнеркәсіптік қауіпсіздік, өрт қауіпсіздігі \
      және статистика туралы келісімдерге қол қойды. Екі елдің ведомстволары мұнай \
      зауыттарындағы өнеркәсіптік қауіпсіздік және жол қозғалысы қауіпсіздігі тәжірибесімен \
      алмасады.
      """,
      """
      Kazakistan ve Azerbaycan endüstriyel güvenlik anlaşmaları imzaladı
      Kazakistan ve Azerbaycan hükümetleri Astana'da endüstriyel güvenlik, yangın güvenliği ve \
      istatistik alanlarında anlaşmalar imzaladı. İki ülkenin kurumları petrol tesislerinde \
      endüstriyel güvenlik ve trafik güvenliği deneyimlerini paylaşacak.
      """,
    ])
  func civilSafety(text: String) {
    expectRelevant(text, without: [Self.security])
  }

  @Test(
    "A stem's forms with a vowel ending count: güvenliği, təhlükəsizliyi, қауіпсіздігі",
    arguments: [
      (
        """
        Kazakistan ve Azerbaycan Hazar'da denizciliği geliştirecek
        Kazakistan ile Azerbaycan arasında denizciliğin, lojistiğin ve taşımacılığın \
        geliştirilmesi için yol haritası imzalandı. Denizciliğin gelişmesi iki ülkenin ortak \
        hedefi.
        """, "transport-logistics"
      ),
      (
        """
        Azərbaycan və Qazaxıstan milli təhlükəsizliyin təmini barədə razılaşıb
        Azərbaycan ilə Qazaxıstan arasında milli təhlükəsizliyin təmini və sərhəd \
        təhlükəsizliyinin gücləndirilməsi barədə saziş imzalanıb. Təhlükəsizliyin təmini iki \
        ölkənin ortaq hədəfidir.
        """, "security-defense"
      ),
      (
        """
        Қазақстан мен Әзірбайжан ұлттық қауіпсіздігін нығайтады
        Қазақстан мен Әзірбайжан арасында ұлттық қауіпсіздігін қамтамасыз ету туралы \
        келісімге қол қойылды. Қауіпсіздігін нығайту екі елдің ортақ мақсаты.
        """, "security-defense"
      ),
    ])
  func voicedForms(text: String, topic: String) {
    expectRelevant(text, assigns: TopicID(rawValue: topic))
  }

  @Test(
    "Prosecutors, extradition and organised crime are law enforcement: security",
    arguments: [
      """
      Prosecutors of Kazakhstan and Azerbaijan agree on extradition
      The Prosecutor General of Kazakhstan met the Prosecutor General of Azerbaijan in Baku. The \
      two prosecutor's offices agreed to speed up extradition and legal assistance in criminal \
      matters and to fight organised crime and drug trafficking together.
      """,
      """
      Генпрокуроры Казахстана и Азербайджана договорились об экстрадиции
      Генеральный прокурор Казахстана встретился в Баку с генеральным прокурором Азербайджана. \
      Прокуратуры двух стран договорились ускорить экстрадицию и правовую помощь по уголовным \
      делам и вместе бороться с организованной преступностью и наркотрафиком.
      """,
      """
      Қазақстан мен Әзірбайжан прокурорлары экстрадиция туралы келісті
      Қазақстанның Бас прокуроры Бакуде Әзірбайжанның Бас прокурорымен кездесті. Екі елдің \
      прокуратуралары экстрадицияны жеделдетуге және ұйымдасқан қылмыс пен есірткі саудасына \
      бірге қарсы күресуге келісті.
      """,
      """
      Azərbaycan və Qazaxıstan prokurorları ekstradisiya barədə razılaşıb
      Azərbaycanın Baş prokuroru Bakıda Qazaxıstanın Baş prokuroru ilə görüşüb. İki ölkənin \
      prokurorluqları ekstradisiyanın sürətləndirilməsi, mütəşəkkil cinayətkarlığa və narkotik \
      qaçaqmalçılığına qarşı birgə mübarizə barədə razılaşıb.
      """,
      """
      Kazakistan ve Azerbaycan başsavcıları iade konusunda anlaştı
      Kazakistan Başsavcısı Bakü'de Azerbaycan Başsavcısı ile görüştü. İki ülkenin \
      savcılıkları, organize suç ve uyuşturucu kaçakçılığıyla birlikte mücadele etme konusunda \
      anlaştı.
      """,
    ])
  func lawEnforcement(text: String) {
    expectRelevant(text, assigns: Self.security)
  }

  @Test(
    "Goods one side supplies to the other are trade, in each language",
    arguments: [
      """
      Kazakhstan to supply locomotives to Azerbaijan
      Kazakhstan will supply twelve mainline locomotives to Azerbaijan next year, the chairman \
      of Azerbaijan Railways said in Baku. The first two locomotives built in Astana have \
      already been supplied, and the rest will follow by rail and ferry.
      """,
      """
      Казахстан поставит Азербайджану локомотивы
      Казахстан поставит Азербайджану двенадцать магистральных локомотивов в следующем году, \
      сообщил в Баку председатель Азербайджанских железных дорог. Поставка первых двух \
      локомотивов, собранных в Астане, уже завершена.
      """,
      """
      Qazaxıstan Azərbaycana lokomotiv tədarük edəcək
      Qazaxıstan gələn il Azərbaycana on iki magistral lokomotiv tədarük edəcək. Bu barədə \
      Bakıda Azərbaycan Dəmir Yollarının sədri bildirib. Astanada yığılan ilk iki lokomotivin \
      tədarükü artıq başa çatıb.
      """,
    ])
  func supplies(text: String) {
    expectRelevant(text, assigns: Self.trade)
  }

  @Test(
    "Condolences and thanks to the medical staff after a crash are humanitarian",
    arguments: [
      """
      Aliyev thanks Tokayev for the work of the medics
      President Ilham Aliyev discussed the investigation of the plane crash in a phone call \
      with President Kassym-Jomart Tokayev. Aliyev thanked Kazakhstan's medical staff and both \
      presidents expressed condolences to the families of the dead.
      """,
      """
      Алиев поблагодарил Токаева за работу медиков
      Президент Азербайджана Ильхам Алиев в телефонном разговоре с Президентом Казахстана \
      Касым-Жомартом Токаевым обсудил ход расследования авиакатастрофы. Алиев поблагодарил \
      казахстанских медицинских работников и выразил соболезнования семьям погибших.
      """,
      """
      Қасым-Жомарт Тоқаев Ильхам Әлиевпен телефон арқылы сөйлесті
      Президенттер апаттың тергеуін талқылады. Тараптар қаза тапқандардың отбасыларына көңіл \
      айтты. Ильхам Әлиев Қазақстан Үкіметіне зардап шеккендерге көмек көрсеткені үшін алғыс \
      айтты. Екі ел үкіметтері тығыз байланыста болады.
      """,
    ])
  func condolencesAndMedics(text: String) {
    expectRelevant(text, assigns: Self.culture)
  }

  @Test(
    "The two presidents' joint briefing is a contact between them: politics",
    arguments: [
      """
      Kazakhstan and Azerbaijan consider a new ferry line
      President Kassym-Jomart Tokayev and President Ilham Aliyev held a joint briefing in \
      Astana. Kazakhstan and Azerbaijan are considering a new ferry line across the Caspian, \
      Tokayev said.
      """,
      """
      Казахстан и Азербайджан рассматривают новую паромную линию
      Касым-Жомарт Токаев и Ильхам Алиев провели совместный брифинг в Астане. Казахстан и \
      Азербайджан рассматривают новую паромную линию через Каспий, заявил Токаев.
      """,
      """
      Kazakistan ve Azerbaycan yeni bir feribot hattını değerlendiriyor
      Kasım Cömert Tokayev ve İlham Aliyev Astana'da ortak basın toplantısı düzenledi. \
      Kazakistan ve Azerbaycan Hazar üzerinden yeni bir feribot hattını değerlendiriyor.
      """,
    ])
  func jointBriefing(text: String) {
    expectRelevant(text, assigns: Self.politics)
  }

  @Test(
    "The fight against crime is law enforcement: security",
    arguments: [
      """
      Kazakhstan and Azerbaijan to work out a joint strategy
      Members of the parliaments of Kazakhstan and Azerbaijan met in Baku. Kazakhstan and \
      Azerbaijan will work out a joint strategy for the fight against crime, the sides said.
      """,
      """
      Казахстан и Азербайджан разработают общую стратегию
      Депутаты парламентов Казахстана и Азербайджана встретились в Баку. Казахстан и \
      Азербайджан разработают общую стратегию борьбы с преступностью, заявили стороны.
      """,
      """
      Қазақстан мен Әзірбайжан ортақ стратегия әзірлейді
      Қазақстан мен Әзірбайжан парламенттерінің депутаттары Бакуде кездесті. Қазақстан мен \
      Әзірбайжан қылмысқа қарсы күрестің ортақ стратегиясын әзірлейді.
      """,
    ])
  func fightAgainstCrime(text: String) {
    expectRelevant(text, assigns: Self.security)
  }

  @Test(
    "Nowruz in each spelling and the Kazakh yurt are culture",
    arguments: [
      """
      В Баку Навруз отметили в казахском стиле
      Посольство Казахстана в Азербайджане провело в Баку праздник Навруз в казахском \
      национальном стиле. Гостей встречали в казахской юрте.
      """,
      """
      A Kazakh yurt opens on the Baku boulevard
      Before the visit of Kazakhstan's President to Azerbaijan, a Kazakh yurt was set up on the \
      Baku boulevard. Azerbaijanis visit the yurt every evening.
      """,
    ])
  func nowruzAndYurt(text: String) {
    expectRelevant(text, assigns: Self.culture)
  }

  @Test(
    "Sector work done on the heads of state's agreement keeps politics",
    arguments: [
      """
      Railways of Kazakhstan and Azerbaijan set up a joint venture
      The chairmen of the national railways of Kazakhstan and Azerbaijan signed an agreement in \
      Baku to set up a joint venture. The venture was agreed by the heads of state and will \
      carry containers.
      """,
      """
      Қазақстан мен Әзірбайжан темір жолдары бірлескен кәсіпорын құрды
      Қазақстан мен Әзірбайжан ұлттық темір жолдарының басшылары Бакуде бірлескен кәсіпорын \
      құру туралы келісімге қол қойды. Кәсіпорын мемлекет басшыларының уағдаластығы бойынша \
      құрылып, контейнер тасымалымен айналысады.
      """,
      """
      Azərbaycan və Qazaxıstan dəmir yolları birgə müəssisə yaradıb
      Azərbaycan və Qazaxıstan dəmir yollarının sədrləri Bakıda birgə müəssisənin yaradılması \
      barədə saziş imzalayıb. Müəssisə dövlət başçılarının razılaşmasına əsasən yaradılıb və \
      konteyner daşımaları ilə məşğul olacaq.
      """,
    ])
  func headsOfStateAgreement(text: String) {
    expectRelevant(text, assigns: Self.politics)
  }

  @Test("Trade unions are not trade")
  func tradeUnions() {
    let text = """
      Azerbaijan and Kazakhstan trade unions to cooperate
      Azerbaijan's ambassador to Kazakhstan met the chairman of the Federation of Trade Unions of \
      Kazakhstan. They discussed cooperation between the trade unions of Azerbaijan and \
      Kazakhstan and the protection of workers' rights.
      """
    expectRelevant(text, without: [Self.trade])
  }

  @Test(
    "The visa regime between the two is diplomacy",
    arguments: [
      """
      Kazakhstan and Azerbaijan amend the visa-free travel agreement
      Kazakhstan and Azerbaijan amended their agreement on visa-free travel of citizens. Under \
      the visa-free regime, citizens of Kazakhstan staying in Azerbaijan for more than 30 days \
      must now register. The same visa-free rules apply to citizens of Azerbaijan in Kazakhstan.
      """,
      """
      Казахстан и Азербайджан изменили соглашение о безвизовом режиме
      Казахстан и Азербайджан внесли изменения в соглашение о безвизовых поездках граждан. По \
      условиям безвизового режима граждане Казахстана, находящиеся в Азербайджане более 30 \
      дней, должны зарегистрироваться. Те же безвизовые правила действуют для граждан \
      Азербайджана в Казахстане.
      """,
    ])
  func visaRegime(text: String) {
    expectRelevant(text, assigns: Self.politics)
  }

  @Test(
    "Illegal migration and readmission are law enforcement: security",
    arguments: [
      """
      Kazakhstan and Azerbaijan sign a migration agreement
      The interior ministries of Kazakhstan and Azerbaijan signed an agreement in Baku on \
      cooperation against illegal migration and on the readmission of persons residing without \
      permission.
      """,
      """
      Казахстан и Азербайджан подписали соглашение о миграции
      Министерства внутренних дел Казахстана и Азербайджана подписали в Баку соглашение о \
      противодействии незаконной миграции и о реадмиссии.
      """,
    ])
  func illegalMigration(text: String) {
    expectRelevant(text, assigns: Self.security)
  }

  @Test(
    "Wine and grapes are agriculture",
    arguments: [
      """
      Azerbaijan to export wine to Kazakhstan
      Azerbaijan's wine makers will start selling wine to Kazakhstan this year, the head of the \
      winemakers' association said in Baku. Azerbaijani grapes and wine will reach Almaty and \
      Astana.
      """,
      """
      Азербайджан начнет поставлять вино в Казахстан
      Азербайджанские производители начнут поставлять вино в Казахстан в этом году, сообщил в \
      Баку глава ассоциации виноделов. Азербайджанское вино и виноград появятся в Алматы и \
      Астане.
      """,
    ])
  func wine(text: String) {
    expectRelevant(text, assigns: Self.agriculture)
  }

  @Test("The Caspian Sea named alone is not a transport route")
  func caspianAlone() {
    let text = """
      Казахстан и Азербайджан провели учения на Каспии
      Военно-морские силы Казахстана и Азербайджана провели совместные учения на Каспийском \
      море. Моряки двух стран отработали защиту морских платформ на Каспии, сообщили \
      министерства обороны. Каспийские учения будут проводиться ежегодно.
      """
    expectRelevant(text, without: [Self.transport])
  }

  @Test(
    "TRACECA, the corridor's earlier name, is transport",
    arguments: [
      """
      Ambassador: TRACECA links Kazakhstan and Azerbaijan
      Azerbaijan's ambassador to Kazakhstan said the TRACECA project matters to both countries. \
      Kazakhstan and Azerbaijan want more goods to travel along TRACECA, he said in Astana.
      """,
      """
      Посол: ТРАСЕКА связывает Казахстан и Азербайджан
      Посол Азербайджана в Казахстане заявил, что проект ТРАСЕКА важен для обеих стран. \
      Казахстан и Азербайджан хотят, чтобы по ТРАСЕКА шло больше грузов, сказал он в Астане.
      """,
    ])
  func traceca(text: String) {
    expectRelevant(text, assigns: Self.transport)
  }

  @Test(
    "A letter between the two sides' leaders is a contact: politics",
    arguments: [
      """
      Bektenov sends a letter to Asadov
      Kazakhstan's Prime Minister Olzhas Bektenov sent a letter to Azerbaijan's Prime Minister \
      Ali Asadov on the anniversary of the plane crash near Aktau. In his reply Asadov thanked \
      the Kazakh people for their help after the crash, in which passengers were killed.
      """,
      """
      Бектенов направил письмо Асадову
      Премьер-министр Казахстана Олжас Бектенов направил письмо премьер-министру Азербайджана \
      Али Асадову в годовщину крушения самолета под Актау. В ответном послании Асадов \
      поблагодарил казахстанцев за помощь после катастрофы, в которой погибли пассажиры.
      """,
    ])
  func letters(text: String) {
    expectRelevant(text, assigns: Self.politics)
  }

  @Test("A state company's president is a sector official: its talks are its sector's")
  func companyPresident() {
    let text = """
      ГНКАР и КазМунайГаз провели переговоры
      В Баку состоялись переговоры президента компании ГНКАР с делегацией КазМунайГаза во главе \
      с президентом компании. Стороны обсудили транзит казахстанской нефти по трубопроводу \
      Баку–Тбилиси–Джейхан и поставки нефти танкерами.
      """
    expectRelevant(text, without: [Self.politics])
  }

  @Test("A sentence hard-wrapped over several lines is still one sentence")
  func hardWrapped() {
    let wrapped = """
      Work on laying
      the fibre-optic line on the Caspian seabed will start very
      soon, said Kazakhstan's ambassador to Azerbaijan at a round table on Azerbaijan-Kazakhstan
      relations.
      New paragraph.
      """
    let sentences = NormalizedDocument(title: "", body: wrapped).sentences
    #expect(sentences.count == 2)
    #expect(Set(sentences.map(\.paragraph)).count == 2)
    let result = classifier.classify(text: "\n" + wrapped)
    #expect(result.topics.contains(Self.digital), "\(result.topics)")
  }
}
