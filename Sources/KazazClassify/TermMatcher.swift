/// A multi-pattern matcher over normalised UTF-8 text (Aho–Corasick compiled to a DFA).
///
/// Cost is linear in the text and independent of the number of patterns: one table lookup per
/// byte, plus the matches reported. Patterns are whole words: a pattern matches only where a word
/// starts, and — unless it is a prefix pattern — only where a word ends. Word boundaries are the
/// single spaces `TextNormalizer` emits; the matcher is fed text framed as ` words words `.
public struct TermMatcher: Sendable {
  /// A pattern to compile: normalised words separated by single spaces.
  public struct Pattern: Sendable, Hashable {
    public var words: String
    /// When true the last word only needs to start with the given letters (a stem).
    public var isPrefix: Bool

    public init(words: String, isPrefix: Bool) {
      self.words = words
      self.isPrefix = isPrefix
    }
  }

  /// One occurrence: the pattern's index and the byte range of its words in the text.
  public struct Match: Sendable, Hashable {
    public var pattern: Int
    public var start: Int
    public var end: Int
  }

  private let classOf: [UInt8]
  private let classCount: Int
  private let transitions: [Int32]
  private let outputStart: [Int32]
  private let outputs: [Int32]
  private let patternLengths: [Int]
  public let patternCount: Int

  public init(patterns: [Pattern]) {
    let encoded: [[UInt8]] = patterns.map { pattern in
      var bytes: [UInt8] = [0x20]
      bytes.append(contentsOf: pattern.words.utf8)
      if !pattern.isPrefix { bytes.append(0x20) }
      return bytes
    }
    patternCount = patterns.count
    patternLengths = encoded.map(\.count)

    // Byte classes: every byte used by some pattern gets a class; all other bytes share class 0.
    var classes = [UInt8](repeating: 0, count: 256)
    var nextClass = 1
    for bytes in encoded {
      for byte in bytes where classes[Int(byte)] == 0 {
        classes[Int(byte)] = UInt8(nextClass)
        nextClass += 1
      }
    }
    classOf = classes
    classCount = nextClass
    let width = nextClass

    // Trie.
    var table: [Int32] = Array(repeating: -1, count: width)
    var terminal: [[Int32]] = [[]]
    for (index, bytes) in encoded.enumerated() {
      var state = 0
      for byte in bytes {
        let slot = state * width + Int(classes[Int(byte)])
        if table[slot] < 0 {
          table[slot] = Int32(terminal.count)
          terminal.append([])
          table.append(contentsOf: repeatElement(-1, count: width))
        }
        state = Int(table[slot])
      }
      terminal[state].append(Int32(index))
    }

    // Failure links by breadth-first search, folding them into a complete transition table.
    let nodeCount = terminal.count
    var failure = [Int](repeating: 0, count: nodeCount)
    var queue: [Int] = []
    queue.reserveCapacity(nodeCount)
    for symbol in 0..<width {
      let child = table[symbol]
      if child < 0 {
        table[symbol] = 0
      } else {
        failure[Int(child)] = 0
        queue.append(Int(child))
      }
    }
    var head = 0
    var merged = terminal
    while head < queue.count {
      let state = queue[head]
      head += 1
      merged[state].append(contentsOf: merged[failure[state]])
      for symbol in 0..<width {
        let slot = state * width + symbol
        let child = table[slot]
        let fallback = table[failure[state] * width + symbol]
        if child < 0 {
          table[slot] = fallback
        } else {
          failure[Int(child)] = Int(fallback)
          queue.append(Int(child))
        }
      }
    }
    transitions = table
    var starts: [Int32] = [0]
    var flat: [Int32] = []
    for list in merged {
      flat.append(contentsOf: list)
      starts.append(Int32(flat.count))
    }
    outputStart = starts
    outputs = flat
  }

  /// Calls `body` for every occurrence of every pattern in `text`, in order of match end.
  /// `text` should be framed by spaces (` word word `) so that words at its edges match.
  public func forEachMatch(in text: [UInt8], _ body: (Match) -> Void) {
    text.withUnsafeBufferPointer { buffer in
      transitions.withUnsafeBufferPointer { table in
        classOf.withUnsafeBufferPointer { classes in
          var state = 0
          for position in 0..<buffer.count {
            state = Int(table[state * classCount + Int(classes[Int(buffer[position])])])
            let first = Int(outputStart[state])
            let last = Int(outputStart[state + 1])
            guard first < last else { continue }
            for slot in first..<last {
              let pattern = Int(outputs[slot])
              let matchEnd = position + 1
              let matchStart = matchEnd - patternLengths[pattern]
              // Report the words only: skip the framing spaces.
              let trailing = buffer[position] == 0x20 ? 1 : 0
              body(Match(pattern: pattern, start: matchStart + 1, end: matchEnd - trailing))
            }
          }
        }
      }
    }
  }

  /// All matches as an array (convenience for tests and small texts).
  public func matches(in text: [UInt8]) -> [Match] {
    var found: [Match] = []
    forEachMatch(in: text) { found.append($0) }
    return found
  }
}
