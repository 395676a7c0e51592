"""The lines a page puts around its story, copied along with it: a picture's source and caption, the time
since publication, buttons, bylines and date stamps, a platform's read time, a live page's time stamps, a
paper's lines in Chinese and Japanese. Whole lines only: :data:`.calls.FURNITURE_LINE` reads them with the
furniture lines of :mod:`.calls`, before a paragraph is read as sentences."""

from __future__ import annotations

# A date stamp: a weekday, a date in either order, a time and a zone, some of them (no word else).
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_TIME = r"\d{1,2}[.:]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{2,4})?"
# A clock time on the 24-hour clock ("16.06", "9:12"): a live page's entry stamp, a journal post's time.
CLOCK = r"(?:[01]?\d|2[0-3])[.:][0-5]\d"
_STAMP = (
    rf"(?:{_TIME},?\s+)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    rf"(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}),?\s+\d{{4}}(?:,?\s+(?:at\s+)?{_TIME})?"
)
# A news page copied from the browser, its furniture on lines of their own: a picture's source and caption
# ("Image source, Getty Images", "Image caption, Flood water covered…", a credit "Photograph: Ben
# Stansall/AFP"), the time since publication ("2 hours ago"), buttons ("Share", "Save"), "Advertisement",
# a list's heading ("Related topics") and the site's footer ("The BBC is not responsible for the content
# of external sites.", "Read about our approach to external linking."). Whole lines only, and kept out of
# the rules whose anchor-free form picks the texts the sentence-by-sentence walk reads (MAY_CALL_TO_ACTION):
# "share" or a date is in most articles (:func:`has_page_line` finds these instead).
# How long ago a social post went up, the last line of its writer's block ("2h •", "3d • Edited").
POST_AGE = r"\d{1,2}\s*(?:[smhdw]|mo|yr)\s*•(?:\s*edited)?(?:\s*•)?"
# A writer's name in a byline (two to four capitalised words), names joined by "and" or commas, a beat or a
# region ("South-west England", "political", "Middle East") and a role.
_CAPITALISED = r"[A-Z][\w'’.-]+"  # a word of a name or a place, read in case (``(?-i:…)``)
_BYLINE_NAME = rf"(?-i:{_CAPITALISED}(?:\s+{_CAPITALISED}){{1,3}})"
# The date a policy or terms took effect or were last changed ("Effective date: November 16, 2020", GitHub's
# terms, which had been a key point; "Last revised: …").
_POLICY_DATE = r"effective(?:\s+date|\s+as\s+of|\s+from)?|last\s+(?:modified|revised|reviewed|amended)"
# A place in a dateline: one to four capitalised words ("San Francisco", "Washington, D.C.").
_PLACE = rf"(?-i:{_CAPITALISED}(?:,?\s+{_CAPITALISED}){{0,3}})"
_BYLINE_NAMES = rf"{_BYLINE_NAME}(?:\s*(?:,|\band\b)\s*{_BYLINE_NAME})*"
_BEAT = (
    r"(?-i:[A-Z][\w'’-]*)|chief|senior|deputy|associate|staff|contributing|political|foreign|diplomatic"
    r"|economics|science|health|technology|sports?|arts|business|environment|education|home|legal|global|data"
    r"|social|affairs|culture|media|transport|security|defence|defense|and|of|the"
)
_ROLE = r"(?:correspondent|editor|reporter|writer|columnist|journalist)"
PAGE_LINE_RULE = (
    # Any of them may stand under a live page's time stamp ("11.18 More from Tom Phillips in Indonesia.").
    rf"^(?:{CLOCK}\s+)?(?:image\s+(?:source|caption)\s*,\s*[^\n]{{1,300}}|photograph\s*:\s*[^\n.]{{1,80}}"
    r"|\d{1,2}\s+(?:minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago|share|save|share\s+this\s+(?:article|story|page)"
    r"|advertisement|related\s+(?:topics|stories|articles|content)|top\s+stories|most\s+(?:read|popular|viewed)"
    r"|skip\s+to\s+(?:main\s+)?content|the\s+bbc\s+is\s+not\s+responsible\s+for\s+the\s+content\s+of\s+external\s+sites"
    r"|read\s+about\s+our\s+approach\s+to\s+external\s+linking|reuse\s+this\s+content"
    # A Wikipedia article copied from the browser: its tagline, the navigation links, a hatnote that points
    # to other articles ("This article is about the town. For the band, see …", "For other uses, see …",
    # "Not to be confused with …"), a section heading with its edit link ("History[edit]") and a reference
    # under its caret ("^ "Census 2021". Office for National Statistics.").
    r"|from\s+wikipedia,\s+the\s+free\s+encyclopedia|jump\s+to\s+(?:navigation|search|content)"
    r"|(?:this\s+article\s+is\s+about\s+[^\n]{1,150}?\.\s+)?for\s+(?:other\s+(?:uses|[^\n,]{1,60})|the\s+[^\n,]{1,60}"
    r"|[^\n,]{1,60}\s+named\s+[^\n,]{1,40}),\s+see\s+[^\n]{1,200}"
    r"|this\s+article\s+is\s+about\s+[^\n.]{1,150}|not\s+to\s+be\s+confused\s+with\s+[^\n]{1,150}"
    r"|[^\n]{1,80}\[\s*edit\s*\]|\^\s+[^\n]{1,800}"
    # The lines a news site puts around its story (The New York Times, The Guardian): "Supported by", "SKIP
    # ADVERTISEMENT", "This article is more than 2 years old", "Listen to this article · 4:12 min Learn more",
    # "Share full article", "Reporting from Penzance, England", a byline alone ("By Jane Doe"), the writer's
    # line ("Jane Doe South-west England correspondent", "More about Jane Doe"), the print edition's note
    # ("A version of this article appears in print on …"), "Order Reprints | Today's Paper | Subscribe",
    # "See more on: Strikes, England"; a release's "Prepared by Jane Doe (jdoe@example.edu)". Names in capitals
    # (the rule is read ignoring case).
    r"|(?:video\s+)?ad\s+feedback|link\s+copied!?|\d{1,2}\s+min(?:ute)?\s+read|supported\s+by|skip\s+advertisement"
    r"|this\s+article\s+is\s+more\s+than\s+(?:\d+|a|an|one)\s+(?:years?|months?)\s+old"
    r"|listen\s+to\s+this\s+article\b[^\n.]{0,40}|share\s+full\s+article|reporting\s+from\s+[^\n.]{1,60}"
    rf"|(?:(?:prepared|written|compiled)\s+)?by\s+{_BYLINE_NAMES}(?:\s*\([^()\s]+@[^()\s]+\))?|more\s+about\s+{_BYLINE_NAME}|{_BYLINE_NAME}(?:\s+(?:{_BEAT}))*\s+{_ROLE}"
    r"|a\s+version\s+of\s+this\s+article\s+appears\s+in\s+print\s+on\b[^\n]{0,300}"
    r"|order\s+reprints\b[^\n]{0,80}|see\s+more\s+on\s*:[^\n]{1,150}|support\s+the\s+guardian"
    # A science news site's lines under the story (Phys.org's): the paper's reference ("More information: G.
    # Petit et al. Hibernation and Torpor… (2018). DOI: 10.1007/…", whose title had been a key point), who
    # provided the story, the journal, "Explore further", how to cite the page, its copyright notice.
    r"|more\s+information\s*:[^\n]{1,800}?(?:\bdoi\b|\bet\s+al\b|\(\d{4}\))[^\n]{0,300}|provided\s+by\s+[^\n.,]{1,60}"
    r"|journal\s+information\s*:[^\n]{1,200}|explore\s+further|citation\s*:[^\n]{1,300}?\bretrieved\b[^\n]{1,200}"
    r"|this\s+document\s+is\s+subject\s+to\s+copyright\b[^\n]{0,400}"
    # A gallery's caption under its index ("1 of 4. Authorities monitor progress in the search… in Jakarta
    # December 29, 2014.", Reuters', which had opened the summary), a picture's credit and its "View full size
    # image" button (Live Science's "Credit: By Karl Tate, Infographics Artist View full size image Facts about…",
    # a key point), a sports agency's caption with its credit ("Dec 27, 2014; Louisville, KY, USA; … Mandatory
    # Credit: Jamie Rhodes-USA TODAY Sports", a summary sentence), a health site's review line ("Written or
    # reviewed by a board-certified physician. See About.com's Medical Review Board.", "Medically reviewed by
    # Jane Doe, MD", "Fact checked by Jane Doe").
    r"|\d{1,2}\s+of\s+\d{1,3}\.\s+[^\n]{1,600}|(?:credit\s*:\s*)?[^\n]{0,200}?\bview\s+full\s+size\s+image\b[^\n]{0,600}"
    rf"|{_MONTH}\.?\s+\d{{1,2}},\s+\d{{4}};\s+[^;\n]{{1,60}};\s+[^\n]{{1,500}}|mandatory\s+credit\s*:[^\n]{{1,120}}"
    r"|(?:written\s+or\s+|medically\s+)?reviewed\s+by\s+a\s+board[\s-]certified\s+(?:physician|doctor)\b[^\n]{0,120}"
    rf"|(?:medically\s+reviewed|fact[\s-]checked)\s+by\s+{_BYLINE_NAMES}(?:,?\s+(?-i:MD|M\.D\.|PhD|RN|DO|RD|MPH))*"
    # A blog platform's (Medium's, Substack's): "Follow", "Listen", "Written by Jane Doe", "1.2K Followers",
    # "More from Jane Doe", "Recommended from Medium", "12 Likes", "3 Restacks", "Discussion about this
    # post", "Ready for more?".
    rf"|follow|listen|written\s+by\s+{_BYLINE_NAMES}|[\d.,]+[km]?\s+followers|more\s+from\s+{_BYLINE_NAME}"
    r"(?:\s+(?:in|at)\s+(?-i:[A-Z][\w'’-]*)(?:\s+(?-i:[A-Z][\w'’-]*)){0,2})?"
    r"|recommended\s+from\s+medium"
    # Its line of fields around the read time, in English or Chinese ("Follow Published in Towards Data
    # Science · 6 min read · Aug 7, 2023", "关注 发表在 Towards Data Science ·6分钟阅读·2023年8月7日", which had
    # opened a summary), and the Chinese "Follow" button alone.
    r"|[^\n]{0,120}?[·|•]\s*(?:\d{1,2}\s*min(?:ute)?s?\s+read|\d{1,2}\s*分钟阅读|阅读(?:时间|约)?\s*\d{1,2}\s*分钟)"
    r"(?:\s*[·|•][^\n]{0,40})?|关注"
    # An old CNN page's stamp: "November 28, 2013 -- Updated 0203 GMT (1003 HKT)" (its summary's first sentence).
    rf"|{_MONTH}\s+\d{{1,2}},\s+\d{{4}}\s*(?:--|[-–—])\s*updated\s+\d{{3,4}}\s+gmt(?:\s*\(\d{{3,4}}\s+[a-z]{{2,4}}\))?"
    # A Japanese paper's lines around its story (Nikkei's): the page's number ("（1/3ページ）", a key point), its
    # time stamp ("2018/6/19 5:50"), its source ("情報元: 日本経済新聞 電子版"), its writer ("編集委員 中沢克二").
    r"|[（(]\d{1,2}/\d{1,2}\s*(?:ページ|页|page)[)）]|\d{4}/\d{1,2}/\d{1,2}\s+\d{1,2}:\d{2}|情報元\s*[:：][^\n]{1,40}"
    r"|(?:編集委員|論説委員|特派員|記者)\s*[^\s。、]{2,10}"
    # A Chinese page's share buttons ("分享到微信", China Daily's, had opened a summary).
    r"|分享(?:到|至)?\s*(?:微信|微博|朋友圈|QQ空间|QQ|豆瓣)?(?:\s*[|/、]\s*(?:微信|微博|朋友圈|QQ空间|QQ|豆瓣))*"
    r"|[\d.,]+[km]?\s+(?:likes?|restacks?|comments?|responses?|claps?|reposts?|reactions?|shares?|retweets?|views?)"
    # A social post's (LinkedIn's): its buttons, a line of hashtags, and its age under the writer's name.
    rf"|like|comment|repost|send|reply|(?:#\w+\s*){{2,}}|{POST_AGE}"
    r"|discussion\s+about\s+this\s+post|ready\s+for\s+more\?"
    # A picture's credit alone, its copyright sign, the agency and the photographer ("© AFP 2019 / Alberto Pizzolo",
    # "© РИА Новости / Алексей Дружинин"), and a Russian wire's page lines around it (RIA Novosti's): "Перейти в
    # фотобанк" (to its photo bank), "Читать ria.ru в Telegram", a caption ending in the agency, the picture's
    # width and date ("Президент РФ В. Путин встретился с… - РИА Новости, 1920, 27.09.2021").
    r"|©\s*[^\n/]{1,60}/\s*[^\n/.]{1,60}|перейти\s+в\s+фотобанк|читать\s+[\w.-]+\.ru\s+в(?:\s+[^\s.]{1,20})?"
    r"|[^\n]{1,400}\s[-—–]\s+(?:риа\s+новости|тасс|спутник)\s*,\s+\d{3,4}\s*,\s+\d{2}\.\d{2}\.\d{4}"
    # A figure's or a table's source line ("Source: GAO Analysis of Agency Statutes and Annual Reports. |
    # GAO-26-107650", a report's, whose label went and whose rest had been a key point).
    r"|sources?\s*:\s*[^\n]{1,200}"
    # A press release's: "FOR IMMEDIATE RELEASE" over it, "###" or "-30-" under it.
    r"|for\s+immediate\s+release|#{3}|-\s*30\s*-"
    # A line that is only the story's date stamp ("Mon 30 Nov 2026 09.00 GMT", "Updated 3:22 PM EST, Mon
    # November 30, 2026", "Published 30 November 2026"): glued to a byline it had been a summary sentence. With
    # the place it was written, a blog's line under its title ("18 Oct 2008 - San Francisco", which had opened
    # the summary of Tom Preston-Werner's essay, "San Francisco — 18 Oct 2008").
    rf"|(?:(?:first\s+)?published(?:\s+on)?|(?:last\s+)?updated(?:\s+on)?|{_POLICY_DATE})?[\s:]*{_STAMP}"
    rf"(?:\s+[-–—|]\s+{_PLACE})?"
    rf"|{_PLACE}\s+[-–—|]\s+{_STAMP}"
    # …and with its writer: "Tuesday 15 October 2019 by Bradley M. Kuhn" under a blog post's title (its summary's
    # first sentence), "Posted on Tuesday 15 October 2019 at 09:11 by Bradley M. Kuhn."
    rf"|(?:posted\s+(?:on\s+)?)?{_STAMP}(?:\s+at\s+\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?m\.?)?)?\s+by\s+{_BYLINE_NAMES})\.?$"
)
