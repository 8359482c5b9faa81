import Foundation
import KazazConfig
import KazazModel
import Testing

@testable import KazazClassify

/// Officials as bilateral context for topics, and politics as the frame topic.
@Suite("Official roles and the frame topic")
struct OfficialContextTests {
  static let digital = TopicID(rawValue: "digital-telecom")
  static let politics = TopicID(rawValue: "politics-diplomacy")

  /// The test profile with role words among the context terms, and a heavy digital term.
  static func classifier(fibreWeight: Double = 2.0) throws -> Classifier {
    var text = ClassifierTests.profileText
      .replacingOccurrences(
        of: "thresholds: { relevance: 6.0, side_minimum: 2.0, topic: 2.0 }",
        with: """
          thresholds: { relevance: 6.0, side_minimum: 2.0, topic: 2.0, balance: 0.2,
                        list_focus: 2.0, sports: 2.0, topic_relative: 0.1, topic_sentence: 1.5,
                        topic_nearby: 0.5 }
          """
      )
      .replacingOccurrences(
        of: #"digital-telecom: { en: { "fibre optic": 2.0 } }"#,
        with: #"digital-telecom: { en: { "fibre optic": \#(fibreWeight) } }"#)
    text += """

      context:
        en: { "two countries": 1, "the sides": 1, "minister*": 0.8, "heads of": 0.8,
              "heads of state": 0.05 }
        ru: { "министр*": 0.8 }
      """
    return Classifier(profile: try ProfileLoader.parse(text, displayName: "test"))
  }

  static let opening = """
    Tokayev met Ilham Aliyev in Baku. Kazakhstan and Azerbaijan signed a treaty.

    It rained.
    """

  @Test("In a relevant article, a sentence naming officials puts its topic terms in context")
  func officialsAreContext() throws {
    let classifier = try Self.classifier()
    let title = "Kazakhstan and Azerbaijan hold talks"
    let officials = classifier.classify(
      title: title, body: Self.opening + " Then the ministers agreed to lay a fibre optic cable.")
    #expect(officials.relevant)
    #expect(officials.topics.contains(Self.digital))
    // The same sentence without a role word is outside the bilateral context.
    let engineers = classifier.classify(
      title: title, body: Self.opening + " Then the engineers agreed to lay a fibre optic cable.")
    #expect(engineers.relevant)
    #expect(!engineers.topics.contains(Self.digital))
    // Role words are stems in every language: "министры" is "министр*".
    let russian = classifier.classify(
      title: title, body: Self.opening + " Министры согласовали fibre optic cable.")
    #expect(russian.topics.contains(Self.digital))
    // The role counts in its own sentence only, not in the next one.
    let next = classifier.classify(
      title: title, body: Self.opening + " The ministers met. Then a fibre optic cable was laid.")
    #expect(!next.topics.contains(Self.digital))
  }

  @Test("Role words do nothing in an article that is not about the pair")
  func onlyInRelevantArticles() throws {
    let result = try Self.classifier().classify(
      title: "Kazakhstan builds networks",
      body: """
        Kazakhstan opened a plant in Astana.

        It rained. Then the ministers agreed to lay a fibre optic cable.
        """)
    #expect(!result.relevant)
    #expect(!result.topics.contains(Self.digital))
  }

  @Test("Heads of state as a summit frame are not an official role")
  func headsOfState() throws {
    let result = try Self.classifier().classify(
      title: "Kazakhstan and Azerbaijan hold talks",
      body: Self.opening
        + " Then the heads of state of the region agreed to lay a fibre optic cable.")
    #expect(result.relevant)
    #expect(!result.topics.contains(Self.digital))
  }

  @Test("Politics beside a much stronger topic is a frame, not a topic")
  func politicsFrame() throws {
    let classifier = try Self.classifier(fibreWeight: 5.0)
    // Digital scores 15 (headline) + 10 (lead); politics 3 (talks in the lead): above the
    // general relative bar (0.1 × 25) but below the frame bar (0.2 × 25).
    let framed = classifier.classify(
      title: "Kazakhstan and Azerbaijan lay fibre optic cable",
      body: "Kazakhstan and Azerbaijan held talks and will lay a fibre optic line.")
    #expect(framed.relevant)
    #expect(framed.topics == [Self.digital])
    // Talks in the headline as well make politics a subject of its own.
    let subject = classifier.classify(
      title: "Kazakhstan and Azerbaijan hold talks on fibre optic cable",
      body: "Kazakhstan and Azerbaijan held talks and will lay a fibre optic line.")
    #expect(subject.topics.contains(Self.politics))
    #expect(subject.topics.contains(Self.digital))
  }
}
