"""Furniture: sentences a document holds that are never a summary's sentence or a key point.

Docs, manuals and wire stories carry lines that say nothing of their subject: a field of one word
("Source Code: lib/fs.js" led every summary of Node.js's API docs), a copyright or licence notice and
a licence's own terms (bzip2's manual opened with its copyright; the GNU Free Documentation License
appended to GNU time's manual gave all its key points), a contents page's line, a signature, and in
English a cross-reference that sends the reader elsewhere ("See package-lock.json and npm
shrinkwrap."). Only a notice's or a reference's form counts: "his copyright had been infringed" is
news. Eight sentences of the shared news sets are furniture (a gallery's "Click on the photos above…",
an XSum table's "Affiliated to a trade union: 189,703", "All rights reserved."…), and no news summary
or key point changed when these rules came (the twenty-fourth session).
"""

from __future__ import annotations

import re

from .paragraphs import UNENDING_WORDS
from .pointers import is_pointer
from .scripts import has_cjk

# A label and a value of one word is a field, not a sentence ("Source Code: lib/fs.js" led every summary of
# Node.js's docs; "Type: String", "Affiliated to a trade union: 189,703").
# A value in a script written without spaces is no one word ("GoMailer: 一个轻量的电子邮件推送开源工具…。" is
# a newsletter's story): a field holds no CJK character (:func:`.scripts.has_cjk`).
_FIELD = re.compile(r"^[^\W\d_][\w’' -]{0,40}:[ \t]*\S+?\.?$")
# A reference manual's field of a setting or an API ("Type: String (can be set multiple times)", "Default:
# false on windows, true on mac/unix…", "Added in: v8.0.0", "Stability: 1 - Experimental"): whatever its
# value, the entry's furniture (npm's docs gave them as key points). English labels.
_REFERENCE_FIELD = re.compile(r"^(?:Type|Default(?: value)?|Added in|Stability|Alias(?:es)?)\s*:\s")
# A copyright or licence notice is the document's furniture ("Copyright © 1996-2019 Julian Seward." led a
# summary of bzip2's manual, "You should have received a copy of the GNU General Public License…" one of
# Debian's users-and-groups; "Copyright 2015 The Associated Press. All rights reserved." ends wire stories).
_NOTICE = re.compile(
    r"^(?:Copyright\s*(?:©|\([cC]\)|\d{4})|©\s*(?:\d{4}|[A-Z]))|\bcopyright\s*(?:c?©|\([cC]\))"
    r"|\bAll rights reserved\b|\bPermission is (?:hereby )?granted\b|\bA copy of the licen[cs]e is included\b"
    r"|\bYou should have received a copy of\b|\bredistribute (?:it )?and/or modify\b|\bWITHOUT ANY WARRANTY\b"
    r"|\bMERCHANTABILITY\b|\bInvariant Sections?\b|\bFront-Cover Texts?\b|\bmust not be misrepresented\b"
    r"|\bendorse or promote products\b|\backnowledge?ment in the product documentation\b"
    r"|\bpermitted in any medium without royalty\b|\bNo reproduction without permission\b"
    r"|^This (?:program|library|document|file|manual|software|work) is (?:free\b|distributed in the hope\b"
    r"|(?:licensed|released|distributed|published) under\b)"
    # A US government work's notice ("This is a work of the U.S. government and is not subject to copyright
    # protection in the United States.", under every GAO report, a key point) and a picture's Creative Commons
    # licence in its credit ("Osama Shukir Muhammed Amin FRCP(Glasg) - Own work, CC BY-SA 4.0.")
    r"|\bis not subject to copyright protection\b|\bCC[ -]BY(?:-(?:SA|ND|NC))*(?:[ -]\d\.\d)?\.?$|\bOwn work\b,"
    # A changelog's own notice, as Keep a Changelog words it ("All notable changes to this project will be
    # documented in this file.", "The format is based on Keep a Changelog, and this project adheres to
    # Semantic Versioning."): two of charset-normalizer's changelog's three summary sentences.
    r"|^All notable changes to\b.{0,80}\bwill be documented in this file\b|\bThe format is based on Keep a Changelog\b"
    r"|^This project adheres to Semantic Versioning\b"
    # bash's NEWS, over and under each release's list: "This is a terse description of the new features
    # added to bash-5.2 since the release of bash-5.1." (its summary's first sentence), "As always, the
    # manual page (doc/bash.1) is the place to look for complete descriptions." (a key point)
    r"|^This is a (?:terse|brief|short) (?:description|summary|list) of the (?:new )?(?:features|changes)\b"
    r"|\bmanual page\b.{0,30}\bis the place to look\b"
    # A Creative Commons notice in Chinese ("本作品采用 署名-非商业性使用-禁止演绎 4.0 国际 进行许可。", under
    # every HelloGitHub issue, where it had been a key point), "版权所有".
    r"|本作品采用.{0,60}?(?:许可|协议)|版权所有"
    # A Chinese site's footer: its copyright note ("中国日报网版权说明：凡注明来源为…未经允许禁止转载…", China
    # Daily's, a key point) and its licence or registration number ("信息网络传播视听节目许可证0108263号。",
    # "京ICP备13028878号").
    r"|版权(?:说明|声明)|未经(?:许可|允许|授权)[^。]{0,20}?(?:转载|使用|复制)"
    r"|(?:许可证|ICP[备证]|公网安备)[^。]{0,20}?\d{4,}号",
    re.I,
)
# A field whose value is an email address alone: a site's contact line ("给中国日报网提意见：rx@chinadaily.com.cn.",
# a key point; "Press enquiries: press@example.org").
_CONTACT_FIELD = re.compile(r"^[^.!?。！？\n]{1,30}[：:]\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\.?$")
# What is left of a bracketed aside a cut went through: its end, "…Hallucinogens]." alone.
_ASIDE_END = re.compile(r"^[^\[\]]+\][.!?]?$")
# A licence's own terms, as licences capitalise them ("this License", "the Document", "Modified Version"):
# the GNU FDL appended to a manual had given every key point of GNU time's.
_LICENSE_TERMS = re.compile(
    r"\b(?:(?:this|the) License|the Document|Modified Versions?|Cover Texts|Secondary Sections?|Warranty Disclaimers?"
    r"|Redistributions? (?:of|in) (?:source|binary)|above copyright notice|the Licensor|AS IS)\b"
)
# A cross-reference sends the reader elsewhere and says nothing itself ("See package-lock.json and npm
# shrinkwrap." opened a summary of npm's docs; "Refer to Chapter 4 to review…", "For more details, see…",
# "Click on the photos above to learn…"). English.
_CROSS_REFERENCE = re.compile(
    r"^(?:(?:Please )?(?:[Ss]ee|[Rr]efer to|[Ll]ook at|[Cc]heck out)|\^?\s*[Cc]lick|Read more"
    # "Discussions of this post: /r/rust, twitter." (This Month in Rust GameDev's, under each item)
    r"|[Dd]iscussions?(?: (?:of|on) this (?:post|article|issue))?:"
    r"|For (?:(?:more|further|full) )?(?:information|details?|info|background)\b"
    # "For the full discussion and background, see nodejs/Release#1113." (a Node.js post's summary sentence);
    # not "For the discussion to work, both sides…"
    r"|For the (?:(?:more|further|full) )?(?:information|details?|background|discussion|context)\b[^.!?]{0,60}?,\s*"
    r"(?:see|read|visit|check)\b"
    # "Full details in the original post by David Pine and the … docs." (a .NET blog post's key point)
    r"|(?:Full|More|Further) details (?:are )?(?:in|at|on|over at)\b)(?!\w)"
)
# A post's thanks to who helped with it ("Thanks to Julian Squires, Pris Nasrat, and Kamal Marhubi for helping
# me with new system calls…", a blog's key point; "A special credit to data reporter Lindsey Cook…"): thanks for
# help, reading, review… Not "Thanks to the new law, prices fell" (no "for" and no help). English.
_THANKED_FOR = (
    r"[^.!?]{1,200}?\bfor\s+(?:\S+\s+){0,3}?(?:help\w*|read\w*|review\w*|feedback|comments?|proofread\w*|suggest\w*"
    r"|edit\w*|discuss\w*|talk\w*|answer\w*|explain\w*|input|teach\w*|pair\w*|look\w*|test\w*|contribut\w*)\b"
)
_THANKS = re.compile(
    r"^(?:A\s+)?[Ss]pecial\s+(?:credit|thanks|thank\s+you)\s+(?:goes\s+)?to\b"
    rf"|^(?:(?:Special|Many|Big|Huge)\s+)?(?:[Tt]hanks|[Tt]hank\s+you)\s+(?:(?:also|again|so\s+much)\s+)?to\s+{_THANKED_FOR}"
    # …and a paper's: "We thank Jeremy Hemberger and Genevieve Pugesek for beta testing and feedback…" (a JOSS
    # paper's key point); not "We thank the firefighters, the mayor said, for their courage".
    r"|^(?:We|The\s+authors?)\s+(?:would\s+(?:also\s+)?like\s+to\s+|also\s+|gratefully\s+)?(?:thank|acknowledge)s?\s+"
    rf"{_THANKED_FOR}"
)
# A lead-in that ends in a stop but points at what follows ("…check that Rust is in your %PATH% system
# variable as follows.", the code it shows not being a sentence; a thread's "Here is what happened…").
# English.
_LEAD_IN = re.compile(
    r"\b(?:as follows|the following)\s*\.$"
    # "Here is what happened and why it matters 🧵", "Here's how and when he has scored them." (a short one)
    r"|^Here(?:'s|’s| is| are)\s+(?:what|why|how|everything|a\s+(?:thread|look|summary|rundown))\b(?:\s+\S+){0,8}\s*$"
    # A lead-in whose colon was never written: no stop, and its last word one no clause ends on
    # (``paragraphs.UNENDING_WORDS``: "In order to participate in the Event, you represent that" over its
    # list, GitHub's event terms, whose summary had shown "…you represent that."). Not a verse's "…fly on
    # by" (Swift Weekly's poem), nor an item's "…within thirty days; and", which the next item goes on from.
    rf"|(?<![;,])\s(?:{UNENDING_WORDS})$"
)
# A signature: a name and an address ("Santiago Vila <sanvila@debian.org>", a README's last line), with
# the date a Debian file signs off with ("Colin Watson <cjwatson@debian.org> Sun, 07 Apr 2013 21:51:24
# +0100."), the line before it ending in "by:" or "--" at times.
_SIGNATURE = re.compile(
    r"^(?:.{0,80}?(?:\bby:|--)\s*)?(?:[-–—/]+\s*)?[^\W\d_][\w .'’-]{1,60}\s*<[^<>@\s]+@[^<>\s]+>"
    r"(?:,?\s+(?:[A-Z][a-z]{2},\s+)?\d{1,2}\s+[A-Z][a-z]{2}\s+\d{4}(?:\s+[\d:]{5,8})?(?:\s+[+-]\d{4})?)?\.?$"
)
# A wire story's credits: who reported, wrote and edited it ("Reporting by Jane Doe in London; Editing by
# Mark Potter", Reuters' "(Reporting by …)" and "Our Standards: The Thomson Reuters Trust Principles."), who
# contributed ("CNN's Greg Botelho and Sonya Hamasaki contributed to this report.", AP's "Associated
# Press writer John Roe in Penzance contributed to this report."). Names only after "by": "Reporting by
# the Guardian revealed…" is news. English.
_NAMES = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:\s*(?:,|\band\b|&)\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})*"
_CREDIT_BY = rf"(?:additional\s+)?(?:[Rr]eporting|[Ww]riting|[Ee]diting)\s+by\s+{_NAMES}(?:\s+in\s+{_NAMES})?"
_CREDIT = re.compile(
    rf"^\(?{_CREDIT_BY}(?:\s*[;,]\s*(?:and\s+)?{_CREDIT_BY})*\)?\.?$"
    r"|\bcontributed\s+(?:reporting\s+)?to\s+this\s+(?:report|story|article)\.?$|\bcontributed\s+reporting\.?$"
    # a report's staff acknowledgments ("X (Assistant Director), Y, and Z also made significant contributions to
    # this report.", GAO's, a key point)
    r"|\bmade\s+(?:significant\s+|key\s+|major\s+)?contributions\s+to\s+this\s+(?:report|testimony|study)\.?$"
    r"|^Our Standards:\s"
    # a newsletter's editor for the week ("This week's edition was edited by peter-b.", This Week in LiveCode's,
    # its summary's first sentence; "This issue was curated by …")
    r"|^(?i:this\s+(?:week['’]s\s+)?(?:edition|issue|newsletter)\s+(?:was|is|has\s+been)\s+(?:edited|curated"
    r"|compiled|written|put\s+together|assembled)\s+by|(?:edited|curated|compiled)\s+by)\s+[^.!?]{1,60}\.?$"
    # a picture's credit or caption under its label ("Cover image: artist's impression of the installation…"
    # had been a key point of an exhibition's page; "Photo credit: Jane Doe/Getty", "Photograph by …")
    r"|^(?:(?:Cover|Top|Featured|Header|Main|Lead|Hero|Title)\s+(?:image|photo|picture|illustration)"
    r"|(?:Image|Photo|Picture|Illustration)s?\s+credits?)\s*:"
    # …or alone: "Photo by Jane Doe on Unsplash", "Image by the author, generated with SDXL 1.0." (a Medium
    # post's, a summary sentence).
    r"|^(?:Photo(?:graph)?s?|Illustrations?|Images?|Pictures?|Screenshots?)\s+(?:by|courtesy\s+of|(?:generated"
    r"|created|made)\s+by)\s+(?:[A-Z]|(?:the\s+)?authors?\b)(?:[^.!?]|\.\d){0,80}\.?$"
)
# The same credits in Chinese: "图片由作者使用 SDXL 1.0 生成。", "阅读机器人的图像由 openAI 的 dall-e 生成。",
# "照片由 Mimi Thian 提供，来源于 Unsplash.", a label ("图片来源：Unsplash"), a short source ("图片来自
# Unsplash"), or a caption's credit after a dash ("…的插图——图片来自 Janelle Shane 的人工智能怪异网站"):
# a translated post's captions had been its summary's first sentence.
_PICTURE = r"(?:图片|照片|图像|插图|配图|截图|题图|封面图?)"
_CJK_CREDIT = re.compile(
    rf"^(?:[^。！？!?\n，,]{{1,20}}的)?{_PICTURE}由[^。！？!?\n]{{1,40}}?(?:提供|生成|拍摄|制作|绘制|创作)(?:[，,]\s*来源于?\s*[^。！？!?\n]{{1,30}})?[。.]?$"
    rf"|^{_PICTURE}(?:来源|出处)?\s*[:：]\s*[^。！？!?\n]{{1,40}}$"
    rf"|^{_PICTURE}(?:来自|来源于|出自)\s*(?:[A-Za-z][^。！？!?\n]{{0,30}}|[^。！？!?\n]{{1,20}}(?:网站|网络|官网|维基百科|微博))[。.]?$"
    rf"|[—–]{{1,2}}\s*{_PICTURE}(?:来自|来源|由)[^。！？!?\n]{{1,60}}$"
)
# An email address alone, as a title page or a signature gives it, plainly or written out against harvesters
# ("tal197 at users.sf.net" had opened the summary of the Shared MIME-info Database specification).
_ADDRESS_ONLY = re.compile(r"^[\w.+-]+(?:@|\s+(?:at|\[at\]|\(at\))\s+)[\w-]+(?:\.[\w-]+)+\.?$")
# …or after a few words, a writer's name and role as a column signs off ("정덕현 칼럼니스트 thekian1@entermedia.co.kr.",
# an Entermedia column's key point; "Jane Doe, reporter jane@example.org").
_SIGNED_ADDRESS = re.compile(r"^(?:[^\s@.!?]{1,20}\s+){1,4}[\w.+-]+@[\w-]+(?:\.[\w-]+)+\.?$")
# An aside wholly in square brackets: an editor's note on the item before it ("[bug introduced in
# coreutils-7.0]", each of GNU coreutils' NEWS items ends with one, and they were its summary's and key
# points' sentences), a transcript's "[Applause continues for a minute]". No news sentence is one.
_BRACKETED_ASIDE = re.compile(
    r"^\[[^\[\]]*(?:\[[^\[\]]*\][^\[\]]*)*\][.!?]?$"
    # …or a note in round brackets that is no sentence, no stop inside them ("(after extra-time - score at 90
    # mins 1-1).", a BBC report's first summary sentence; "(Published Monday, Nov. 18, 2019)."). An aside
    # that is a sentence may state a fact ("(Alden on Tuesday announced that it had become the largest
    # shareholder of Tribune… for $13 a share.)") and stays.
    r"|^\([^()]*(?:\([^()]*\)[^()]*)*[^.!?…。！？\s]\)[.!?。]?$"
)
# A numbered note or reference under the text ("[1] Alarm fatigue: impacts on patient safety, Ruskin KJ…",
# a press release's, which had been a key point), or a footnote opened by its number in superscript ("²³If 1%
# of your requests are 50x the average…", the Google SRE book's, a key point; not an isotope, "¹⁴C dating…").
_NOTE_ENTRY = re.compile(
    r"^(?:\[\d{1,3}\][ \t]+\S|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}[ \t]*(?:[A-Z][a-z]{2,}|If|In|It|As|At|On|An|To|We|He)\b)"
)
# A list of accounts alone, an issue's editors or contributors ("@没故事的卓同学，@四娘，@mmoaay，…", 老司机 iOS
# 周报's masthead, a key point before).
_HANDLE_LIST = re.compile(r"^(?:@[^\s,，、@]+(?:\s*[,，、]\s*(?:and\s+)?|\s+and\s+)){2,}@[^\s,，、@]+\s*[.。]?$")
# A row of fields set apart by bars ("2024-01-03 | Virtual (Dallas, TX, US) | Dallas Rust", an events
# listing's line; "Home | News | Sport", a page's menu copied with its text): no sentence. No sentence of the
# three news sets holds a bar.
_FIELD_ROW = re.compile(r"(?:[^|\n]*\S\s+\|\s+){2,}\S")
# A pointer in brackets to another story ("(RELATED: Kentucky Basketball’s Christmas Card Must Be…)", The Daily
# Caller's, two key points), a photo's credit in brackets ("(File 2013/The Associated Press)", a summary's
# sentence), an agency's credit glued to its caption ("Boston Herald / Polaris Firefighter Sean Coyle uses a
# basket…", two key points), a table's note under its asterisks ("** Includes 162 unconfirmed passengers…").
# The agencies a picture's credit names (one list for these rules and :mod:`.clutter`'s credit before a sentence),
# Scandinavian, Finnish, Dutch and German ones too ("Foto: Jessica Gow/TT").
PHOTO_AGENCY = (
    r"(?:(?:The\s+)?Associated\s+Press|AP|Reuters|AFP|Getty(?:\s+Images)?|EPA|Shutterstock|Polaris|Rex(?:\s+Features)?"
    r"|Alamy|Corbis|PA(?:\s+Wire)?|Splash(?:\s+News)?|Zuma(?:\s+Press)?|WENN|Bloomberg|Xinhua"
    r"|TT|NTB|Ritzau|Scanpix|Lehtikuva|ANP|dpa|imago|picture\s+alliance)"
)
_POINTER_OR_CREDIT = re.compile(
    r"^\(\s*(?i:related|see\s+also|read\s+more|watch|listen)\s*:[^()]*\)[.!?]?$"
    rf"|^\((?:File(?:\s+(?:photo|\d{{4}}))?\s*/\s*)?[^()]{{0,40}}?{PHOTO_AGENCY}(?:\s+(?:photo|file))?\)\.?$"
    rf"|^[A-Z][\w.]*(?:\s+[A-Z][\w.]*){{0,3}}\s*/\s*{PHOTO_AGENCY}\b"
    r"|^\*{2,3}\s+\S"
)
# A caption with its picture's credit in brackets at its end, in many languages ("PUBG Mobile x Resident Evil 2.
# (Doc: PUBG Mobile)", Liputan6's, a key point; "… (Foto: dpa)", "… (Photo: Reuters)", "… (Dok. Humas)").
_CAPTION_CREDIT = re.compile(
    r"\((?i:foto|fotos|photo|photos|doc|dok|bild|kuva|фото|crédit|crédito|créditos)\s*[.:]\s*[^()\n]{1,50}\)\.?$"
)
# A quiz's choices ("A：map[]；B：nil；C：Panic；D：编译错误", Go语言爱好者周刊's, a summary sentence;
# "A) 1 B) 2 C) 3"): three lettered options or more, on a line of their own.
_CHOICES = re.compile(
    r"^A\s*[：:.)]\s*\S[^\n]{0,80}?(?:[；;,，]|\s)\s*B\s*[：:.)]\s*\S[^\n]{0,80}?(?:[；;,，]|\s)\s*C\s*[：:.)]\s*\S"
)
# A post embedded in a sentence, its credit at the end ("Jennifer Lawrence at the game today (Dec. 27)
# pic.twitter.com/soxnfJGWwd — Jennifer Lawrence (@JenniferUpdates) December 27, 2014", a key point).
_POST_IN_SENTENCE = re.compile(r"[—–]\s*[^—–()\n]{1,80}\(@\w{1,30}\)\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}\.?$")
# A book's listing under its review: publisher, pages, price, ages ("Schwartz & Wade, $17.99; ages 3-7.", "Arthur
# A. Levine Books, 256 pp., $17.99.", key points and a summary sentence of a paper's round-up).
_LISTING_FIELDS = re.compile(
    r"^[^.!?]{1,60}?(?:\.[^.!?]{1,40}?)?,\s+(?:(?:\d{2,4}\s+pp\.|\$\d+(?:\.\d\d)?|ages\s+\d{1,2}(?:\s*[-–]\s*\d{1,2}"
    r"|\s+and\s+up))\s*[,;]?\s*){2,}\.?$"
)
# A "sentence" this dense in code's marks (brackets, braces, "=", "$", "->", "=>", ";") is code pasted as text
# (a tutorial's PHP, "$app->register(new Silex\Provider\TwigServiceProvider(), array( 'twig.path' => …", had
# given four key points); prose holds a few in a hundred characters.
_CODE_MARK = re.compile(r"->|=>|[{}\[\]();=<>$\\]")
MAX_CODE_SHARE = 0.08
MIN_CODE_MARKS = 8


