import Foundation
import KazazConfig
import KazazModel
import KazazTesting
import Testing

@testable import KazazClassify

/// The profile lint on small profiles and corpora written for these tests.
@Suite("Profile lint")
struct ProfileLintTests {
  /// A profile with just enough structure to load: the findings come from the lists below it.
  static func profile(_ lists: String) -> String {
    """
    version: "1"
    sides:
      kazakhstan:
        en: {"kazakhstan*": 1.3}
      azerbaijan:
        en: {"azerbaijan*": 1.3}
    topics:
    \(TopicID.all.map { "  \($0.rawValue): {}" }.joined(separator: "\n"))
    \(lists)
    """
  }

  static func document(_ name: String, _ language: Language, _ text: String)
    -> LintCorpus.Document
  {
    LintCorpus.Document(name: name, language: language, text: text)
  }

  func lint(_ lists: String, _ documents: [LintCorpus.Document]) throws -> ProfileLint.Report {
    let text = Self.profile(lists)
    let (_, entries) = try ProfileLoader.parseSource(text, displayName: "test.yaml")
    return ProfileLint(entries: entries, text: text, corpora: [LintCorpus(documents: documents)])
      .run()
  }

  func findings(_ report: ProfileLint.Report, _ rule: ProfileLint.Rule) -> [String] {
    report.findings.filter { $0.rule == rule }.map(\.entry.pattern)
  }

  /// The finding of `rule` for `pattern`, if the report has one.
  func finding(_ report: ProfileLint.Report, _ rule: ProfileLint.Rule, _ pattern: String)
    -> ProfileLint.Finding?
  {
    report.findings.first { $0.rule == rule && $0.entry.pattern == pattern }
  }

  static let corpus = [
    document(
      "a.txt", .en,
      "Ferry line opens\nKazakhstan and Azerbaijan opened a ferry line. The ferry carries trucks."
    ),
    document(
      "b.txt", .en,
      "Trade grows\nKazakhstan and Azerbaijan raised trade. A new ferry was ordered for the route."),
    document("c.txt", .en, "Snow\nHeavy snow closed the roads of Kazakhstan."),
  ]

  @Test("single and unused: how many documents a pattern matches, with the entry's line")
  func frequency() throws {
    let report = try lint(
      """
      negative:
        sports:
          en:
            "ferry*": 1.0
            "trade": 1.0
            "hydrogen": 1.0
      """, Self.corpus)
    #expect(findings(report, .single) == ["trade"])
    #expect(findings(report, .unused) == ["hydrogen"])
    let single = try #require(report.findings.first { $0.rule == .single })
    #expect(single.message.contains("b.txt"))
    let lines = Self.profile("").split(separator: "\n", omittingEmptySubsequences: false)
    let trade = Self.profile(
      """
      negative:
        sports:
          en:
            "ferry*": 1.0
            "trade": 1.0
      """
    ).split(separator: "\n", omittingEmptySubsequences: false)
    #expect(trade.count == lines.count + 4)
    #expect(single.entry.line == trade.count)
    #expect(single.entry.section == "negative.sports.en")
    #expect(report.documents == 3)
  }

  @Test("An entry with alternatives is judged as written: it is used when one form is")
  func alternatives() throws {
    let report = try lint(
      """
      negative:
        sports:
          en:
            "{ferry|ferries}": 1.0
            "{hydrogen|methanol} plant*": 1.0
            "tr{ade|ucks}": 1.0
      """, Self.corpus)
    #expect(report.findings.map(\.entry.written) == ["{hydrogen|methanol} plant*"])
    #expect(report.findings.first?.rule == .unused)
    // "trade" is in one document and "trucks" in another: two documents in all.
    #expect(findings(report, .single).isEmpty)
  }

