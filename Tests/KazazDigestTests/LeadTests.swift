import KazazModel
import Testing

@testable import KazazDigest

/// Leads a person would write and headlines as a reader wants them: each rule of `LeadRules`,
/// `SentenceRules` and `TitleRules` with short texts written for these tests.
@Suite("Leads and headlines")
struct LeadTests {
  @Test("Every rule compiles")
  func rulesCompile() {
    let rules = LeadCleaner.allRules + Headline.names + Headline.siteTail
    #expect(rules.filter { !$0.compiles }.isEmpty)
  }

  @Test(
    "Datelines go, in every language",
    arguments: [
      (
        "ASTANA, Dec 7 (Reuters) – Kazakhstan will ship more grain.",
        "Kazakhstan will ship more grain."
      ),
      ("ASTANA – The ferry line opened.", "The ferry line opened."),
      ("BAKU, Azerbaijan, April 11. The talks began.", "The talks began."),
      ("BAKU, Azerbaijan, Nov. 25. The talks began.", "The talks began."),
      ("Baku, November 25 (Report) – The talks began.", "The talks began."),
      ("БАКУ, 10 апреля. /ТАСС/. Стороны подписали соглашение.", "Стороны подписали соглашение."),
      ("Astana. 10 aprel. Trend: Tərəflər saziş imzalayıb.", "Tərəflər saziş imzalayıb."),
      (
        "Астана. 10 апреля. KAZAKHSTAN TODAY - Президенты провели переговоры.",
        "Президенты провели переговоры."
      ),
      ("Baku (APA) – The sides met.", "The sides met."),
      ("Астана – Состоялась встреча министров.", "Состоялась встреча министров."),
      ("Bakı, 12 mart. Nazirlər görüşüb.", "Nazirlər görüşüb."),
      ("Ankara, 5 Nisan (AA) - Bakanlar görüştü.", "Bakanlar görüştü."),
      ("Астана, 4 қазан. ҚазАқпарат - Министрлер кездесті.", "Министрлер кездесті."),
    ])
  func datelines(_ line: String, _ expected: String) {
    #expect(LeadCleaner.clean(line) == expected)
  }

  @Test(
    "Agency credits go, at the start and at the end",
    arguments: [
      ("KAZAKHSTAN TODAY - Президент провел встречу.", "Президент провел встречу."),
      ("(Reuters) - Oil prices rose.", "Oil prices rose."),
      ("The sides met in Baku, News.az reports.", "The sides met in Baku."),
      ("The sides met in Baku, Report informs.", "The sides met in Baku."),
      ("Стороны встретились в Баку, сообщает Trend.", "Стороны встретились в Баку."),
      ("Стороны встретились в Баку – Kazinform", "Стороны встретились в Баку."),
      ("Tərəflər Bakıda görüşüb, APA xəbər verir.", "Tərəflər Bakıda görüşüb."),
      ("Тараптар Бакуде кездесті, деп хабарлайды Kazinform.", "Тараптар Бакуде кездесті."),
    ])
  func credits(_ line: String, _ expected: String) {
    #expect(LeadCleaner.clean(line) == expected)
  }

  @Test("What only looks like a dateline or a credit stays")
  func keeps() {
    for line in [
      "SOCAR – the state oil company – signed the deal.",
      "Kazakhstan – a key partner – signed the deal.",
      "10 апреля 2023 года президенты провели переговоры.",
      "The press service of Akorda reports on the visit, сообщает пресс-служба.",
      "Стороны встретились, сообщает пресс-служба Акорды.",
      "Trend lines show growth in trade.",
    ] {
      #expect(LeadCleaner.clean(line) == line, "\(line)")
    }
  }

  @Test(
    "Date lines, photo credits, bylines and prompts are furniture",
    arguments: [
      "date 2023-10-24 + ↺ − 16 px", "10.04.2023, 18:16 45671", "2024-03-30 12:00",
      "30 марта, 2024", "December 7, 2023 09:15", "12 Nisan 2024", "Photo: Akorda",
      "Фото: Акорда", "Сурет: Ақорда баспасөз қызметі", "Foto: APA", "By John Smith",
      "Автор: Иван Петров", "Müəllif: Əli Həsənov", "Yazar: Ayşe Yılmaz",
      "Читайте также: Президенты обсудили транзит", "News.Az",
    ])
  func furniture(_ line: String) {
    #expect(LeadCleaner.clean(line) == "", "\(line)")
  }

