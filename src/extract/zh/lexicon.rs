//! The generic Chinese word lists the extractors read: title suffixes, common
//! surnames, the characters that never stand inside a person's name, and the words
//! that may follow a name.
//!
//! Nothing here names a person, a place or an article: the lists are the closed
//! vocabulary of the genre (`书记`, `省长`, `主持`, `出席`) and the standard list of
//! common Chinese family names.
//!
//! Reads: title endings (`…书记`, `…省长`, `…主席`, `…秘书长`, `…董事长`, `…记者`),
//! words after a name (`主持`, `出席`, `讲话`, `强调`, `等`, `在`), and the people
//! nouns that end a body of attendees (`…负责同志`, `…成员`, `…专家学者`).

/// Endings of a title written before a name (`省委书记`, `国务院副总理`,
/// `中国中化集团董事长`). A title is any phrase that ends with one of these.
pub(super) const TITLE_SUFFIXES: &[&str] = &[
    "经济师",
    "审计师",
    "顾问",
    "参谋长",
    "助理",
    "庭长",
    "法官",
    "厂长",
    "矿长",
    "园长",
    "支书",
    "主持人",
    "发言人",
    "理事",
    "队长",
    "科长",
    "站长",
    "党员",
    "监事长",
    "委员长",
    "议长",
    "总干事",
    "外长",
    "首相",
    "国王",
    "女王",
    "王储",
    "书记",
    "省长",
    "市长",
    "县长",
    "区长",
    "州长",
    "镇长",
    "乡长",
    "村长",
    "主席",
    "部长",
    "主任",
    "委员",
    "常委",
    "总理",
    "秘书长",
    "董事长",
    "董事",
    "总经理",
    "经理",
    "院长",
    "校长",
    "组长",
    "局长",
    "厅长",
    "处长",
    "司长",
    "署长",
    "行长",
    "社长",
    "会长",
    "理事长",
    "团长",
    "馆长",
    "所长",
    "台长",
    "主编",
    "总编辑",
    "记者",
    "通讯员",
    "调研员",
    "巡视员",
    "规划师",
    "工程师",
    "会计师",
    "总裁",
    "总监",
    "CEO",
    "检察长",
    "大使",
    "领导",
    "成员",
    "代表",
    "教授",
    "研究员",
    "工作者",
    "负责人",
    "教育长",
    "政委",
    "司令员",
    "参事",
    "议员",
    "首相",
    "总统",
    "院士",
    "专家",
    "教练",
    "局长",
];

/// Common Chinese family names (single characters).
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由归多旦次扎达格习鄂郇钮逄仉晏";

/// Two-character family names.
const COMPOUND_SURNAMES: &[&str] = &[
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文",
    "司徒", "夏侯", "端木", "轩辕", "西门", "独孤", "南宫",
];

/// A set of characters of the Basic Multilingual Plane, one bit per code point:
/// a membership test is one load, not a scan of the list's text.
pub(super) struct CharBits([u64; 1024]);

impl CharBits {
    /// The characters of `s` (all in the Basic Multilingual Plane; checked when the
    /// constant is evaluated).
    const fn of(s: &str) -> CharBits {
        let b = s.as_bytes();
        let mut bits = [0u64; 1024];
        let mut i = 0;
        while i < b.len() {
            let u = CharBits::decode(b, i);
            bits[(u >> 6) as usize] |= 1 << (u & 63);
            i += if b[i] < 0x80 {
                1
            } else if b[i] < 0xE0 {
                2
            } else {
                3
            };
        }
        CharBits(bits)
    }

    /// The first (or, with `last`, the last) character of each word.
    pub(super) const fn of_each(words: &[&str], last: bool) -> CharBits {
        let mut bits = [0u64; 1024];
        let mut k = 0;
        while k < words.len() {
            let b = words[k].as_bytes();
            let mut i = 0;
            if last {
                i = b.len() - 1;
                while b[i] & 0xC0 == 0x80 {
                    i -= 1;
                }
            }
            let u = CharBits::decode(b, i);
            bits[(u >> 6) as usize] |= 1 << (u & 63);
            k += 1;
        }
        CharBits(bits)
    }

