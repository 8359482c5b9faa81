import Foundation
import KazazModel
import KazazText

/// The JSON the store keeps for evidence and key facts, written by hand: a cold poll of a
/// thousand feeds stores tens of thousands of classifications, and Foundation's JSONEncoder was a
/// tenth of that work. The output is what JSONEncoder with sorted keys would write, so readers
/// decode it with JSONDecoder as before.
enum StoredJSON {
  /// How many reasons are kept per item, strongest first: enough to explain a verdict.
  static let evidenceKeptRelevant = 24
  static let evidenceKeptIrrelevant = 8

  static func evidence(_ list: [Evidence], relevant: Bool) -> String {
    let kept = list.prefix(relevant ? evidenceKeptRelevant : evidenceKeptIrrelevant)
    var out = "["
    for (index, evidence) in kept.enumerated() {
      if index > 0 { out += "," }
      out += "{\"contribution\":\(number(evidence.contribution)),\"count\":\(evidence.count),"
      out +=
        "\"kind\":\(string(evidence.kind.label)),\"region\":\(string(evidence.region.rawValue)),"
      out += "\"term\":\(string(evidence.term))}"
    }
    return out + "]"
  }

  static func keyFacts(_ list: [KeyFact]) -> String {
    var out = "["
    for (index, fact) in list.enumerated() {
      if index > 0 { out += "," }
      var fields: [String] = []
      if let count = fact.count { fields.append("\"count\":\(count)") }
      if let currency = fact.currency { fields.append("\"currency\":\(string(currency))") }
      if let direction = fact.direction {
        fields.append("\"direction\":\(string(direction.rawValue))")
      }
      fields.append("\"kind\":\(string(fact.kind.rawValue))")
      if let subject = fact.subject { fields.append("\"subject\":\(string(subject))") }
      fields.append("\"text\":\(string(fact.text))")
      if let unit = fact.unit { fields.append("\"unit\":\(string(unit))") }
      if let value = fact.value { fields.append("\"value\":\(number(value))") }
      out += "{" + fields.joined(separator: ",") + "}"
    }
    return out + "]"
  }

  static func number(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return String(value)
  }

  static func string(_ text: String) -> String { JSONString.quoted(text) }
}
