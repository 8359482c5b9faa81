import Foundation

/// Reading an HTTP `Content-Type` value.
public enum ContentType {
  /// The `charset` parameter (`text/xml; charset="windows-1251"` → `windows-1251`), if any.
  public static func charset(of value: String) -> String? {
    for parameter in value.split(separator: ";").dropFirst() {
      let pair = parameter.split(separator: "=", maxSplits: 1)
      guard pair.count == 2,
        pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset"
      else { continue }
      let charset = pair[1].trimmingCharacters(in: .whitespaces)
        .trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
      return charset.isEmpty ? nil : charset
    }
    return nil
  }
}
