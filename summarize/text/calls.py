"""What a reader of a summary never needs, told by rules: calls to action ("subscribe", "submit a PR",
"follow us", 欢迎投稿), sign-offs ("Thanks for reading!", "That is all for issue 42."), a news page's
pointers to its media ("Listen to the full interview on…") and lines of its furniture ("Media playback
is not supported on this device", a match's live-text feed). English and Chinese.

:mod:`.boilerplate` leaves them out of the prose to summarize, with what recurs across a newsletter's
issues; the newsletter engine leaves them out of its points.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .markdown import without_list_marker
from .page_lines import PAGE_LINE_RULE
from .sentences import split_sentences

# A text of at most this many sentences is a call to action when one of them is (see is_call_to_action).
NOTE_SENTENCES = 3

_FURNITURE_RULE = (
    r"^(?:media\s+playback\s+is\s+(?:not\s+supported|unsupported)\s+on\s+(?:this|your)\s+device"
    # Pointers to more of the site: "More on this story and others from Birmingham", "More on this and
    # other local stories from across East Yorkshire", "Updates from this story and more from
    # Nottinghamshire", "More stories from the BBC's Knowledge economy series…", "READ MORE: …".
    r"|more\s+on\s+this\s+(?:story|and\s+other\s+(?:local\s+)?stories)"
    r"(?:\s+and\s+(?:others|more))?(?:\s+from\s+(?:(?![.:]).){1,60})?:?"
    r"|updates\s+(?:on|from)\s+this\s+story(?:\s+and\s+more)?\s+from\s+(?:(?![.:]).){1,60}"
    r"|more\s+stories\s+from\s+the\s+(?:(?![.:]).){1,80}?\bseries\b(?:(?![.:]).){0,120}"
    r"|read\s+more\s*:\s+(?:(?![.!?]).){1,120}$"
    r"|find\s+all\s+the\s+latest\s+(?:(?![.:]).){1,60}\s+on\s+our\s+dedicated\s+page"
    # A video box's title and its prompt (Fox News'): "Fox News Flash top entertainment and celebrity
    # headlines for Nov. 19 are here." had opened a story's summary; "Check out what's clicking today…".
    r"|(?:[\w-]+\s+){0,4}top\s+(?:[\w-]+\s+){0,4}headlines\s+(?:for\s+(?:(?![!?]).){1,20}?\s+)?are\s+here"
    r"|check\s+out\s+what['’]s\s+clicking\s+(?:(?![.:]).){0,60}"
    r"|this\s+site\s+is\s+optimi[sz]ed\s+for\s+(?:(?![.:]).){0,60}\bbrowsers?\b(?:(?![.:]).){0,80})\.?$"
    # A match's live-text feed pasted under its report, one event a line: "Foul by Roberto Firmino
    # (Liverpool).", "Lucas Akins (Burton Albion) wins a free kick in the defensive half.", "Corner,
    # Liverpool. Conceded by …", "Match ends, Liverpool 0, Manchester United 0." (BBC Sport's wording).
    r"|^(?:foul\s+by|hand\s+ball\s+by|dangerous\s+play\s+by|penalty\s+conceded\s+by|own\s+goal\s+by)\s+[^()\n]{1,60}"
    r"\([^()\n]{1,40}\)[^\n]{0,80}$"
    r"|^(?:attempt\s+(?:missed|saved|blocked)\.|(?:corner|offside|substitution),\s+[^\n]{1,60}\.\s|goal!\s"
    r"|(?:first|second)\s+half\s+(?:begins|ends)\b|match\s+ends,\s|delay\s+in\s+match\b|delay\s+over\.\s+they\s+are\s+ready"
    r"|lineups\s+are\s+announced\b)[^\n]{0,300}$"
    r"|^[^()\n]{1,60}\([^()\n]{1,40}\)\s+(?:wins\s+a\s+free\s+kick|is\s+shown\s+the\s+(?:yellow|red)\s+card"
    r"|hits\s+the\s+(?:left|right)\s+post|hits\s+the\s+bar|wins\s+a\s+penalty)\b[^\n]{0,120}$"
)
# Calls to action and sign-offs a newsletter shows on its own, in English and Chinese. Written to
# need the imperative or the newsletter's voice ("subscribe to", "follow us"), so that news prose
# about subscriptions or followers does not match.
_CALL_TO_ACTION_RULES = (
    r"^(?:(?:so|and|just)\s+)?(?:please\s+)?(?:subscribe|sign\s+up)\b"
    r"|\b(?:subscribe|sign\s+up)\s+(?:here|now|today|to\s+(?:our|this|the\s+newsletter))\b"
    r"|\bto\s+unsubscribe\b|\bunsubscribe\s+(?:here|at|from\s+(?:this|our))\b"
    r"|\bsubmit\s+(?:a\s+|your\s+)?(?:pr|pull\s+request|suggestions?|quotes?|tasks?|links?)\b"
    r"|\bsend\s+us\b|\b(?:follow|tweet|email|e-mail|contact|join)\s+us\b|\blet\s+(?:us|me)\s+know\b"
    # BBC Hindi's footer, and the same asks in Urdu: "(बीबीसी हिन्दी के एंड्रॉएड ऐप के लिए आप यहां क्लिक कर सकते हैं.
    # आप हमें फ़ेसबुक और ट्विटर पर फ़ॉलो भी कर सकते हैं.)" (key points of BBC Hindi's stories)
    r"|(?:यहां|यहाँ)\s+क्लिक\s+कर|(?:फ़ॉलो|फॉलो|सब्सक्राइब)\s+(?:भी\s+)?(?:कर\s+सकते|करें)"
    r"|(?:ट्विटर|फ़ेसबुक|फेसबुक|इंस्टाग्राम|यूट्यूब)[^.।\n]{0,30}?\s+पर\s+(?:भी\s+)?(?:पढ़|देख)\s+सकते"
    r"|یہاں\s+کلک\s+کر|(?:فالو|سبسکرائب)\s+(?:بھی\s+)?(?:کر\s+سکتے|کریں)"
    # "[Tell us](mailto:…) about some exciting things you're doing with LiveCode…" (an empty section's ask, This
    # Week in LiveCode's summary's first sentence); opening the sentence only ('"Tell us the truth," they chanted').
    r"|^\[?(?:please\s+)?tell\s+us\b"
    # A Japanese paper's paywall: "この記事は会員限定です。電子版に登録すると続きをお読みいただけます。"
    # (Nikkei's, a key point).
    r"|この記事は(?:会員|有料会員)限定です|(?:登録|ログイン)(?:すると|して)[^。\n]{0,20}続きを|続きを(?:読む|お読み)"
    # A writer's or desk's own account, in a news page's footer: "Follow Pallab on Twitter", "You can follow
    # BBC Monitoring on Twitter", "… and follow me on Twitter: @BBCAmos".
    # "Be sure to visit Arrowhead on Facebook, Twitter, and Instagram." (a sponsored post's last line)
    r"|^(?:(?:be|make)\s+sure\s+to\s+|don['’]t\s+forget\s+to\s+|you\s+can\s+)?(?:follow|visit|like|find)\s+(?:\S+\s+){1,4}?on\s+"
    r"(?:twitter|facebook|instagram|youtube|linkedin|mastodon|bluesky)\b"
    # A sponsored post's disclosure: "This shop has been compensated by #CollectiveBias, Inc. and its
    # advertiser. All opinions are mine alone." (it had been the post's first summary sentence), "This
    # sponsored deal is brought to you by Dashlane."
    r"|^this\s+(?:sponsored\s+)?(?:shop|post|article|review|video|content|story|deal|giveaway)\s+(?:has\s+been|is|was)\s+"
    r"(?:sponsored|compensated|paid\s+for|brought\s+to\s+you)\b|^all\s+opinions\s+(?:expressed\s+)?are\s+(?:\d+%\s+)?"
    r"(?:(?:my|our)\s+own|mine|ours)\b"
    # A deals page's button under each deal: "Get it on Amazon for $169.99 Also at Walmart" (IGN's), "Buy it
    # at Best Buy for $49".
    r"|^(?:get|buy|grab|order|see)\s+(?:it|them|this|one)\s+(?:now\s+)?(?:on|at|from)\s+(?:\S+\s+){1,3}?for\s+[\$£€]\s?\d"
    r"|(?:^|\band\s+)follow\s+me\s+on\s+(?:twitter|facebook|instagram|youtube|linkedin|mastodon|bluesky)\b"
    r"|\bpull\s+requests?\s+(?:are\s+)?welcome\b|^want\s+(?:something\s+mentioned|to\s+get\s+involved)\?"
    r"|\bif\s+you\s+find\s+any\s+errors\b|^express\s+your\s+(?:opinions?|views?|thoughts?)\b"
    # A request to whichever reader a condition picks: "If you are running a Rust event please add it to
    # the calendar", "If you are interested, please get in touch!" (no sentence of the news sets).
    # …and to a reader's organisation: "If your organization depends on Node.js and is interested in sponsoring a
    # bug bounty program, please reach out through the OpenJS Foundation." (a Node.js post's key point)
    r"|^if\s+you(?:r\s+(?:organi[sz]ation|company|team|employer|business))?\b(?:[^.!?]|\.(?=\w)){0,120}?\bplease\s+"
    r"(?:add|submit|send|share|let|get|contact|e-?mail|reach|join"
    r"|consider|check|visit|fill|tell|vote|help|write|reply|leave|open|file|donate|support)\b"
    r"|\bthanks\s+to\s+.{1,60}?\s+for\s+the\s+(?:self-)?(?:suggestions?|nominations?)\b"
    # How the reader gets the software a release note announces: "If you don't have it already, you can get
    # rustup from the appropriate page on our website…" (every Rust release post; it had been the third
    # summary sentence of Rust 1.75.0's). At the sentence's start: "…which you can download for free" is news.
    r"|^(?:if\s+you\b[^.!?,]{0,80},\s*)?you\s+can\s+(?:get|download|install|upgrade|update)\b[^.!?]{0,120}?"
    r"\b(?:from|with|via|using|by\s+running)\b"
    # …and how to help with the next one: "Please report any bugs you might come across!" (its paragraph goes
    # with it: "If you'd like to help us out by testing future releases, you might consider…").
    r"|^please\s+(?:report|file|open)\s+(?:any\s+|all\s+)?(?:bugs?|issues?|problems?)\b"
    r"|\b(?:share|forward)\s+this\s+(?:issue|newsletter|email)\b"
    # A pointer to the page's media or listings: "Listen to the full interview on Sport on Five and the BBC
    # Sport website…", "You can watch BBC Spotlight… now on BBC iPlayer.", "Please click on this page for
    # the latest listings.", "The video can be seen at the top of this story." (news pages).
    r"|^(?:you\s+can\s+)?(?:listen|watch)(?!\s+out)\s+(?:again\s+)?(?:to\s+)?[^.!?]{0,100}?\b(?:on|via)\s+(?:the\s+)?"
    r"(?:bbc\b|iplayer|sport\s+on\s+five|[^.!?]{0,40}?\b(?:website|podcast|app)\b)"
    r"|^(?:please\s+)?click\s+(?:on\s+)?(?:here|this\s+(?:page|link)|the\s+link)\b"
    # "…visit the task page for more information." (This Week in Rust), "For more details, see…".
    r"|\b(?:visit|see|check)\s+(?:the|our|this)\s+(?:[\w-]+\s+){0,3}?(?:page|website|site)\s+for\s+(?:more\s+)?"
    r"(?:information|details)\b|^for\s+more\s+(?:information|details),?\s+(?:visit|see|go\s+to|check)\b"
    # "To learn how to update your Dart version, check out Get the Dart SDK or download…" (This Week in Dart's)
    r"|^to\s+(?:learn|find\s+out|read)\s+(?:more|how)\b[^.!?]{0,120}?,\s*(?:check\s*out|see|visit|read|go\s+to"
    r"|head\s+(?:over\s+)?to)\b"
    r"|^(?:head|go)\s+(?:over\s+)?to\s+(?:the|our|this)\s+(?:[\w-]+\s+){0,3}?(?:issue|page|post|site|website|link"
    r"|announcement|docs|documentation|thread)\s+to\s+(?:learn|read|find\s+out)\s+more\b"
    r"|^the\s+video\s+(?:is|can\s+be\s+(?:seen|watched))\s+(?:at\s+the\s+top|above|below)\b"
    # "Links to the original comments are below." (a Hacker News digest's first summary sentence)
    r"|^(?:the\s+)?(?:links?|sources?|references?)\s+(?:to\s+[^.!?]{1,60}?\s+)?(?:are|is)\s+(?:listed\s+)?"
    r"(?:below|above|at\s+the\s+(?:bottom|end)\b[^.!?]{0,40})\s*[.:]?\s*$"
    r"|\bview\s+(?:this|it)(?:\s+(?:email|e-mail|issue|newsletter|post))?\s+(?:in\s+your\s+browser|online|on\s+the\s+web)\b"
    # A mailing's asks and footer: "Forward it to a friend or support us on Patreon.", "Become a paid
    # subscriber", "Update your preferences", "You are receiving this email because you opted in…".
    r"|\b(?:forward|share)\s+(?:it|this(?:\s+(?:issue|newsletter|email|e-mail|post))?)\s+(?:to|with)\s+(?:a\s+)?"
    r"(?:friend|colleague)s?\b"
    r"|\bsupport\s+(?:us|me|this\s+newsletter|our\s+work)\s+on\s+(?:patreon|ko-?fi|github\s+sponsors|open\s*collective)\b"
    # "…get in touch to volunteer… or donate through Patreon." (Homebrew's incident disclosure, a key point)
    r"|\bdonate\s+(?:to\s+us\s+)?(?:through|via|on|at)\s+(?:patreon|ko-?fi|github\s+sponsors|open\s*collective|liberapay)\b"
    r"|\bbecome\s+a\s+(?:patron|paid\s+subscriber|paying\s+subscriber|supporting\s+member)\b|\bbuy\s+(?:us|me)\s+a\s+coffee\b"
    r"|\b(?:update|manage)\s+your\s+(?:email\s+|subscription\s+)?(?:preferences|subscription)\b"
    r"|\byou\s+(?:are\s+)?receiv(?:ing|ed)\s+this\s+(?:email|e-mail|message|newsletter)\s+because\b"
    r"|^(?:are\s+you\s+)?enjoying\s+(?:[^\s?]+\s+){0,3}[^\s?]+\s*\?$"
    r"|\bconsider\s+(?:taking\s+the\s+step\s+of\s+)?supporting\s+(?:our|the\s+[\w'’]+)\s+journalism\b"
    # A news site's comment policy and an opinion piece's disclaimer: "CNN welcomes a lively and courteous
    # discussion as long as you follow the Rules of Conduct…", "Comments are not pre-screened before they post.",
    # "The opinions expressed in this commentary are solely his own.", "…do not necessarily reflect the views
    # of…"; in Arabic as CNN Arabic's footer words them ("ترحب شبكة CNN بالنقاش الحيوي والمفيد…", "الآراء الواردة
    # أدناه لا تعبر عن رأي موقع CNN بالعربية…"), which had given two of its story's key points.
    r"|\bwelcomes?\s+(?:a\s+)?(?:lively|courteous)\b[^.!?]{0,30}?\bdiscussion\b"
    r"|^comments\s+are\s+(?:not\s+pre-?screened|moderated|closed)\b"
    r"|^(?:the\s+)?(?:views|opinions)(?:\s+and\s+(?:[\w-]+\s+){1,3}?)?\s*expressed\b(?:[^.!?]|\.(?=\w)){0,80}?\b(?:(?:are|is)\s+(?:solely\s+|entirely\s+)?"
    r"(?:(?:his|her|their|my|the\s+author['’]s|the\s+writer['’]s)\s+own|(?:his|hers|theirs|mine)\b|those\s+of\s+the\s+"
    r"(?:author|writer))|do(?:es)?\s+not\s+(?:necessarily\s+)?(?:reflect|represent))"
    r"|^ترحب\s+[^.!؟]{0,30}?بالنقاش|لا\s+تعبر\s+(?:بالضرورة\s+)?عن\s+رأي"
    # An editor's note over an opinion piece or a story ("Editor's Note: Jane Doe is a senior fellow at the
    # Harbour Institute. The views expressed in this commentary are her own."): the writer's biography and the
    # disclaimer, which a short note loses whole; the first sentence had led such a piece's summary.
    r"|^editor['’]s\s+note\s*:"
    # A thread's or a post's asks: "follow me for more", "retweet the first post", "like and subscribe".
    r"|\bfollow\s+(?:me|us)\s+for\s+more\b|\b(?:retweet|repost|share)\s+the\s+first\s+(?:post|tweet)\b"
    r"|\blike\s+and\s+(?:subscribe|share|retweet)\b"
    r"|\bdiscuss\s+(?:this\s+issue\s+)?on\s+\S+|\bis\s+edited\s+by\b|\bvote\s+for\s+next\s+week\b"
    r"|即可订阅|欢迎订阅|点击订阅|订阅本|欢迎投稿|投稿(?:请|邮箱|地址)|扫码|扫描.{0,6}二维码"
    r"|欢迎(?:提交|访问|关注|转发|推荐|分享)|^[（(]完[)）]$"
    # 老司机 iOS 周报's and 潮流周刊's asks: "你也可以为这个项目出一份力，如果发现有价值的信息…可以到 Issues
    # 里提给我们", "点击上面链接可以领取…优惠券", "关注让你更潮流~"
    r"|出一份力|提给我们|点击(?:上面|下面|这里|此处|下方|上方)?(?:的)?链接|关注让你|感兴趣的(?:同学|朋友|读者)?看过来"
    # HelloGitHub's and Python 潮流周刊's: "可以点击 这里 获取更好的阅读体验", "关注「HelloGitHub」公众号，
    # 第一时间收到推送", "以下为本期内容｜每个月 28 号更新", "🔙 返回目录 🔙", "你好，我是猫哥。这里每周分享优质
    # 的…内容", "本期分享了 12 篇文章，12 个开源项目…" (each a summary sentence or a key point of its issue)
    # (not news's "引发广泛关注，多家公众号转载", "他每周分享一次": the account's name, no comma, between; the
    # newsletter's "这里")
    r"|点击\s*(?:这里|此处)|关注\s*[^，,。！？\s]{0,20}?\s*(?:微信)?公众号|以下(?:为|是)本期内容|返回目录"
    r"|每(?:个)?月\s*\d{1,2}\s*(?:号|日)\s*更新|^(?:你好|大家好)[，,]\s*我是|这里每周(?:都会)?分享"
    r"|^本期(?:分享|共|收录)了?\s*\d+\s*(?:篇|个|则)"
    # A Japanese post's New Year greeting and sign-off ("あけましておめでとうございます!!", "今年もよろしくお願い
    # します！", a year-in-review blog's first summary sentence and last key point), a Chinese one's "新年快乐".
    r"|^(?:明けまして|あけまして)おめでとう(?:ございます)?[!！。\s:)]*$|^(?:今年|本年|今後とも|引き続き)?[もは]?"
    r"(?:どうぞ)?よろしくお(?:願|ねが)いします[!！。\s]*$|^(?:祝(?:大家)?)?新年快乐[!！。\s]*$"
    # Furniture that introduces a newsletter or one of its sections in the editor's voice.
    # The number in digits or in words ("Welcome to the seventeenth issue of This Week in Dart!").
    r"|\b(?:welcome\s+to|present\s+(?:to\s+)?you|presenting)\s+(?:another|this|the\s+latest|our|the\s+(?:\d+(?:st|nd|rd|th)"
    r"|(?:[a-z]+-)?(?:first|second|third|[a-z]{2,}th)))\s+(?:\S+\s+){0,2}?(?:issue|edition)\b"
    # "It’s time for your weekly recap of what happened in React Core…" (This Week in React's greeting); the
    # thanks that close an issue, "Special thank you this week to: …"
    r"|\byour\s+(?:weekly|monthly|daily|fortnightly)\s+(?:[\w-]+\s+)?(?:recap|round-?up|digest|update|dose|summary)\b"
    r"|^(?:a\s+)?special\s+thanks?(?:\s+you)?\b"
    r"|^(?:every|each)\s+week,?\s+we\b|\bthis\s+is\s+a\s+weekly\s+(?:summary|newsletter|digest)\b"
    # What the newsletter is for, and how to take part: "This Week in Dart's aim is to be a useful
    # collection of changes and news from across the Dart ecosystem…", "…feel free to contribute on GitHub".
    r"|\b(?:aim|goal|purpose|mission)\s+is\s+to\s+(?:be\s+|provide\s+)?(?:a|an)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:collection|summary|round-?up|digest|overview)\s+of\b"
    r"|\bfeel\s+free\s+to\s+(?:contribute|suggest|submit|share|join\s+us|reach\s+out|get\s+in\s+touch"
    r"|read\s+how\s+to\s+contribute)\b|\byou\s+can\s+open\s+a\s+(?:pr|pull\s+request)\s+(?:at|on|in)\b"
    # A section's own description: "Neovim is full of active plugins. This section is about the community
    # and what is going on." (This Week in Neovim's, a key point of each issue)
    r"|^this\s+section\s+(?:is\s+about|covers|lists|gathers|is\s+dedicated\s+to)\b"
    # An events listing's own line: "Rusty Events between 2022-10-19 - 2022-11-16 🦀" (This Week in Rust's,
    # the point of its "Upcoming Events" section in every lone issue)
    r"|^(?:[\w-]+\s+){0,2}events\s+(?:between|from)\s+\d{4}-\d{2}-\d{2}\s*(?:-|–|and|to|through)\s*\d{4}-\d{2}-\d{2}[^\w]*$"
    r"|每周.{0,12}发布|发布于此|只为你呈现"
    # What the weekly picks, in its own words ("…因此，周刊中会尽可能推荐优质的中文文章。", Go语言爱好者周刊's
    # intro, its summary's first sentence)
    r"|周刊(?:中|里)?(?:会|将)(?:尽可能|尽量)?(?:推荐|分享|收录)"
    # A picture's caption over a Chinese newsletter ("封面图摄于安吉晚饭黄昏…", 潮流周刊's first sentence)
    r"|^(?:封面图?(?:摄于|来自|拍摄于|[:：])|摄于|拍摄于)"
    r"|RSS\s*订阅"
    # The same asks in Portuguese, Spanish, French, German and Italian, at a sentence's start: "Clique no link
    # para ver…", "Receba em seu email nosso ebook…", "Coloque nos seus favoritos…", "Um forte abraço, fique com
    # Deus e até a próxima." (a Brazilian blog's, three of its key points); "Suscríbete…", "Abonnez-vous…".
    r"|^(?:clique|clica|haga\s+clic|haz\s+clic|cliquez|klicken\s+sie|clicca)\b"
    r"|^(?:inscreva-se|assine\s+(?:a|o|nossa|nosso)|suscr[ií]bete|suscr[ií]base|abonnez-vous|inscrivez-vous"
    r"|abonnieren\s+sie|iscriviti)\b|\b(?:siga-nos|s[ií]guenos|suivez-nous|folgen\s+sie\s+uns|seguici)\b"
    r"|^(?:receba|recibe|recevez|erhalten\s+sie)\s+(?:em\s+seu|no\s+seu|en\s+tu|en\s+su|dans\s+votre|per)\s+e-?mail\b"
    r"|^coloque\s+nos\s+seus\s+favoritos\b"
    r"|^¡?(?:um\s+forte\s+abra[çc]o\b|(?:(?:hasta\s+la|at[ée]\s+a)\s+pr[óo]xima|[àa]\s+bient[ôo]t"
    r"|bis\s+zum\s+n[äa]chsten\s+mal|alla\s+prossima)[\s!.]*$)"
    # A post's signposts to itself and to the writer's offer: "Read on for three tips that will help you…",
    # "If you'd like to find out more about the BIG League… download the Online Business Success Roadmap.",
    # "In the final article in this series, we're going to dig deep into…", "Coming next: how to make…",
    # "Take a look if you haven't read it yet: …", "Grab my 12-question quiz that will help you…", "Get the
    # Online Business Success Roadmap for…" (a business blog's key points).
    r"|^read\s+on\s+(?:for|to\s+(?:learn|find\s+out|see|discover|get))\b"
    r"|^if\s+you['’]d\s+like\s+to\s+(?:find\s+out|learn|know|hear|read)\s+more\b"
    r"|^in\s+(?:the|my|our)\s+(?:next|final|last|following)\s+(?:article|post|part|instal+ment|episode|chapter)\b"
    r"[^.!?]{0,60}?,\s*(?:we|i)(?:['’](?:ll|re|m)|\s+(?:will|are|am))\b"
    r"|^(?:coming\s+(?:up\s+)?next|next\s+(?:up|time))\s*:"
    # …and to its survey: "Please set aside a brief moment to answer this short survey about…" (This Month in
    # Rust GameDev's first issue, a summary sentence), "Take our 2-minute survey"; not "Voters were asked to
    # answer the survey".
    r"|^(?:please\s+)?(?:take|fill\s+(?:in|out)|answer|complete)\s+(?:our|this|the)\s+(?:[\w-]+\s+){0,2}"
    r"(?:survey|questionnaire|poll)\b|^please\s+(?:set\s+aside|take|spend)\b[^.!?]{0,80}\b(?:survey|questionnaire|poll)\b"
    # …and to more below: "That's still not all!" (This Week in htmx's first summary sentence), "But wait,
    # there's more!", "Much more!".
    r"|^(?:(?:but|and)\s+)?(?:that['’]s|that\s+is)\s+(?:still\s+)?not\s+all\s*[!.]*$"
    r"|^(?:(?:but\s+)?wait[,!.]*\s+)?there['’]s\s+(?:even\s+)?more\s*[!.]*$|^(?:and\s+)?(?:so\s+)?much\s+more\s*[!.]+$"
    # Where a syndicated story first ran: "Originally published on Live Science." (its last key point).
    r"|^(?:this\s+(?:article|story|post|piece)\s+(?:(?:was|is)\s+)?)?originally\s+(?:published|appeared)\s+(?:on|in|by|at)\s+"
    r"[^.!?,]{1,60}[.!]?$"
    # A live page's sign-off for the day, under its time stamp: "17.00 We are going to leave our live coverage
    # here for today, but will be back at first light…" (The Telegraph's, a summary's first sentence).
    r"|^(?:\d{1,2}[.:]\d\d\s+)?we\s*(?:are|['’]re|will|['’]ll)\s+(?:going\s+to\s+)?(?:leave|pause|end|close|wrap\s+up)\s+(?:our|the|this)\s+live\s+"
    r"(?:coverage|blog|updates|page)\b"
    # A newsletter that says what it is: "FA Insights is a daily newsletter from Business Insider that delivers
    # the top news…" (a summary's first sentence); "Morning Brew, a daily newsletter, raised…" is news.
    r"|^[\w'’&.-]+(?:\s+[\w'’&.-]+){0,4}\s+is\s+(?:a|an|our)\s+(?:free\s+)?(?:daily|weekly|monthly|bi-?weekly|twice-weekly)?"
    r"\s*(?:e-?mail\s+)?newsletter\b[^.!?]{0,60}?\b(?:that|which)\s+(?:delivers|brings|rounds\s+up|collects|curates)\b"
    r"|^(?:take\s+a\s+look|check\s+it\s+out|read\s+it\s+here)\s+if\s+you\s+haven['’]t\s+(?:read|seen)\s+it\b"
    r"|^(?:grab|download|get)\s+(?:my|our|the)\s+(?:free\s+)?(?:[\w-]+\s+){0,3}?(?:quiz|guide|checklist|e-?book|workbook"
    r"|cheat\s*sheet|template|roadmap|worksheet)\b"
    # A column's address for letters: "Contact Dear Abby at www.DearAbby.com or P.O. Box 69440, Los Angeles…"
    # (a syndicated column's last line, which had been its third summary sentence).
    r"|^(?:contact|write\s+to|e-?mail|reach)\s+(?:[\w.'’-]+\s+){1,4}?at\s+(?:www\.|https?://|[\w.+-]+@|p\.?\s?o\.?\s+box)"
    # A pointer to read more: "Read the PR for more information why this hook was removed." (This Week in React)
    r"|^read\s+the\s+(?:pr|pull\s+request|issue|rfc|post|thread|announcement|docs?|documentation|changelog)\s+"
    r"for\s+more\b"
    # The editor's wish to the reader, a greeting's small talk: "I truly hope you enjoyed Thanksgiving and
    # were able to spend the holiday with your loved ones.", "Hope you all had a great weekend!", "We hope
    # you enjoy this issue.", "Happy holidays!". Anchored, so a wish quoted in news ("'I hope you are
    # well,' she wrote") opens with its quote mark and does not match (no sentence of the news sets does).
    r"|^(?:(?:i|we)\s+)?(?:(?:truly|really|sincerely|do)\s+)?hope\s+(?:you|everyone|everybody|y['’]all)"
    r"(?:\s+all)?(?:\s+(?:have|had|are|were|will|enjoy(?:ed)?|appreciated|liked|find|found|got|get|made|stay(?:ed)?)|['’](?:re|ve|ll))\b"
    # "A very happy Sunday to you." (a weekly letter's greeting, its summary's first sentence)
    r"|^(?:and\s+)?(?:a\s+)?(?:very\s+)?(?:happy|merry)\s+(?:new\s+year|holidays|thanksgiving|christmas|easter|hanukkah"
    r"|diwali|eid|lunar\s+new\s+year|friday|monday|tuesday|wednesday|thursday|saturday|sunday|weekend)\b(?:\s+(?:to\s+)?(?:all(?:\s+of\s+you)?|everyone|every\s*one|you(?:\s+all)?)"
    r"(?:\s+(?:who|that)\s+celebrates?)?)?[\s,!.]*(?:\S+)?[!.]?$"
    # A welcome to the newsletter's new readers: "First a quick welcome and hello to a number of new readers that
    # have joined from Dense Discovery." (The Weekly Thing's summary's first sentence)
    r"|^(?:first,?\s+)?(?:a\s+(?:quick|warm|big|special)\s+)?(?:welcome|hello|hi)(?:\s+and\s+(?:hello|welcome|hi))?\s+to\s+"
    r"(?:(?:a\s+number\s+of|all(?:\s+(?:the|of\s+the|our|my))?|the|our|my|many|\d[\d,]*)\s+)?new\s+"
    r"(?:readers|subscribers|members|folks)\b"
    # A sign-off: thanks for reading, until next time, "Cheers, Jeroen" on a line of its own.
    # A newsletter's last section may open with it: "And finally — thank you for reading." (Swift Weekly Brief).
    r"|^(?:(?:and\s+)?finally\s*[,:—–-]+\s*)?(?:many\s+)?(?:thanks|thank\s+you)(?:\s+(?:so|very)\s+much)?,?\s+"
    r"(?:all\s+)?for\s+(?:reading\b"
    r"|(?:your?\s+)?(?:time|attention|support)\b)"
    # "That is all for issue 42.", "That's it for this week!": the whole sentence, nothing said after it.
    r"|^(?:and\s+|so\s+)?that(?:['’]s|\s+is|\s+was)\s+(?:all|it)(?:\s+for\s+(?:now|today|this\s+(?:week|issue|edition|time)"
    r"|the\s+(?:week|issue|edition|newsletter)|(?:issue|edition)\s+(?:no\.?\s*|#)?\d+))?[\s!.…]*$"
    r"|^(?:until\s+next\s+(?:time|week|issue)|see\s+you\s+(?:next\s+(?:time|week|issue)|soon))\b[\s,!.]*(?:\S+)?[.!]?$"
    r"|^(?:cheers|regards|best\s+regards|happy\s+(?:coding|hacking|reading))\b[\s,!.]*(?:\S+(?:\s+(?:and|&)\s+\S+)?)?[.!]?$"
    # A section's notice that it is empty this time: "No RFCs were approved this week.", "No jobs listed
    # for this week.", "No updates on proposals this week, likely because of the holidays." It says only
    # that there is nothing to say; the listings' own nouns and a "this week"/"currently" keep news
    # ("No one was hurt", "No arrests have been made") out (no sentence of the news sets matches).
    r"|^[*_]{0,2}(?:there\s+(?:are|were|is|was)\s+no|no)\s+(?:new\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:rfcs?|issues?|jobs?|events?|meetups?|updates?|proposals?|releases?|news|items?|posts?|articles?"
    r"|links?|talks?|prs?|pull\s+requests?)\b[^.!?\n]{0,60}?\b(?:this\s+(?:week|issue|time)|currently)\b"
    r"(?:(?!\bbut\b)[^.!?\n]){0,60}[.!?]?[*_]{0,2}$"
    # …or "People have been busy but… nothing really interesting worth discussing for this week, sadly." (This
    # Week in Neovim's empty section, a key point)
    r"|\bnothing\s+(?:really\s+)?(?:interesting|new|notable|much)\s+(?:worth\s+\w+ing|to\s+(?:report|share|discuss|mention))"
    r"\b[^.!?\n]{0,20}?\bthis\s+(?:week|month|issue)\b"
    # …and as This Week in Rust says its quote's: "Alas this week remains quoteless for lack of suggestions."
    r"|\bthis\s+(?:week|issue)\s+remains\s+\w+less\b|\bfor\s+lack\s+of\s+suggestions\b"
    # A line of a news page's furniture, whole lines only (see FURNITURE_LINE).
    "|" + _FURNITURE_RULE
)
# A line of a news page's furniture, pasted along with the article ("Media playback is not supported
# on this device" before each BBC video). It has no stop, so inside a soft-wrapped paragraph it would
# read as the start of the next sentence ("…on this device If the former Forest defender…"): such
# lines go before the paragraph is read as sentences.
FURNITURE_LINE = re.compile(f"{_FURNITURE_RULE}|{PAGE_LINE_RULE}", re.I)


# The heading of a page's list of links to other stories ("More on this story", "Related topics", "Top
# stories") or of its table of contents: with the short lines under it, none a sentence, it is the page's
# furniture, not the article's ("Storm Darragh: Red warning issued" / "Flood defences to get £20m boost"
# had been a key point; a copied Wikipedia article's "Contents 1 History 2 Geography…" a summary sentence).
RELATED_LINKS = re.compile(
    r"^(?:more\s+on\s+this\s+story|explore\s+more\s+on\s+(?:these|this)\s+topics?"
    r"|related\s+(?:topics|stories|articles|content|links)|top\s+stories"
    r"|most\s+(?:read|popular|viewed)|you\s+(?:may|might)\s+also\s+(?:like|be\s+interested\s+in)|read\s+next"
    # "More from AllBusiness.com:" over a list of its stories (a Fox Business page's, a key point)
    r"|more\s+from\s+[\w.&'’ -]{2,40}?:"
    # A copied page's table of contents, its numbered sections under it ("1\tHistory", "2.1 Early years").
    r"|contents"
    # A video's box in a copied CNN page: its title and length under the box's label ("Why the islands
    # depend on one ferry", "02:14 - Source: CNN").
    r"|video\s+ad\s+feedback"
    # A press release's contacts: a name, an address, a telephone number under "Media contact:".
    r"|(?:media|press|investor|editorial)\s+(?:contacts?|enquiries|inquiries)|contacts?|contact\s+information)\s*:?$",
    re.I,
)


# The heading of what a press release or a post says of its company or writer, under the story ("About
# Harbour Ferries", "About the author"): with the paragraph under it, boilerplate. A name in lower case
# with a digit or a capital inside it is a company's too ("About my6sense", "About eBay").
ABOUT_HEADING = re.compile(
    r"^about\s+(?:the\s+(?:author|writer|company)|us|(?-i:[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4})"
    r"|(?-i:[a-z][\w&.'’-]*[\dA-Z][\w&.'’-]*))\s*:?$",
    re.I,
)


# The heading of a newsletter's section that is its own furniture, items and all: links to its past issues
# ("🐧 往年回顾", Python 潮流周刊's, whose last year's issue "Python 潮流周刊#27：…（2023.11.18）" had been a key
# point), its subscription pitch ("🐱欢迎订阅", whose "技术周刊是聪明人…" was another). Read on the heading's text.
# And, since the thirty-third session, a show's own promotion and its social links ("## Shameless Plugs", "##
# Tweet us your tasty treats!" over "[Scott's Instagram](…)": Syntax's show notes, whose plugs and links had
# been three of five key points).
FURNITURE_SECTION = re.compile(
    r"往期(?:回顾|推荐|精选|文章)|往年回顾|历史文章|欢迎订阅|订阅(?:方式|本刊|周刊)"
    r"|^\W*(?:past|previous)\s+issues\b|^\W*from\s+the\s+archives?\b|^\W*subscribe\b"
    r"|^\W*(?:shameless\s+)?(?:self[-\s])?plugs?\W*$|^\W*(?:tweet|follow|find|connect\s+with)\s+us\b",
    re.I,
)


def has_page_line(text: str) -> bool:
    """Whether a line of ``text`` is a copied page's furniture (:data:`FURNITURE_LINE`), the heading of
    its list of links (:data:`RELATED_LINKS`) or of its "About …" paragraph: the lone text's walk must
    then run."""
    return any(
        FURNITURE_LINE.match(row) or RELATED_LINKS.match(row) or ABOUT_HEADING.match(row)
        for row in (without_list_marker(line).strip() for line in text.split("\n"))
    )


@lru_cache(maxsize=1)
def _call_to_action() -> re.Pattern[str]:
    # Compiled on first use: a plain article never needs it (see boilerplate.strip_lone).
    return re.compile(_CALL_TO_ACTION_RULES, re.I)


def is_call_to_action(text: str) -> bool:
    """Whether ``text`` asks the reader to do something for the newsletter (subscribe, submit, follow),
    or is a line of a news page's furniture ("Media playback is not supported on this device").

    A text of a few sentences (a newsletter's note: "本杂志开源，欢迎投稿。另有《谁在招人》服务…") is one when any
    of them is, a longer one when at least half of them are: a greeting paragraph goes whole ("Hello and
    welcome to another issue… This is a weekly summary… Want something mentioned? Tweet us…"), while an
    article whose lines end "… Follow us on Twitter @BBCNewsEnts" keeps its news and loses that line alone,
    and an editor's intro that asks "Please let me know…" in one of its sentences keeps the others."""
    text = text.strip()
    if not MAY_CALL_TO_ACTION.search(text):  # the rules without anchors: no rule matches anywhere
        return False
    rule = _call_to_action()
    # A rule anchored at a sentence's start matches the whole text's first sentence only: "Always wanted
    # to contribute…? Every week we highlight some tasks…" is a note by its second sentence.
    sentences = split_sentences(text, "und")
    said = sum(1 for s in sentences if rule.search(s))
    if len(sentences) <= NOTE_SENTENCES:
        return said > 0 or bool(rule.search(text))  # the whole text too: a match may span a sentence end
    return 2 * said >= len(sentences)


# The same patterns without their anchors, and with "." matching a line break (a soft-wrapped
# paragraph is checked with its lines joined by spaces): a text this finds nothing in has no call to
# action in any paragraph, line or sentence, so it skips the unit-by-unit walk (most articles). Only
# anchors go: the "^" of a negated class ("[^.!?]") stays, or the class would turn into its opposite.
MAY_CALL_TO_ACTION = re.compile(re.sub(r"(?<![\[\\])\^|(?<!\\)\$", "", _CALL_TO_ACTION_RULES), re.I | re.S)