    /// The code point of the Basic Multilingual Plane whose UTF-8 starts at `b[i]`.
    const fn decode(b: &[u8], i: usize) -> u32 {
        if b[i] < 0x80 {
            b[i] as u32
        } else if b[i] < 0xE0 {
            (((b[i] & 0x1F) as u32) << 6) | (b[i + 1] & 0x3F) as u32
        } else if b[i] < 0xF0 {
            (((b[i] & 0x0F) as u32) << 12)
                | (((b[i + 1] & 0x3F) as u32) << 6)
                | (b[i + 2] & 0x3F) as u32
        } else {
            panic!("CharBits holds characters of the Basic Multilingual Plane only")
        }
    }

    /// Adds `c` (a character of the Basic Multilingual Plane).
    fn insert(&mut self, c: char) {
        let u = c as u32;
        assert!(
            u < 0x1_0000,
            "CharBits holds characters of the Basic Multilingual Plane only"
        );
        self.0[(u >> 6) as usize] |= 1 << (u & 63);
    }

    /// The characters of both sets.
    const fn or(self, other: CharBits) -> CharBits {
        let mut bits = self.0;
        let mut i = 0;
        while i < bits.len() {
            bits[i] |= other.0[i];
            i += 1;
        }
        CharBits(bits)
    }

    /// True when `c` is in the set.
    #[inline]
    pub(super) fn contains(&self, c: char) -> bool {
        let u = c as u32;
        u < 0x1_0000 && (self.0[(u >> 6) as usize] >> (u & 63)) & 1 == 1
    }
}

static SURNAME_BITS: CharBits = CharBits::of(SURNAMES);

/// True for a common family name character.
pub(super) fn is_surname(c: char) -> bool {
    SURNAME_BITS.contains(c)
}

/// The first characters of the two-character family names.
static COMPOUND_FIRST: CharBits = CharBits::of_each(COMPOUND_SURNAMES, false);

/// True when `s` starts with a two-character family name.
pub(super) fn starts_with_compound_surname(s: &str) -> bool {
    s.chars().next().is_some_and(|c| COMPOUND_FIRST.contains(c))
        && COMPOUND_SURNAMES.iter().any(|p| s.starts_with(p))
}

/// Characters that never stand inside a person's name in this genre (function
/// words, administrative nouns, role verbs).
const NON_NAME: &str = "的了在是对等各省市县区委党会议们这那个被把将从到都并就还又要部局厅院处办司团组记席副主任员镇乡村街央讲话持出加参致辞调指表示求说召开举行届次兼体我你您他她它所该此级请让负责领导贯彻位额";

/// Characters that are rare inside names and common around them (`也`, `和`, `为`,
/// `月`): allowed only where the name's end is certain.
const RARE_IN_NAME: &str = "也和为有向其之时与及月日年";

static NON_NAME_BITS: CharBits = CharBits::of(NON_NAME);
static RARE_IN_NAME_BITS: CharBits = CharBits::of(RARE_IN_NAME);

/// True for a character that may stand inside a name.
pub(super) fn is_name_char(c: char) -> bool {
    (crate::text::is_cjk(c) || c == '\u{FFFD}')
        && !NON_NAME_BITS.contains(c)
        && !RARE_IN_NAME_BITS.contains(c)
}

/// True for a character that may stand inside a name whose end is certain.
pub(super) fn is_name_char_loose(c: char) -> bool {
    (crate::text::is_cjk(c) || c == '\u{FFFD}') && !NON_NAME_BITS.contains(c)
}

/// True for the middle dots of transliterated names (`雪克来提・扎克尔`).
pub(super) fn is_name_dot(c: char) -> bool {
    matches!(c, '・' | '·' | '•' | '‧' | '･' | '∙')
}

/// Words that may follow a name and make a strong boundary: role and reporting verbs.
pub(super) const STRONG_AFTER: &[&str] = &[
    "主持", "出席", "参加", "列席", "讲话", "致辞", "发言", "强调", "指出", "表示", "要求", "陪同",
    "看望", "慰问", "会见", "会谈", "调研", "考察", "视察",
];

