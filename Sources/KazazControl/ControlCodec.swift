import Foundation

/// The wire format: one JSON value per line (newline-delimited JSON), dates in ISO 8601.
/// JSON never contains a raw newline, so a line is always one whole message.
public enum ControlCodec {
  /// Longest line accepted, so a confused peer cannot make the other side buffer without end.
  public static let maximumLineBytes = 4 * 1024 * 1024

  public static func encode<T: Encodable>(_ value: T) throws -> Data {
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(value)
    data.append(UInt8(ascii: "\n"))
    return data
  }

  public static func decode<T: Decodable>(_ type: T.Type, from line: Data) throws -> T {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    return try decoder.decode(type, from: line)
  }
}
