import KazazModel

/// Human names of the topics, for headings.
enum TopicNames {
  static let english: [String: String] = [
    "politics-diplomacy": "Politics and diplomacy",
    "trade-economy": "Trade and economy",
    "investment-finance": "Investment and finance",
    "energy": "Energy",
    "transport-logistics": "Transport, logistics and the Middle Corridor",
    "digital-telecom": "Digital and telecom",
    "culture-humanitarian": "Culture and humanitarian ties",
    "education-science": "Education and science",
    "media-information": "Media and information",
    "youth-sports": "Youth and sports",
    "religion": "Religion",
    "regional-integration": "Regional integration",
    "reconstruction": "Reconstruction",
    "agriculture": "Agriculture",
    "security-defense": "Security and defence",
  ]

  static func name(_ topic: TopicID) -> String { english[topic.rawValue] ?? topic.rawValue }
}
