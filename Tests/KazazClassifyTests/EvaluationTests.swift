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
      topics: topics.map(TopicID.init(rawValue:)), evidence: [], profileVersion: "t",
      primaryTopic: topics.first.map(TopicID.init(rawValue:)))
  }

  func document(
    _ file: String, _ lang: String, _ label: LabelledDocument.Label, _ topics: [String] = [],
    primary: String? = nil
  ) -> LabelledDocument {
    LabelledDocument(
      file: "docs/\(file)", lang: lang, label: label, topics: topics.map(TopicID.init(rawValue:)),
      primary: primary.map(TopicID.init(rawValue:)))
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
    #expect(text.contains("primary topic           not labelled in this set"))
  }

  @Test("Primary topic: right, wrong, and missed documents; topics per document")
  func primary() throws {
    let report = EvaluationReport([
      // Right: the first topic given is the labelled primary.
      EvaluatedDocument(
        label: document(
          "1.txt", "en", .relevant, ["energy", "politics-diplomacy"], primary: "energy"),
        classification: classification(true, ["energy"]), baselineRelevant: true),
      // Wrong: the topics agree, the primary does not.
      EvaluatedDocument(
        label: document(
          "2.txt", "en", .relevant, ["energy", "trade-economy"], primary: "trade-economy"),
        classification: classification(true, ["energy", "trade-economy"]), baselineRelevant: true),
      // Missed: no verdict, no primary topic.
      EvaluatedDocument(
        label: document("3.txt", "ru", .relevant, ["energy"], primary: "energy"),
        classification: classification(false, []), baselineRelevant: true),
      // Labelled without a primary topic: not counted.
      EvaluatedDocument(
        label: document("4.txt", "ru", .relevant, ["energy"]),
        classification: classification(true, ["energy"]), baselineRelevant: true),
    ])
    #expect(report.primary == Accuracy(documents: 3, correct: 1))
    #expect(abs(report.primary.accuracy - 1.0 / 3.0) < 1e-12)
    #expect(report.relevantDocuments == 4)
    #expect(report.labelledTopicCount == 6 && report.predictedTopicCount == 4)
    let wrong = try #require(report.topicErrors.first { $0.file == "docs/2.txt" })
    #expect(wrong.expectedPrimary == TopicID(rawValue: "trade-economy"))
    #expect(wrong.predictedPrimary == TopicID(rawValue: "energy"))
    // A topic missed, the primary right: listed for the topic only.
    let right = try #require(report.topicErrors.first { $0.file == "docs/1.txt" })
    #expect(right.expectedPrimary == nil && right.predictedPrimary == nil)
    let text = report.renderText()
    #expect(text.contains("accuracy 0.333   1 of 3"))
    #expect(text.contains("docs/2.txt [en]: primary energy, labelled trade-economy"))
    #expect(text.contains("topics per document     labelled 1.50  classifier 1.00"))
    let decoded = try JSONDecoder().decode(
      EvaluationReport.self, from: JSONEncoder().encode(report))
    #expect(decoded.primary == report.primary)
    #expect(decoded.predictedTopicCount == 4)
    // Per language: en has 3 labels given right of 4 (politics missed), its primaries 1 of 2;
    // ru misses the missed document's one label and gets the other, its primary 0 of 1.
    #expect(
      report.topicsByLanguage["en"] == PRF(truePositives: 3, falsePositives: 0, falseNegatives: 1))
    #expect(
      report.topicsByLanguage["ru"] == PRF(truePositives: 1, falsePositives: 0, falseNegatives: 1))
    #expect(report.primaryByLanguage["en"] == Accuracy(documents: 2, correct: 1))
    #expect(report.primaryByLanguage["ru"] == Accuracy(documents: 1, correct: 0))
    #expect(text.contains("    en (primary 1/2)     P 1.000  R 0.750"))
    #expect(decoded.topicsByLanguage == report.topicsByLanguage)
    #expect(decoded.primaryByLanguage == report.primaryByLanguage)
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
        "primary": "energy", "event": "e1", "why": "…"},
       {"file": "docs/002.txt", "lang": "ru", "label": "irrelevant", "topics": [], "event": null}]
      """, to: "labels.json")
    let labels = try LabelledCorpus.labels(in: directory.url)
    #expect(labels.map(\.fileName) == ["001.txt", "002.txt"])
    #expect(labels[0].event == "e1" && labels[0].topics == [TopicID(rawValue: "energy")])
    #expect(labels[0].primary == TopicID(rawValue: "energy") && labels[1].primary == nil)
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
