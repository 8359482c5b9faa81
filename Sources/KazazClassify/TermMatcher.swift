/// A multi-pattern matcher over normalised UTF-8 text (Aho–Corasick).
///
/// Cost is linear in the text and independent of the number of patterns: each byte follows one
/// transition, plus failure links whose total is bounded by the text length, plus the matches
/// reported. Patterns are whole words: a pattern matches only where a word starts, and — unless it
/// is a prefix pattern — only where a word ends. Word boundaries are the single spaces
/// `TextNormalizer` emits; the matcher is fed text framed as ` words words `.
///
/// Layout, for speed: states with many children (the root and the first letters of words) keep a
/// complete transition row; all other states keep a short sorted list of children and a failure
/// link. A full table for every state would be megabytes and miss the cache on nearly every
/// byte; this layout is a few hundred kilobytes.
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

  private let classOf: [UInt8]
  private let classCount: Int
  /// Per state, packed: bits 0–31 the dense row or first child, 32–39 the child count,
  /// bit 40 dense, bit 41 has output, bits 42–63 the failure state.
  private let info: [UInt64]
  /// Children of sparse states: class << 24 | child state, sorted by class per state.
  private let children: [UInt32]
  /// Complete rows of dense states.
  private let rows: [UInt32]
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
    var trieChild = [Bool](repeating: false, count: width)
    for (index, bytes) in encoded.enumerated() {
      var state = 0
      for byte in bytes {
        let slot = state * width + Int(classes[Int(byte)])
        if table[slot] < 0 {
          table[slot] = Int32(terminal.count)
          trieChild[slot] = true
          terminal.append([])
          table.append(contentsOf: repeatElement(-1, count: width))
          trieChild.append(contentsOf: repeatElement(false, count: width))
        }
        state = Int(table[slot])
      }
      terminal[state].append(Int32(index))
    }

    // Failure links by breadth-first search, folding them into a complete transition table.
    let nodeCount = terminal.count
    var failure = [Int](repeating: 0, count: nodeCount)
    var queue: [Int] = [0]
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
    var head = 1
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

    // Renumber states in breadth-first order (the queue's order; the root stays 0), so that the
    // shallow states the scan visits most sit together in memory.
    precondition(nodeCount < 1 << 22, "too many patterns for the matcher")
    var renumbered = [Int](repeating: 0, count: nodeCount)
    for (position, state) in queue.enumerated() { renumbered[state] = position }
    var packed = [UInt64](repeating: 0, count: nodeCount)
    var childList: [UInt32] = []
    var denseRows: [UInt32] = []
    var starts: [Int32] = [0]
    var flat: [Int32] = []
    for (position, state) in queue.enumerated() {
      var kids: [(Int, Int)] = []
      for symbol in 0..<width {
        let target = Int(table[state * width + symbol])
        // A trie child is a transition to a state one level deeper whose failure is not us.
        if trieChild[state * width + symbol] { kids.append((symbol, renumbered[target])) }
      }
      var word: UInt64 = UInt64(renumbered[failure[state]]) << 42
      if !merged[state].isEmpty { word |= 1 << 41 }
      if position == 0 || kids.count >= Self.denseChildren {
        word |= 1 << 40
        word |= UInt64(denseRows.count / width)
        for symbol in 0..<width {
          denseRows.append(UInt32(renumbered[Int(table[state * width + symbol])]))
        }
      } else {
        word |= UInt64(childList.count) | UInt64(kids.count) << 32
        for (symbol, child) in kids { childList.append(UInt32(symbol) << 24 | UInt32(child)) }
      }
      packed[position] = word
      flat.append(contentsOf: merged[state])
      starts.append(Int32(flat.count))
    }
    info = packed
    children = childList
    rows = denseRows
    outputStart = starts
    outputs = flat
  }

  /// Calls `body` for every occurrence of every pattern in `text`, in order of match end.
  /// `text` should be framed by spaces (` word word `) so that words at its edges match.
  public func forEachMatch(in text: [UInt8], _ body: (Match) -> Void) {
    let width = classCount
    text.withUnsafeBufferPointer { buffer in
      classOf.withUnsafeBufferPointer { classes in
        info.withUnsafeBufferPointer { info in
          children.withUnsafeBufferPointer { children in
            rows.withUnsafeBufferPointer { rows in
              var state = 0
              for position in 0..<buffer.count {
                let symbol = Int(classes[Int(buffer[position])])
                if symbol == 0 {
                  // A byte no pattern contains: every state goes back to the root.
                  state = 0
                  continue
                }
                while true {
                  let word = info[state]
                  if word & (1 << 40) != 0 {
                    state = Int(rows[Int(word & 0xFFFF_FFFF) &* width &+ symbol])
                    break
                  }
                  let first = Int(word & 0xFFFF_FFFF)
                  let count = Int((word >> 32) & 0xFF)
                  var next = -1
                  for slot in first..<(first + count) {
                    let child = children[slot]
                    if Int(child >> 24) == symbol {
                      next = Int(child & 0xFF_FFFF)
                      break
                    }
                  }
                  if next >= 0 {
                    state = next
                    break
                  }
                  state = Int(word >> 42)
                }
                guard info[state] & (1 << 41) != 0 else { continue }
                let firstOutput = Int(outputStart[state])
                let lastOutput = Int(outputStart[state + 1])
                for slot in firstOutput..<lastOutput {
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
  }

  /// All matches as an array (convenience for tests and small texts).
  public func matches(in text: [UInt8]) -> [Match] {
    var found: [Match] = []
    forEachMatch(in: text) { found.append($0) }
    return found
  }
}
