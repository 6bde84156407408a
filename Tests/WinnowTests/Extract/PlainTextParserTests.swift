import Testing

@testable import Winnow

extension ExtractTests {
  @Suite struct PlainTextParserTests {
    static func blocks(_ text: String, policy: SpacePolicy = .keep, gapBreak: Int = 0) -> [Block] {
      ExtractTestSupport.withBytes(text) {
        PlainTextParser(policy: policy, gapBreak: gapBreak).blocks($0)
      }
    }

    @Test func oneParagraphPerNonEmptyLine() {
      #expect(
        Self.blocks("  第一行 \r\n\r\n第二行\t有  空格\r第三行\u{2028}第四行\n   \n")
          == [
            Block(.paragraph, "第一行"), Block(.paragraph, "第二行 有 空格"), Block(.paragraph, "第三行"),
            Block(.paragraph, "第四行"),
          ])
    }

    @Test func invisibleCharactersAreDropped() {
      #expect(
        Self.blocks("中\u{200B}文\u{FEFF}字\u{AD}符\u{0}　全角空格") == [Block(.paragraph, "中文字符 全角空格")])
    }

    @Test func segmentedTextIsJoined() {
      let text = "美国 国务院 发言人 Ned Price 7 日 表示 ， 约 1500 名 示威者 在 “ 人民 大会 ” 上 ， 3 000 人"
      #expect(
        Self.blocks(text, policy: .joinSegmented)
          == [Block(.paragraph, "美国国务院发言人 Ned Price 7日表示，约1500名示威者在“人民大会”上，3 000人")])
    }

    @Test func wideGapEndsABlockInSegmentedText() {
      #expect(
        Self.blocks("标题 在 这里   正文 从 这里 开始  两个 空格 不算", policy: .joinSegmented, gapBreak: 3)
          == [Block(.paragraph, "标题在这里"), Block(.paragraph, "正文从这里开始两个空格不算")])
    }

    @Test func detectorTellsSegmentedFromProse() {
      let detector = SegmentationDetector(minimumRatio: 0.25, minimumCJKCount: 20)
      let segmented = "吉 反对派 占领 总统府   俄 驳斥 骚乱 与 俄 有关 说法 国际 在线 报道 （ 驻 中亚 记者 王 向东 ）"
      let prose = "哈萨克斯坦总统托卡耶夫宣布下周一为骚乱受害者全国哀悼日，记者 崔璞玉 报道，美国 国务院表示关切。"
      let korean = String(repeating: "대한민국 정부는 오늘 새로운 정책을 발표했다 ", count: 5)
      #expect(ExtractTestSupport.withBytes(segmented) { detector.isSegmented($0) })
      #expect(!ExtractTestSupport.withBytes(prose) { detector.isSegmented($0) })
      #expect(!ExtractTestSupport.withBytes(korean) { detector.isSegmented($0) })
      #expect(
        !ExtractTestSupport.withBytes("吉 反对派 占领") { detector.isSegmented($0) }, "too short to tell")
    }

    @Test func segmentationCanBeTurnedOff() throws {
      var config = ExtractConfig()
      config.joinSegmentedCJK = false
      let text = String(repeating: "吉 反对派 占领 总统府 ， ", count: 10)
      let article = try ExtractTestSupport.extract(text, format: .text, config: config)
      #expect(article.blocks.first?.text.hasPrefix("吉 反对派 占领") == true)
      let joined = try ExtractTestSupport.extract(text, format: .text)
      #expect(joined.blocks.first?.text.hasPrefix("吉反对派占领总统府，吉") == true)
    }

    @Test func segmentedHTMLIsJoinedToo() throws {
      let html = "<p>" + String(repeating: "俄罗斯 总理 普京 当天 驳斥 了 有关 报道 。 ", count: 5) + "</p>"
      let article = try ExtractTestSupport.extract(html, format: .html)
      #expect(article.blocks.count == 1)
      #expect(!ExtractTestSupport.hasSpaceBetweenCJK(article.blocks[0].text))
      #expect(article.blocks[0].text.hasPrefix("俄罗斯总理普京当天驳斥了有关报道。俄罗斯"))
    }
  }
}