  @Test("A reason on the entry's line, for some rules only, or for the list below a comment")
  func justifications() throws {
    let report = try lint(
      """
      negative:
        sports:
          en:
            "trade": 1.0         # lint: a sphere of cooperation that any story may name
            "hydrogen": 1.0      # lint(single): wrong rule, so still reported
            # lint(unused): fuels, complete on purpose
            "uranium": 1.0
            "methanol": 1.0

            "biogas": 1.0
            # lint: phrases of the kind
            "water transit": 0.1
            "gas transit": 0.1   # lint: gas transit is energy, not logistics
        incidents:
          en:
            "landslide": 1.0
      """, Self.corpus)
    let justified = Dictionary(
      uniqueKeysWithValues: report.findings.map { ($0.entry.pattern, $0.justification) })
    #expect(justified["trade"] == "a sphere of cooperation that any story may name")
    #expect(justified["hydrogen"] == .some(nil))
    #expect(justified["uranium"] == "fuels, complete on purpose")
    #expect(justified["methanol"] == "fuels, complete on purpose")
    // A blank line, and the end of the list, end the comment's reach.
    #expect(justified["biogas"] == .some(nil))
    #expect(justified["landslide"] == .some(nil))
    // A neutraliser needs its own reason.
    #expect(justified["water transit"] == .some(nil))
    #expect(justified["gas transit"] == "gas transit is energy, not logistics")
    #expect(
      report.unjustified.map(\.entry.pattern).sorted() == [
        "biogas", "hydrogen", "landslide", "water transit",
      ])
    #expect(report.problems.isEmpty)
  }

  @Test("A lint comment without a reason or with an unknown rule is a problem")
  func malformed() throws {
    let report = try lint(
      """
      negative:
        sports:
          en:
            "trade": 1.0     # lint:
            "ferry*": 1.0    # lint(often): a typo in the rule
      """, Self.corpus)
    #expect(report.problems.count == 2)
    #expect(report.problems[0].contains("a reason is required"))
    #expect(report.problems[1].contains("unknown rule \"often\""))
    #expect(report.findings.first { $0.entry.pattern == "trade" }?.justification == nil)
  }

  @Test("name: people and events outside the people and organisations list")
  func names() throws {
    let corpus = [
      Self.document(
        "r1.txt", .ru,
        "Визит\nПрезидент Токаев встретился с коллегой. Затем Токаев улетел. Объем товаров вырос, цены товаров упали."
      )
    ]
    let report = try lint(
      """
      context:
          en:
            "ilham aliyev": 1.0
            "pashazade": 1.0
            "world nomad games": 1.0
            "cop29": 1.0
            "5g": 1.0
            "business forum": 1.0
          ru:
            "токаев*": 1.0
            "товаров": 1.0
            "ветров*": 1.0
      key_facts:
        people:
          Ilham Aliyev: ["ilham aliyev"]
      """, corpus)
    #expect(
      findings(report, .name).sorted() == [
        "cop29", "ilham aliyev", "pashazade", "world nomad games", "токаев*",
      ])
    let aliyev = try #require(report.findings.first { $0.rule == .name })
    #expect(aliyev.message.contains("first name"))
  }

  @Test("foreign: a stem whose matches in another language are other words")
  func foreign() throws {
    let corpus = [
      Self.document(
        "tr1.txt", .tr,
        "Fiyatlar\nFiyatlar yüksek kaldı. Yüksek enflasyon ve yükselen faizler konuşuldu. Tanker limana geldi."
      ),
      Self.document("tr2.txt", .tr, "Yük\nYük taşımacılığı arttı, tankerler doldu."),
      Self.document(
        "az1.txt", .az,
        "Qatar\nBakıdan Qazaxa qatar işləyir. Yeni qatarı da gəldi. Yük daşınması artdı."),
      Self.document("en1.txt", .en, "Qatar\nQatar and Kazakhstan signed an agreement."),
    ]
    let report = try lint(
      """
      relation:
          az:
            "yuk*": 1.0
            "tanker*": 1.0
          tr:
            "yuk tasima*": 1.0
      negative:
        other_countries:
          en:
            "qatar*": 1.0
      """, corpus)
    #expect(findings(report, .foreign).sorted() == ["qatar*", "yuk*"])
    let yuk = try #require(report.findings.first { $0.entry.pattern == "yuk*" })
    #expect(yuk.message.contains("yuksek ×2") && yuk.message.contains("in tr"))
  }

  @Test("nested-negative: negative patterns inside one another count twice")
  func nestedNegatives() throws {
    let report = try lint(
      """
      negative:
        incidents:
          en:
            "crash": 1.0
            "crash landed": 1.0
            "wreckage": 1.0
        other_countries:
          en:
            "turkmen*": 1.0
            "turkmenistan*": 1.0
          az:
            "turkmen*": 1.0
      """, Self.corpus)
    #expect(findings(report, .nestedNegative).sorted() == ["crash landed", "turkmenistan*"])
    let crash = try #require(finding(report, .nestedNegative, "crash landed"))
    #expect(crash.message.contains("\"crash\""))
  }

  @Test("alternation: Turkic stems that miss the voiced form of their last consonant")
  func alternation() throws {
    let report = try lint(
      """
      relation:
        kk:
          "қауіпсіздік*": 0.7
          "қорғаныс*": 1.2
        az:
          "tehlukesizli{k|y}*": 0.7
          "emekdasliq*": 1.0
        tr:
          "guvenlik": 0.7
          "ok*": 0.5
        ru:
          "безопасность*": 0.7
      negative:
        other_countries:
          tr:
            "irak*": 1.0
      """, [])
    // Voiced forms written, exact words, monosyllables, Russian and place names are not findings.
    #expect(findings(report, .alternation).sorted() == ["emekdasliq*", "қауіпсіздік*"])
    let kazakh = try #require(finding(report, .alternation, "қауіпсіздік*"))
    #expect(kazakh.message.contains("{к|г}"))
  }

  @Test("Reference lists (actors, key facts) are not judged by frequency nor by names")
  func referenceData() throws {
    let report = try lint(
      """
      key_facts:
        people:
          Someone Else: ["someone elseov"]
      actors:
        as_of: "2025-06"
        people:
          - name: Nobody Nowhere
            side: kazakhstan
            office: Minister
            source: a test
            names: {"nobody nowhereov": 0.5}
      """, Self.corpus)
    #expect(report.findings.isEmpty, "\(report.findings.map(\.entry.pattern))")
  }

  @Test("A corpus folder: labels give languages, a selection list limits the files read")
  func corpusFolder() throws {
    let directory = try TemporaryDirectory()
    try directory.write("Title\nKazakhstan and Azerbaijan.", to: "set/docs/001.txt")
    try directory.write("Заголовок\nКазахстан и Азербайджан.", to: "set/docs/002.txt")
    try directory.write(
      "Held out\nThe text of this file is not to be read by the lint.", to: "set/docs/003.txt")
    try directory.write(
      #"[{"file": "docs/001.txt", "lang": "kk", "label": "irrelevant"}]"#, to: "set/labels.json")
    let all = try LintCorpus.load(directory: directory.path("set"))
    #expect(
      all.documents.map(\.name) == ["set/docs/001.txt", "set/docs/002.txt", "set/docs/003.txt"])
    // The label's language wins; without a label the language is identified.
    #expect(all.documents.map(\.language) == [.kk, .ru, .en])
    let some = try LintCorpus.load(
      directory: directory.path("set"), selection: ["001.txt", "002.txt"])
    #expect(some.documents.count == 2)
    #expect(throws: LabelledCorpus.LoadError.self) {
      try LintCorpus.load(directory: directory.path("set"), selection: ["004.txt"])
    }
    #expect(throws: LabelledCorpus.LoadError.self) {
      try LintCorpus.load(directory: directory.path("nothing"))
    }
  }
}
