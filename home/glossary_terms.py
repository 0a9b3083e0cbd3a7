"""The glossary `load_policy` seeds: words from the policy that many readers do not know,
explained in easy words. Editors can change them in the admin (Snippets > Glossary terms);
the loader only adds terms that are missing. Pure data."""

GLOSSARY = {
    "da": [
        (
            "overledighed",
            "Når der er flere uden arbejde i en gruppe end blandt alle andre. "
            "Forskellen kaldes overledighed.",
        ),
        (
            "beskæftigelsesfrekvens",
            "Hvor mange ud af 100, der har et arbejde.",
        ),
        (
            "fyrtårnsprojekt",
            "Et stort projekt, som alle kan se. Det skal vise vejen for resten af arbejdet.",
        ),
        (
            "handleplan",
            "En plan for, hvad et udvalg vil gøre. Den siger hvad, hvem og hvornår.",
        ),
        (
            "integrationsbarometer",
            "En side med tal, der viser, om byen når sine mål for integration. "
            "Tallene kommer hvert halve år.",
        ),
        (
            "medborgerskab",
            "At være en aktiv del af byen. Du er med, du siger din mening, og du tager ansvar.",
        ),
        (
            "indsatsområde",
            "Et emne, som byen sætter ekstra ind på. Politikken har fire af dem.",
        ),
        (
            "hovedmål",
            "Et af de seks store mål i politikken. Tallene i barometeret viser, om vi når dem.",
        ),
        (
            "tosprogede",
            "Personer, der taler to sprog. Ofte taler de et andet sprog end dansk derhjemme.",
        ),
        (
            "etniske minoriteter",
            "Folk, der selv eller hvis forældre har rødder i et andet land.",
        ),
        (
            "ungdomsuddannelse",
            "Den skole, du går på efter folkeskolen. Det kan være gymnasiet. "
            "Eller en skole, hvor du lærer et fag.",
        ),
        (
            "fleksjob",
            "Et job med færre timer eller lettere opgaver. Det er til folk, der ikke kan "
            "arbejde fuldt på grund af sygdom eller handicap.",
        ),
        (
            "civilsamfund",
            "Klubber og grupper, som folk selv laver. Det er ikke kommunen. "
            "Det er heller ikke firmaer.",
        ),
        (
            "interkulturel",
            "Når folk fra mange lande og kulturer mødes. De taler sammen og lærer af hinanden.",
        ),
        (
            "Borgerrepræsentationen",
            "Byens råd af folkevalgte. Vi vælger dem til at styre byen.",
        ),
        (
            "diskrimination",
            "Når nogen bliver behandlet dårligere end andre. Det kan fx være på grund af "
            "hudfarve, tro eller køn.",
        ),
    ],
    "en": [
        (
            "excess unemployment",
            "When more people in a group are out of work than in the population as a whole. "
            "The gap is the excess.",
        ),
        ("employment rate", "How many out of 100 people have a job."),
        (
            "lighthouse project",
            "A big project everyone can see. It shows the way for the rest of the work.",
        ),
        ("action plan", "A plan for what a committee will do: what, who and when."),
        (
            "integration barometer",
            "A page of numbers that shows if the city reaches its goals. "
            "New numbers come every half year.",
        ),
        (
            "active citizenship",
            "Taking an active part in the city: joining in, saying what you think and "
            "taking responsibility.",
        ),
        ("focus area", "A subject the city puts extra work into. The policy has four."),
        (
            "main goal",
            "One of the six big goals in the policy. The barometer shows if we reach them.",
        ),
        ("bilingual", "A person who speaks two languages, often another one at home."),
        (
            "ethnic minorities",
            "People who come from another land. Or their mum or dad does.",
        ),
        (
            "upper secondary education",
            "Education after basic school, such as high school or training for a trade.",
        ),
        (
            "flex job",
            "A job with fewer hours or easier tasks. It is for people who are ill or have a "
            "handicap and cannot work full time.",
        ),
        (
            "civil society",
            "Clubs, groups and charities that people run themselves: not the city and not firms.",
        ),
        (
            "intercultural",
            "When people from different cultures meet, talk and learn from each other.",
        ),
        ("City Council", "The city's politicians. They decide for Copenhagen."),
        (
            "discrimination",
            "When a person is treated worse than others. It can be because of skin colour, "
            "faith or sex.",
        ),
    ],
}
