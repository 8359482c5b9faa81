/// The element and attribute names of one document, keyed by libxml2's interned pointers (a
/// document's names are few and repeat endlessly): each distinct name gets a small number once,
/// with its prefixed form and what the reader needs to know about it.
///
/// An open-addressing table on the pointer bits: cheaper than hashing a key with `Hasher` on
/// every element.
struct XMLNameTable {
  /// A name as the reader uses it.
  struct Name {
    /// Prefixed: `title`, `atom:link`, `xml:base`.
    var string: String
    /// The name's number in this table, or -1 for a name that could not be cached.
    var id: Int
    /// `item`, `atom:entry` or `atom03:entry`.
    var isItem: Bool
    /// A `script` or `style` element (any namespace), whose text is not text.
    var hidesText: Bool

    init(_ string: String, id: Int) {
      self.string = string
      self.id = id
      isItem = string == "item" || string == "atom:entry" || string == "atom03:entry"
      hidesText = string.hasSuffix("script") || string.hasSuffix("style")
    }
  }

  private struct Slot {
    var local: UInt
    var uri: UInt
    var isAttribute: Bool
    /// Index in `names`, or -1 when free.
    var index: Int
  }

  private(set) var names: [Name] = []
  private var slots = [Slot](
    repeating: Slot(local: 0, uri: 0, isAttribute: false, index: -1), count: 256)

  /// The cached name for these pointers, if any.
  @inline(__always)
  func lookup(local: UnsafeRawPointer, uri: UnsafeRawPointer?, isAttribute: Bool) -> Name? {
    let localBits = UInt(bitPattern: local)
    let uriBits = UInt(bitPattern: uri)
    let mask = slots.count - 1
    var position = Self.hash(localBits, uriBits, isAttribute) & mask
    while true {
      let slot = slots[position]
      if slot.index < 0 { return nil }
      if slot.local == localBits && slot.uri == uriBits && slot.isAttribute == isAttribute {
        return names[slot.index]
      }
      position = (position + 1) & mask
    }
  }

  /// Caches `string` as the name of these pointers; returns it with its number.
  mutating func insert(
    _ string: String, local: UnsafeRawPointer, uri: UnsafeRawPointer?, isAttribute: Bool
  ) -> Name {
    let name = Name(string, id: names.count)
    names.append(name)
    if names.count * 2 > slots.count { grow() }
    place(
      Slot(
        local: UInt(bitPattern: local), uri: UInt(bitPattern: uri), isAttribute: isAttribute,
        index: name.id))
    return name
  }

  private mutating func place(_ slot: Slot) {
    let mask = slots.count - 1
    var position = Self.hash(slot.local, slot.uri, slot.isAttribute) & mask
    while slots[position].index >= 0 { position = (position + 1) & mask }
    slots[position] = slot
  }

  private mutating func grow() {
    let old = slots
    slots = [Slot](
      repeating: Slot(local: 0, uri: 0, isAttribute: false, index: -1), count: old.count * 2)
    for slot in old where slot.index >= 0 { place(slot) }
  }

  @inline(__always)
  private static func hash(_ local: UInt, _ uri: UInt, _ isAttribute: Bool) -> Int {
    let mixed =
      (local &* 0x9E37_79B9_7F4A_7C15) ^ (uri &* 0xC2B2_AE3D_27D4_EB4F) ^ (isAttribute ? 1 : 0)
    return Int(truncatingIfNeeded: mixed ^ (mixed >> 32))
  }
}
