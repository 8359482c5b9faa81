import Foundation
import KazazModel

extension EvaluationReport {
  /// The report as plain text for a terminal: relevance overall and per language, the naive
  /// "mentions both countries" rule beside it, topics micro-averaged (overall and per language,
  /// with the primary topics chosen right) and per topic, topics per document and primary-topic
  /// accuracy, then every relevance error with the evidence behind it
  /// and every topic disagreement.
  public func renderText() -> String {
    var lines: [String] = []
    func line(_ name: String, _ score: PRF) -> String {
      let counts =
        "tp \(score.truePositives)  fp \(score.falsePositives)  fn \(score.falseNegatives)"
      return
        "\(name.padding(toLength: 24, withPad: " ", startingAt: 0)) P \(Self.format(score.precision))  R \(Self.format(score.recall))  F1 \(Self.format(score.f1))   \(counts)"
    }
    lines.append(
      "documents: \(documents) (scored \(documents - borderline), borderline excluded \(borderline))"
    )
    lines.append("")
    lines.append("relevance")
    lines.append(line("  classifier", relevance))
    for language in relevanceByLanguage.keys.sorted() {
      lines.append(line("    \(language)", relevanceByLanguage[language] ?? PRF()))
    }
    lines.append(line("  both countries named", baseline))
    for language in baselineByLanguage.keys.sorted() {
      lines.append(line("    \(language)", baselineByLanguage[language] ?? PRF()))
    }
    lines.append("")
    lines.append("topics (over documents labelled relevant)")
    lines.append(line("  micro-average", topicsMicro))
    for language in topicsByLanguage.keys.sorted() {
      var name = "    \(language)"
      if let choices = primaryByLanguage[language], choices.documents > 0 {
        name += " (primary \(choices.correct)/\(choices.documents))"
      }
      lines.append(line(name, topicsByLanguage[language] ?? PRF()))
    }
    for topic in topics.keys.sorted() {
      lines.append(line("    \(topic.rawValue)", topics[topic] ?? PRF()))
    }
    if relevantDocuments > 0 {
      let perDocument = { (count: Int) in
        String(format: "%.2f", Double(count) / Double(relevantDocuments))
      }
      lines.append(
        "  topics per document     labelled \(perDocument(labelledTopicCount))  classifier \(perDocument(predictedTopicCount))"
      )
    }
    if primary.documents > 0 {
      lines.append(
        "  primary topic           accuracy \(Self.format(primary.accuracy))   \(primary.correct) of \(primary.documents)"
      )
    } else {
      lines.append("  primary topic           not labelled in this set")
    }
    if !misclassified.isEmpty {
      lines.append("")
      lines.append("misclassified")
      for miss in misclassified {
        let verdict = miss.predictedRelevant ? "relevant" : "not relevant"
        lines.append(
          "  \(miss.file) [\(miss.lang)] labelled \(miss.expected), classified \(verdict) (score \(miss.score))"
        )
        lines.append("    evidence: " + Self.evidenceSummary(miss.evidence))
      }
    }
    if !topicErrors.isEmpty {
      lines.append("")
      lines.append("topic differences")
      for miss in topicErrors {
        var parts: [String] = []
        if !miss.missingTopics.isEmpty {
          parts.append("missing " + miss.missingTopics.map(\.rawValue).joined(separator: ", "))
        }
        if !miss.extraTopics.isEmpty {
          parts.append("extra " + miss.extraTopics.map(\.rawValue).joined(separator: ", "))
        }
        if let expected = miss.expectedPrimary {
          let given = miss.predictedPrimary?.rawValue ?? "none"
          parts.append("primary \(given), labelled \(expected.rawValue)")
        }
        lines.append("  \(miss.file) [\(miss.lang)]: " + parts.joined(separator: "; "))
      }
    }
    return lines.joined(separator: "\n")
  }

  static func format(_ value: Double) -> String { String(format: "%.3f", value) }

  /// The strongest pieces of evidence, `kind term@region +contribution`.
  static func evidenceSummary(_ evidence: [Evidence], limit: Int = 12) -> String {
    guard !evidence.isEmpty else { return "none" }
    let shown = evidence.prefix(limit).map {
      "\($0.kind.label) \"\($0.term)\"@\($0.region.rawValue)×\($0.count) +\($0.contribution)"
    }
    let more = evidence.count > limit ? ", … (\(evidence.count - limit) more)" : ""
    return shown.joined(separator: ", ") + more
  }
}
