extension String {
  /// The string without leading and trailing white space (ASCII, and the no-break and other
  /// Unicode spaces `Character.isWhitespace` knows), or nil when nothing is left. Returns the
  /// string itself, uncopied, in the common case where there is nothing to trim.
  var trimmedOrNil: String? {
    var copy = self
    let (start, end, unicodeEdge) = copy.withUTF8 { bytes -> (Int, Int, Bool) in
      var start = 0
      var end = bytes.count
      while start < end, Trimming.isASCIISpace(bytes[start]) { start += 1 }
      while end > start, Trimming.isASCIISpace(bytes[end - 1]) { end -= 1 }
      // Only a multi-byte character at either end can be Unicode white space.
      let edge = start < end && (bytes[start] >= 0x80 || bytes[end - 1] >= 0x80)
      return (start, end, edge)
    }
    if start == end { return nil }
    var result =
      start == 0 && end == copy.utf8.count
      ? copy
      : String(decoding: copy.utf8.dropFirst(start).prefix(end - start), as: UTF8.self)
    if unicodeEdge, result.first?.isWhitespace == true || result.last?.isWhitespace == true {
      let characters = result.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace)
      result = String(characters.reversed())
      return result.isEmpty ? nil : result
    }
    return result
  }
}

enum Trimming {
  /// The ASCII white space `trimmedOrNil` removes.
  @inline(__always)
  static func isASCIISpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
  }
}
