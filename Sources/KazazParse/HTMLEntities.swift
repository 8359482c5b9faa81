import CLibXML2

/// HTML's named character references (`&nbsp;`, `&mdash;`, `&laquo;` …), from libxml2's table.
enum HTMLEntities {
  static func value(of name: String) -> String? {
    guard let description = htmlEntityLookup(name),
      let scalar = Unicode.Scalar(description.pointee.value)
    else { return nil }
    return String(Character(scalar))
  }
}