# Marks prose hardly writes at all: a list of names with their clubs in brackets ("Coyne (Burnley), Jones
# (Wolves), …", a BBC squad) is dense in brackets, not code.
_CODE_ONLY_MARK = re.compile(r"->|=>|[{}=;$\\]")
MIN_CODE_ONLY_MARKS = 3


def _is_code(sentence: str) -> bool:
    """Whether ``sentence`` is code pasted as text (:data:`MAX_CODE_SHARE`, :data:`MIN_CODE_ONLY_MARKS`)."""
    marks = len(_CODE_MARK.findall(sentence))
    if marks < MIN_CODE_MARKS or marks <= MAX_CODE_SHARE * len(sentence.replace(" ", "")):
        return False
    return len(_CODE_ONLY_MARK.findall(sentence)) >= MIN_CODE_ONLY_MARKS


# A related story's headline under its time stamp (Nikkei's "[FT]米朝首脳会談、クシュナー氏が橋渡し
# （2018/6/18 14:10）", "米、北朝鮮非核化まで制裁継続 （2018/6/15付）": a list of them had been a summary sentence).
_STAMPED_HEADLINE = re.compile(r"[（(]\d{4}/\d{1,2}/\d{1,2}(?:\s+\d{1,2}:\d{2}|付)?[)）]")
# A writer's note on who they are, under a guest post ("Gail Gardner is the Small Business Marketing Strategist
# who founded and provides consulting at GrowMap.com.", Fox Business's, a summary sentence): a name, "is a/the",
# and a writer's or an adviser's role. Only in a text's last paragraphs (see ``features.candidates``).
_WRITER_NOTE = re.compile(
    r"^(?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’-]+\s+is\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,6}?(?i:writer|journalist|author"
    r"|columnist|contributor|blogger|editor|reporter|strategist|consultant|founder|co-founder|analyst|adviser|advisor"
    r"|coach|correspondent|freelancer)\b"
)


