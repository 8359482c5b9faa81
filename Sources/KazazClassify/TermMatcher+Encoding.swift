/// The matcher's tables as bytes, for the compiled-profile cache, and back.
///
/// The scan in `forEachMatch` reads its tables through unchecked buffer pointers, so tables read
/// back from a file are proven sound before they are used: every state record lies inside the
/// table, every transition, row entry and failure link names a state, failure links lead to
/// earlier states (so following them ends at the root), outputs and byte classes are in range.
/// Tables that fail any of this are refused.
extension TermMatcher {
  func encode(into writer: inout BinaryWriter) {
    writer.write(raw: classOf)
    writer.write(count: classCount)
    writer.write(array: nodes)
    writer.write(array: rows)
    writer.write(array: outputs)
    writer.write(array: patternLengths.map { UInt32(clamping: $0) })
  }

  init(decoding reader: inout BinaryReader) throws(BinaryReader.Failure) {
    let classes = Array(try reader.readRaw(256, "matcher byte classes"))
    let width = Int(try reader.readUInt32("matcher class count"))
    let nodes = try reader.readArray(UInt32.self, "matcher states")
    let rows = try reader.readArray(UInt32.self, "matcher rows")
    let outputs = try reader.readArray(Int32.self, "matcher outputs")
    let lengths = try reader.readArray(UInt32.self, "matcher pattern lengths").map { Int($0) }
    try Self.validate(
      classes: classes, width: width, nodes: nodes, rows: rows, outputs: outputs,
      lengths: lengths)
    classOf = classes
    classCount = width
    self.nodes = nodes
    self.rows = rows
    self.outputs = outputs
    patternLengths = lengths
    patternCount = lengths.count
  }

  private static func validate(
    classes: [UInt8], width: Int, nodes: [UInt32], rows: [UInt32], outputs: [Int32],
    lengths: [Int]
  ) throws(BinaryReader.Failure) {
    func fail(_ message: String) -> BinaryReader.Failure {
      BinaryReader.Failure(description: "matcher: \(message)")
    }
    guard (1...256).contains(width), classes.allSatisfy({ Int($0) < width }) else {
      throw fail("byte classes out of range")
    }
    guard lengths.allSatisfy({ $0 >= 2 }) else { throw fail("a pattern shorter than a word") }
    guard outputs.allSatisfy({ $0 >= 0 && Int($0) < lengths.count }) else {
      throw fail("an output names no pattern")
    }
    // The records, one after another from the root.
    var isState = [Bool](repeating: false, count: nodes.count)
    var states: [Int] = []
    var position = 0
    while position < nodes.count {
      guard nodes.count - position >= 3 else { throw fail("a state record is cut short") }
      let header = nodes[position]
      let dense = header & 1 != 0
      let children = Int((header >> 8) & 0xFF)
      guard header & 0xFE == 0, !dense || children == 0 else { throw fail("a bad state header") }
      let size = dense ? 4 : 3 + children
      guard nodes.count - position >= size else { throw fail("a state record is cut short") }
      isState[position] = true
      states.append(position)
      position += size
    }
    guard let root = nodes.first, root & 1 != 0 else { throw fail("the root has no row") }
    func isValid(_ state: UInt32) -> Bool { Int(state) < nodes.count && isState[Int(state)] }
    for state in states {
      let header = nodes[state]
      let failure = nodes[state + 1]
      guard isValid(failure), state == 0 ? failure == 0 : Int(failure) < state else {
        throw fail("a failure link that does not lead back to the root")
      }
      let first = Int(nodes[state + 2])
      guard first <= outputs.count, Int(header >> 16) <= outputs.count - first else {
        throw fail("outputs out of range")
      }
      if header & 1 != 0 {
        guard Int(nodes[state + 3]) < rows.count / width else { throw fail("a row out of range") }
      } else {
        for slot in (state + 3)..<(state + 3 + Int((header >> 8) & 0xFF)) {
          let child = nodes[slot]
          guard (1..<width).contains(Int(child >> 24)), isValid(child & 0xFF_FFFF) else {
            throw fail("a transition out of range")
          }
        }
      }
    }
    guard rows.allSatisfy(isValid) else { throw fail("a row entry names no state") }
  }
}
