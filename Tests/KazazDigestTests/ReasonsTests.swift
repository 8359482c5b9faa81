import Foundation
import KazazModel
import Testing

@testable import KazazDigest

/// Why a story is here: where both sides are named, and the words behind its topics as the
/// article writes them.
@Suite("Reasons")
struct ReasonsTests {
  func evidence(_ kind: EvidenceKind, _ term: String, _ region: TextRegion, _ weight: Double = 1)
    -> Evidence
  {
    Evidence(kind: kind, term: term, region: region, count: 1, contribution: weight)
  }

  @Test("Both sides in the headline, the lead, or only the text; a pair term names both")
  func sides() {
    let kz = evidence(.kazakhstan, "kazakhstan*", .title)
    #expect(Reasons.sides([kz, evidence(.azerbaijan, "baku", .title)]) == .headline)
    #expect(Reasons.sides([evidence(.relation, "kazakh azerbaijani*", .title)]) == .headline)
    #expect(Reasons.sides([kz, evidence(.azerbaijan, "baku", .lead)]) == .lead)
    #expect(Reasons.sides([kz, evidence(.azerbaijan, "baku", .body)]) == .text)
    #expect(
      Reasons.sides([kz, evidence(.topic(TopicID(rawValue: "energy")), "oil", .title)]) == nil)
  }

  @Test("Patterns are shown as the article writes them, preferably inside a sentence")
  func written() {
    let terms = WrittenTerms(
      "Ferries will sail soon. The new ferry line links the Aktau port with Alat. "
        + "Казахстанско-азербайджанские связи растут. Azərbaycan və Qazaxıstan razılaşıb.")
    #expect(terms.written("ferr*") == "ferry")
    #expect(terms.written("aktau port*") == "Aktau port")
    #expect(terms.written("казахстанско азербайджанск*") == "казахстанско-азербайджанские")
    #expect(terms.written("azerbaycan*") == "Azərbaycan")
    #expect(terms.written("qazaxistan*") == "Qazaxıstan")
    #expect(terms.written("middle corridor") == "middle corridor")
  }

  @Test("Each topic's strongest distinct terms, primary topic first")
  func topics() {
    let energy = TopicID(rawValue: "energy")
    let transport = TopicID(rawValue: "transport-logistics")
    let item = StoredItem(
      id: 1, feedTitle: nil, feedURL: "https://a.kz/rss", title: "Ferry and oil",
      url: nil, text: "The ferry carries oil. Ferries and tankers sail from the Aktau port.",
      publishedAt: nil, firstSeenAt: .distantPast, language: .en, relevant: true, score: 12.25,
      topics: [energy, transport],
      evidence: [
        evidence(.topic(transport), "ferr*", .title, 4), evidence(.topic(energy), "oil", .title, 3),
        evidence(.topic(transport), "ferr*", .body, 2),
        evidence(.topic(transport), "aktau port*", .body, 1),
        evidence(.topic(transport), "tanker*", .body, 1),
        evidence(.topic(transport), "sail*", .body, 1),
      ])
    let reasons = Reasons.of(item, topics: [transport, energy])
    #expect(
      reasons.topics == [
        .init(topic: transport, terms: ["ferry", "Aktau port", "tankers"]),
        .init(topic: energy, terms: ["oil"]),
      ])
    #expect(reasons.score == 12.25)
    #expect(
      DigestHeadline.why(reasons, DigestStrings.english)
        == "topic terms: ferry, Aktau port, tankers")
  }
}
