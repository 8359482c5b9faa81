import Foundation
import KazazConfig
import KazazModel
import KazazTesting
import Testing

@testable import KazazClassify

/// Stems of the shipped profile against common words of the five languages that start like them.
@Suite("Shipped profile stems")
struct ShippedStemTests {
  let classifier: Classifier

  init() throws {
    classifier = try ShippedProfile.classifier.get()
  }

  /// The topics whose terms matched anywhere in the text (in context or not). Phrases that only
  /// neutralise a word inside them ("bu sefer", this time) weigh next to nothing and are left out.
  func topicEvidence(_ text: String) -> Set<String> {
    Set(
      classifier.classify(text: text).evidence.compactMap { evidence in
        guard case .topic(let topic) = evidence.kind, evidence.contribution >= 0.2 else {
          return nil
        }
        return topic.rawValue
      })
  }

  @Test("English: fruitful, transition, investigation, concerted, Polish are not topic words")
  func english() {
    let topics = topicEvidence(
      """
      Kazakhstan and Azerbaijan
      Kazakhstan and Azerbaijan noted their fruitful ties, the transition of power, an \
      investigation, concerted efforts and a Polish guest.
      """)
    #expect(topics.isEmpty, "\(topics)")
  }

  @Test("Russian: поэтому is not a poet, прибыль is not an arrival")
  func russian() {
    let text = """
      Казахстан и Азербайджан
      Казахстан и Азербайджан поэтому подсчитали прибыль.
      """
    #expect(topicEvidence(text).isEmpty)
    // The arrival itself still frames a visit.
    let arrival = topicEvidence(
      """
      Казахстан и Азербайджан
      Токаев прибыл в Баку, Азербайджан.
      """)
    #expect(arrival == ["politics-diplomacy"])
  }

  @Test("Kazakh: наурыз as the month of March is not the holiday")
  func kazakh() {
    let topics = topicEvidence(
      """
      Қазақстан мен Әзірбайжан
      Қазақстан мен Әзірбайжан 7 наурызда Бакуде келісімге қол қойды.
      """)
    #expect(!topics.contains("culture-humanitarian"))
    let holiday = topicEvidence(
      """
      Қазақстан мен Әзірбайжан
      Бакуде Қазақстан мен Әзірбайжан жастары Наурыз мейрамын бірге тойлады.
      """)
    #expect(holiday.contains("culture-humanitarian"))
  }

  @Test("Turkish: camia, insanın, uydurma, restoran, bu sefer are not topic words")
  func turkish() {
    let topics = topicEvidence(
      """
      Kazakistan ve Azerbaycan
      Kazakistan ve Azerbaycan iş camiası bu sefer insanın uydurma haberlerini bir restoranda \
      konuştu.
      """)
    #expect(topics.isEmpty, "\(topics)")
  }

  @Test("Azerbaijani: sair (other) is not a poet, seçkin is not an election")
  func azerbaijani() {
    let topics = topicEvidence(
      """
      Qazaxıstan və Azərbaycan
      Qazaxıstan və Azərbaycan seçkin mütəxəssislər və sair məsələləri qeyd edib.
      """)
    #expect(topics.isEmpty, "\(topics)")
  }
}
