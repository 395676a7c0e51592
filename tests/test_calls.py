"""Calls to action, sign-offs and an editor's wishes (summarize/text/calls.py): left out of what is summarized,
while news that shares their words stays."""

from __future__ import annotations

import pytest

from summarize.text.calls import is_call_to_action


@pytest.mark.parametrize(
    "text",
    [
        "Netflix said two million more people subscribed to the service last quarter.",
        "The singer has more followers than any other artist, the company said.",
        "Gmail 对于营销邮件和新闻列表，提供一个“退订”按钮（unsubscribe）。",
        "Police urged witnesses to come forward with any information.",
        "Until next week, the road stays closed.",
        "See you soon, she told the crowd before leaving the stage.",
        "Cheers rang out across the stadium as the team scored.",
        "That is all for now, the minister said of the cuts.",
        "That is all the council can afford this year.",
        "That is all for the season, the manager said.",
        "Listen to the people, the mayor told the council on Monday.",
        "Watch out for ice on the roads, police said on the radio.",
        "The video is a hit with fans.",
        "Thanks to the team for the release.",
        "More than two million people follow him on Twitter, the club said.",
        "Follow the money, the detective said, and the case opens up.",
        "If you ask the residents, the council should please everyone, she said.",
        "Please, if you can hear me, stay where you are, the rescuer shouted.",
        # Nothing happened, said of the news: not a section's notice that it is empty.
        "No one was hurt in the blaze, the fire service said.",
        "No arrests have been made this week, police said.",
        "No suspects are currently in custody.",
        "No RFCs were approved this week, but two were merged.",
        "Police said they would visit the site for more checks.",
        # Hopes and holidays said of the news, or a wish quoted: no editor's small talk to the reader.
        '"I hope you are well," she wrote in the letter.',
        "Officials hope you will comply with the new rules.",
        "We hope the talks succeed, the minister said.",
        "Happy Valley returns to BBC One next year.",
        "Happy Thanksgiving shoppers crowded the stores on Friday.",
        "And finally the bill passed, thanks to the votes of both parties.",
        "And finally — time to get some rest!",
        # Two sentences, neither a call to action, the second opening as one might ("Every week…").
        "The market opens at dawn. Every week, vendors bring fruit from the valley.",
        # Getting software, said of the news: not at the sentence's start, or not the reader's.
        "It is a virtual man, which you can download for free and install in your computer.",
        "Customers can download the app from Monday, the bank said.",
        "You can get tremendous growth by keeping investment levels high, he explains.",
        "Please report any suspicious packages to staff, police said.",
        # Debates and views said of the news.
        "The chairman said he welcomes a lively debate about the club's future.",
        "Fans were welcomed to the 40th edition of the festival by the mayor.",
        "The editor's note to staff said the paper would close in March.",
        "Views expressed at the meeting ranged from anger to relief.",
        "أكدت جهات سورية معارضة أن فصائل مسلحة تمكنت من السيطرة على مستودعات للأسلحة بريف دمشق.",
        # Sponsors, social accounts and shops said of the news.
        "The post was sponsored by a drinks company, the regulator found.",
        "More than 2 million people visit the museum on Facebook each year.",
        "Shoppers can get it at Walmart for $169.99 from Friday, the company said.",
        "All opinions were heard at the meeting, the chairman said.",
        "Fans were welcomed to the seventh round of talks by the mayor.",
        "The charity's aim is to be a lifeline for families in the valley.",
        "To learn more about the crash, investigators will examine the engines.",
        "Police said anyone could feel free to contact them about the crash.",
        "This section of the road is about to close for repairs.",
        "The mayor will present you the keys to the city, the council said.",
        "Read the report, the minister told MPs on Tuesday.",
        "The special thanks went to the volunteers who cleared the beach.",
        "他在杭州拍摄了一部纪录片，记录了城市的变化。",
        ": The album Exodus came out in 1977 and that provided five hits.",  # an interview's answer
        "Hasta la próxima semana, la carretera seguirá cerrada, dijo la policía.",
        "O presidente clicou no link errado, disse a polícia.",
        "Les abonnés recevront le journal dans votre boîte aux lettres, a dit le maire.",
        "Events between 2019-01-01 and 2019-06-30 were rescheduled, the council said.",
        # Signposts, addresses and reprints said of the news (the twenty-ninth session's rules).
        "Officials read on for hours as the crowd grew restless.",
        "In the final part of the race, he pulled ahead of the field.",
        "Next week the council will vote on the plan.",
        "Contact tracers at the clinic reached 40 people by Friday.",
        "Originally published in 1962 by Knopf, the novel has sold millions of copies.",
        "The book was originally published in 1962 and sold well.",
        "Get the latest figures from the statistics office, the minister told MPs.",
        "Police said they would grab the suspect's phone records.",
        "Provided by the council, the buses run every hour.",
        "If your team wins on Saturday, please expect crowds in the town centre, police said.",
    ],
)
def test_news_prose_is_not_a_call_to_action(text: str) -> None:
    assert not is_call_to_action(text)


