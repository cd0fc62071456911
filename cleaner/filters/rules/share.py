"""Share, follow, comment and edit widgets: "Share on Facebook", "Copy link", "Follow us",
"Leave a comment", "0 Comments", "Reply", "Edit post", and rows of social network names.
"""

from __future__ import annotations

from cleaner.filters.rules._base import LineRule
from cleaner.filters.rules._patterns import EDGE, ICON_TAIL, LEAD, line_start, phrase, whole_line

# Buttons and widget titles: at most 5 words among the lines these rules drop in the train split.
BUTTON_MAX_WORDS = 6

# A row of social network names ("Facebook Twitter LinkedIn Email") or a comment form's fine
# print ("Save my name, email, and website in this browser for the next time I comment.").
ROW_MAX_WORDS = 25

# Social networks and share targets, as their buttons name them. Left out: names that gold
# bodies of documentation and product pages list as content (GitHub, Discord, Spotify, Medium).
_NETWORKS = phrase(
    r"facebook|twitter|x\.com|linkedin|instagram|youtube|pinterest|tiktok|whatsapp|telegram|"
    r"reddit|tumblr|bluesky|threads|mastodon|flipboard|pocket|snapchat|vimeo|"
    r"vk|vkontakte|ok\.ru|odnoklassniki|viber|messenger|wechat|weibo|xing|hacker news|"
    r"rss(?: feed)?|e-?mail|print|copy link|substack|google news"
)

# What separates the names in a row: spaces, bullets, bars, icons. Possessive, so a line that
# is not a row fails at once instead of trying every way to split its white space.
_SEPARATOR = r"[\s\p{So}\p{Sm}\p{Pd}|•·,/:]*+"

