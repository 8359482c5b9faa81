/// Alternatives inside a profile pattern: `министр{|а|у|ом} обороны` stands for "министр
/// обороны", "министра обороны", "министру обороны" and "министром обороны".
///
/// A language that inflects a phrase in its middle (Russian cases, where a trailing `*` cannot
/// help) is written as one entry per lexeme instead of one per form, so that the profile reads as
/// vocabulary and each entry is judged as a whole. Braces do not nest; an alternative may be
/// empty; several groups multiply (at most `limit` forms per entry).
enum PatternAlternatives {
  static let limit = 64

  struct Problem: Error, CustomStringConvertible {
    var description: String
  }

  static func expand(_ pattern: String) -> Result<[String], Problem> {
    guard pattern.contains(where: { $0 == "{" || $0 == "}" }) else { return .success([pattern]) }
    var forms = [""]
    var rest = pattern[...]
    while let open = rest.firstIndex(where: { $0 == "{" || $0 == "}" }) {
      guard rest[open] == "{" else { return .failure(Problem(description: "\"}\" without \"{\"")) }
      let literal = rest[..<open]
      let inside = rest[rest.index(after: open)...]
      guard let close = inside.firstIndex(where: { $0 == "{" || $0 == "}" }), inside[close] == "}"
      else {
        return .failure(Problem(description: "\"{\" without \"}\" (alternatives do not nest)"))
      }
      let alternatives = inside[..<close].split(separator: "|", omittingEmptySubsequences: false)
      guard forms.count * alternatives.count <= limit else {
        return .failure(Problem(description: "more than \(limit) forms"))
      }
      forms = forms.flatMap { form in alternatives.map { form + literal + $0 } }
      rest = inside[inside.index(after: close)...]
    }
    return .success(forms.map { $0 + rest })
  }
}