CALLS_TO_ACTION = (
    # A post's signposts to itself and to the writer's offer, a column's address, a reprint's origin (read in
    # the twenty-ninth session: a business blog, Dear Abby, Live Science).
    "Read on for three tips that will help you build a firm foundation for online leadership.",
    "If you’d like to find out more about the BIG League — my community for online business builders — download the "
    "Online Business Success Roadmap.",
    "In the final article in this series, we’re going to dig deep into how the approach really works.",
    "Coming next: how to make Plan & Grow BIG work for your business.",
    "Take a look if you haven’t read it yet: Why Some People Triumph Online and Others Never Make It.",
    "Grab my 12-question quiz that will help you pinpoint the stage you’re in right now.",
    "Get the Online Business Success Roadmap for an overview and a handy checklist of all the stages.",
    "Contact Dear Abby at www.DearAbby.com or P.O. Box 69440, Los Angeles, CA 90069.",
    "Originally published on Live Science.",
    "This article was originally published on The Conversation.",
    "If your organization depends on Node.js and is interested in sponsoring a bug bounty program, please reach out "
    "through the OpenJS Foundation.",
    "If you find any errors in this week's issue, please submit a PR.",
    "Want something mentioned? Tweet us at @example or send us a pull request.",
    "微信搜索“阮一峰的网络日志”或者扫描二维码，即可订阅。",
    "（完）",
    # Sign-offs, and a call to action opened by a connective.
    "Thanks for reading!",
    "And finally — thank you for reading.",  # a newsletter's last section opening with its sign-off
    "Thank you for your time and attention,",
    "Until next time.",
    "Cheers, Jeroen",
    "That is all for issue 42.",
    # A news page's pointer to its media or listings.
    "Listen to the full interview on Sport on Five and the BBC Sport website from 1900 GMT.",
    "You can watch the whole documentary now on BBC iPlayer.",
    "Please click on this page for the latest listings.",
    "The video can be seen at the top of this story.",
    "That's it for this week!",
    "So sign up on his profile, give him a follow too.",
    # A writer's own account in a news page's footer.
    "Follow Pallab on Twitter",
    "You can follow BBC Monitoring on Twitter and Facebook.",
    "jo.reporter@example.org and follow me on Twitter: @reporter",
    # A request to whichever reader a condition picks.
    "If you are running a Rust event please add it to the calendar to get it mentioned here.",
    "If you are interested, please get in touch!",
    # Pointers to more of a news site, alone on their line.
    "More on this and other local stories from across East Yorkshire",
    "READ MORE: The facts behind claims in the EU debate",
    # A section's notice that it is empty this time (This Week in Rust, Swift Weekly Brief).
    "*No RFCs were approved this week.*",
    "No new RFCs were proposed this week.",
    "No issues are currently in final comment period.",
    "*No jobs listed for this week.*",
    "No updates on proposals this week, likely because of the holidays.",
    "Some of these tasks may also have mentors available, visit the task page for more information.",
    "For more information, visit the council website.",
    # A note is one by any of its sentences, also one a rule knows only at a sentence's start.
    "Always wanted to contribute to open-source projects but didn't know where to start? "
    "Every week we highlight some tasks from the Rust community for you to pick and get started!",
    "BBC Monitoring reports and analyses news from around the world. You can follow BBC Monitoring on Twitter.",
    "Every week the team announces the 'final comment period' for RFCs and key PRs which are reaching a "
    "decision. Express your opinions now.",
    # The editor's wishes to the reader: a greeting paragraph goes whole (Swift Weekly Brief #199).
    "Hello all! I truly hope you enjoyed Thanksgiving and were able to spend the holiday with your loved ones. "
    "Maybe some of you even played a game of naming all 50 states in 6 minutes.",
    "Hope you all had a great weekend!",
    "We hope you're enjoying the summer.",
    "Happy holidays!",
    "Happy New Year to all of you!",
    # Whose idea the crate of the week was (This Week in Rust 528, 2024).
    "Thanks to zhuxiujia for the self-suggestion!",
    # A numbered issue's greeting (This Month in Rust GameDev #40).
    "Welcome to the 40th issue of the Rust GameDev Workgroup's monthly newsletter.",
    # A release note's how-to-get-it and how-to-help (every Rust release post).
    "If you don't have it already, you can get rustup from the appropriate page on our website, and check out "
    "the detailed release notes for 1.75.0.",
    "You can download the installer from python.org.",
    "If you'd like to help us out by testing future releases, you might consider updating locally to use the "
    "beta channel. Please report any bugs you might come across!",
    # A news site's comment policy and an opinion piece's disclaimer, in English and in Arabic (CNN Arabic's).
    "CNN welcomes a lively and courteous discussion as long as you follow the Rules of Conduct.",
    "Comments are not pre-screened before they post.",
    "The opinions expressed in this commentary are solely his own.",
    "The views expressed here do not necessarily reflect those of the BBC.",
    # Moneycontrol's, with more than views expressed and a site's address in it.
    "The views and investment tips expressed by investment experts on Moneycontrol.com are their own and not that "
    "of the website or its management.",
    "ترحب شبكة CNN بالنقاش الحيوي والمفيد، وكي لا نضطر في موقع CNN بالعربية إلى مراجعة التعليقات قبل نشرها.",
    "الآراء الواردة أدناه لا تعبر عن رأي موقع CNN بالعربية، بل تعكس وجهات نظر أصحابها فقط.",
    # An editor's note over an opinion piece: the writer's biography and the disclaimer, whole.
    "Editor’s Note: Jane Doe is a senior fellow at the Harbour Institute. The views expressed in this commentary "
    "are her own. Read more opinion on CNN.",
    # A sponsored post's disclosure and its last line, a deals page's button.
    "This shop has been compensated by #CollectiveBias, Inc. and its advertiser. All opinions are mine alone. #ad",
    "This sponsored deal is brought to you by Dashlane.",
    "Be sure to visit Arrowhead on Facebook, Twitter, and Instagram.",
    "Get it on Amazon for $169.99 Also at Walmart",
    "Buy it at Best Buy for £49.",
    # A newsletter's greeting with its number in words, what it is for, how to take part, a section's own
    # description, a pointer to read more (This Week in Dart's, This Week in Neovim's).
    "Welcome to the seventeenth issue of This Week in Dart!",
    "Welcome to the twenty-first edition of Harbour Weekly.",
    "This Week in Dart's aim is to be a useful collection of changes and news from across the Dart ecosystem.",
    "To contribute to this and future issues, feel free to contribute on GitHub.",
    "Do not keep the candies for yourself and please feel free to share with us!",
    "You can open a PR at This Week In Neovim Contents.",
    "Feel free to read how to contribute to get started.",
    "This section is about the community and what is going on.",
    "To learn how to update your Dart version, check out Get the Dart SDK or download the update.",
    "Head to the linked issue to learn more about the potential breaking change.",
    # This Week in React's greeting and thanks, a pointer to the change; Chinese weeklies' asks and captions.
    "Another week has passed and I’m thrilled to present you the tenth issue of This Week in React ⚛️.",
    "It’s time for your weekly recap of what happened in React Core and React DOM.",
    "Special thank you this week to: David Edmondson (threehams), Isaiah Nields (isaiahnields).",
    "Read the PR for more information why this hook was removed.",
    "你也可以为这个项目出一份力，如果发现有价值的信息、文章、工具等可以到 Issues 里提给我们，我们会尽快处理。",
    "我们和 Price Tag 的合作，给读者送一个小福利，点击上面链接可以领取 Reveal 14 优惠券。",
    "记录每周看到的前端潮流技术筛选后周一发布于此，关注让你更潮流~",
    "封面图摄于安吉晚饭黄昏，伴随着一点凉风吹来，还挺有意境的。",
    "摄于杭州太子湾郁金香，挺美，每年3月底4月初开。",
    "同时也支持了 RSS 订阅：https://github.com/SwiftOldDriver/iOS-Weekly/releases.atom 。",
    # The same asks in Portuguese, Spanish, French and German (a Brazilian blog's three key points).
    "Clique no link para ver o Calendário completo da Cup.",
    "Receba em seu email nosso ebook “As 5 Etapas”, um guia completo e totalmente gratuito.",
    "Coloque nos seus favoritos e venha sempre conferir a classificação!",
    "Um forte abraço, fique com Deus e até a próxima.",
    "Suscríbete a nuestro boletín semanal.",
    "Abonnez-vous à notre lettre d'information.",
    "Folgen Sie uns auf Twitter und Facebook.",
    "¡Hasta la próxima!",
    "Rusty Events between 2022-10-19 - 2022-11-16 🦀",  # an events listing's own line
    "Alas this week remains quoteless for lack of suggestions.",  # an empty section's notice
    "今年的暑期实习，已经开始申请了，感兴趣的同学看过来。",  # 科技爱好者周刊's ad
    "Here's your weekly spec update!",  # This Week in Matrix's, opening each spec section
)


