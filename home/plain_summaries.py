"""The "Kort fortalt" summaries that `load_policy` writes: the policy's pages retold in easy
words, for readers who are still learning Danish. Short sentences, everyday words, LIX at most
35 (tests/home/test_plain_danish.py checks every one). They retell the adopted text; they add
nothing to it. Pure data, keyed like home.policy_spec's page keys."""

PLAIN_SUMMARIES = {
    "da": {
        "home": (
            "Her kan du læse byens plan for integration. "
            "Du kan se, hvordan det går med målene. "
            "Du kan sige din mening i en debat. "
            "Du kan komme til møder i byen. "
            "Din forening eller dit firma kan blive partner. "
            "Alle skal kunne være med i byen."
        ),
        "barometer": (
            "Barometeret viser, hvordan det går med byens seks mål. "
            "To gange om året kommer der nye tal. "
            "For hvert mål kan du se tallet nu og tallet fra start. "
            "Hvor byen har sat et mål i tal, kan du se, hvor langt der er igen."
        ),
        "policy": (
            "Det her er byens plan for integration fra 2011 til 2014. "
            "Målet er en hel by. Alle skal føle, at de hører til. "
            "Alle skal kunne få en uddannelse og et job. "
            "Alle skal have lov at være med og blive hørt. "
            "Kommunen, firmaer, foreninger og borgere skal gøre det sammen."
        ),
        "focus:alle-unge-god-start": (
            "Alle børn og unge skal have en god start. "
            "De skal lære at læse og skrive godt. "
            "De skal tage en uddannelse efter skolen. "
            "Byen hjælper dem, der har svært ved det. "
            "Forældre skal også være med."
        ),
        "focus:mangfoldighed-i-arbejdslivet": (
            "Alle skal have lige ret til et job. "
            "Det må ikke spille en rolle, hvor du kommer fra. "
            "Flere med rødder i andre lande skal have arbejde. "
            "Kommunen vil selv ansætte folk med mange slags baggrund. "
            "Firmaer skal også tage ansvar."
        ),
        "focus:den-inddragende-by": (
            "Alle i byen skal kunne være med og blive hørt. "
            "Du kan være med i en forening, i dit kvarter eller på nettet. "
            "Ingen må blive holdt udenfor på grund af hudfarve, tro eller køn. "
            "Byen vil tale mere med sine borgere."
        ),
        "focus:saerlig-haand-til-udsatte": (
            "Nogle grupper og kvarterer har det svært. "
            "Der skal byen give en ekstra hånd. "
            "Børn i fattige familier skal have de samme chancer som andre. "
            "Flere skal bruge byens tilbud, fx klubber og vuggestuer. "
            "Alle skal føle sig trygge, hvor de bor."
        ),
        "section5": (
            "Byen holder øje med, om planen virker. "
            "Hvert halve år kan du se tallene i barometeret. "
            "Hvert år får politikerne en kort status. "
            "Så kan de ændre det, der ikke virker. "
            "Byen vil også tale med borgerne om planen."
        ),
        "goal:overall": (
            "Det store mål er, at København skal være den by i Europa, der er bedst til "
            "integration. "
            "Det skulle nås i 2015. "
            "Et fælles mål for byer i Europa viser, hvor langt vi er nået. "
            "Så kan vi se, hvordan vi klarer os mod andre byer."
        ),
        "goal:1": (
            "Børn, der taler to sprog, skal klare sig bedre i skolen. "
            "Det gælder især dem, der har det sværest med at lære. "
            "Byen har ikke sat et tal på målet endnu."
        ),
        "goal:2": (
            "Flere med rødder i andre lande skal have et job. "
            "I dag er der flere uden job i den gruppe end blandt andre. "
            "Forskellen skal ned på højst 5,8 % i 2014."
        ),
        "goal:3": (
            "De folk, der arbejder for kommunen, skal ligne byen. "
            "Der skal være lige så mange med rødder i andre lande som i byen i det hele taget. "
            "Det gælder også for chefer."
        ),
        "goal:4": (
            "Alle skal føle, at de hører til i byen. "
            "De skal have tillid til andre og kunne gøre en forskel. "
            "Ingen må blive holdt udenfor. "
            "Byen spørger folk, hvordan de har det med det."
        ),
        "goal:5": (
            "Flere i de svære kvarterer skal bruge byens tilbud. "
            "Det kan være en vuggestue, en klub eller et sted at få hjælp. "
            "Byen har ikke sat et tal på målet endnu."
        ),
        "goal:6": (
            "Alle skal føle sig trygge i byen. "
            "Byen spørger folk, om de føler sig trygge. "
            "Svarene skal blive bedre år for år."
        ),
        "lighthouse:alle-unge-god-start": (
            "På ti skoler får elever ekstra hjælp til at læse og skrive. "
            "Det er elever, der taler to sprog og har svært ved det. "
            "De kan fx få et kort kursus i dansk. "
            "Skolen hjælper dem også videre til en uddannelse."
        ),
        "lighthouse:mangfoldighed-i-arbejdslivet": (
            "Et fleksjob er et job til folk, der ikke kan arbejde fuld tid. "
            "Mange med rødder i andre lande venter på sådan et job. "
            "Derfor laver kommunen flere af dem."
        ),
        "lighthouse:den-inddragende-by": (
            "Bland dig i byen er et sted, hvor alle kan tale med om byen. "
            "Du kan sige din mening, møde andre og være med. "
            "Det er det, du gør her på siden."
        ),
        "lighthouse:saerlig-haand-til-udsatte": (
            "Nogle børn vokser op i fattige familier. "
            "Byen vil gøre livet lettere for dem. "
            "Familien skal vide, hvilken hjælp den har ret til. "
            "Børn kan fx gå gratis til sport. "
            "Der kommer også flere voksne i klubberne, som kan hjælpe."
        ),
    },
    "en": {
        "home": (
            "Here you can read the city's plan for integration. "
            "You can see how the goals are going. "
            "You can give your view in a debate. "
            "You can come to meetings in the city. "
            "Your club or your firm can become a partner. "
            "Everyone should be able to take part in the city."
        ),
        "barometer": (
            "The barometer shows how the city's six goals are going. "
            "New figures come twice a year. "
            "For each goal you can see the figure now and the figure at the start. "
            "Where the city has set a goal in numbers, you can see how far there is to go."
        ),
        "policy": (
            "This is the city's plan for integration from 2011 to 2014. "
            "The aim is one whole city. Everyone should feel that they belong. "
            "Everyone should be able to get an education and a job. "
            "Everyone should take part and be heard. "
            "The city, firms, clubs and people must do it together."
        ),
        "focus:alle-unge-god-start": (
            "All children and young people should get a good start. "
            "They should learn to read and write well. "
            "They should get an education after school. "
            "The city helps those who find it hard. "
            "Parents take part too."
        ),
        "focus:mangfoldighed-i-arbejdslivet": (
            "Everyone should have the same right to a job. "
            "Where you come from must not matter. "
            "More people with roots in other countries should have work. "
            "The city will hire people of many kinds itself. "
            "Firms must help too."
        ),
        "focus:den-inddragende-by": (
            "Everyone in the city should be able to take part and be heard. "
            "You can join a club, help in your area or speak up online. "
            "No one may be left out because of skin colour, faith or sex. "
            "The city wants to talk more with the people who live here."
        ),
        "focus:saerlig-haand-til-udsatte": (
            "Some groups and areas have a hard time. "
            "There the city gives an extra hand. "
            "Children in poor families should have the same chances as others. "
            "More people should use the city's services, such as clubs and nurseries. "
            "Everyone should feel safe where they live."
        ),
        "section5": (
            "The city checks whether the plan works. "
            "Every half year you can see the numbers in the barometer. "
            "Every year the politicians get a short report. "
            "Then they can change what does not work. "
            "The city will also talk with people about the plan."
        ),
        "goal:overall": (
            "The big goal is that Copenhagen is the city in Europe that is best at integration. "
            "It was to be reached in 2015. "
            "A shared measure for cities in Europe shows how far we have come. "
            "So we can see how we do next to other cities."
        ),
        "goal:1": (
            "Children who speak two languages should do better at school. "
            "Most of all those who find learning hardest. "
            "The city has not yet put a number on this goal."
        ),
        "goal:2": (
            "More people with roots in other countries should have a job. "
            "Today more people in this group are out of work than others. "
            "The gap should be at most 5.8 % in 2014."
        ),
        "goal:3": (
            "The people who work for the city should look like the city. "
            "There should be as many with roots in other countries as in the whole work force. "
            "This is true for bosses too."
        ),
        "goal:4": (
            "Everyone should feel they belong in the city. "
            "They should trust others and be able to make a difference. "
            "No one may be left out. "
            "The city asks people how they feel about this."
        ),
        "goal:5": (
            "More people in the hard-hit areas should use the city's services. "
            "That can be a nursery, a club or a place to get help. "
            "The city has not yet put a number on this goal."
        ),
        "goal:6": (
            "Everyone should feel safe in the city. "
            "The city asks people if they feel safe. "
            "The answers should get better year by year."
        ),
        "lighthouse:alle-unge-god-start": (
            "At ten schools, pupils get extra help to read and write. "
            "These are pupils who speak two languages and find it hard. "
            "They can take a short course in Danish, for example. "
            "The school also helps them on to more education."
        ),
        "lighthouse:mangfoldighed-i-arbejdslivet": (
            "A flex job is a job for people who cannot work full time. "
            "Many with roots in other countries wait for such a job. "
            "So the city makes more of them."
        ),
        "lighthouse:den-inddragende-by": (
            "Bland dig i byen (Join in the city) is a place where everyone can talk about the "
            "city. You can say what you think, meet others and take part. "
            "That is what you do here on this site."
        ),
        "lighthouse:saerlig-haand-til-udsatte": (
            "Some children grow up in poor families. "
            "The city wants to make life easier for them. "
            "The family should know what help it has a right to. "
            "Children can do sports for free, for example. "
            "There will also be more adults in the clubs who can help."
        ),
    },
}
