import Foundation
import KazazConfig
import KazazModel
import Testing

@testable import KazazClassify

/// The scoring rules added on top of plain co-occurrence: datelines, side balance, sentence
/// focus against roll-calls, and topic substance — on the small test profile with these
/// thresholds switched on.
@Suite("Scoring policy")
struct ScoringPolicyTests {
  static let thresholds = """
    thresholds: { relevance: 6.0, side_minimum: 2.0, topic: 2.0, balance: 0.2, list_focus: 2.0,
                  sports: 2.0, topic_relative: 0.1, topic_sentence: 1.5, topic_nearby: 0.5 }
    """

  let classifier: Classifier

  init() throws {
    var text = ClassifierTests.profileText.replacingOccurrences(
      of: "thresholds: { relevance: 6.0, side_minimum: 2.0, topic: 2.0 }", with: Self.thresholds)
    text += """

      context:
        en: { "two countries": 1, "the sides": 1 }
      """
    text = text.replacingOccurrences(
      of: "  sports:\n",
      with: "  incidents: { en: { \"crash\": 1.0, \"killed\": 0.6 } }\n  sports:\n")
    classifier = Classifier(profile: try ProfileLoader.parse(text, displayName: "test"))
  }

  @Test("A dateline naming one side is not evidence")
  func dateline() {
    #expect(Dateline.length(in: "BAKU, Azerbaijan, December 12. Cargo grew.") == 30)
    #expect(Dateline.length(in: "ASTANA – The president said") == 8)
    #expect(Dateline.length(in: "Baku — They say") == 6)
    #expect(Dateline.length(in: "АСТАНА, 4 окт — Sputnik. Погода") == 15)
    #expect(Dateline.length(in: "Kazakhstan and Azerbaijan signed") == 0)
    #expect(Dateline.length(in: "The ASTANA hub opened.") == 0)
    // A hyphenated name opening the body is not a dateline; a spaced hyphen after a place is.
    #expect(
      Dateline.length(in: "Қасым-Жомарт Тоқаев Ильхам Әлиевпен телефон арқылы сөйлесті.") == 0)
    #expect(Dateline.length(in: "Kassym-Jomart Tokayev spoke with Ilham Aliyev. They agreed.") == 0)
    #expect(Dateline.length(in: "Astana - The ministers met") == 8)
    let result = classifier.classify(
      title: "",
      body: "BAKU, Azerbaijan, May 2. Kazakhstan raised exports. Kazakhstan and Astana grew.")
    #expect(!result.evidence.contains { $0.kind == .azerbaijan })
    #expect(!result.relevant)
  }

  @Test("An empty first line means no headline: the body is not promoted to one")
  func emptyHeadline() {
    let split = Classifier.splitTitle("\nKazakhstan and Azerbaijan.\nMore text.")
    #expect(split.title == "")
    #expect(split.body == "Kazakhstan and Azerbaijan.\nMore text.")
    #expect(Classifier.splitTitle("Headline\r\nBody").title == "Headline")
  }

  @Test("A one-sided story naming the other country in passing is not relevant")
  func oneSided() {
    let result = classifier.classify(
      title: "Kazakhstan expands its oil exports",
      body: """
        Kazakhstan increased exports of oil. President Tokayev of Kazakhstan visited Astana \
        refinery. Kazakhstan plans new investment in Astana. Kazakhstan and Azerbaijan are \
        among Caspian producers. Kazakhstan will build a pipeline.
        """)
    #expect(!result.relevant)
  }

  @Test("Sides named only inside roll-calls of other countries count for little")
  func rollCall() {
    let result = classifier.classify(
      title: "Regional leaders gather",
      body: """
        Presidents of Russia, Kazakhstan, Azerbaijan, Uzbekistan, Kyrgyzstan and Tajikistan met. \
        Ministers of Russia, Belarus, Kazakhstan, Azerbaijan and Armenia also met. Kazakhstan, \
        Azerbaijan, China and Turkmenistan signed a statement.
        """)
    #expect(!result.relevant)
    // The same two sides in bilateral sentences are relevant.
    let bilateral = classifier.classify(
      title: "Leaders meet",
      body: "Kazakhstan and Azerbaijan signed a treaty. Tokayev met Ilham Aliyev in Baku.")
    #expect(bilateral.relevant)
  }

  @Test("A bare list of spheres makes no topic; a concrete sentence about the pair does")
  func topicSubstance() {
    let list = classifier.classify(
      title: "Kazakhstan and Azerbaijan discuss cooperation",
      body: "The sides discussed trade, oil, culture and youth.")
    #expect(list.relevant)
    #expect(list.topics.isEmpty)
    let concrete = classifier.classify(
      title: "Kazakhstan and Azerbaijan discuss cooperation",
      body: "The two countries agreed to double trade turnover. The sides discussed culture.")
    #expect(concrete.topics == [TopicID(rawValue: "trade-economy")])
    #expect((concrete.topicScores[TopicID(rawValue: "trade-economy")] ?? 0) >= 2)
  }

  @Test("Topic terms far from the pair do not count")
  func topicContext() {
    let result = classifier.classify(
      title: "Kazakhstan and Azerbaijan sign a treaty",
      body: """
        Tokayev and Ilham Aliyev signed it in Baku.

        Separately, the Middle Corridor saw record traffic this year. The Middle Corridor grows.
        """)
    #expect(result.relevant)
    #expect(!result.topics.contains(TopicID(rawValue: "transport-logistics")))
  }

  @Test("An accident names both sides without being cooperation; a condolence call is")
  func accident() {
    let crash = classifier.classify(
      title: "Plane crash near Astana",
      body: """
        A plane from Baku in Azerbaijan had a crash near Astana in Kazakhstan. Many were killed \
        in the crash, Kazakhstan said. Ilham Aliyev of Azerbaijan spoke of the crash.
        """)
    #expect(!crash.relevant)
    // The same sentences without the accident words are a story about the two countries.
    let flight = classifier.classify(
      title: "Plane near Astana",
      body: """
        A plane from Baku in Azerbaijan landed near Astana in Kazakhstan. Many were met \
        there, Kazakhstan said. Ilham Aliyev of Azerbaijan spoke of the flight.
        """)
    #expect(flight.relevant)
    // Sentences of the article without accident words count as usual.
    let condolences = classifier.classify(
      title: "Tokayev and Ilham Aliyev hold talks",
      body: """
        Tokayev spoke of the crash with Ilham Aliyev. Kazakhstan and Azerbaijan signed a treaty. \
        Astana and Baku agreed on trade.
        """)
    #expect(condolences.relevant)
  }

  @Test("Profile thresholds decide: a higher relevance bar turns the verdict")
  func thresholdsFromProfile() throws {
    var profile = classifier.profile
    let body = "Kazakhstan and Azerbaijan signed a treaty. Tokayev met Ilham Aliyev in Baku."
    let score = classifier.classify(title: "", body: body).score
    profile.thresholds.relevance = score + 1
    #expect(!Classifier(profile: profile).classify(title: "", body: body).relevant)
  }
}
