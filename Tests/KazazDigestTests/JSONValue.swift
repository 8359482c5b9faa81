import Foundation

/// Any JSON value, decoded strictly: booleans, numbers, strings and null stay distinct (unlike
/// `JSONSerialization`, whose booleans are numbers on Linux).
enum JSONValue: Decodable, Equatable, CustomStringConvertible {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSONValue].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: JSONValue].self))
    }
  }

  static func parse(_ data: Data) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: data)
  }

  subscript(key: String) -> JSONValue? {
    if case .object(let members) = self { return members[key] }
    return nil
  }

  var string: String? {
    if case .string(let text) = self { return text }
    return nil
  }

  var array: [JSONValue]? {
    if case .array(let values) = self { return values }
    return nil
  }

  var description: String {
    switch self {
    case .null: "null"
    case .bool(let value): "\(value)"
    case .number(let value): "\(value)"
    case .string(let value): "\"\(value)\""
    case .array(let values): "[\(values.count) values]"
    case .object(let members): "{\(members.keys.sorted().joined(separator: ", "))}"
    }
  }

  /// Every string anywhere in the value, keys excluded.
  var allStrings: [String] {
    switch self {
    case .string(let text): [text]
    case .array(let values): values.flatMap(\.allStrings)
    case .object(let members): members.values.flatMap(\.allStrings)
    default: []
    }
  }
}
