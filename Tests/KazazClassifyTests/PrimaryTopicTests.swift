import Foundation
import KazazConfig
import KazazModel
import Testing

@testable import KazazClassify

@Suite("Primary topic")
struct PrimaryTopicTests {
  let energy = TopicID(rawValue: "energy")
  let trade = TopicID(rawValue: "trade-economy")
  let politics = TopicID(rawValue: "politics-diplomacy")
  let transport = TopicID(rawValue: "transport-logistics")

  @Test("The highest-ranking topic; equal ranks go to the topic digests list first")
  func rule() {
    #expect(
      PrimaryTopic.choose(
        from: [politics, energy, trade],
        scores: [
          politics: 3, energy: 7.5, trade: 7,
        ]) == energy)
    #expect(
      PrimaryTopic.choose(from: [energy, trade], scores: [energy: 4, trade: 4]) == trade)
    #expect(PrimaryTopic.choose(from: [energy], scores: [:]) == energy)
    #expect(PrimaryTopic.choose(from: [], scores: [energy: 9]) == nil)
  }

  @Test("The headline's and lead's share counts twice: the topic the article opens with leads")
  func lead() {
    // Energy weighs more in all, but trade fills the headline and lead.
    let scores = [energy: 10.0, trade: 8.0]
    #expect(PrimaryTopic.choose(from: [energy, trade], scores: scores) == energy)
    #expect(
      PrimaryTopic.choose(
        from: [energy, trade], scores: scores, leadScores: [energy: 1, trade: 6]) == trade)
  }

  @Test("In a story of sector officials, politics yields to their sector, unless it is alone")
  func sectorStory() {
    let scores = [politics: 9.0, transport: 4.0]
    #expect(PrimaryTopic.choose(from: [politics, transport], scores: scores) == politics)
    #expect(
      PrimaryTopic.choose(from: [politics, transport], scores: scores, sectorStory: true)
        == transport)
    #expect(
      PrimaryTopic.choose(from: [politics], scores: [politics: 9], sectorStory: true) == politics)
  }

  @Test("The classifier files a story under its strongest topic; no topic, no primary topic")
  func classifier() throws {
    let classifier = Classifier(
      profile: try ProfileLoader.parse(ClassifierTests.profileText, displayName: "test"))
    let result = classifier.classify(
      title: "Kazakhstan and Azerbaijan agree to raise trade turnover",
      body: """
        The sides discussed trade turnover between Kazakhstan and Azerbaijan, exports of wheat \
        and trade along the Middle Corridor.
        """)
    let best = try #require(result.topicScores.max { $0.value < $1.value }?.key)
    #expect(result.topics.count > 1)
    #expect(result.primaryTopic == best)
    #expect(best == trade)
    let plain = classifier.classify(title: "Kazakhstan and Azerbaijan", body: "Astana and Baku.")
    #expect(plain.topics.isEmpty && plain.primaryTopic == nil)
  }

  /// A profile written for these tests: officials, so that who acts can be told, a few
  /// words per topic, and the given thresholds.
  static func profile(_ thresholds: String) -> String {
    """
    version: "test"
    thresholds: { relevance: 6.0, side_minimum: 2.0, topic: 2.0\(thresholds) }
    sides:
      kazakhstan: { en: { "kazakhstan*": 1.0, "kazakh*": 0.8, "astana": 0.8 } }
      azerbaijan: { en: { "azerbaijan*": 1.0, "azerbaijani*": 1.0, "baku": 0.8 } }
    topics:
      politics-diplomacy: { en: { "talks": 1.5, "visit*": 1.0, "president*": 1.0 } }
      trade-economy: { en: { "trade turnover": 2.0 } }
      investment-finance: {}
      energy: { en: { "oil": 1.0, "pipeline*": 1.0, "tanker*": 1.0, "refinery": 1.0, "crude": 1.0 } }
      transport-logistics: { en: { "middle corridor": 2.0, "cargo": 1.0 } }
      digital-telecom: {}
      culture-humanitarian: { en: { "culture": 1.0 } }
      education-science: {}
      media-information: {}
      youth-sports: {}
      religion: { en: { "mosque*": 1.0 } }
      regional-integration: {}
      reconstruction: {}
      agriculture: {}
      security-defense: {}
    officials:
      leaders: { en: { "president*": 1.0 } }
      sector: { en: { "transport minister*": 1.0 } }
    """
  }

  @Test("Two transport ministers' talks: their sector is primary, their contact politics too")
  func ministers() throws {
    let classifier = try Self.classifier("")
    let text = """
      Kazakh and Azerbaijani transport ministers hold talks on a visit to Baku
      The transport ministers of Kazakhstan and Azerbaijan held talks in Baku on a visit.
      The ministers of Kazakhstan and Azerbaijan agreed to expand cargo on the Middle Corridor.
      """
    let result = classifier.classify(text: text)
    #expect(result.relevant)
    #expect(Set(result.topics) == [politics, transport])
    #expect((result.topicScores[politics] ?? 0) > (result.topicScores[transport] ?? 0))
    #expect(result.primaryTopic == transport)
    // The same talks between presidents are politics first.
    let presidents = classifier.classify(
      text: text.replacingOccurrences(of: "transport ministers", with: "presidents"))
    #expect(presidents.primaryTopic == politics)
  }

  /// A classifier of the test profile with the given thresholds.
  static func classifier(_ thresholds: String) throws -> Classifier {
    Classifier(profile: try ProfileLoader.parse(profile(thresholds), displayName: "t"))
  }

  static let passingMention = """
    Kazakhstan and Azerbaijan agree on oil transit
    Kazakhstan and Azerbaijan agreed to ship Kazakh crude through the pipeline to Baku.
    Kazakhstan will send oil by tanker to the refinery in Azerbaijan.
    Kazakhstan and Azerbaijan also mentioned a mosque.
    """

  @Test("A secondary topic needs a share of the primary's score (topic_relative)")
  func relativeThreshold() throws {
    let permissive = try Self.classifier(", topic_sentence: 1.0")
    let strict = try Self.classifier(", topic_sentence: 1.0, topic_relative: 0.2")
    let religion = TopicID(rawValue: "religion")
    // The article mentions a mosque once beside a story about oil: the score reaches `topic`
    // (a side-naming sentence in the lead) but not a fifth of energy's.
    #expect(permissive.classify(text: Self.passingMention).topics.contains(religion))
    let result = strict.classify(text: Self.passingMention)
    #expect(result.topics == [energy])
  }

  @Test("A sentence of clear substance assigns its topic beside a larger story")
  func clearSentence() throws {
    let thresholds = ", topic_sentence: 1.0, topic_relative: 0.5"
    let text =
      Self.passingMention
      + "Kazakhstan and Azerbaijan said the trade turnover between them doubled.\n"
    let strict = try Self.classifier(thresholds)
    let clear = try Self.classifier(thresholds + ", topic_clear_sentence: 2.0")
    #expect(!strict.classify(text: text).topics.contains(trade))
    #expect(clear.classify(text: text).topics == [energy, trade])
  }

  @Test("A clear sentence holds a distinctive term, not a run of light ones (topic_clear_term)")
  func clearTerm() throws {
    let thresholds = ", topic_sentence: 1.0, topic_relative: 0.5, topic_clear_sentence: 2.0"
    let transport = TopicID(rawValue: "transport-logistics")
    let lightWords =
      Self.passingMention
      + "Kazakhstan and Azerbaijan said the cargo by ferry and the cargo by rail doubled.\n"
    let anySentence = try Self.classifier(thresholds)
    let distinct = try Self.classifier(thresholds + ", topic_clear_term: 1.5")
    // Two light words weigh as much as one distinctive term: without the term rule they pass.
    #expect(anySentence.classify(text: lightWords).topics.contains(transport))
    #expect(distinct.classify(text: lightWords).topics == [energy])
    // "Trade turnover" is one such term.
    let turnover =
      Self.passingMention
      + "Kazakhstan and Azerbaijan said the trade turnover between them doubled.\n"
    #expect(distinct.classify(text: turnover).topics == [energy, trade])
  }

  @Test("A theme the article returns to in several sentences has substance (topic_sentences)")
  func sustainedTheme() throws {
    let text = """
      Kazakhstan and Azerbaijan hold a week of events
      Kazakhstan and Azerbaijan opened the week with culture.
      Kazakhstan and Azerbaijan continued it with culture in Baku.
      Kazakhstan and Azerbaijan ended it with culture in Astana.
      """
    let culture = TopicID(rawValue: "culture-humanitarian")
    let oneSentence = try Self.classifier(", topic_sentence: 1.2")
    let theme = try Self.classifier(", topic_sentence: 1.2, topic_sentences: 3")
    // "culture" weighs 1.0: no sentence reaches 1.2, but three sentences hold it.
    #expect(!oneSentence.classify(text: text).topics.contains(culture))
    #expect(theme.classify(text: text).topics.contains(culture))
  }
}
