"""The query set search is held to: everyday queries drawn from the site's own text.

tests/test_browser_search.py types each into the search of its language's pages and compares
the results with the pages whose text contains the query, found by a plain substring scan of
the built pages (ignoring case, whitespace and invisible characters): every such page in the
top 10 (or the top 10 all such pages when there are more), and no page of another language.
The expected pages are never written here: they follow from the built site.
"""

from site_files import DEFAULT, OTHER

# (query, what it checks), searched on the pages of the default language (Thai).
THAI = [
    # whole words
    ("สำนักงาน", "a word on almost every page"),
    ("สิ่งแวดล้อม", "a word inside compounds: ส่วนควบคุมคุณภาพสิ่งแวดล้อม"),
    ("ประชุม", "the start of ประชุมเชิงปฏิบัติการ"),
    ("บุคลากร", "ends a compound: การพัฒนาศักยภาพบุคลากร"),
    ("นวัตกรรม", "in สร้างนวัตกรรม, นวัตกรรมการบริการ"),
    ("ชลบุรี", "in parentheses: (ชลบุรี)"),
    ("เว็บไซต์", "a loanword"),
    ("ประชาชน", "ends ประโยชน์สุขประชาชน"),
    ("ธรรมาภิบาล", "a word on two pages"),
    ("แป้นพิมพ์", "a word on one page"),
    ("ดิจิทัล", "a loanword inside ความเป็นดิจิทัล"),
    ("เบราว์เซอร์", "a loanword with a mark in the middle"),
    ("คุกกี้", "a word on the privacy page only"),
    ("ปฏิบัติการ", "a word that also ends ประชุมเชิงปฏิบัติการ"),
    # word parts in the middle of compounds
    ("คุณภาพสิ่ง", "the middle of ส่วนควบคุมคุณภาพสิ่งแวดล้อม, across a word boundary"),
    ("วดล้อม", "no word at all: the end of สิ่งแวดล้อม"),
    ("ทรัพยากรธรรม", "the middle of กระทรวงทรัพยากรธรรมชาติ"),
    ("ปลัดกระทรวง", "the middle of สำนักงานปลัดกระทรวงทรัพยากร…"),
    ("สัมฤทธิ์", "the end of ผลสัมฤทธิ์"),
    ("ทัศน์", "the end of วิสัยทัศน์"),
    ("ศักยภาพ", "the middle of การพัฒนาศักยภาพบุคลากร"),
    ("ยุทธศาสตร์ชาติ", "two words inside ผลยุทธศาสตร์ชาติและ"),
    ("สารสนเทศ", "inside ข้อมูลและสารสนเทศมากำหนด"),
    ("พึงพอใจ", "the middle of ความพึงพอใจ"),
    ("ต้นทุน", "the middle of การลดต้นทุน"),
    ("เลือนราง", "ends มองเห็นเลือนราง"),
    ("ความโปร่งใส", "ends สร้างความโปร่งใส"),
    ("วัฒนธรรม", "inside การสร้างวัฒนธรรมการทำงาน"),
    # phrases written without spaces
    ("ประชุมเชิงปฏิบัติการ", "three words"),
    ("การจัดการความรู้", "three words, the title of category 4"),
    ("ผู้รับบริการและผู้มีส่วนได้ส่วนเสีย", "a long phrase from category 3"),
    ("ส่วนยุทธศาสตร์และแผนสิ่งแวดล้อม", "the name of a section of the office"),
    ("คะแนนของหมวดคือค่าเฉลี่ย", "a sentence's start"),
    ("ความสามารถในการแข่งขัน", "four words"),
    ("สร้างแรงจูงใจ", "two words"),
    ("ระบบราชการ4.0", "written without the space of ระบบราชการ 4.0"),
    ("กรกฎาคม2561", "a Buddhist Era date without its space"),
    ("ภาคที่13", "Thai and digits without the space"),
    # prefixes: what is typed before the word is finished
    ("สิ่งแวด", "the start of สิ่งแวดล้อม"),
    ("ประชุมเชิงปฏิ", "an unfinished last word"),
    ("นวัต", "the start of นวัตกรรม"),
    ("ชลบ", "the start of ชลบุรี"),
    # Thai with digits, Latin and punctuation
    ("PMQA 4.0", "Latin letters and a version number"),
    ("หมวด 7", "a category, with the space"),
    ("หมวด7", "a category, without the space"),
    ("หมวด 1", "a category whose number begins other numbers (1.1, 10)"),
    ("เกณฑ์ PMQA", "Thai and Latin"),
    ("ก.พ.ร.", "an abbreviation with dots"),
    ("พ.ศ. 2562", "an abbreviation and a year, with a space the text lacks"),
    ("ระดับพื้นฐาน 300", "a level and its points"),
]

# Queries one character away from the site's words: they must find nothing.
THAI_NOT_FOUND = [
    "ประชุน",  # ประชุม
    "สิ่งแวดล้อน",  # สิ่งแวดล้อม
    "ยุทธศาสตน์",  # ยุทธศาสตร์
    "บุคลากล",  # บุคลากร
    "นวัตกรรน",  # นวัตกรรม
    "ชลบุลี",  # ชลบุรี
    "ประเมินตนเอก",  # ประเมินตนเอง
    "หมวด 8",  # there are seven categories
]

# (query, what it checks), searched on the pages of the other language (English).
ENGLISH = [
    ("workshop", "a word of the news post"),
    ("privacy", "a word in a title"),
    ("Knowledge Management", "two words, capitalised"),
    ("knowledge management", "the same in lower case"),
    ("PMQA 4.0", "letters and a version number"),
    ("Category 7", "a category"),
    ("category7", "a category without the space"),
    ("Chonburi", "a place name"),
    ("innov", "a prefix of innovation, innovations"),
    ("stakeholder", "the singular of stakeholders"),
    ("keyboard", "a word on the accessibility page"),
    ("สิ่งแวดล้อม", "Thai text on English pages, found on English pages"),
]

ENGLISH_NOT_FOUND = ["workshap", "privasy", "Chonbiri", "stakeholdxr"]

# English queries whose pages are found by stem, not by substring: (query, a page's word).
ENGLISH_STEMS = [("workshops", "workshop"), ("managed", "management"), ("innovating", "innovation"), ("services", "service"), ("keyboards", "keyboard")]

QUERY_SETS = {DEFAULT: (THAI, THAI_NOT_FOUND), OTHER: (ENGLISH, ENGLISH_NOT_FOUND)}