  @Test("A date stamp opening a paragraph goes with the dateline after it")
  func stampThenDateline() {
    #expect(
      LeadCleaner.clean("date 2023-12-07 ASTANA – The Days of Culture ended.")
        == "The Days of Culture ended.")
    #expect(
      LeadCleaner.clean("10.04.2023 18:16 Астана. 10 апреля. Trend: Президенты встретились.")
        == "Президенты встретились.")
  }

  @Test(
    "Sentences end where they end, not at abbreviations, initials or decimals",
    arguments: [
      (
        "The talks ended on Dec. 5. Both sides signed.",
        ["The talks ended on Dec. 5.", "Both sides signed."]
      ),
      ("Dr. Aliyev met Mr. Smith. They spoke.", ["Dr. Aliyev met Mr. Smith.", "They spoke."]),
      (
        "K. Tokayev and I. Aliyev met. Trade grew 1.5 times.",
        ["K. Tokayev and I. Aliyev met.", "Trade grew 1.5 times."]
      ),
      (
        "The U.S. and the U.K. joined. Others did not.",
        ["The U.S. and the U.K. joined.", "Others did not."]
      ),
      (
        "Встреча прошла в 2023 г. в Баку. Стороны, т.е. министры, подписали документ.",
        ["Встреча прошла в 2023 г. в Баку.", "Стороны, т.е. министры, подписали документ."]
      ),
      (
        "Улица им. Гейдара Алиева открыта. А. Байель выступил.",
        ["Улица им. Гейдара Алиева открыта.", "А. Байель выступил."]
      ),
      (
        "1991 ж. тәуелсіздік алды. Екі ел келісті.",
        ["1991 ж. тәуелсіздік алды.", "Екі ел келісті."]
      ),
      (
        "Neft, qaz və s. məhsullar ixrac olunur. Yeni saziş imzalandı.",
        ["Neft, qaz və s. məhsullar ixrac olunur.", "Yeni saziş imzalandı."]
      ),
      (
        "Enerji, ulaşım vb. alanlarda işbirliği var. Prof. Dr. Yılmaz konuştu.",
        ["Enerji, ulaşım vb. alanlarda işbirliği var.", "Prof. Dr. Yılmaz konuştu."]
      ),
      (
        "«Мы друзья», – сказал он. Затем начались переговоры!",
        ["«Мы друзья», – сказал он.", "Затем начались переговоры!"]
      ),
    ])
  func sentences(_ text: String, _ expected: [String]) {
    #expect(Sentences.split(text) == expected)
  }

  @Test("A lead skips the repeated headline and furniture, then takes one or two sentences")
  func lead() {
    let text = """
      10.04.2023, 18:16 45671

      Caspian ferry line opens
      Фото: Акорда
      Photo: Akorda
      ASTANA, Dec 7 (Reuters) – A new ferry line between Aktau and Alat opened on Tuesday, Report informs. It will carry 50 trucks a day. A third sentence follows here.
      """
    #expect(
      Lead.make(from: text, title: "Caspian ferry line opens")
        == "A new ferry line between Aktau and Alat opened on Tuesday. It will carry 50 trucks a day."
    )
  }

  @Test("A sentence that starts with the headline's words is the lead, not a repeat of it")
  func headlineSentence() {
    let text = "Kazakhstan helps Azerbaijan rebuild Fuzuli, the minister said in Baku on Monday."
    #expect(Lead.make(from: text, title: "Kazakhstan helps Azerbaijan rebuild Fuzuli") == text)
  }

  @Test("At most about 300 characters: a long first sentence is cut at a word, with an ellipsis")
  func length() {
    let long =
      String(repeating: "Kazakhstan and Azerbaijan discussed transit, ", count: 10) + "end."
    let lead = Lead.make(from: long)
    #expect(lead.count <= Lead.maximumCharacters)
    #expect(lead.hasSuffix("…") && !lead.hasSuffix(",…") && !lead.hasSuffix(" …"))
    #expect(long.hasPrefix(lead.dropLast()))
    let two = "Short first sentence here. Then " + String(repeating: "word ", count: 60) + "end."
    #expect(Lead.make(from: two) == "Short first sentence here.")
  }

  @Test(
    "Headlines lose the site's name",
    arguments: [
      (
        "Kazakhstan, Azerbaijan sign ferry deal - Trend.az", "Trend", "https://trend.az/rss",
        "Kazakhstan, Azerbaijan sign ferry deal"
      ),
      (
        "Kazakhstan, Azerbaijan sign ferry deal | Kazinform", "Kazinform",
        "https://www.inform.kz/rss", "Kazakhstan, Azerbaijan sign ferry deal"
      ),
      (
        "Президенты обсудили транзит — Новости Казахстана", nil, "https://example.kz/rss",
        "Президенты обсудили транзит"
      ),
      (
        "Prezidentlər tranziti müzakirə edib - APA", nil, "https://apa.az/rss",
        "Prezidentlər tranziti müzakirə edib"
      ),
      (
        "Cumhurbaşkanları transiti görüştü - Son Dakika Haberleri", nil, "https://x.com.tr/rss",
        "Cumhurbaşkanları transiti görüştü"
      ),
      (
        "Aktau - Alat ferry line opens", "Trend", "https://trend.az/rss",
        "Aktau - Alat ferry line opens"
      ),
      ("Talks - Baku", nil, "https://trend.az/rss", "Talks - Baku"),
    ])
  func siteNames(_ title: String, _ feedTitle: String?, _ feedURL: String, _ expected: String) {
    #expect(Headline.tidy(title, feedTitle: feedTitle, feedURL: feedURL) == expected)
  }

  @Test(
    "Headlines in capitals are put in sentence case, acronyms and names kept",
    arguments: [
      (
        "KAZAKHSTAN AND AZERBAIJAN SIGN TRANS-CASPIAN CABLE DEAL",
        "Kazakhstan and Azerbaijan sign Trans-Caspian cable deal"
      ),
      ("ТОКАЕВ И АЛИЕВ ОБСУДИЛИ ТМТМ И ВОЛС В БАКУ", "Токаев и Алиев обсудили ТМТМ и ВОЛС в Баку"),
      (
        "КАЗАХСТАНСКО-АЗЕРБАЙДЖАНСКИЙ ТОВАРООБОРОТ ВЫРОС",
        "Казахстанско-азербайджанский товарооборот вырос"
      ),
      (
        "SOCAR AND KMG TO BUILD G20-GRADE TERMINAL IN AKTAU",
        "SOCAR and KMG to build G20-grade terminal in Aktau"
      ),
      ("ҚАЗАҚСТАН МЕН ӘЗІРБАЙЖАН КЕЛІСТІ", "Қазақстан мен Әзірбайжан келісті"),
    ])
  func capitals(_ title: String, _ expected: String) {
    #expect(Headline.tidy(title, feedTitle: nil, feedURL: "https://a.kz/rss") == expected)
  }

  @Test("Turkish and Azerbaijani capitals keep their dotted and dotless i")
  func dottedI() {
    #expect(
      Headline.tidy(
        "AZERBAYCAN'IN İHRACATI ARTTI", feedTitle: nil, feedURL: "https://a.com.tr/rss",
        language: .tr) == "Azerbaycan'ın ihracatı arttı")
    #expect(
      Headline.tidy(
        "QAZAXISTAN İLƏ TİCARƏT ARTIB", feedTitle: nil, feedURL: "https://a.az/rss", language: .az)
        == "Qazaxıstan ilə ticarət artıb")
  }

  @Test("Headlines in ordinary case are left as written")
  func ordinaryCase() {
    let title = "NATO and the EU welcome the Baku–Astana deal"
    #expect(Headline.tidy(title, feedTitle: nil, feedURL: "https://a.kz/rss") == title)
  }
}

