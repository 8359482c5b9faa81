/// One problem found in a configuration or profile file, with its position.
public struct ConfigProblem: Sendable, Equatable, CustomStringConvertible {
  public var file: String
  public var line: Int?
  public var column: Int?
  public var message: String

  public init(file: String, line: Int?, column: Int?, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  /// `file:line:column: message`, the format editors and compilers use.
  public var description: String {
    switch (line, column) {
    case (let line?, let column?): "\(file):\(line):\(column): \(message)"
    case (let line?, nil): "\(file):\(line): \(message)"
    default: "\(file): \(message)"
    }
  }
}

/// Every problem found in a file, in file order. Loading reports them all at once.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
  public var problems: [ConfigProblem]

  public init(problems: [ConfigProblem]) {
    self.problems = problems.sorted {
      ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0)
    }
  }

  public var description: String { problems.map(\.description).joined(separator: "\n") }
}
