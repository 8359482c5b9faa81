import Foundation

extension Config {
  /// Every default of the configuration, in one place.
  public enum Defaults {
    public static let pollInterval: Duration = .seconds(15 * 60)
    /// 08:00 in the digest time zone.
    public static let digestMinuteOfDay = 8 * 60
    public static let digestTimeZone = TimeZone(identifier: "Asia/Almaty")!
    /// Digests are kept about three months.
    public static let digestKeepDays = 90
    /// A delivery command that takes longer than this is stopped.
    public static let onDigestTimeout: Duration = .seconds(120)
    /// One SMTP session of digest delivery by e-mail.
    public static let mailTimeout: Duration = .seconds(120)
    public static let fetchTimeout: Duration = .seconds(30)
    public static let connectTimeout: Duration = .seconds(10)
    public static let maxResponseBytes = 10 * 1024 * 1024
    public static let concurrency = 16
    public static let perHost = 2
    /// The profile override used when the config names none, beside the config file.
    public static let profileOverride = "profile.override.yaml"
    /// Days an irrelevant item keeps its text.
    public static let irrelevantRetentionDays = 30
    /// The shortest poll interval accepted: anything faster is impolite to news sites.
    public static let minimumPollInterval: Duration = .seconds(60)
  }
}