/// Hostile texts cost little and break nothing.
@Suite("Leads and headlines of hostile texts")
struct HostileLeadTests {
  @Test("A megabyte line, a thousand lines, a megabyte headline: bounded work, bounded output")
  func large() {
    let word = String(repeating: "a", count: 1_000_000)
    #expect(Lead.make(from: word).count <= Lead.maximumCharacters)
    let dots = String(repeating: "a.", count: 500_000) + " reports."
    #expect(Lead.make(from: "Baku, " + dots).count <= Lead.maximumCharacters)
    let lines =
      String(repeating: "Photo: Akorda\n", count: 1_000)
      + "A real sentence of prose that comes far too late to be read."
    #expect(Lead.make(from: lines) == "")
    let title = Headline.tidy(
      String(repeating: "KAZAKHSTAN ", count: 100_000), feedTitle: nil, feedURL: "x")
    #expect(
      title.count <= Headline.maximumCharacters + 1 && title.hasPrefix("Kazakhstan Kazakhstan"))
  }

  @Test("Absurd figures are left out or written plainly, never trap")
  func figures() {
    let facts = [
      KeyFact(kind: .percentage, text: "x", value: 9.99e17),
      KeyFact(kind: .money, text: "x", value: 1e18, currency: "USD"),
      KeyFact(kind: .money, text: "x", value: -5, currency: "USD"),
      KeyFact(kind: .quantity, text: "x", value: .nan, unit: "t"),
    ]
    let groups = KeyFigureText.groups(facts, language: .en)
    #expect(groups.count == 1)
    #expect(groups.first?.figures.first?.hasSuffix("%") == true)
  }
}
