"""Subscription, newsletter, membership and donation prompts, and paywall lines.

Buttons and form labels are matched as whole lines. Pitches ("Get the best stories delivered to
your inbox") are matched by their opening words and kept to short lines, so an article sentence
about newsletters or donations is left alone.
"""

from __future__ import annotations

from cleaner.filters.rules._base import LineRule
from cleaner.filters.rules._patterns import line_start, whole_line

# Buttons and form labels: at most 7 words among the lines these rules drop in the train split.
BUTTON_MAX_WORDS = 8

# Pitches and confirmations are a sentence or two: 95% of those in the train split are at most
# 20 words; body paragraphs that talk about subscribing run longer.
PITCH_MAX_WORDS = 30

# "By subscribing, you agree to our Terms and Privacy Policy..." runs to two or three
# sentences: up to 82 words in the WCXB train split.
CONSENT_MAX_WORDS = 90

RULES: tuple[LineRule, ...] = (
    LineRule(
        # "Subscribe", "Subscribe now", "Sign up for our newsletter", "Newsletters".
        "subscribe_button",
        whole_line(
            r"(?:subscribe|sign up|signup|sign me up|join|register|opt in)"
            r"(?: now| today| here| for free| free| for (?:free )?updates| to (?:our |the )?"
            r"(?:free )?(?:\w+ )?(?:newsletters?|mailing list|updates|alerts|digest|emails?)"
            r"| for (?:our |the )?(?:free )?(?:\w+ )?(?:newsletters?|mailing list|updates|alerts"
            r"|digest|emails?)| our (?:free )?(?:newsletters?|mailing list|community))?",
            r"(?:get|receive|read) (?:our|the) (?:free |daily |weekly )?newsletters?",
            r"(?:our |all |free |email |daily |weekly )?newsletters?(?: sign-?up| signup)?",
            "email updates",
            "subscribe to (?:our )?(?:youtube|podcast|channel|rss|feed)",
            # German, French, Spanish, Italian, Portuguese, Polish, Russian, Ukrainian, Dutch.
            "(?:jetzt |newsletter )?abonnieren",
            "(?:zum |für den )?newsletter anmelden",
            "newsletter bestellen",
            "s'abonner(?: à la newsletter)?",
            "abonnez-vous(?: à (?:notre|la) newsletter)?",
            "inscrivez-vous(?: à (?:notre|la) newsletter)?",
            "suscr[ií]bete(?: a (?:nuestro|nuestra) (?:boletín|newsletter))?",
            "suscribirse",
            "iscriviti(?: alla newsletter)?",
            "abbonati",
            "assine(?: já)?",
            "assinar",
            "inscreva-se(?: na newsletter)?",
            "subskrybuj",
            "zapisz się(?: do newslettera)?",
            "prenumeruj",
            "подписаться(?: на рассылку)?",
            "підписатися(?: на розсилку)?",
            "підпишіться",
            "abonneren",
            "inschrijven(?: voor de nieuwsbrief)?",
            "nieuwsbrief",
        ),
        BUTTON_MAX_WORDS,
    ),
    LineRule(
        # The email field of a sign-up form: "Enter your email to subscribe", "Email address*".
        "email_field",
        whole_line(
            r"(?:(?:enter|type|your|please|a|the|valid|correct|here|input),? )*"
            r"(?:e-?mail|email address|work email|business email)(?: address)?"
            r"(?: (?:here|below|to subscribe|to sign up|to get started|to join))?\s*\*?",
            r"please,? enter (?:a |the )?(?:valid|correct) e-?mail(?: address)?",
            r"(?:invalid|not a valid) e-?mail(?: address)?",
            "first name",
            "last name",
            "full name",
            "your name",
            "(?:e-?mail|name|first name|last name)\\s*\\(required\\)",
            "ihre e-mail(?:-adresse)?",
            "e-mail-adresse",
            "votre (?:adresse )?e-?mail",
            "adresse e-?mail",
            "tu (?:correo|email)(?: electrónico)?",
            "correo electrónico",
            "il tuo indirizzo email",
            "seu e-?mail",
            "twój (?:adres )?e-?mail",
            "ваш e-?mail",
            "je e-?mailadres",
        ),
        BUTTON_MAX_WORDS,
    ),
    LineRule(
        # Form furniture: "* indicates required", "Required fields are marked *".
        "required_marker",
        whole_line(
            r"\*?\s*(?:indicates|denotes) (?:a )?required(?: fields?)?",
            r"(?:all )?(?:required|mandatory) fields? (?:are )?marked(?: with)?(?: an)?(?: \*| asterisk)?",
            r"\*?\s*required(?: fields?)?",
            r"(?:pflichtfeld|champs? (?:obligatoires?|requis)|campos? obligatorios?"
            r"|campo obbligatorio|pole wymagane|обязательное поле|обов['’]?язкове поле|verplicht veld)",
        ),
        BUTTON_MAX_WORDS,
    ),
    LineRule(
        # Form machinery: "This field is for validation purposes and should be left unchanged."
        "form_notice",
        line_start(
            r"this field is for validation purposes",
            r"this field is required",
            r"(?:please )?(?:fill (?:out|in)|complete) (?:this|all(?: the)? required) fields?",
            r"please (?:enter|provide) a valid",
        ),
        PITCH_MAX_WORDS,
    ),
    LineRule(
        # What the form says after it was sent: "Successfuly subscribed", "Thanks for signing up".
        "subscribed_confirmation",
        line_start(
            r"(?:success(?:ful)?l?y|you(?:['’]re| are| have| have been)) (?:now )?(?:subscribed"
            r"|signed up|registered)",
            r"(?:thank you|thanks)(?: so much)?,? for (?:subscribing|signing up|joining|"
            r"registering|your subscription)",
            r"(?:thank you|thanks)!? your submission has been received",
            r"oops!? something went wrong while submitting the form",
            r"(?:please )?check your (?:inbox|email)(?: to confirm| for a confirmation)",
            r"(?:we['’]ve|we have) sent you (?:a|an) (?:confirmation )?e-?mail",
            r"almost (?:done|there)!? (?:please )?(?:check|confirm)",
            r"danke für (?:ihre|deine) anmeldung",
            r"merci (?:pour votre|de votre) inscription",
            r"gracias por (?:suscribirte|tu suscripción)",
            r"grazie per (?:l['’]iscrizione|esserti iscritto)",
            r"obrigad[oa] por (?:se inscrever|assinar)",
            r"dziękujemy za (?:zapisanie|subskrypcję)",
            r"спасибо за подписку",
            r"дякуємо за підписку",
            r"bedankt voor je inschrijving",
        ),
        PITCH_MAX_WORDS,
    ),
    LineRule(
        # Newsletter pitches: "Get the latest news delivered to your inbox", "Stay in the know".
        "newsletter_pitch",
        line_start(
            r"(?:get|receive|have) (?:the |our |all )?(?:latest|best|top|biggest|most important"
            r"|daily|weekly)?[\w\s,'’-]{0,60}(?:delivered|sent|straight|directly|right) "
            r"(?:\w+ )?(?:to|into|in) your (?:inbox|mailbox|email)",
            r"(?:sign up|subscribe|join)[\w\s,'’-]{0,80}(?:to get|to receive|for|and get) "
            r"[\w\s,'’-]{0,80}(?:inbox|newsletter|updates|emails?)",
            r"stay (?:in the know|informed|up to date|up-to-date|updated|connected|in touch|"
            r"in the loop)(?: with (?:us|our \w+))?\W*$",
            r"don['’]?t miss (?:a thing|out|an update|a story|the latest)",
            r"never miss (?:a|an) (?:story|update|post|thing|deal|beat)",
            r"join (?:over |more than )?[\d,.]+\s*[km]?\+? (?:other )?(?:subscribers|readers|"
            r"people|members)",
            r"(?:no spam|we (?:won['’]t|will not|never) (?:spam|share your (?:email|data)))",
            r"(?:you can )?unsubscribe at any ?time",
            r"(?:melden sie sich|abonnieren sie) (?:für )?(?:unseren |den )?newsletter",
            r"inscrivez-vous (?:à|pour)",
            r"recibe (?:las|nuestras) (?:últimas )?noticias",
        ),
        PITCH_MAX_WORDS,
    ),
    LineRule(
        # "By subscribing, you agree to our Privacy Policy and Terms of Service."
        "subscription_consent",
        line_start(
            r"by (?:subscribing|signing up|registering|submitting|entering your e-?mail|"
            r"clicking (?:[\"“'‘]?(?:subscribe|sign up|submit|join|register|continue)"
            r"[\"”'’]?))[^.]{0,160}(?:agree|consent|accept|acknowledge)",
            r"this site is protected by recaptcha",
        ),
        CONSENT_MAX_WORDS,
    ),
    LineRule(
        # Membership and donation appeals: "Become a member", "Support independent journalism".
        "membership_appeal",
        whole_line(
            r"(?:become|join as) a (?:member|supporter|patron|subscriber|friend|paying member)"
            r"(?: today| now)?",
            r"join (?:now|today|us today|the club|our community)",
            r"(?:support|fund|back) (?:us|our work|our journalism|independent journalism|"
            r"independent media|quality journalism|the \w+(?: \w+)?)(?: today| now)?",
            r"(?:donate|give|contribute|chip in)(?: now| today| here| monthly| once)?",
            r"make a (?:donation|contribution|gift)(?: today| now)?",
            r"(?:pre-?order|preorder)(?: now| today)?",
            r"members? only",
            r"for (?:members|subscribers|premium members) only",
            r"(?:jetzt )?(?:spenden|unterstützen)",
            r"mitglied werden",
            r"faire un don",
            r"(?:devenir|devenez) (?:membre|abonné)",
            r"(?:haz|hacer) una donación",
            r"(?:hazte|hágase) (?:socio|miembro)",
            r"dona(?: ora)?",
            r"sostienici",
            r"(?:faça|fazer) uma doação",
            r"wesprzyj(?: nas)?",
            r"(?:поддержать|поддержите)(?: нас| проект)?",
            r"(?:підтримати|підтримайте)(?: нас| проєкт| проект)?",
            r"(?:doneer|word lid)(?: nu)?",
        ),
        BUTTON_MAX_WORDS,
    ),
    LineRule(
        # Paywall lines: "Already a subscriber? Log in", "Subscribe to continue reading".
        "paywall",
        line_start(
            r"already (?:a |an )?(?:subscriber|member|registered(?: user)?|customer"
            r"|have an account)\s*[?:]",
            r"(?:subscribe|sign up|log in|sign in|register)(?: now)? to (?:continue reading|"
            r"read (?:the )?(?:full|rest|whole|more)|unlock|keep reading|access|read this)",
            r"(?:to )?continue reading,? (?:subscribe|sign in|log in|register|create)",
            r"this (?:article|story|content|post) is (?:only )?(?:for|available to|reserved for)"
            r" (?:subscribers|members|premium|paying)",
            r"you(?:['’]ve| have) (?:reached|read|used) (?:your|all|\d+)[\w\s]{0,40}"
            r"(?:free )?(?:articles?|stories|limit)",
            r"you have \d+ free (?:articles?|stories) (?:left|remaining)",
            r"(?:get|unlock|enjoy) unlimited (?:digital )?access",
            r"(?:create|register for) a free account to (?:continue|read|keep)",
            r"(?:bereits|schon) (?:abonnent|abonniert|registriert)",
            r"(?:déjà abonné|vous êtes déjà abonné)",
            r"(?:¿ya eres (?:suscriptor|socio)|ya soy suscriptor)",
            r"(?:sei già abbonato|già abbonato)",
            r"(?:já é assinante|já sou assinante)",
            r"(?:masz już (?:konto|subskrypcję)|jesteś już subskrybentem)",
            r"(?:уже есть подписка|уже подписаны)",
            r"(?:вже маєте підписку|вже є підписка)",
            r"(?:al abonnee|ben je al abonnee)",
        ),
        PITCH_MAX_WORDS,
    ),
)
