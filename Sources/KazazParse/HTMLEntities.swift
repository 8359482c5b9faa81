import CLibXML2

/// HTML's named character references (`&nbsp;`, `&mdash;`, `&laquo;` …), from libxml2's table.
enum HTMLEntities {
  static func value(of name: String) -> String? {
    guard let description = htmlEntityLookup(name),
      let scalar = Unicode.Scalar(description.pointee.value)
    else { return nil }
    return String(Character(scalar))
  }

  /// The code point `&name;` stands for; `name` is the bytes between `&` and `;`.
  static func scalar(of name: UnsafeBufferPointer<UInt8>) -> UInt32? {
    switch name.count {
    case 2:
      if name[1] == UInt8(ascii: "t") {
        if name[0] == UInt8(ascii: "l") { return 0x3C }
        if name[0] == UInt8(ascii: "g") { return 0x3E }
      }
    case 3:
      if name[0] == UInt8(ascii: "a"), name[1] == UInt8(ascii: "m"), name[2] == UInt8(ascii: "p") {
        return 0x26
      }
    case 4:
      if name[0] == UInt8(ascii: "a"), name[1] == UInt8(ascii: "p"), name[2] == UInt8(ascii: "o"),
        name[3] == UInt8(ascii: "s")
      {
        return 0x27  // XML's, not in HTML 4's table
      }
    default: break
    }
    guard name.count < 32 else { return nil }
    return withUnsafeTemporaryAllocation(of: xmlChar.self, capacity: name.count + 1) { buffer in
      for index in 0..<name.count { buffer[index] = name[index] }
      buffer[name.count] = 0
      guard let description = htmlEntityLookup(buffer.baseAddress) else { return nil }
      return description.pointee.value
    }
  }
}
