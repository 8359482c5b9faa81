import KazazText

/// A multi-pattern matcher over normalised UTF-8 text (Aho–Corasick).
///
/// Cost is linear in the text and independent of the number of patterns: each byte follows one
/// transition, plus failure links whose total is bounded by the text length, plus the matches
/// reported. Patterns are whole words: a pattern matches only where a word starts, and — unless it
/// is a prefix pattern — only where a word ends. Word boundaries are the single spaces
/// `TextNormalizer` emits; the matcher is fed text framed as ` words words `.
///
/// Layout, for speed: states with many children (the root and the first letters of words) keep a
/// complete transition row; all other states keep a short list of children and a failure link.
/// A full table for every state would be megabytes and miss the cache on nearly every byte; this
/// layout is a few hundred kilobytes. Each state is one record in one array — its header, failure
/// link, outputs and children side by side — so that visiting a state touches one cache line.
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

  /// States with at least this many children get a complete transition row.
  static let denseChildren = 6

  // The tables are internal, not private, for the compiled-profile cache
  // (TermMatcher+Encoding.swift), which writes them out and reads them back checked.
  let classOf: [UInt8]
  let classCount: Int
  /// The states, in breadth-first order, each a record starting at its own offset (a state is
  /// named by that offset; the root is 0):
  /// - word 0: bit 0 dense, bits 8–15 the child count, bits 16–31 the output count;
  /// - word 1: the failure state;
  /// - word 2: where the state's patterns start in `outputs`;
  /// - then, for a dense state, its row in `rows`; for a sparse one, its children as
  ///   `class << 24 | child state`.
  let nodes: [UInt32]
  /// Complete rows of dense states: the next state for each byte class.
  let rows: [UInt32]
  let outputs: [Int32]
  let patternLengths: [Int]
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
    (classOf, classCount) = Self.byteClasses(encoded)
    var trie = Trie(encoded, classOf: classOf)
    let automaton = trie.automaton()
    (nodes, rows, outputs) = Self.layOut(automaton, trie: trie, width: classCount)
  }

  /// Byte classes: every byte used by some pattern gets a class; all other bytes share class 0.
  private static func byteClasses(_ encoded: [[UInt8]]) -> (classes: [UInt8], count: Int) {
    var classes = [UInt8](repeating: 0, count: 256)
    var nextClass = 1
    for bytes in encoded {
      for byte in bytes where classes[Int(byte)] == 0 {
        classes[Int(byte)] = UInt8(nextClass)
        nextClass += 1
      }
    }
    return (classes, nextClass)
  }

  /// The patterns' trie, as first-child / next-sibling lists: about nine bytes a state. (A
  /// complete row of transitions per state, while compiling, took over ten megabytes for the
  /// shipped profile, at the moment a cold cycle needs its memory for feeds.)
  private struct Trie {
    var firstChild: [Int32] = [-1]
    var nextSibling: [Int32] = [-1]
    var label: [UInt8] = [0]
    /// The patterns ending in each state.
    var terminal: [[Int32]] = [[]]
    /// Failure links, set by `automaton()`.
    var failure: [Int] = []

    init(_ encoded: [[UInt8]], classOf classes: [UInt8]) {
      for (index, bytes) in encoded.enumerated() {
        var state = 0
        for byte in bytes {
          let symbol = classes[Int(byte)]
          var next = child(state, symbol)
          if next < 0 {
            next = label.count
            label.append(symbol)
            firstChild.append(-1)
            nextSibling.append(firstChild[state])
            firstChild[state] = Int32(next)
            terminal.append([])
          }
          state = next
        }
        terminal[state].append(Int32(index))
      }
    }

    func child(_ state: Int, _ symbol: UInt8) -> Int {
      var kid = firstChild[state]
      while kid >= 0 {
        if label[Int(kid)] == symbol { return Int(kid) }
        kid = nextSibling[Int(kid)]
      }
      return -1
    }

    /// The complete transition function, followed through failure links.
    func delta(_ state: Int, _ symbol: UInt8) -> Int {
      var state = state
      while true {
        let next = child(state, symbol)
        if next >= 0 { return next }
        if state == 0 { return 0 }
        state = failure[state]
      }
    }

    /// The states in breadth-first order, each state's children sorted by byte class, and the
    /// patterns each state reports (its own and those of its failure chain).
    struct Automaton {
      var order: [Int]
      var children: [[(symbol: Int, state: Int)]]
      var outputs: [[Int32]]
    }

    /// Failure links by breadth-first search (children in byte-class order).
    mutating func automaton() -> Automaton {
      let count = terminal.count
      failure = [Int](repeating: 0, count: count)
      var queue: [Int] = [0]
      queue.reserveCapacity(count)
      var children = [[(symbol: Int, state: Int)]](repeating: [], count: count)
      var merged = terminal
      var head = 0
      while head < queue.count {
        let state = queue[head]
        head += 1
        if state != 0 { merged[state].append(contentsOf: merged[failure[state]]) }
        var kids: [(symbol: Int, state: Int)] = []
        var kid = firstChild[state]
        while kid >= 0 {
          kids.append((Int(label[Int(kid)]), Int(kid)))
          kid = nextSibling[Int(kid)]
        }
        kids.sort { $0.symbol < $1.symbol }
        children[state] = kids
        for (symbol, next) in kids {
          failure[next] = state == 0 ? 0 : delta(failure[state], UInt8(symbol))
          queue.append(next)
        }
      }
      return Automaton(order: queue, children: children, outputs: merged)
    }
  }

  /// Lays the states out in breadth-first order (the root stays 0), so that the shallow states
  /// the scan visits most sit together in memory: the records of `nodes`, the dense rows and
  /// the flat output list.
  private static func layOut(
    _ automaton: Trie.Automaton, trie: Trie, width: Int
  ) -> (nodes: [UInt32], rows: [UInt32], outputs: [Int32]) {
    let order = automaton.order
    var offset = [Int](repeating: 0, count: order.count)
    var size = 0
    for (position, state) in order.enumerated() {
      offset[state] = size
      let kids = automaton.children[state].count
      size += position == 0 || kids >= denseChildren ? 4 : 3 + kids
    }
    precondition(size < 1 << 24, "too many patterns for the matcher")
    var records = [UInt32](repeating: 0, count: size)
    var denseRows: [UInt32] = []
    var flat: [Int32] = []
    for (position, state) in order.enumerated() {
      let base = offset[state]
      let kids = automaton.children[state]
      let outputs = automaton.outputs[state]
      let dense = position == 0 || kids.count >= denseChildren
      precondition(outputs.count < 1 << 16, "too many patterns end in one state")
      records[base] = (dense ? 1 : UInt32(kids.count) << 8) | UInt32(outputs.count) << 16
      records[base + 1] = UInt32(offset[trie.failure[state]])
      records[base + 2] = UInt32(flat.count)
      flat.append(contentsOf: outputs)
      if dense {
        records[base + 3] = UInt32(denseRows.count / width)
        for symbol in 0..<width {
          denseRows.append(UInt32(offset[trie.delta(state, UInt8(symbol))]))
        }
      } else {
        for (index, kid) in kids.enumerated() {
          records[base + 3 + index] = UInt32(kid.symbol) << 24 | UInt32(offset[kid.state])
        }
      }
    }
    return (records, denseRows, flat)
  }

  /// Calls `body` for every occurrence of every pattern in `text`, in order of match end.
  /// Each byte follows one transition, except that the scan skips ahead to the next space
  /// whenever it is back at the root.
  /// `text` should be framed by spaces (` word word `) so that words at its edges match.
  public func forEachMatch(in text: [UInt8], _ body: (Match) -> Void) {
    let width = classCount
    text.withUnsafeBufferPointer { buffer in
      classOf.withUnsafeBufferPointer { classes in
        nodes.withUnsafeBufferPointer { nodes in
          rows.withUnsafeBufferPointer { rows in
            var state = 0
            var position = -1
            while true {
              position += 1
              if state == 0 {
                // Every pattern starts with a space, so the root stays the root until the next
                // space: the rest of a word no pattern starts with is skipped at once.
                while position < buffer.count, buffer[position] != 0x20 { position += 1 }
              }
              guard position < buffer.count else { break }
              let symbol = Int(classes[Int(buffer[position])])
              if symbol == 0 {
                // A byte no pattern contains: every state goes back to the root.
                state = 0
                continue
              }
              while true {
                let header = nodes[state]
                if header & 1 != 0 {
                  state = Int(rows[Int(nodes[state + 3]) &* width &+ symbol])
                  break
                }
                let first = state + 3
                let count = Int((header >> 8) & 0xFF)
                var next = -1
                for slot in first..<(first + count) {
                  let child = nodes[slot]
                  if Int(child >> 24) == symbol {
                    next = Int(child & 0xFF_FFFF)
                    break
                  }
                }
                if next >= 0 {
                  state = next
                  break
                }
                state = Int(nodes[state + 1])
              }
              let outputCount = Int(nodes[state] >> 16)
              guard outputCount > 0 else { continue }
              let firstOutput = Int(nodes[state + 2])
              for slot in firstOutput..<(firstOutput + outputCount) {
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
  }

  /// All matches as an array (convenience for tests and small texts).
  public func matches(in text: [UInt8]) -> [Match] {
    var found: [Match] = []
    forEachMatch(in: text) { found.append($0) }
    return found
  }
}
