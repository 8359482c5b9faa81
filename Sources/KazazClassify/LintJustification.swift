import Foundation

/// The reasons a profile gives for entries the lint would otherwise report.
///
/// Syntax, in the profile's YAML comments:
///
/// - `"pattern": 1.0  # lint: reason` on an entry's line accepts every finding about the
///   entries on that line;
/// - `# lint(unused, single): reason` accepts only the findings of the rules named;
/// - the same comment on a line of its own covers the entries below it in the same list, up to
///   the next blank line or the end of the list (a line indented less than the comment) —
///   except the entries weighing less than `neutraliserWeight`: a phrase written to cancel a
///   word inside it ("oil transit" for logistics) needs a reason of its own on its line, since
///   such phrases are where a profile fits single sentences.
///
/// A reason is required: the point is that a reader of the profile learns why the entry stays.
struct LintJustification: Equatable {
  /// The rules accepted; nil for every rule.
  var rules: Set<ProfileLint.Rule>?
  var reason: String
  /// Written on a line of its own, for the entries below it.
  var isBlock = false

  /// Entries lighter than this are neutralisers: only a reason on their own line accepts them.
  static let neutraliserWeight = 0.2

  func covers(_ rule: ProfileLint.Rule, weight: Double?) -> Bool {
    if isBlock, let weight, weight < Self.neutraliserWeight { return false }
    return rules?.contains(rule) ?? true
  }

  /// The justifications that apply to each line (1-based), and problems with the comments.
  static func parse(_ text: String) -> (byLine: [Int: [LintJustification]], problems: [String]) {
    var byLine: [Int: [LintJustification]] = [:]
    var problems: [String] = []
    var block: (indent: Int, justification: LintJustification)?
    for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let number = offset + 1
      let indent = line.prefix { $0 == " " }.count
      let content = line.dropFirst(indent)
      if content.allSatisfy(\.isWhitespace) {
        block = nil
        continue
      }
      if let current = block, indent < current.indent, !content.hasPrefix("#") {
        block = nil
      }
      guard let hash = content.firstIndex(of: "#") else {
        if let block { byLine[number, default: []].append(block.justification) }
        continue
      }
      let comment = content[content.index(after: hash)...].drop { $0 == " " }
      guard comment.hasPrefix("lint") else {
        if hash != content.startIndex, let block {
          byLine[number, default: []].append(block.justification)
        }
        continue
      }
      let parsed = parseComment(comment.dropFirst(4))
      guard case .success(let justification) = parsed else {
        if case .failure(let problem) = parsed { problems.append("line \(number): \(problem)") }
        continue
      }
      if hash == content.startIndex {
        var blockJustification = justification
        blockJustification.isBlock = true
        block = (indent, blockJustification)
      } else {
        if let block { byLine[number, default: []].append(block.justification) }
        byLine[number, default: []].append(justification)
      }
    }
    return (byLine, problems)
  }

  struct CommentProblem: Error, CustomStringConvertible {
    var description: String
  }

  /// Reads `(rule, rule): reason` or `: reason` (what follows `lint`).
  static func parseComment(_ text: Substring) -> Result<LintJustification, CommentProblem> {
    var rest = text
    var rules: Set<ProfileLint.Rule>?
    if rest.first == "(" {
      guard let close = rest.firstIndex(of: ")") else {
        return .failure(CommentProblem(description: "lint comment: missing \")\""))
      }
      var named: Set<ProfileLint.Rule> = []
      for name in rest[rest.index(after: rest.startIndex)..<close].split(separator: ",") {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard let rule = ProfileLint.Rule(rawValue: trimmed) else {
          let known = ProfileLint.Rule.allCases.map(\.rawValue).joined(separator: ", ")
          return .failure(
            CommentProblem(
              description: "lint comment: unknown rule \"\(trimmed)\" (expected one of: \(known))"))
        }
        named.insert(rule)
      }
      rules = named
      rest = rest[rest.index(after: close)...]
    }
    guard rest.first == ":" else {
      return .failure(CommentProblem(description: "lint comment: expected \": reason\""))
    }
    let reason = rest.dropFirst().trimmingCharacters(in: .whitespaces)
    guard !reason.isEmpty else {
      return .failure(CommentProblem(description: "lint comment: a reason is required"))
    }
    return .success(LintJustification(rules: rules, reason: reason))
  }
}