def is_writer_note(sentence: str) -> bool:
    """Whether ``sentence`` says who a post's writer is (:data:`_WRITER_NOTE`)."""
    return _WRITER_NOTE.match(sentence) is not None


# Three fields or more written key=value, no space around the sign: a certificate's subject ("s:/C=US/ST=California/
# L=Mountain View/O=Google Inc/CN=mail.google.com", a blog's list item and key point), a query string, a
# configuration line. Data, no sentence.
_KEY_VALUES = re.compile(r"(?:\w=[^\s=][^=]*?){3}")
# A line of a table of contents: a title, dot leaders, a page number ("2.3 Simple parsing . . . . . 3").
# Spaced leaders are a contents page's; a run of stops is one only before a page number (a Daily Mail
# article rules off its sections with a line of them).
_DOT_LEADERS = re.compile(r"(?:\. ){5,}\.|\.{6,}\s*\d+\s*$")


# A social-media post a page embeds, as its text comes out: the post, then its credit, "— Robert Maguire
# (@RobertMaguire_) November 18, 2019" (Twitter's embed) or "A post shared by Jane Doe (@jane) on Nov 3,
# 2019 at 5:01pm PST" (Instagram's). A reader's post is no sentence of the story: a Hill story's key
# point was a stranger's joke ending in its "https://t.co/…" link.
_POST_CREDIT = re.compile(
    r"^(?:[—–-]|A post shared by)\s*[^()\n]{0,80}\(@\w{1,30}\)\s+(?:on\s+)?[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}\b"
)