RULES: tuple[LineRule, ...] = (
    LineRule(
        # "Share", "Share this article", "Share on Facebook", "Tweet", "Copy link", "Print".
        "share_button",
        whole_line(
            r"share(?: this| it| now| article| story| post| page| link| via| on| to| with"
            r"| your thoughts)?(?: (?:article|story|post|page|video|recipe|link))?"
            r"(?: (?:on|via|to|with) (?:" + _NETWORKS + r"|x))?",
            r"(?:tweet|post|pin|send|save|email|e-mail|print)(?: it| this| article| story"
            r"| page| post| recipe| to pocket| for later)?",
            r"copy(?: the)? (?:link|url|article link)",
            r"link copied(?: to clipboard)?",
            r"(?:gift|give) (?:this )?(?:article|story)",
            r"bookmark(?: this)?",
            r"(?:save|add) to (?:favou?rites|bookmarks|reading list)",
            r"\d+ shares?",
            r"teilen",
            r"(?:artikel|beitrag) teilen",
            r"auf \w+ teilen",
            r"partager(?: sur \w+| cet article| l['’]article)?",
            r"compartir(?: en \w+| este artículo)?",
            r"condividi(?: su \w+| l['’]articolo)?",
            r"(?:compartilhar|partilhar|compartilhe)(?: no \w+)?",
            r"udostępnij(?: na \w+)?",
            r"поделиться(?: в \w+)?",
            r"поділитися(?: в \w+| у \w+)?",
            r"поширити",
            r"(?:delen|deel)(?: op \w+)?",
            r"drucken",
            r"imprimer",
            r"imprimir",
            r"stampa",
            r"drukuj",
            r"печать",
            r"друк",
            r"afdrukken",
        ),
        BUTTON_MAX_WORDS,
    ),
    LineRule(
        # A line naming only share targets or networks: "Facebook", "Facebook Twitter Email".
        "network_row",
        rf"^{LEAD}(?:share(?: on| via)?\s*:?\s*)?(?:{_NETWORKS}|x)"
        rf"(?:{_SEPARATOR}(?:{_NETWORKS}|x))*{ICON_TAIL}{EDGE}$",
        ROW_MAX_WORDS,
    ),
    LineRule(
        # "Follow us", "Follow us on social media", "Connect with us", "Folgen Sie uns".
        "follow_us",
        whole_line(
            r"(?:follow|find|like|join|connect with|stay connected with|subscribe to) us"
            r"(?: on (?:social(?: media)?|" + _NETWORKS + r"|x))?",
            r"follow",
            r"(?:follow|stay connected|connect)(?: on social(?: media)?)?",
            r"social(?: media| links| networks)?",
            r"folgen sie uns(?: auf \w+)?",
            r"folge uns(?: auf \w+)?",
            r"suivez-nous(?: sur \w+)?",
            r"s[ií]guenos(?: en \w+)?",
            r"seguici(?: su \w+)?",
            r"siga-nos(?: no \w+)?",
            r"(?:obserwuj|śledź) nas",
            r"(?:мы в соцсетях|подписывайтесь на нас|следите за нами)",
            r"(?:ми в соцмережах|стежте за нами|слідкуйте за нами|підписуйтесь на нас)",
            r"volg ons(?: op \w+)?",
        ),
        BUTTON_MAX_WORDS,
    ),
    LineRule(
        # Comment widget titles and buttons: "Comments", "0 Comments", "Leave a reply".
        "comment_widget",
        whole_line(
            r"(?:(?:\d+|no|view|show|hide|load|see|read|all|add|post|write|submit|recent"
            r"|latest|top|one) (?:\w+ )?)?(?:comments?|replies|responses|discussion)",
            r"(?:leave|post|add|write|submit|join) (?:a |your |the )?(?:comment|reply|response"
            r"|review|conversation|discussion)",
            r"(?:be the first to (?:comment|reply|review)(?: on this)?)",
            r"(?:cancel|log in to|login to|sign in to) reply",
            r"leave a reply(?: cancel reply)?",
            r"no comments yet",
            r"comments are closed",
            r"reply|quote|permalink|report|flag|like|likes|unlike|edit|delete|upvote|downvote",
            r"edit (?:post|this|page|article|comment)",
            r"(?:report|flag) (?:this )?(?:comment|post|abuse|as inappropriate)",
            r"\d+ (?:likes?|reactions?|replies|reply|votes?|views?|points?)",
            r"kommentare?(?: schreiben)?",
            r"antworten",
            r"(?:laisser un |ajouter un )?commentaires?",
            r"répondre",
            r"(?:deja un |dejar un )?comentarios?",
            r"responder",
            r"(?:lascia un )?comment[oi]",
            r"rispondi",
            r"(?:deixe um )?comentários?",
            r"komentarz(?:e|y)?",
            r"odpowiedz",
            r"комментари[йи]",
            r"ответить",
            r"коментар(?:і|ів)?",
            r"відповісти",
            r"reacties?",
            r"reageer",
        ),
        BUTTON_MAX_WORDS,
    ),
    LineRule(
        # A comment form's fine print and moderation notices.
        "comment_form_notice",
        line_start(
            r"your email address will not be published",
            r"save my name,? email,? and website in this browser",
            r"notify me of (?:follow-up comments|new (?:posts|comments|replies))",
            r"this site uses akismet to reduce spam",
            r"you must be (?:logged in|registered) to (?:post|leave|add) a comment",
            r"comments? (?:are|is) (?:closed|moderated|subject to moderation)",
            r"(?:your )?comment is awaiting moderation",
            r"log in to (?:comment|leave a comment|post a comment)",
            r"(?:\d+|one|two|three) (?:thoughts?|responses?|comments?|replies) (?:on|to)",
            r"ihre e-mail-adresse wird nicht veröffentlicht",
            r"votre adresse (?:e-mail|de messagerie) ne sera pas publiée",
            r"tu dirección de correo electrónico no será publicada",
            r"il tuo indirizzo email non sarà pubblicato",
            r"o seu endereço de e-?mail não será publicado",
            r"twój adres e-?mail nie zostanie opublikowany",
            r"ваш (?:адрес )?e-?mail не будет опубликован",
            r"ваша адреса e-?mail не буде опублікована",
            r"je e-?mailadres wordt niet gepubliceerd",
        ),
        ROW_MAX_WORDS,
    ),
)
