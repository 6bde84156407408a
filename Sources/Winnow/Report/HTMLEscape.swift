/// Escaping for everything the HTML report writes that it did not write itself: article
/// text, titles, sources, site names, rule names. Article text is untrusted input from
/// the web, so it must show as text and never become markup, an attribute or a script.
///
/// ```swift
/// HTMLEscape.text("<script>alert(1)</script>")  // "&lt;script&gt;alert(1)&lt;/script&gt;"
/// ```
public enum HTMLEscape {
  /// Text for element content and for double- or single-quoted attribute values:
  /// `& < > " '` become character references. Control characters other than tab and
  /// line feed are dropped (they are not allowed in HTML text).
  public static func text(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for scalar in s.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\t", "\n": out.unicodeScalars.append(scalar)
      default:
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// A string for a JSON or JavaScript literal inside `<script>`: besides JSON's own
  /// escapes, `<`, `>`, `&` and U+2028/2029 become `\uXXXX`, so `</script>` or `<!--`
  /// in the data cannot end or change the script element.
  public static func scriptString(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "<", ">", "&", "\u{2028}", "\u{2029}":
        out += "\\u" + hex4(scalar.value)
      default:
        if scalar.value < 0x20 {
          out += "\\u" + hex4(scalar.value)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  private static func hex4(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}
