/// A 64-bit FNV-1a hash of UTF-8 text, as 16 hex digits: stable across runs and machines
/// (unlike `Hasher`), for identifiers derived from content. Not cryptographic.
public enum StableHash {
  public static func value(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01B3
    }
    return hash
  }

  public static func hex(_ text: String) -> String {
    let digits = String(value(text), radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
