import KazazConfig
import KazazModel
import Testing

@testable import KazazClassify

@Suite("Primary topic")
struct PrimaryTopicTests {
  let energy = TopicID(rawValue: "energy")
  let trade = TopicID(rawValue: "trade-economy")
  let politics = TopicID(rawValue: "politics-diplomacy")

  @Test("The highest-scoring topic; equal scores go to the topic digests list first")
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
}