def test_calls_to_action_in_both_languages() -> None:
    for text in CALLS_TO_ACTION:
        assert is_call_to_action(text), text


def test_an_article_ending_in_a_call_to_action_keeps_its_news() -> None:
    from summarize import SummarizeOptions, Summarizer

    # One paragraph per line, no blank lines (as news text often comes): the call to action at the end
    # once made the whole text "boilerplate", summarized as written with a warning saying so.
    lines = [
        "The trailer for the new space film was released on Thursday and shows the villain's return.",
        "The film stars a young actress as the leader of a daring mission to steal secret plans.",
        "It is set before the first film of the series, released in 1977, and stands on its own.",
        "The director said the team had worked on the film for more than three years in secret.",
        "Follow us on Twitter @NewsDesk, or email desk@example.org.",
    ]
    result = Summarizer(SummarizeOptions(engine="extractive", points=0)).summarize("\n".join(lines), "news")
    said = " ".join([result.summary, *result.key_points])
    assert "Follow us" not in said and "trailer for the new space film" in said
    assert result.warnings == [] and result.boilerplate_lines == 1
    assert not is_call_to_action("\n".join(lines)) and is_call_to_action(lines[-1])
    # A short note is furniture whole when one of its sentences is.
    assert is_call_to_action("本杂志开源，欢迎投稿。另有《谁在招人》服务，发布程序员招聘信息。")
