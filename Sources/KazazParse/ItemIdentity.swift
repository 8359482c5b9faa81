import Foundation
import KazazModel

/// A stable identifier for an item: its guid/id, else its normalised link, else a hash of its
/// title and text. The same item read twice gets the same identifier.
public enum ItemIdentity {
  public static func identifier(guid: String?, link: String?, title: String?, text: String?)
    -> String
  {
    if let guid = guid?.trimmedOrNil {
      return guid
    }
    if let link, !link.isEmpty { return link }
    return "hash:" + StableHash.hex((title ?? "") + "\n" + (text ?? ""))
  }
}
