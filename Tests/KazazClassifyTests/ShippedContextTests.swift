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
}
