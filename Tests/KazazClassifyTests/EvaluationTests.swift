import Foundation
import KazazModel
import KazazTesting
import Testing

@testable import KazazClassify

@Suite("Evaluation")
struct EvaluationTests {
  func classification(_ relevant: Bool, _ topics: [String]) -> Classification {
    Classification(
      relevant: relevant, score: relevant ? 10 : 0, language: .en,
      topics: topics.map(TopicID.init(rawValue:)), evidence: [], profileVersion: "t")
  }

  func document(
    _ file: String, _ lang: String, _ label: LabelledDocument.Label, _ topics: [String] = []
  ) -> LabelledDocument {
    LabelledDocument(
      file: "docs/\(file)", lang: lang, label: label, topics: topics.map(TopicID.init(rawValue:)))
  }

  @Test("Precision, recall and F1, including empty denominators")
  func prf() {
    let score = PRF(truePositives: 8, falsePositives: 2, falseNegatives: 4)
    #expect(score.precision == 0.8)
    #expect(abs(score.recall - 8.0 / 12.0) < 1e-12)
    #expect(abs(score.f1 - 2 * 0.8 * (8.0 / 12.0) / (0.8 + 8.0 / 12.0)) < 1e-12)
    #expect(PRF().precision == 1 && PRF().recall == 1)
    #expect(PRF(falseNegatives: 1).precision == 0 && PRF(falseNegatives: 1).f1 == 0)
    #expect(PRF(falsePositives: 1).recall == 0)
  }

  @Test("Borderline excluded, per-language relevance, topics micro-averaged over relevant docs")
  func report() {
    let evaluated = [
      // Relevant, found, topics: one right, one missed, one extra.
      EvaluatedDocument(
        label: document("1.txt", "en", .relevant, ["energy", "trade-economy"]),
        classification: classification(true, ["energy", "politics-diplomacy"]),
        baselineRelevant: true),
      // Relevant, missed: its topics still count (none given → two false negatives).
      EvaluatedDocument(
        label: document("2.txt", "ru", .relevant, ["energy"]),
        classification: classification(false, []), baselineRelevant: true),
      // Irrelevant, wrongly found: topics of irrelevant documents are not scored.
      EvaluatedDocument(
        label: document("3.txt", "en", .irrelevant),
        classification: classification(true, ["energy"]), baselineRelevant: true),
      EvaluatedDocument(
        label: document("4.txt", "ru", .irrelevant),
        classification: classification(false, []), baselineRelevant: false),
      // Borderline: ignored whatever the verdict.
      EvaluatedDocument(
        label: document("5.txt", "en", .borderline, ["energy"]),
        classification: classification(true, []), baselineRelevant: true),
    ]
    let report = EvaluationReport(evaluated)
    #expect(report.documents == 5 && report.borderline == 1)
    #expect(report.relevance == PRF(truePositives: 1, falsePositives: 1, falseNegatives: 1))
    #expect(report.relevanceByLanguage["en"] == PRF(truePositives: 1, falsePositives: 1))
    #expect(report.relevanceByLanguage["ru"] == PRF(falseNegatives: 1))
    #expect(report.baseline == PRF(truePositives: 2, falsePositives: 1))
    #expect(report.topicsMicro == PRF(truePositives: 1, falsePositives: 1, falseNegatives: 2))
    #expect(report.topics[TopicID(rawValue: "energy")] == PRF(truePositives: 1, falseNegatives: 1))
    #expect(report.misclassified.map(\.file) == ["docs/2.txt", "docs/3.txt"])
    #expect(report.topicErrors.map(\.file) == ["docs/1.txt"])
    #expect(report.topicErrors.first?.missingTopics == [TopicID(rawValue: "trade-economy")])
    #expect(report.topicErrors.first?.extraTopics == [TopicID(rawValue: "politics-diplomacy")])
    let text = report.renderText()
    #expect(text.contains("both countries named"))
    #expect(text.contains("docs/3.txt [en] labelled irrelevant, classified relevant"))
  }

  @Test("The JSON report round-trips")
  func json() throws {
    let report = EvaluationReport([
      EvaluatedDocument(
        label: document("1.txt", "en", .relevant, ["energy"]),
        classification: classification(true, ["energy"]), baselineRelevant: true)
    ])
    let data = try JSONEncoder().encode(report)
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.contains("\"topics_micro\""))
    #expect(text.contains("\"f1\":1"))
    let decoded = try JSONDecoder().decode(EvaluationReport.self, from: data)
    #expect(decoded.relevance == report.relevance)
    #expect(decoded.topics == report.topics)
  }

  @Test("labels.json is read, and a selection list picks or excludes files")
  func corpus() throws {
    let directory = try TemporaryDirectory()
    try directory.write(
      """
      [{"file": "docs/001.txt", "lang": "en", "label": "relevant", "topics": ["energy"],
        "event": "e1", "why": "…"},
       {"file": "docs/002.txt", "lang": "ru", "label": "irrelevant", "topics": [], "event": null}]
      """, to: "labels.json")
    let labels = try LabelledCorpus.labels(in: directory.url)
    #expect(labels.map(\.fileName) == ["001.txt", "002.txt"])
    #expect(labels[0].event == "e1" && labels[0].topics == [TopicID(rawValue: "energy")])
    let names = LabelledCorpus.parseList("# held out\n002.txt\n\n")
    #expect(names == ["002.txt"])
    #expect(
      LabelledCorpus.select(labels, names: names, excluding: false).map(\.fileName) == ["002.txt"])
    #expect(
      LabelledCorpus.select(labels, names: names, excluding: true).map(\.fileName) == ["001.txt"])
  }

  @Test("The naive rule: both countries named, in any language and inflection")
  func bothCountries() {
    let rule = BothCountriesRule()
    #expect(rule.mentionsBoth("Kazakhstan beat Azerbaijan 2-1"))
    #expect(rule.mentionsBoth("Токаев прибыл в Азербайджан. Казахстанская делегация"))
    #expect(rule.mentionsBoth("Qazaxıstan və Azərbaycan"))
    #expect(rule.mentionsBoth("Қазақстан мен Әзірбайжан"))
    #expect(!rule.mentionsBoth("Astana and Baku signed a deal"))
    #expect(!rule.mentionsBoth("Kazakhstan raises its key rate"))
  }
}
