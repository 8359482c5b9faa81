import Foundation
import KazazConfig
import KazazModel
import KazazTesting
import Testing

@testable import KazazClassify

/// Context rules of the shipped profile that are not about one word list.
@Suite("Shipped profile context")
struct ShippedContextTests {
  @Test("Sentences naming the commission's co-chairs are in bilateral context")
  func coChairs() throws {
    let classifier = Classifier(profile: try ProfileLoader.load(path: ProjectPaths.profile.path))
    let text = """
      Kazakhstan and Azerbaijan hold an intergovernmental commission meeting
      Kazakh and Azerbaijani officials met in Baku on Tuesday to review their cooperation.

      The weather in the region was mild this week, forecasters said.

      The co-chairs said a new power cable would link the electricity grids of the Caspian shores.
      """
    let result = classifier.classify(text: text)
    #expect(result.relevant)
    #expect(result.topics.contains(TopicID(rawValue: "energy")))
    let withoutCoChairs = classifier.classify(
      text: text.replacingOccurrences(of: "The co-chairs said", with: "It was said that"))
    #expect(!withoutCoChairs.topics.contains(TopicID(rawValue: "energy")))
  }

  @Test("A sectoral minister named with the pair brings the sector's topic; officials are context")
  func ministers() throws {
    let classifier = Classifier(profile: try ProfileLoader.load(path: ProjectPaths.profile.path))
    let title = "Kazakhstan and Azerbaijan hold talks in Baku\n"
    let portfolios = classifier.classify(
      text: title
        + "Azerbaijan's energy minister and Kazakhstan's transport minister met in Baku on Monday.")
    #expect(portfolios.relevant)
    #expect(portfolios.topics.contains(TopicID(rawValue: "energy")))
    #expect(portfolios.topics.contains(TopicID(rawValue: "transport-logistics")))
    let russian = classifier.classify(
      text: "Казахстан и Азербайджан провели переговоры в Баку\n"
        + "Министр энергетики Казахстана встретился в Баку с министром транспорта Азербайджана.")
    #expect(russian.relevant)
    #expect(russian.topics.contains(TopicID(rawValue: "energy")))
    // A sentence naming officials but not the countries is context in a relevant article.
    let opening = """
      Kazakhstan and Azerbaijan hold an intergovernmental commission meeting
      Kazakh and Azerbaijani officials met in Baku on Tuesday to review their cooperation.

      The weather in the region was mild this week, forecasters said.

      """
    let officials = classifier.classify(
      text: opening + "The ministers agreed to double the trade turnover within three years.")
    #expect(officials.topics.contains(TopicID(rawValue: "trade-economy")))
    let nobody = classifier.classify(
      text: opening + "It was agreed to double the trade turnover within three years.")
    #expect(!nobody.topics.contains(TopicID(rawValue: "trade-economy")))
  }
}
