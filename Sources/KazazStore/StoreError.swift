/// Why the store could not do what was asked.
public enum StoreError: Error, Sendable, CustomStringConvertible {
  /// The database was written by a newer kazaz-monitor; opening it could damage it.
  case newerSchema(path: String)
  /// The database needs migrations that only a writer (the daemon, `run --once`) may run.
  case olderSchema(path: String)
  case cannotOpen(path: String, reason: String)
  case unknownFeed(Int64)

  public var description: String {
    switch self {
    case .newerSchema(let path):
      "\(path) was written by a newer version of kazaz-monitor; refusing to open it"
    case .olderSchema(let path):
      "\(path) was written by an older version of kazaz-monitor and is upgraded when the daemon "
        + "(or `run --once`) next opens it"
    case .cannotOpen(let path, let reason): "cannot open the store \(path): \(reason)"
    case .unknownFeed(let id): "no feed with id \(id) in the store"
    }
  }
}
