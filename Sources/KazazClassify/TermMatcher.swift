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
  private let transitions: Transitions
  private let outputStart: [Int32]
  private let outputs: [Int32]
  private let patternLengths: [Int]
  public let patternCount: Int

  /// The DFA's transition table: 16-bit states when they fit (a profile of a few thousand terms
  /// has some 25,000 states), halving the table.
  private enum Transitions {
    case compact([UInt16])
    case wide([UInt32])
  }

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

    let trie = Self.buildTrie(encoded, classes: classes)
    let merged: [[Int32]]
    if trie.count < Int(UInt16.max) {
      let (table, outputs) = Self.buildDFA(trie, width: nextClass, as: UInt16.self)
      (transitions, merged) = (.compact(table), outputs)
    } else {
      let (table, outputs) = Self.buildDFA(trie, width: nextClass, as: UInt32.self)
      (transitions, merged) = (.wide(table), outputs)
    }
    var starts: [Int32] = [0]
    starts.reserveCapacity(merged.count + 1)
    var flat: [Int32] = []
    for list in merged {
      flat.append(contentsOf: list)
      starts.append(Int32(flat.count))
    }
    outputStart = starts
    outputs = flat
  }

  /// A sparse trie: per node its (class, child) edges and the patterns ending there.
  private struct TrieNode {
    var edges: [(UInt8, UInt32)] = []
    var terminal: [Int32] = []
  }

  private static func buildTrie(_ encoded: [[UInt8]], classes: [UInt8]) -> [TrieNode] {
    var nodes = [TrieNode()]
    for (index, bytes) in encoded.enumerated() {
      var state = 0
      for byte in bytes {
        let symbol = classes[Int(byte)]
        if let edge = nodes[state].edges.first(where: { $0.0 == symbol }) {
          state = Int(edge.1)
        } else {
          nodes[state].edges.append((symbol, UInt32(nodes.count)))
          state = nodes.count
          nodes.append(TrieNode())
        }
      }
      nodes[state].terminal.append(Int32(index))
    }
    return nodes
  }

  /// Aho–Corasick failure links by breadth-first search, folded into a complete transition
  /// table allocated once at its final size.
  private static func buildDFA<State: FixedWidthInteger & UnsignedInteger>(
    _ trie: [TrieNode], width: Int, as: State.Type
  ) -> ([State], [[Int32]]) {
    let missing = State.max
    var table = [State](repeating: missing, count: trie.count * width)
    for (state, node) in trie.enumerated() {
      for (symbol, child) in node.edges {
        table[state * width + Int(symbol)] = State(truncatingIfNeeded: child)
      }
    }
    var failure = [Int](repeating: 0, count: trie.count)
    var merged = trie.map(\.terminal)
    var queue: [Int] = []
    queue.reserveCapacity(trie.count)
    for symbol in 0..<width {
      if table[symbol] == missing {
        table[symbol] = State.zero
      } else {
        queue.append(Int(table[symbol]))
      }
    }
    var head = 0
    while head < queue.count {
      let state = queue[head]
      head += 1
      if state != 0 { merged[state].append(contentsOf: merged[failure[state]]) }
      for symbol in 0..<width {
        let slot = state * width + symbol
        let fallback = table[failure[state] * width + symbol]
        if table[slot] == missing {
          table[slot] = fallback
        } else {
          let child = Int(table[slot])
          failure[child] = Int(fallback)
          queue.append(child)
        }
      }
    }
    return (table, merged)
  }

  /// Calls `body` for every occurrence of every pattern in `text`, in order of match end.
  /// `text` should be framed by spaces (` word word `) so that words at its edges match.
  public func forEachMatch(in text: [UInt8], _ body: (Match) -> Void) {
    switch transitions {
    case .compact(let table): run(table, over: text, body)
    case .wide(let table): run(table, over: text, body)
    }
  }

  private func run<State: FixedWidthInteger>(
    _ table: [State], over text: [UInt8], _ body: (Match) -> Void
  ) {
    text.withUnsafeBufferPointer { buffer in
      table.withUnsafeBufferPointer { table in
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
