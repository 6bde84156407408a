import Testing

@testable import Winnow

extension ExtractTests {
  @Suite struct CharacterReferenceTests {
    /// Decodes every reference in `text` the way HTML text content is read.
    static func decode(_ text: String, inAttribute: Bool = false) -> String {
      ExtractTestSupport.withBytes(text) { bytes in
        var scalars = String.UnicodeScalarView()
        var index = 0
        while index < bytes.count {
          if bytes[index] == UInt8(ascii: "&"),
            let reference = CharacterReference.decode(
              bytes, at: index, end: bytes.count, inAttribute: inAttribute)
          {
            scalars.append(Unicode.Scalar(reference.value) ?? "?")
            index = reference.next
          } else {
            let (value, next) = UTF8Decoding.scalar(in: bytes, at: index)
            scalars.append(Unicode.Scalar(value) ?? "?")
            index = next
          }
        }
        return String(scalars)
      }
    }

    @Test func namedReferences() {
      #expect(Self.decode("&lt;p&gt; &amp; &quot;x&quot; &apos;y&apos;") == "<p> & \"x\" 'y'")
      #expect(Self.decode("&copy;&reg;&middot;&hellip;&mdash;&ndash;") == "©®·…—–")
      #expect(Self.decode("&lsquo;&rsquo;&ldquo;&rdquo;&times;&divide;&deg;&plusmn;") == "‘’“”×÷°±")
      #expect(Self.decode("&laquo;&raquo;&bull;&yen;&euro;&nbsp;") == "«»•¥€\u{A0}")
      #expect(Self.decode("&Alpha;&omega;&sigmaf;&Omega;&hearts;&rArr;&thetasym;") == "ΑωςΩ♥⇒ϑ")
    }

    @Test func tableHasTheHTML4Set() {
      #expect(EntityTable.scalars.count >= 253)
      #expect(EntityTable.scalars["yuml"] == 0xFF && EntityTable.scalars["nbsp"] == 0xA0)
      #expect(EntityTable.scalars["Sigma"] == 0x3A3 && EntityTable.scalars["Rho"] == 0x3A1)
      #expect(EntityTable.scalars["diams"] == 0x2666 && EntityTable.scalars["euro"] == 0x20AC)
    }

    @Test func numericReferences() {
      #expect(Self.decode("&#20013;&#x6587;&#X6587;&#65") == "中文文A")
      #expect(
        Self.decode("&#0;&#xD800;&#x110000;&#99999999999;") == "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}")
      #expect(Self.decode("&#150;&#147;&#148;") == "–“”", "C1 controls read as Windows-1252")
      #expect(Self.decode("&#;&#x;&#abc;") == "&#;&#x;&#abc;")
    }

    @Test func unknownAndLegacyReferences() {
      #expect(Self.decode("&bogus; & &;") == "&bogus; & &;")
      #expect(Self.decode("&copy2024 &ampx") == "©2024 &x")
      #expect(Self.decode("&hellip") == "&hellip", "only legacy names work without a semicolon")
      #expect(Self.decode("?a=1&copy=2", inAttribute: true) == "?a=1&copy=2")
      #expect(Self.decode("?a=1&copy;=2", inAttribute: true) == "?a=1©=2")
    }
  }
}