def embedded_posts(paragraphs: list[list[str]]) -> set[int]:
    """Indices, into the sentences of ``paragraphs`` in reading order, of embedded social-media posts: a
    post's credit (``_POST_CREDIT``) and the paragraph it follows, which is the post."""
    out: set[int] = set()
    starts = [0]
    for para in paragraphs:
        starts.append(starts[-1] + len(para))
    for k, para in enumerate(paragraphs):
        if para and _POST_CREDIT.match(para[0]):
            out.update(range(starts[k - 1] if k else starts[k], starts[k + 1]))
    return out


def leads_in(text: str) -> bool:
    """Whether ``text`` ends in a colon: it leads into what follows it (a list, a quotation, code)."""
    return text.rstrip().endswith((":", "："))


def is_furniture(sentence: str, lang: str) -> bool:
    """Whether ``sentence`` is a document's furniture, never a summary sentence: a lead-in ending in a
    colon, a field of one word, a copyright or licence notice, a table of contents' line, a signature,
    a row of fields set apart by bars or written key=value, code pasted as text, an email address alone,
    an aside in square brackets, a picture's credit in Chinese, a pointer or a credit in brackets, a caption
    ending in its credit, a quiz's choices, a post embedded in a sentence, a book's listing, a related
    story's stamped headline, a pointer to the page's other stories, a note of where it first ran or of its
    correction (:mod:`.pointers`, many languages), or (English) a
    cross-reference, a lead-in ending "as follows.", a post's thanks for help, a manual's field ("Type: …")
    or a wire story's credits ("Reporting by …")."""
    return bool(
        leads_in(sentence)  # in any language
        or (_FIELD.match(sentence) and not has_cjk(sentence))
        or _NOTICE.search(sentence)
        or _LICENSE_TERMS.search(sentence)
        or _DOT_LEADERS.search(sentence)
        or _SIGNATURE.match(sentence)
        or _FIELD_ROW.match(sentence)
        or _KEY_VALUES.search(sentence)
        or _is_code(sentence)
        or _STAMPED_HEADLINE.search(sentence)
        or _POINTER_OR_CREDIT.match(sentence)
        or _CAPTION_CREDIT.search(sentence)
        or _CHOICES.match(sentence)
        or _POST_IN_SENTENCE.search(sentence)
        or _LISTING_FIELDS.match(sentence)
        or _ADDRESS_ONLY.match(sentence)
        or _CONTACT_FIELD.match(sentence)
        or _ASIDE_END.match(sentence)
        or _SIGNED_ADDRESS.match(sentence)
        or _BRACKETED_ASIDE.match(sentence)
        or _NOTE_ENTRY.match(sentence)
        or _HANDLE_LIST.match(sentence)
        or _CJK_CREDIT.search(sentence)
        or is_pointer(sentence)
        or (lang == "en" and (_CROSS_REFERENCE.match(sentence) or _LEAD_IN.search(sentence) or _THANKS.match(sentence)))
        or (lang == "en" and (_REFERENCE_FIELD.match(sentence) or _CREDIT.search(sentence)))
    )
