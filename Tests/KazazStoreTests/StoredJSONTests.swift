import Foundation
import KazazModel
import Testing

@testable import KazazStore

@Suite("Stored JSON")
struct StoredJSONTests {
  @Test("Evidence and key facts written by hand decode back with JSONDecoder")
  func roundTrip() throws {
    let evidence = [
      Evidence(
        kind: .topic(TopicID(rawValue: "energy")), term: "нефт*", region: .lead, count: 2,
        contribution: 3.25),
      Evidence(
        kind: .kazakhstan, term: "say \"Astana\"\\\n\t\u{01}", region: .title, count: 1,
        contribution: 3),
    ]
    let decoded = try JSONDecoder().decode(
      [Evidence].self, from: Data(StoredJSON.evidence(evidence, relevant: true).utf8))
    #expect(decoded == evidence)
    let facts = [
      KeyFact(kind: .money, text: "$375.3 million", value: 375_300_000, currency: "USD"),
      KeyFact(kind: .percentage, text: "30,4%", value: 30.4),
      KeyFact(kind: .person, text: "Ilham Aliyev", count: 2),
      KeyFact(
        kind: .quantity, text: "3,1 млн тонн", value: 3_100_000, unit: "t",
        subject: "грузы \"по\" маршруту", direction: .down),
    ]
    // What JSONEncoder with sorted keys writes, so readers may use either.
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    #expect(
      StoredJSON.keyFacts(Array(facts.suffix(1)))
        == String(decoding: try encoder.encode(Array(facts.suffix(1))), as: UTF8.self))
    #expect(
      try JSONDecoder().decode([KeyFact].self, from: Data(StoredJSON.keyFacts(facts).utf8)) == facts
    )
  }

  @Test("Only the strongest reasons are kept: fewer for irrelevant items")
  func cap() throws {
    let many = (0..<40).map {
      Evidence(
        kind: .azerbaijan, term: "t\($0)", region: .body, count: 1, contribution: Double(40 - $0))
    }
    let relevant = try JSONDecoder().decode(
      [Evidence].self, from: Data(StoredJSON.evidence(many, relevant: true).utf8))
    let irrelevant = try JSONDecoder().decode(
      [Evidence].self, from: Data(StoredJSON.evidence(many, relevant: false).utf8))
    #expect(relevant.count == StoredJSON.evidenceKeptRelevant && relevant.first?.term == "t0")
    #expect(irrelevant.count == StoredJSON.evidenceKeptIrrelevant)
  }
}
