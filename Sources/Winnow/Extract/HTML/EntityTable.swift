/// Named character references: the whole HTML 4 set (Latin-1, symbols and
/// Greek, special characters) plus `apos` and the HTML 5 names that show up in
/// crawled pages.
///
/// A static table rather than Foundation: entity decoding sits in the hot
/// loop of every text run, and these ~280 names cover what news pages use.
enum EntityTable {
  /// Scalar value of each name (case-sensitive, without `&` and `;`).
  static let scalars: [String: UInt32] = {
    var table: [String: UInt32] = [:]
    for (offset, name) in latin1Names.enumerated() {
      table[name] = 0xA0 + UInt32(offset)
    }
    for (name, value) in special { table[name] = value }
    for (name, value) in symbols { table[name] = value }
    for (name, value) in html5Extras { table[name] = value }
    return table
  }()

  /// Names that browsers also decode without a closing semicolon ("&copy2024"):
  /// the Latin-1 set and the four markup escapes, in both cases where HTML 5 has them.
  static let legacyNames: Set<String> = Set(latin1Names).union([
    "amp", "lt", "gt", "quot", "AMP", "LT", "GT", "QUOT", "COPY", "REG",
  ])

  /// The length of the longest name: a longer run of letters is not looked up.
  static let longestName = scalars.keys.map(\.utf8.count).max() ?? 0

  /// The length of the longest legacy name ("frac14", "middot").
  static let longestLegacyName = legacyNames.map(\.utf8.count).max() ?? 0

  /// HTMLlat1: the names of U+00A0 through U+00FF, in code point order.
  private static let latin1Names = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect",
    "uml", "copy", "ordf", "laquo", "not", "shy", "reg", "macr",
    "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot",
    "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil",
    "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml",
    "ETH", "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times",
    "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN", "szlig",
    "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
    "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml",
    "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml", "divide",
    "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml",
  ]

  /// HTMLspecial: markup escapes, Latin Extended, spacing and typographic marks.
  private static let special: [(String, UInt32)] = [
    ("quot", 34), ("amp", 38), ("apos", 39), ("lt", 60), ("gt", 62),
    ("OElig", 338), ("oelig", 339), ("Scaron", 352), ("scaron", 353), ("Yuml", 376),
    ("circ", 710), ("tilde", 732), ("ensp", 8194), ("emsp", 8195), ("thinsp", 8201),
    ("zwnj", 8204), ("zwj", 8205), ("lrm", 8206), ("rlm", 8207), ("ndash", 8211),
    ("mdash", 8212), ("lsquo", 8216), ("rsquo", 8217), ("sbquo", 8218), ("ldquo", 8220),
    ("rdquo", 8221), ("bdquo", 8222), ("dagger", 8224), ("Dagger", 8225), ("permil", 8240),
    ("lsaquo", 8249), ("rsaquo", 8250), ("euro", 8364),
  ]

  /// HTMLsymbol: Greek, punctuation, letter-like symbols, arrows, mathematics, shapes.
  private static let symbols: [(String, UInt32)] =
    [("fnof", 402)] + greek + [
      ("thetasym", 977), ("upsih", 978), ("piv", 982),
      ("bull", 8226), ("hellip", 8230), ("prime", 8242), ("Prime", 8243), ("oline", 8254),
      ("frasl", 8260), ("weierp", 8472), ("image", 8465), ("real", 8476), ("trade", 8482),
      ("alefsym", 8501), ("larr", 8592), ("uarr", 8593), ("rarr", 8594), ("darr", 8595),
      ("harr", 8596), ("crarr", 8629), ("lArr", 8656), ("uArr", 8657), ("rArr", 8658),
      ("dArr", 8659), ("hArr", 8660), ("forall", 8704), ("part", 8706), ("exist", 8707),
      ("empty", 8709), ("nabla", 8711), ("isin", 8712), ("notin", 8713), ("ni", 8715),
      ("prod", 8719), ("sum", 8721), ("minus", 8722), ("lowast", 8727), ("radic", 8730),
      ("prop", 8733), ("infin", 8734), ("ang", 8736), ("and", 8743), ("or", 8744),
      ("cap", 8745), ("cup", 8746), ("int", 8747), ("there4", 8756), ("sim", 8764),
      ("cong", 8773), ("asymp", 8776), ("ne", 8800), ("equiv", 8801), ("le", 8804),
      ("ge", 8805), ("sub", 8834), ("sup", 8835), ("nsub", 8836), ("sube", 8838),
      ("supe", 8839), ("oplus", 8853), ("otimes", 8855), ("perp", 8869), ("sdot", 8901),
      ("lceil", 8968), ("rceil", 8969), ("lfloor", 8970), ("rfloor", 8971),
      ("lang", 10216), ("rang", 10217), ("loz", 9674),
      ("spades", 9824), ("clubs", 9827), ("hearts", 9829), ("diams", 9830),
    ]

  /// Greek capitals Α–Ω (no final-sigma capital at U+03A2) and small letters α–ω.
  private static let greek: [(String, UInt32)] = {
    let capitals = [
      "Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota", "Kappa",
      "Lambda", "Mu", "Nu", "Xi", "Omicron", "Pi", "Rho", "", "Sigma", "Tau", "Upsilon", "Phi",
      "Chi", "Psi", "Omega",
    ]
    let smalls = [
      "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
      "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigmaf", "sigma", "tau", "upsilon",
      "phi", "chi", "psi", "omega",
    ]
    let upper = capitals.enumerated().filter { !$0.element.isEmpty }.map {
      ($0.element, 0x391 + UInt32($0.offset))
    }
    let lower = smalls.enumerated().map { ($0.element, 0x3B1 + UInt32($0.offset)) }
    return upper + lower
  }()

  /// HTML 5 names beyond HTML 4 that editors and CMSs emit.
  private static let html5Extras: [(String, UInt32)] = [
    ("Tab", 9), ("NewLine", 10), ("excl", 33), ("num", 35), ("dollar", 36), ("percnt", 37),
    ("lpar", 40), ("rpar", 41), ("ast", 42), ("plus", 43), ("comma", 44), ("period", 46),
    ("sol", 47), ("colon", 58), ("semi", 59), ("equals", 61), ("quest", 63), ("commat", 64),
    ("lsqb", 91), ("bsol", 92), ("rsqb", 93), ("lowbar", 95), ("grave", 96), ("lcub", 123),
    ("verbar", 124), ("rcub", 125), ("nbsp", 160), ("hyphen", 8208), ("dash", 8208),
    ("horbar", 8213), ("nldr", 8229), ("mldr", 8230), ("bullet", 8226), ("centerdot", 183),
    ("emsp13", 8196), ("emsp14", 8197), ("numsp", 8199), ("puncsp", 8200), ("hairsp", 8202),
    ("ZeroWidthSpace", 8203), ("NoBreak", 8288), ("check", 10003), ("cross", 10007),
    ("star", 9734), ("starf", 9733), ("phone", 9742), ("female", 9792), ("male", 9794),
    ("larrb", 8676), ("rarrb", 8677), ("trade", 8482), ("TRADE", 8482), ("copysr", 8471),
  ]
}
