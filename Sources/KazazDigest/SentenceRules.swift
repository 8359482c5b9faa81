/// Words that a full stop follows without ending the sentence, as data, in the five languages
/// the monitor reads (lower case, without the final stop). Besides these, a single letter and a
/// stop is an initial ("K. Tokayev", "А. Байель"), a stop between digits is a decimal point
/// ("1.5"), and a stop before a small letter never ends a sentence.
enum SentenceRules {
  static let abbreviations: Set<String> = [
    // English: titles, months, companies, places
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "vs", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "ltd", "co", "corp", "gen", "gov",
    "sen", "rep", "lt", "col", "capt", "sgt", "jr", "sr", "mt", "ft", "approx", "est", "dept",
    "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m",
    // Russian: г. (год, город), гг., т.е., т.д., т.п., им., ул., пр., обл., сокращения чисел
    "г", "гг", "т.е", "т.д", "т.п", "т.к", "им", "ул", "пр", "просп", "пл", "обл", "св", "см",
    "ср", "др", "проф", "акад", "доц", "тыс", "млн", "млрд", "трлн", "руб", "долл", "коп", "ок",
    "гос", "зам", "ген", "гл", "стр", "вв", "н.э", "до н.э",
    // Kazakh: ж. (жыл, year), жж., т.б. (тағы басқа, etc.), ғ. (ғасыр, century), б.з.б. (BC)
    "ж", "жж", "т.б", "т.с.с", "ғ", "б.з.б", "мың",
    // Azerbaijani: və s. (və sairə, etc.), küç. (küçəsi, street), pr. (prospekti), şəh. (şəhəri,
    // city), akad., dos. (dosent), e.ə. (BC), mln., mlrd.
    "və s", "küç", "şəh", "akad", "dos", "e.ə", "mln", "mlrd",
    // Turkish: vb. (ve benzeri), vs. (vesaire), Doç., Yrd., Av., Sn. (Sayın), Cad., Sok., Mah.,
    // T.C., A.Ş., Şti., Bşk. (Başkan), Org., Alb., Yzb.
    "vb", "doç", "yrd", "av", "sn", "cad", "sok", "mah", "tel", "t.c", "a.ş", "şti", "bşk", "org",
    "alb", "yzb",
  ]
}
