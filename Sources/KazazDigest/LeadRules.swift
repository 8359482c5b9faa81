/// What a lead leaves out, as data: the page furniture and agency boilerplate that open or close
/// news texts in the five languages the monitor reads. `LeadCleaner` compiles these into regular
/// expressions once; each rule has its own tests with short texts.
///
/// Patterns are ICU regular expressions matched case-insensitively unless noted; word lists are
/// escaped before they are joined into alternations.
enum LeadRules {
  /// News agencies and outlets whose names open or close a text as a credit ("KAZAKHSTAN TODAY -",
  /// "/ТАСС/", "(Reuters)", "– Kazinform", "Report informs"). Longer names first.
  static let agencies = [
    "KAZAKHSTAN TODAY", "Казахстан сегодня", "РИА Новости", "RIA Novosti", "Baku TV",
    "Azerbaijan State News Agency", "Interfax-Azerbaijan", "Интерфакс-Казахстан",
    "Интерфакс-Азербайджан", "Reuters", "AFP", "AP", "Bloomberg", "Interfax", "Интерфакс", "ТАСС",
    "TASS", "Sputnik", "Спутник", "Xinhua", "Синьхуа", "Anadolu", "AA", "APA", "Trend", "Report",
    "AZERTAC", "Azertac", "Azərtac", "АЗЕРТАДЖ", "Азертадж", "Kazinform", "Казинформ", "Qazinform",
    "ҚазАқпарат", "KazTAG", "КазТАГ", "Tengrinews", "Turan", "Туран", "Caliber", "Minval",
    "Kursiv", "Курсив", "Vesti", "Day.Az", "News.Az", "Report.az", "Trend.az", "Vesti.az",
    "1news.az", "Oxu.az", "Inform.kz", "Zakon.kz", "Kapital.kz", "Orda.kz", "Kazpravda",
    "Казправда", "Kun.uz", "Ria.ru",
  ]

  /// Cities that open datelines without a date ("Baku —", "Астана –"): a capitalised word and a
  /// dash alone could be the sentence's subject ("Kazakhstan – a key partner – …").
  static let cities = [
    "Astana", "Almaty", "Aktau", "Atyrau", "Shymkent", "Nur-Sultan", "Baku", "Ganja", "Sumgait",
    "Shusha", "Fuzuli", "Moscow", "Ankara", "Istanbul", "Tashkent", "Bishkek", "Tbilisi",
    "Ashgabat", "Dushanbe", "Brussels", "Beijing", "Washington", "Астана", "Алматы", "Актау",
    "Атырау", "Шымкент", "Нур-Султан", "Баку", "Гянджа", "Сумгайыт", "Шуша", "Физули", "Москва",
    "Анкара", "Стамбул", "Ташкент", "Бишкек", "Тбилиси", "Ашхабад", "Душанбе", "Ақтау",
    "Bakı", "Gəncə", "Sumqayıt", "Şuşa", "Füzuli", "Bakü",
  ]

  /// A web address used as a credit ("News.az", "inform.kz").
  static let domain = #"[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.(?:az|kz|ru|uz|kg|tr|com|org|net|info|news)"#

  /// Verbs and phrases of a closing credit, after the agency ("News.az reports", "Report
  /// informs") or before it ("сообщает Kazinform", "передает Trend", "xəbər verir").
  static let creditAfter = [
    "reports", "reported", "informs", "writes", "has learned", "said in a report", "хабарлайды",
    "хабарлады", "xəbər verir", "məlumat verir", "bildirir", "haber veriyor", "bildirdi",
  ]
  static let creditBefore = [
    "сообщает", "сообщил", "передает", "передаёт", "пишет", "информирует", "хабарлайды",
    "деп хабарлайды", "according to",
  ]

  /// Month names and abbreviations, for date lines and datelines.
  static let months = [
    // English
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec",
    // Russian (genitive, as dates write them, and nominative)
    "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
    "октября", "ноября", "декабря", "январь", "февраль", "март", "апрель", "май", "июнь", "июль",
    "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
    // Kazakh
    "қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан",
    "қараша", "желтоқсан",
    // Azerbaijani
    "yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr", "oktyabr",
    "noyabr", "dekabr",
    // Turkish
    "Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim",
    "Kasım", "Aralık",
  ]

  /// Date and time stamps that pages print above or before a text: "date 2023-12-07",
  /// "10.04.2023, 18:16", "2024-03-30 12:00", "30 марта, 2024", "December 7, 2023 09:15". `MONTH`
  /// stands for the month names.
  static let dateStamps = [
    #"(?i:date)\s+\d{4}-\d{2}-\d{2}"#,
    #"\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?"#,
    #"\d{1,2}[./]\d{1,2}[./]\d{2,4}(?:,?\s+\d{1,2}:\d{2})?"#,
    #"\d{1,2}:\d{2}(?:,?\s+\d{1,2}[./]\d{1,2}[./]\d{2,4})?"#,
    #"\d{1,2}\s+MONTH\.?,?\s+\d{4}(?:\s*(?:г\.|года|ж\.|жыл|il|yıl))?(?:,?\s+\d{1,2}:\d{2})?"#,
    #"MONTH\.?\s+\d{1,2},?\s+\d{4}(?:,?\s+\d{1,2}:\d{2})?"#,
  ]

  /// Lines that are a photo credit, a byline or a reader prompt, not prose: "Photo: Akorda",
  /// "Фото: Акорда", "Сурет: Ақорда", "Foto: APA", "By John Smith", "Автор: Иван Петров",
  /// "Müəllif: …", "Yazar: …". Matched against the whole line.
  static let furnitureLines = [
    #"(?:photo|photos|фото|фотографии|сурет|foto|fotoğraf|image|source|источник|дереккөз|mənbə|kaynak)(?:\s+by)?\s*[:©—–-].{0,80}"#,
    #"(?:by|автор|авторы|текст|author|müəllif|yazar|авторы материала)\s*[:—–-]?\s+\p{Lu}[\p{L}.’'-]*(?:\s+(?:and|и|və|ve|\p{Lu}[\p{L}.’'-]*)){0,5}"#,
    #"(?:читайте также|read also|see also|также читайте|oxu|ayrıca bakınız|sondan)\b.{0,120}"#,
  ]

  /// Phrases that a site appends to every title, without its name: " — Новости Казахстана",
  /// " - Latest news". Matched against the whole tail after the separator.
  static let siteTails = [
    #"(?:последние\s+)?новости(?:\s+\p{L}+){0,3}"#, #"(?:latest\s+)?news(?:\s+\p{L}+){0,3}"#,
    #"(?:son\s+)?xəbərlər(?:\s+\p{L}+){0,2}"#,
    #"(?:son\s+dakika\s+)?haber(?:ler)?(?:i)?(?:\s+\p{L}+){0,2}"#,
    #"жаңалықтар(?:\s+\p{L}+){0,2}"#,
  ]
}
