import CCurl

/// libcurl's process-wide initialisation, done once before any transfer starts.
enum CurlGlobal {
  /// Swift initialises static properties once, thread-safely, on first use.
  static let initialized: Bool = {
    curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLE_OK
  }()

  /// The libcurl version string, for logs and `--version`.
  static var version: String {
    guard let info = curl_version_info(CURLVERSION_ELEVENTH), let text = info.pointee.version else {
      return "unknown"
    }
    return String(cString: text)
  }
}
