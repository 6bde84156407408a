/// A compact table of frequent Han characters that exist in only one of the two
/// written forms of Chinese, for telling Simplified from Traditional text.
///
/// Each pair is a Simplified character and its Traditional form, chosen among the
/// commonest characters of news text where the simplification produced a new character
/// (这/這, 们/們, 国/國, 说/說, 经/經 …): 338 pairs. Pairs where the Simplified form is also
/// a Traditional character in its own right (后/後, 干/乾/幹, 里/裡, 台/臺, 面/麵, 范/範) are
/// left out, so a Traditional text never counts toward Simplified and the reverse. On the
/// 1000-article (Simplified) Sina corpus the Traditional halves occur 0 times in total,
/// while the Simplified halves are 24.5 % of all Han characters (207,622 of 846,543): an
/// article of a few hundred characters has dozens of deciding characters.
enum ScriptTable {
  /// Pairs "简繁": Simplified first, Traditional second.
  static let pairs =
    "这這们們个個来來时時为為说說国國会會发發经經对對过過还還学學进進种種样樣动動实實现現当當点點"
    + "没沒长長开開问問关關见見机機头頭间間员員边邊东東车車产產电電业業从從两兩无無与與质質体體"
    + "认認报報场場应應该該处處将將军軍区區记記计計论論设設许許话話语語请請让讓识識议議证證读讀"
    + "谁誰调調谈談讲講试試详詳评評变變总總给給结結统統级級线線组組织織约約红紅纪紀续續维維网網"
    + "际際陆陸阳陽阴陰队隊险險随隨书書买買卖賣费費贵貴资資货貨负負责責赛賽贸貿银銀钱錢铁鐵错錯"
    + "钟鐘镇鎮针針门門闻聞闭閉马馬鸟鳥鱼魚龙龍飞飛乐樂万萬亿億价價众眾优優伤傷传傳伟偉华華协協"
    + "单單卫衛历歷压壓县縣双雙听聽响響图圖团團园園围圍圆圓坏壞块塊坚堅备備夺奪妇婦妈媽孙孫宁寧"
    + "宝寶审審宪憲层層岁歲岛島币幣带帶师師帮幫广廣庆慶库庫废廢异異张張弹彈强強归歸录錄态態怀懷"
    + "忆憶战戰担擔择擇护護拥擁据據换換损損摄攝敌敵数數断斷旧舊显顯术術杂雜权權条條极極构構标標"
    + "树樹桥橋检檢楼樓欢歡气氣汉漢汤湯沟溝济濟浅淺测測浓濃热熱灭滅灵靈灾災爱愛犹猶狱獄环環疗療"
    + "盖蓋监監码碼确確礼禮祸禍离離积積称稱稳穩穷窮竞競笔筆简簡粮糧紧緊纸紙练練细細终終绝絕绩績"
    + "罗羅联聯职職聪聰肃肅胜勝脑腦脸臉艺藝节節苏蘇药藥获獲营營虽雖观觀视視览覽觉覺规規讨討训訓"
    + "访訪诉訴词詞译譯诗詩诚誠谢謝贝貝财財败敗账賬购購贴貼赔賠赵趙践踐转轉轮輪软軟轻輕载載较較"
    + "辆輛辑輯输輸达達迁遷运運远遠违違连連迟遲适適选選递遞邮郵邻鄰郑鄭释釋钢鋼链鏈锁鎖锋鋒闪閃"
    + "闯闖阵陣阶階陈陳难難雾霧静靜韩韓页頁顶頂项項顺順须須顾顧预預领領频頻题題颜顏风風饭飯饮飲"
    + "馆館驾駕验驗骗騙鸡雞麦麥齐齊"

  /// The CJK Unified Ideographs block, which holds every character of the table.
  private static let base: UInt32 = 0x4E00
  private static let span: UInt32 = 0xA000 - 0x4E00

  /// A byte per ideograph of the block: 1 when it is a Simplified-only character of the
  /// table, 2 when Traditional-only, else 0. A lookup is one load, no hashing and no branch.
  struct FormTable {
    fileprivate var forms = [UInt8](repeating: 0, count: Int(span))

    /// Whether `v` is a Simplified-only and whether a Traditional-only character of the
    /// table, as 0 or 1 each (at most one is 1): counts add them without a branch, since
    /// which form a character has is as good as random to the CPU.
    @inline(__always)
    func variantBits(of v: UInt32) -> (simplified: Int, traditional: Int) {
      guard v >= base, v < base + span else { return (0, 0) }
      let form = Int(forms[Int(v - base)])
      return (form & 1, form >> 1)
    }
  }

  /// The table's lookup. A hot loop holds a copy: reading a `static let` goes through its
  /// lazy initializer's check on every access, a call per character.
  static let formTable: FormTable = {
    var table = FormTable()
    // Traditional first, so that a character in both halves would count as Simplified.
    for (i, scalar) in pairs.unicodeScalars.enumerated() where i % 2 == 1 {
      table.forms[Int(scalar.value - base)] = 2
    }
    for (i, scalar) in pairs.unicodeScalars.enumerated() where i % 2 == 0 {
      table.forms[Int(scalar.value - base)] = 1
    }
    return table
  }()
}
