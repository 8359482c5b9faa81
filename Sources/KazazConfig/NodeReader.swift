import Yams

/// Reads a YAML node tree with positions, collecting every problem instead of stopping at the
/// first. Plain `Decodable` would silently ignore unknown keys and forget line numbers.
final class NodeReader {
  let file: String
  private(set) var problems: [ConfigProblem] = []

  init(file: String) {
    self.file = file
  }

  func problem(_ message: String, at node: Node?) {
    problems.append(
      ConfigProblem(
        file: file, line: node?.mark?.line, column: node?.mark?.column, message: message))
  }

  /// A problem at a line known without its node.
  func problem(_ message: String, line: Int?) {
    problems.append(ConfigProblem(file: file, line: line, column: nil, message: message))
  }

  /// Parses YAML text into a root mapping, or records why it could not. A file of comments
  /// only is an empty mapping when `allowingEmpty`.
  func root(of text: String, allowingEmpty: Bool = false) -> Node.Mapping? {
    do {
      guard let node = try Yams.compose(yaml: text) else {
        if allowingEmpty { return Node.Mapping([]) }
        problem("the file is empty", at: nil)
        return nil
      }
      guard let mapping = node.mapping else {
        problem("expected a mapping of settings at the top level", at: node)
        return nil
      }
      return mapping
    } catch let error as YamlError {
      problems.append(Self.problem(from: error, file: file))
      return nil
    } catch {
      problem("cannot read YAML: \(error)", at: nil)
      return nil
    }
  }

  /// The entries of a mapping as (key, key node, value) after checking every key is allowed.
  func entries(_ mapping: Node.Mapping, allowed: [String], context: String) -> [(
    String, Node, Node
  )] {
    var seen: Set<String> = []
    var result: [(String, Node, Node)] = []
    for (keyNode, value) in mapping {
      guard let key = keyNode.string else {
        problem("\(context): keys must be strings", at: keyNode)
        continue
      }
      if !seen.insert(key).inserted {
        problem("\(context): duplicate key \"\(key)\"", at: keyNode)
        continue
      }
      if !allowed.contains(key) {
        problem(Self.unknownKeyMessage(key, allowed: allowed, context: context), at: keyNode)
        continue
      }
      result.append((key, keyNode, value))
    }
    return result
  }

  func string(_ node: Node, _ what: String) -> String? {
    guard case .scalar(let scalar) = node, !scalar.string.isEmpty else {
      problem("\(what): expected a non-empty text value", at: node)
      return nil
    }
    return scalar.string
  }

  func number(_ node: Node, _ what: String) -> Double? {
    guard let value = node.float ?? node.int.map(Double.init), value.isFinite else {
      problem("\(what): expected a number, found \(Self.describe(node))", at: node)
      return nil
    }
    return value
  }

  func mapping(_ node: Node, _ what: String) -> Node.Mapping? {
    guard let mapping = node.mapping else {
      problem("\(what): expected a mapping, found \(Self.describe(node))", at: node)
      return nil
    }
    return mapping
  }

  func sequence(_ node: Node, _ what: String) -> Node.Sequence? {
    guard let sequence = node.sequence else {
      problem("\(what): expected a list, found \(Self.describe(node))", at: node)
      return nil
    }
    return sequence
  }

  static func describe(_ node: Node) -> String {
    switch node {
    case .scalar(let scalar): "\"\(scalar.string)\""
    case .mapping: "a mapping"
    case .sequence: "a list"
    case .alias: "an alias"
    }
  }

  static func unknownKeyMessage(_ key: String, allowed: [String], context: String) -> String {
    var message = "\(context): unknown key \"\(key)\""
    if let close = allowed.min(by: { editDistance($0, key) < editDistance($1, key) }),
      editDistance(close, key) <= max(2, key.count / 3)
    {
      message += " (did you mean \"\(close)\"?)"
    } else {
      message += " (expected one of: \(allowed.joined(separator: ", ")))"
    }
    return message
  }

  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...b.count {
        current[j] = min(
          previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }

  static func problem(from error: YamlError, file: String) -> ConfigProblem {
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let detail = context.map { "\($0.text) \(problem)" } ?? problem
      return ConfigProblem(
        file: file, line: mark.line, column: mark.column, message: "invalid YAML: \(detail)")
    default:
      return ConfigProblem(file: file, line: nil, column: nil, message: "invalid YAML: \(error)")
    }
  }
}
