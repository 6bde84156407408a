import Foundation
import Testing

@testable import Winnow

extension ExtractTests {
  /// The five seed articles, extracted as the pipeline will see them.
  @Suite struct ExtractorSeedTests {
    static let seeds: [(file: String, format: InputFormat)] = [
      ("000_1654b156d270f3a6.txt", .text), ("001_542f59c99defaed9.txt", .markdown),
      ("002_43fb4c2225c36c2c.txt", .markdown), ("003_fb868feeb5aa8ae5.txt", .text),
      ("004_d890990bcb6bfe99.txt", .markdown),
    ]

    static func seed(_ index: Int) throws -> Article {
      let (file, format) = seeds[index]
      let content = try ExtractTestSupport.fixture("seeds/" + file)
      return try Extractor(config: ExtractConfig()).extract(
        ExtractTestSupport.document(content, format: format, path: "seeds/" + file))
    }

    @Test func frontMatterMetadataOf001() throws {
      let metadata = try Self.seed(1).metadata
      #expect(metadata.title == "哈萨克斯坦总统宅邸_陷入火海_，机场一度被占领")
      #expect(metadata.date == "Thu, 06 Jan 2022 09:29:36 GMT")
      #expect(metadata.author == "观察者网")
      #expect(metadata.categories == ["新媒体", "观察者网", "头条"])
      #expect(metadata.site == "观察者网")
      #expect(metadata.url == nil)
      #expect(metadata.extra == ["comments": "false"])
    }

    @Test func frontMatterMetadataOf002And004() throws {
      let second = try Self.seed(2).metadata
      #expect(second.title == "哈萨克斯坦动乱：托卡耶夫宣布哀悼 普京提议召开集安组织峰会")
      #expect(second.date == "Sat, 08 Jan 2022 11:58:24 GMT")
      #expect(second.author == "Aljazeera 半岛网")
      #expect(second.categories == ["新媒体", "Aljazeera 半岛网", "新闻"])
      #expect(second.site == "Aljazeera 半岛网")
      let fourth = try Self.seed(4).metadata
      #expect(fourth.title == "哈萨克斯坦：数十名暴徒被击毙，2名警察惨遭斩首")
      #expect(fourth.date == "Thu, 06 Jan 2022 19:31:05 GMT")
      #expect(fourth.author == "观察者网")
      #expect(fourth.categories == ["新媒体", "观察者网", "头条"])
      #expect(fourth.site == "观察者网")
    }

    @Test(arguments: 0..<5) func noMarkupOrFrontMatterInBlocks(index: Int) throws {
      let article = try Self.seed(index)
      #expect(!article.blocks.isEmpty)
      for block in article.blocks {
        #expect(!block.text.contains("<") && !block.text.contains(">"), "\(block.text)")
        #expect(!block.text.contains("&nbsp;") && !block.text.contains("&amp;"), "\(block.text)")
        #expect(!block.text.hasPrefix("title:") && !block.text.contains("---"), "\(block.text)")
        #expect(
          !block.text.contains("headimg") && !block.text.contains("https://"), "\(block.text)")
        #expect(
          block.text == block.text.trimmingCharacters(in: .whitespaces)
            && !block.text.contains("  "))
      }
    }

    @Test(arguments: 0..<5) func copiesDocumentFields(index: Int) throws {
      let article = try Self.seed(index)
      #expect(article.id == "seeds/" + Self.seeds[index].file)
      #expect(article.format == Self.seeds[index].format)
      #expect(article.byteCount > 5000)
    }

    @Test func captionAfterImageIn001() throws {
      let blocks = try Self.seed(1).blocks
      #expect(blocks.contains(Block(.caption, "阿拉木图机场 （资料图）")))
      #expect(blocks.contains(Block(.caption, "托卡耶夫发表讲话 图自外媒")))
      #expect(
        blocks.first == Block(.paragraph, "【文/观察者网 鞠峰】"),
        "a bare header image is not a caption's image")
      #expect(
        blocks.filter { $0.kind == .caption }.map(\.text) == [
          "阿拉木图机场 （资料图）", "阿拉木图市长办公室被示威者破坏 图自外媒", "网络媒体截图", "电话通讯被切断 图自社交媒体",
          "阿拉木图政府大楼出现火情 图自外媒", "托卡耶夫发表讲话 图自外媒",
        ])
      #expect(blocks.contains(Block(.paragraph, "路透社从消息人士处得知，由于机场事态，从阿拉木图起飞的所有航班已经被临时取消。")))
      #expect(blocks.last == Block(.paragraph, "本文系观察者网独家稿件，未经授权，不得转载。"))
    }

    @Test func headingAndFigureIn002() throws {
      let blocks = try Self.seed(2).blocks
      #expect(blocks.contains(Block(.heading, "逮捕与革职")))
      #expect(blocks.contains(Block(.heading, "国际呼吁")))
      #expect(blocks.contains(Block(.caption, "鉴于国内局势的动荡，哈萨克斯坦安全部队在首都努尔苏丹设立了大量的检查站（路透社）")))
      #expect(!blocks.contains { $0.text.contains("Nur-Sultan") }, "alt text is not text")
    }

    @Test func segmentedPlainTextIsJoined() throws {
      let blocks = try Self.seed(0).blocks
      #expect(blocks.count == 2)
      #expect(blocks[0] == Block(.paragraph, "吉反对派占领总统府"))
      #expect(blocks[1].text.hasPrefix("俄驳斥骚乱与俄有关说法国际在线报道（驻中亚记者王向东）：吉尔吉斯斯坦7日发生大规模骚乱，"))
      for block in blocks {
        #expect(!ExtractTestSupport.hasSpaceBetweenCJK(block.text))
      }
      let body = blocks[1].text
      #expect(body.contains("7日"))
      #expect(body.contains("40多人丧生，400多人受伤"))
      #expect(body.contains("迈克·哈默7号说"))
      #expect(body.contains("“阿塔—梅肯”（祖国）党"))
      #expect(try Self.seed(0).metadata.title == nil)
    }

    @Test func plainTextLinesOf003() throws {
      let content = try ExtractTestSupport.fixture("seeds/003_fb868feeb5aa8ae5.txt")
      let lines = content.split(whereSeparator: \.isNewline).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      .filter { !$0.isEmpty }
      let blocks = try Self.seed(3).blocks
      #expect(blocks.count == lines.count)
      #expect(blocks.map(\.text) == lines)
      #expect(blocks.allSatisfy { $0.kind == .paragraph })
      #expect(blocks.contains(Block(.paragraph, "记者 崔璞玉")), "plain text keeps its spaces")
    }
  }
}
