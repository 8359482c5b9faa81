import KazazModel

extension MailAddress {
  /// The address as a header field body: `"Name" <local@domain>`, the name quoted when it is
  /// printable ASCII and an RFC 2047 encoded word otherwise.
  var headerValue: String {
    guard let displayName else { return address }
    let printable = displayName.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    if printable && displayName.utf8.count <= 60 {
      var quoted = "\""
      for character in displayName {
        if character == "\"" || character == "\\" { quoted.append("\\") }
        quoted.append(character)
      }
      return quoted + "\" <\(address)>"
    }
    return HeaderText.encodedWords(displayName).joined(separator: "\r\n ") + " <\(address)>"
  }
}
