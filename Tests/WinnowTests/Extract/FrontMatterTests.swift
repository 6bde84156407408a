import Testing

@testable import Winnow

extension ExtractTests {
  @Suite struct FrontMatterTests {
    static func locate(_ text: String) -> (yaml: String, firstLine: Int, body: String)? {
      ExtractTestSupport.withBytes(text) { bytes in
        FrontMatter.locate(in: bytes).map {
          (
            UTF8Decoding.string(bytes, $0.yaml), $0.firstLine,
            UTF8Decoding.string(bytes, $0.bodyStart..<bytes.count)
          )
        }
      }
    }

    @Test func locatesAfterBlankLinesAndBOM() throws {
      let found = try #require(Self.locate("\u{FEFF}\n\n---\ntitle: x\n---\nbody\n"))
      #expect(found.yaml == "title: x\n")
      #expect(found.firstLine == 4)
      #expect(found.body == "body\n")
      #expect(Self.locate("---\na: 1\n...\nrest")?.body == "rest")
      #expect(Self.locate("---\r\na: 1\r\n---\r\nrest")?.yaml == "a: 1\r\n")
    }

    @Test func noFrontMatterWithoutDelimiters() {
      #expect(Self.locate("# Title\n---\n") == nil)
      #expect(Self.locate("---\nno closing line\n") == nil)
      #expect(Self.locate(" ---\na: 1\n---\n") == nil)
    }

    @Test func brokenYAMLThrowsWithPosition() {
      let markdown = "\n---\ntitle: '未闭合\ncategories: [a, b\n---\n<p>正文</p>\n"
      let unclosed = #expect(throws: ExtractFailure.self) {
        _ = try ExtractTestSupport.extract(markdown, format: .markdown)
      }
      let message = unclosed?.message ?? ""
      #expect(message.hasPrefix("invalid YAML front matter at line "), "\(message)")
      #expect(message.contains(", column ") && message.contains("(document line "), "\(message)")
      let failure = #expect(throws: ExtractFailure.self) {
        _ = try ExtractTestSupport.extract("---\ntitle: a\n  b: c\n---\nx", format: .markdown)
      }
      #expect(failure?.message.contains("line 2, column") == true, "\(failure?.message ?? "")")
      #expect(failure?.message.contains("document line 3") == true, "\(failure?.message ?? "")")
    }

    @Test func nonMappingThrows() {
      #expect(throws: ExtractFailure.self) {
        _ = try ExtractTestSupport.extract("---\n- a\n- b\n---\nbody", format: .markdown)
      }
    }

    @Test func emptyFrontMatterIsNoMetadata() throws {
      let article = try ExtractTestSupport.extract("---\n---\n正文", format: .markdown)
      #expect(article.metadata == Metadata())
      #expect(article.blocks == [Block(.paragraph, "正文")])
    }

    @Test func fieldNamesAndFallbacks() throws {
      let yaml = """
        Title: "  多余   空格 "
        category: 国际
        source_url: https://www.Example.com:8080/a?b=1
        author: [甲, 乙]
        thumbnail: a.jpg
        cover_image: b.jpg
        draft: true
        weight: 3
        empty:
        tags: [x, y]
        """
      let metadata = try FrontMatter.metadata(yaml: yaml, firstLine: 2)
      #expect(metadata.title == "多余 空格")
      #expect(metadata.categories == ["国际"])
      #expect(metadata.url == "https://www.Example.com:8080/a?b=1")
      #expect(metadata.author == "甲, 乙")
      #expect(metadata.site == nil, "fallbacks are the extractor's")
      #expect(metadata.extra == ["draft": "true", "weight": "3"])
      let article = try ExtractTestSupport.extract("---\n\(yaml)\n---\n正文", format: .markdown)
      #expect(article.metadata.site == "www.example.com")
      let named = try ExtractTestSupport.extract(
        "---\nsite: 新华网\nlink: http://x.cn/1\n---\n正文", format: .markdown)
      #expect(named.metadata.site == "新华网")
      #expect(named.metadata.url == "http://x.cn/1")
    }
  }
}