/// Words that may follow a name: fillers, prepositions, other predicates.
pub(super) const WEAK_AFTER: &[&str] = &[
    "亲自",
    "指导",
    "检查",
    "主讲",
    "宣讲",
    "讲授",
    "察看",
    "高度",
    "肯定",
    "勉励",
    "叮嘱",
    "寄语",
    "鼓励",
    "称赞",
    "走进",
    "带队",
    "率队",
    "率团",
    "当天",
    "获得",
    "荣获",
    "被",
    "汇报",
    "致",
    "宣布",
    "现场",
    "仔细",
    "逐一",
    "再次",
    "最后",
    "特别",
    "专门",
    "热情",
    "深情",
    "作出",
    "发出",
    "致信",
    "致电",
    "回信",
    "拜访",
    "见证",
    "签署",
    "看到",
    "了解",
    "听",
    "问",
    "强调",
    "出任",
    "兼任",
    "任",
    "举行",
    "全面",
    "深刻",
    "系统",
    "应邀",
    "进行",
    "不再",
    "辞去",
    "参会",
    "等",
    "同志",
    "在",
    "作",
    "对",
    "就",
    "与",
    "和",
    "及",
    "同",
    "向",
    "先后",
    "分别",
    "也",
    "一同",
    "一起",
    "共同",
    "还",
    "深入",
    "前往",
    "来到",
    "率",
    "带领",
    "担任",
    "当选",
    "宣读",
    "通报",
    "传达",
    "围绕",
    "结合",
    "听取",
    "参观",
    "实地",
    "首先",
    "随后",
    "回应",
    "认为",
    "希望",
    "提出",
    "介绍",
    "说",
    "代表",
    "发表",
    "以",
    "为",
    "从",
    "今天",
    "近日",
    "充分",
    "认真",
    "亲切",
    "详细",
    "专程",
    "报道",
    "谈到",
    "主张",
    "到",
    "赴",
    "一行",
    "总书记",
    "同",
    "充满",
    "并",
];

/// Nouns that end a phrase naming a body of people (`省直有关部门负责同志`).
pub(super) const BODY_NOUNS: &[&str] = &[
    "同志",
    "负责人",
    "成员",
    "人员",
    "代表",
    "委员",
    "专家",
    "学者",
    "干部",
    "党员",
    "群众",
    "人士",
    "领导",
    "职工",
    "会员",
    "员工",
    "师生",
    "嘉宾",
    "书记",
    "院长",
    "检察长",
    "主任",
    "部长",
    "企业家",
    "工作者",
    "人",
];

/// Titles of heads of state and foreign or international offices, after which a
/// transliterated name stands (`哈萨克斯坦总统托卡耶夫`).
const FOREIGN_TITLES: &[&str] = &[
    "总统",
    "总理",
    "首相",
    "国王",
    "女王",
    "王储",
    "外长",
    "外交部长",
    "大使",
    "议长",
    "总干事",
    "秘书长",
    "主席",
    "副总统",
    "亲王",
    "苏丹",
    "埃米尔",
];

/// True when `s` ends with a title of a foreign or international office.
pub(super) fn ends_with_foreign_title(s: &str) -> bool {
    FOREIGN_TITLES.iter().any(|t| s.ends_with(t))
}

/// True when `s` ends with a title suffix.
pub(super) fn ends_with_title(s: &str) -> bool {
    title_suffixes().matches(s)
}

