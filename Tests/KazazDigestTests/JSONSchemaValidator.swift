import Foundation

/// Validates a JSON value against the subset of JSON Schema (2020-12) the digest schema uses:
/// `type` (one or a list), `const`, `enum`, `properties`, `required`, `additionalProperties:
/// false`, `items`, `minimum`, `minLength`, `pattern`, `oneOf`, and `$ref` to `#/$defs/…`.
/// Any other keyword in the schema is reported, so the schema cannot silently outgrow the
/// validator.
struct JSONSchemaValidator {
  static let known: Set<String> = [
    "$schema", "$id", "$defs", "title", "description", "type", "const", "enum", "properties",
    "required", "additionalProperties", "items", "minimum", "minLength", "pattern", "oneOf",
    "$ref",
  ]

  let root: JSONValue

  init(schema: Data) throws {
    root = try JSONValue.parse(schema)
  }

  /// Every violation, as `path: problem`; empty when the value is valid.
  func validate(_ value: JSONValue) -> [String] {
    var problems: [String] = []
    check(value, root, path: "$", into: &problems)
    return problems
  }

  private func check(
    _ value: JSONValue, _ schema: JSONValue, path: String, into problems: inout [String]
  ) {
    guard case .object(let keywords) = schema else {
      problems.append("\(path): a schema must be an object")
      return
    }
    for key in keywords.keys where !Self.known.contains(key) {
      problems.append("\(path): schema keyword \(key) is not supported by the validator")
    }
    if let reference = keywords["$ref"]?.string {
      let name = reference.replacingOccurrences(of: "#/$defs/", with: "")
      guard let target = root["$defs"]?[name] else {
        problems.append("\(path): unresolved reference \(reference)")
        return
      }
      check(value, target, path: path, into: &problems)
    }
    if let types = keywords["type"] {
      let allowed = types.array?.compactMap(\.string) ?? [types.string ?? ""]
      if !allowed.contains(where: { Self.matches(value, type: $0) }) {
        problems.append("\(path): expected \(allowed.joined(separator: " or ")), found \(value)")
        return
      }
    }
    if let constant = keywords["const"], value != constant {
      problems.append("\(path): expected the constant \(constant)")
    }
    if let options = keywords["enum"]?.array, !options.contains(value) {
      problems.append("\(path): \(value) is not one of the allowed values")
    }
    if let alternatives = keywords["oneOf"]?.array {
      let passing = alternatives.filter { alternative in
        var inner: [String] = []
        check(value, alternative, path: path, into: &inner)
        return inner.isEmpty
      }
      if passing.count != 1 { problems.append("\(path): matches \(passing.count) of oneOf") }
    }
    if case .number(let number) = value, case .number(let minimum)? = keywords["minimum"],
      number < minimum
    {
      problems.append("\(path): \(number) is below \(minimum)")
    }
    if case .string(let text) = value {
      if case .number(let minimum)? = keywords["minLength"], Double(text.count) < minimum {
        problems.append("\(path): shorter than \(Int(minimum))")
      }
      if let pattern = keywords["pattern"]?.string,
        text.range(of: pattern, options: .regularExpression) == nil
      {
        problems.append("\(path): \"\(text)\" does not match \(pattern)")
      }
    }
    if case .object(let members) = value {
      for case .string(let name) in keywords["required"]?.array ?? [] where members[name] == nil {
        problems.append("\(path): missing required \(name)")
      }
      for (name, member) in members.sorted(by: { $0.key < $1.key }) {
        if let memberSchema = keywords["properties"]?[name] {
          check(member, memberSchema, path: "\(path).\(name)", into: &problems)
        } else if keywords["additionalProperties"] == .bool(false) {
          problems.append("\(path): unexpected property \(name)")
        }
      }
    }
    if case .array(let elements) = value, let itemSchema = keywords["items"] {
      for (index, element) in elements.enumerated() {
        check(element, itemSchema, path: "\(path)[\(index)]", into: &problems)
      }
    }
  }

  static func matches(_ value: JSONValue, type: String) -> Bool {
    switch (type, value) {
    case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string),
      ("array", .array), ("object", .object):
      true
    case ("integer", .number(let number)): number == number.rounded()
    default: false
    }
  }
}