/// Words of a list indexed by their first (or last) character, so that "does the
/// text start (end) with one of them" looks at a handful of words, not the list.
/// A bit per key character answers "no" for most characters without a lookup.
pub(super) struct WordIndex {
    keys: CharBits,
    /// The words by key character, sorted by it.
    by_char: Vec<(char, Vec<&'static str>)>,
    from_end: bool,
}

impl WordIndex {
    fn new(words: &[&'static str], from_end: bool) -> WordIndex {
        let mut keys = CharBits([0; 1024]);
        let mut by_char: Vec<(char, Vec<&'static str>)> = Vec::new();
        for w in words {
            let c = if from_end {
                w.chars().next_back()
            } else {
                w.chars().next()
            };
            if let Some(c) = c {
                keys.insert(c);
                match by_char.binary_search_by_key(&c, |e| e.0) {
                    Ok(k) => by_char[k].1.push(w),
                    Err(k) => by_char.insert(k, (c, vec![w])),
                }
            }
        }
        WordIndex {
            keys,
            by_char,
            from_end,
        }
    }

    /// True when `s` starts (or, for an end index, ends) with one of the words.
    #[inline]
    pub(super) fn matches(&self, s: &str) -> bool {
        let c = if self.from_end {
            s.chars().next_back()
        } else {
            s.chars().next()
        };
        c.is_some_and(|c| self.matches_at(s, c))
    }

    /// [`WordIndex::matches`] when the caller knows the key character `c` of `s`
    /// (its first, or for an end index its last).
    #[inline]
    pub(super) fn matches_at(&self, s: &str, c: char) -> bool {
        self.keys.contains(c) && self.lookup(s, c)
    }

    /// [`WordIndex::matches_at`] past the test of the key character's bit.
    #[inline(never)]
    fn lookup(&self, s: &str, c: char) -> bool {
        let Ok(k) = self.by_char.binary_search_by_key(&c, |e| e.0) else {
            return false;
        };
        let list = &self.by_char[k].1;
        let b = s.as_bytes();
        // Byte by byte from the key character inwards: words of one key character
        // mostly differ in the character next to it, so a mismatch shows at once
        // (no call to memcmp per word).
        if self.from_end {
            list.iter().any(|w| {
                let w = w.as_bytes();
                w.len() <= b.len() && w.iter().rev().zip(b.iter().rev()).all(|(x, y)| x == y)
            })
        } else {
            list.iter().any(|w| {
                let w = w.as_bytes();
                w.len() <= b.len() && w.iter().zip(b).all(|(x, y)| x == y)
            })
        }
    }
}

/// Title suffixes by their last character.
pub(super) fn title_suffixes() -> &'static WordIndex {
    static I: std::sync::OnceLock<WordIndex> = std::sync::OnceLock::new();
    I.get_or_init(|| WordIndex::new(TITLE_SUFFIXES, true))
}

/// Strong words after a name, by their first character.
pub(super) fn strong_after() -> &'static WordIndex {
    static I: std::sync::OnceLock<WordIndex> = std::sync::OnceLock::new();
    I.get_or_init(|| WordIndex::new(STRONG_AFTER, false))
}

/// Weak words after a name, by their first character.
pub(super) fn weak_after() -> &'static WordIndex {
    static I: std::sync::OnceLock<WordIndex> = std::sync::OnceLock::new();
    I.get_or_init(|| WordIndex::new(WEAK_AFTER, false))
}

/// Body nouns by their last character.
fn body_nouns() -> &'static WordIndex {
    static I: std::sync::OnceLock<WordIndex> = std::sync::OnceLock::new();
    I.get_or_init(|| WordIndex::new(BODY_NOUNS, true))
}

/// True when `s` ends with a noun for people.
pub(super) fn ends_with_body_noun(s: &str) -> bool {
    body_nouns().matches(s) || ends_with_title(s)
}

/// True when some prefix of `s` ends with a noun for people: `s` holds one.
pub(super) fn holds_body_noun(s: &str) -> bool {
    static ENDS: CharBits =
        CharBits::of_each(BODY_NOUNS, true).or(CharBits::of_each(TITLE_SUFFIXES, true));
    let (b, t) = (body_nouns(), title_suffixes());
    s.char_indices().any(|(i, c)| {
        ENDS.contains(c) && {
            let head = &s[..i + c.len_utf8()];
            b.matches_at(head, c) || t.matches_at(head, c)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surnames_and_name_chars() {
        assert!(is_surname('王'));
        assert!(is_surname('于'));
        assert!(!is_surname('的'));
        assert!(starts_with_compound_surname("欧阳明"));
        assert!(is_name_char('峰'));
        assert!(!is_name_char('省'));
        assert!(is_name_char('\u{FFFD}'));
        assert!(is_name_dot('・'));
    }

    #[test]
    fn titles_and_bodies() {
        assert!(ends_with_title("省委书记"));
        assert!(ends_with_title("国务院副总理"));
        assert!(!ends_with_title("座谈会"));
        assert!(ends_with_body_noun("省直有关部门负责同志"));
    }
}
