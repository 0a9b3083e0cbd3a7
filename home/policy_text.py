"""Copenhagen's adopted integration policy 2011-14 as structured data, in Danish and English.

Source: "En hel by – Københavns Kommunes integrationspolitik 2011-14", the text adopted by the
City Council (Borgerrepræsentationen), in the scanned copy at seeds/001_8f998deef1e7c185.txt.
The earlier draft (seeds/000_9fbd5f416afa9f39.txt) was used only to read garbled words; where the
two differ, the adopted text stands.

The scan's OCR mangled the Danish letters, so this module repairs only scan errors and keeps the
policy's wording as adopted:

* æ, ø, å and é restored ("Kebenhavn" -> "København", "veare" -> "være", "fé" -> "få",
  "pd"/"p4" -> "på", "herer" -> "hører", "Malsztninger" -> "Målsætninger", "s@tte" -> "sætte");
* "1" read back as "i" where it is the preposition, "|" as "I", "bar" as "bør", "Drager" as
  "Dragør", "athjelpe" as "afhjælpe", "aftholde" as "afholde";
* bullet marks (">", "»", "-"), words hyphenated across lines, the page footer "Side 9 af 11",
  stray "|" and footnote markers ("?", "'") removed; spaced dashes written as "–";
* the two-column table in section 3 (focus areas -> main goals) turned into the "goals" fields,
  with each goal worded as in section 4;
* a closing full stop added to the 4.1 lighthouse summary, which ends the page without one.

Probable slips in the adopted text itself are kept as written and marked with a comment.
The 4.3 lighthouse text stops mid-sentence in the adopted text; it is not completed here.

The English is a plain, faithful translation. Danish names of places, bodies and programmes are
kept where they are names, with an English gloss where it helps.

Pure data: no Django imports, so it can be used from migrations, commands and tests alike.
"""

POLICY = {
    "da": {
        "title": "En hel by – Københavns Kommunes integrationspolitik 2011-14",
        "call": {
            "title": "Bland dig i byen",
            "paragraphs": [
                (
                    "”Bland dig i byen” er en opfordring til alle københavnerne om et aktivt "
                    "medborgerskab. Den aktive medborger i København har vilje, evne og mulighed "
                    "for at deltage og bidrage til byen på lige fod – uanset om man føler, man har "
                    "rødder i Dragør eller Damaskus, i Tyrkiet eller Thy. København er en by med "
                    "tillid mellem den enkelte borger, naboer og kommunen. Enhver føler sig "
                    "anerkendt og behandles som lige medborgere uanset kulturel baggrund, "
                    "religion, etnicitet, køn, seksualitet, tilknytning til arbejdsmarkedet, "
                    "social og økonomisk baggrund mv."
                ),
            ],
        },
        "vision": {
            "title": "Visionen er en hel by",
            "paragraphs": [
                (
                    "København skal være et sted, hvor man gerne vil bo og blive boende. København "
                    "er stedet, hvor man hører til, har tillid til naboen og institutionerne, er "
                    "aktiv i skolebestyrelsen eller sportsforeningen. Man har indflydelse, man kan "
                    "få sig en god uddannelse og et arbejde, og hvis man er troende frit bede i "
                    "sit tempel, i sin kirke eller moske."
                ),
                (
                    "København er byen, hvor man møder andre københavnere, som ikke ligner én "
                    "selv. Det er byen, hvor arbejdspladser, boligkvarterer, skoler og foreninger "
                    "er mangfoldige, og hvor mangfoldigheden er et aktiv. Her får arbejdsmarked og "
                    "erhvervsliv inspiration til nytænkning og nye produkter. Forskelligartede "
                    "befolkningsgrupper med rødder i nær og fjern skaber adgang til internationale "
                    "markeder og til netværker i en verden, der i stigende grad er domineret af "
                    "globale strømme af mennesker, viden og penge."
                ),
                (
                    "I København bidrager alle aktivt til samfundet gennem partnerskaber på kryds "
                    "og tværs af byen: Borger og kommune, civilsamfund og erhvervsliv, foreninger "
                    "og lokalsamfund – alle involverer sig og spiller en rolle i byens udvikling."
                ),
                (
                    "København er med andre ord en interkulturel storby, hvor mangfoldighed er en "
                    "ressource, diskrimination bekæmpes aktivt og interaktion, dialog og "
                    "udveksling mellem byens mangfoldige og kulturelt forskellige grupper fremmes."
                ),
            ],
        },
        "reality": {
            "title": "Fra vision til virkelighed",
            "paragraphs": [
                "Hvis visionen skal blive til virkelighed kræver det noget af os hver især:",
            ],
            "actors": [
                "kommunens ansatte, som betjener københavnerne",
                "byens erhvervs- og foreningsliv, som ansætter og engagerer københavnerne",
                (
                    "københavnerne selv – som hver for sig eller i grupper – træffer valg, som har "
                    "betydning for byens sammenhængskraft"
                ),
            ],
            "closing": [
                (
                    "Sammen kan vi sikre, at København bliver mulighedernes by for alle. I denne "
                    "politik er der derfor lagt op til initiativer på de områder i bylivet, hvor "
                    "mulighederne ikke er til stede for alle."
                ),
                (
                    "Skal oplevelsen af medborgerskab og inklusion styrkes, kræves der en "
                    "koordineret indsats på tværs. Forudsætningen for succes er, at relationerne "
                    "mellem de forskellige befolkningsgrupper i København styrkes i dagligdagen."
                ),
                (
                    "Vi tror på, at vejen til en hel by nødvendigvis må bygge på følgende tre "
                    "principper:"
                ),
            ],
        },
        "principles": [
            {
                "number": 1,
                "title": "Mangfoldighed er en ressource",
                "paragraphs": [
                    (
                        "København rummer som hovedstad og med sin etniske mangfoldighed særlige "
                        "ressourcer. Mangfoldighed er evnen til at være forskellige i et "
                        "fællesskab og anvende forskelligheden som en ressource, så resultatet "
                        "mangedobler summen af delene. Skal det lykkes byens virksomheder at "
                        "tiltrække og fastholde kvalificeret arbejdskraft fra hele verden, skal de "
                        "føle sig velkomne. København skal være tilgængelig for den mangfoldighed "
                        "af mennesker, som udgør fundamentet for byens økonomiske bæredygtighed. "
                        "Københavnernes sproglige og kulturelle ressourcer kan også anvendes til "
                        "at skabe handelspartnere over hele verden."
                    ),
                    (
                        "I specifikke sektorer som f.eks. uddannelsessystemet sætter andre "
                        "sproglige og kulturelle rødder nye perspektiver på undervisningen. Ægte "
                        "mangfoldighed er kun muligt, hvis borgerne oplever at blive behandlet "
                        "lige, og det peger mod det andet princip."
                    ),
                ],
            },
            {
                "number": 2,
                "title": "Alle skal have mulighed for at være med",
                "paragraphs": [
                    (
                        "Det er vigtigt, at alle grupper af borgere føler sig som en del af et "
                        "samfundsmæssigt fællesskab. Det forudsætter, at alle borgere har "
                        "ligeværdige muligheder. Vi ønsker, at alle unge skal få sig en uddannelse "
                        "og finde en sikker vej til arbejdsmarkedet. Vi ønsker, at alle – også "
                        "udsatte grupper – har mulighed for et godt og værdigt liv. Ligebehandling "
                        "går hånd i hånd med klare krav til alle borgere om at udvise et "
                        "samfundsmæssigt medansvar og en vilje til at indgå som ligeværdige "
                        "medborgere. Alle – arbejdsgivere, civilsamfund, borgere og ordensmagt – "
                        "har vi et ansvar for at behandle hinanden lige og respektfuldt i det "
                        "daglige møde. Et stærkt bysamfund hylder ligebehandling og bekæmper "
                        "diskrimination i alle dens afskygninger. Det peger mod det tredje princip."
                    ),
                ],
            },
            {
                "number": 3,
                "title": "Integration er et fælles ansvar",
                "paragraphs": [
                    (
                        "I København har alle et ansvar for at løfte integrationsopgaven. "
                        "Integration kræver partnerskaber på kryds og tværs i byen, hvor kommunen, "
                        "erhvervsliv, borgere og civilsamfund alle inddrages, bidrager og tager "
                        "ansvar."
                    ),
                ],
            },
        ],
        "responsibilities": [
            {
                "actor": "municipality",
                "title": "Det er kommunens ansvar",
                "items": [
                    "at sætte integrationsdagsorden",
                    (
                        "at sikre politisk prioritering af de væsentligste områder og som "
                        "serviceleverandør at sikre lige muligheder for alle"
                    ),
                    (
                        "at fremme mangfoldighed og social ansvarlighed som Danmarks største "
                        "arbejdsplads"
                    ),
                    (
                        "at inddrage civilsamfundet og erhvervslivet, så hele byen tager ansvar "
                        "for inklusionen"
                    ),
                    (
                        "at København indgår i partnerskaber nationalt og internationalt for at "
                        "bruge andre byers succeser progressivt i byens udvikling. Fx underskrev "
                        "København i 2010 sammen med 16 andre europæiske byer Charter for "
                        "Integrating Cities, der udgør platform for erfaringsudveksling og fælles "
                        "forpligtelse på integrationsområdet i Europa."
                    ),
                ],
                "note": "",
            },
            {
                "actor": "business",
                "title": "Det er erhvervslivets ansvar",
                "items": [
                    "at sikre rummelige og mangfoldige arbejdspladser",
                    "at bidrage aktivt til at sikre job og uddannelse til de unge",
                    (
                        "at indgå i partnerskaber med uddannelsesinstitutioner og kommunen ift. at "
                        "løfte integrationsopgaver lokalt"
                    ),
                ],
                "note": "",
            },
            {
                "actor": "residents",
                "title": "Det er borgernes ansvar",
                "items": [
                    (
                        "at tage vare på sin familie og sig selv ift. uddannelse, arbejde og "
                        "generel trivsel"
                    ),
                    # "borgergruppe" as in the adopted text (probably meant "borgergrupper").
                    "at sikre det gode naboskab og tolerance overfor forskellige borgergruppe",
                    "at deltage aktivt i byens udvikling og lokale initiativer",
                ],
                "note": "",
            },
            {
                "actor": "civil_society",
                "title": "Det er civilsamfundets ansvar",
                "items": [
                    (
                        "at bidrage til løsningen af byens integrationsudfordringer gennem "
                        "partnerskaber og en aktiv indsats"
                    ),
                ],
                "note": (
                    "Ved civilsamfundet forstår vi her en bred vifte af ikke-kommunale aktører, "
                    "såsom boligselskaber, frivillige foreninger, interesseorganisationer, "
                    "fagforeninger, etc."
                ),
            },
        ],
        "targets": {
            "title": "Målsætninger for integrationsindsatsen 2011-14",
            "paragraphs": [
                (
                    "Målet for denne politik er, at alle københavnere – uanset baggrund og "
                    "observans – oplever at være en del af et aktivt fællesskab."
                ),
                (
                    "Det er således, hverken socialt, kulturelt eller økonomisk bæredygtigt, hvis "
                    "grupper af borgere vælger at melde sig ud af fællesskabet."
                ),
                (
                    "En vigtig forudsætning for en hel by er således, at alle kan skaffe sig et "
                    "selvstændigt livsgrundlag, hvor man kan forsørge sig og sine. Desværre er der "
                    "fortsat en betydelig overledighed blandt danskere med ikke vestlig baggrund, "
                    "ligesom alt for få unge etniske minoritetsmænd gennemfører en "
                    "ungdomsuddannelse."
                ),
                (
                    "Det må og skal der gøres noget ved, hvis byens sammenhængskraft skal bevares. "
                    "Målet er slet og ret, at vi i København fremover skal vise vejen for god "
                    "integration i Europa."
                ),
            ],
            "structure": [
                (
                    "Målsætningen er konkretiseret i seks hovedmål indenfor fire indsatsområder. "
                    "Områderne indeholder en række konkrete aktivitetsmål, men det er hovedmålet, "
                    "som er styrende for, om integrationsindsatsen går i den rigtige retning i "
                    "forhold til visionen om den inkluderende storby. Hvert indsatsområde "
                    "indeholder et fyrtårnsprojekt, der er en konkret, synlig indsats, som "
                    "understøtter hovedmålet og indsatsområdet generelt."
                ),
                (
                    "De 4 fokusområder indeholder konkrete målsætninger, der løbende følges op på "
                    "de næste 4 år. I tilknytning hertil har de 7 politiske udvalg udarbejdet en "
                    "række handleplaner, som konkretiserer de forskellige indsatser og projekter "
                    "der er nødvendige for at nå målene. Handleplanerne er – i modsætning til "
                    "målene i politikken – fleksible og vil løbende blive tilrettet byens aktuelle "
                    "behov, jf. oversigt i bilag 2 over handleplanernes mål og aktiviteter."
                ),
                # "integrationsområde" as in the adopted text (probably meant
                # "integrationsområdet").
                (
                    "Der vil halvårligt blive fulgt op på målopfyldelsen i "
                    "integrationsbarometeret, ligesom Borgerrepræsentationen årligt vil få "
                    "forelagt en status for resultaterne på integrationsområde, jf. også afsnit 5."
                ),
                (
                    "Eksperttænketanken for integration får en vigtig rolle i at rådgive "
                    "Beskæftigelses- og Integrationsudvalget og Borgerrepræsentationen om "
                    "handleplanerne er tilstrækkelige til at nå målene eller bør revideres."
                ),
            ],
        },
        "overall_goal": {
            "title": "Den overordnede målsætning",
            "statement": "At København er den bedst integrerende storby i Europa i 2015",
            "paragraphs": [
                # "Interculturel Cities Index" as in the adopted text (the index is the Council of
                # Europe's "Intercultural Cities Index").
                (
                    "Den overordnede målsætning for integrationspolitikken måles via det europæisk "
                    "udviklede integrationsindeks kaldet interkulturelle byindeks (Interculturel "
                    "Cities Index, ICC). ICC måler byens interkulturelle dimensioner, som gør det "
                    "muligt at sammenligne København med andre europæiske byers "
                    "integrationsindsats."
                ),
            ],
            "icc_dimensions": [
                "Byen har forpligtiget sig til at være en interkulturel by",
                "Byens rum er indrettet ift. mangfoldighed",
                "Byen er i stand til at håndtere interkulturelle konflikter",
                # "Byens har" as in the adopted text (probably meant "Byen har").
                "Byens har indsatser der fremmer læring af majoritetssproget",
                "Styrke minoritetsmedier",
                "Have en international strategi",
                "Sikre interkulturelle kompetencer blandt kommunens ansatte",
                # "indvandrer" as in the adopted text (probably meant "indvandrere").
                "Byde nyankomne indvandrer velkommen til byen",
                (
                    "Governance – har indvandrere stemmeret, er de repræsentativt til stede i "
                    "byens politiske organ m.v."
                ),
            ],
        },
        "focus_areas": [
            {
                "number": "4.1",
                "slug": "alle-unge-god-start",
                "title": "Alle unge skal have en god start på livet",
                "goals": [1],
                "paragraphs": [
                    (
                        "I lyset af en svindende arbejdskraftstyrke og en voksende ældrebyrde er "
                        "der brug for alle unge på arbejdsmarkedet. Det moderne samfund stiller "
                        "stigende uddannelseskrav og behov for at sikre de unge formelle "
                        "kompetencer."
                    ),
                    (
                        "København vil derfor sikre, at alle byens børn uanset etnisk og social "
                        "baggrund skal have mulighed for at gennemføre en ungdomsuddannelse og få "
                        "adgang til arbejdsmarkedet."
                    ),
                    (
                        "Kernen i at forbedre de tosprogedes faglighed, er at arbejde mere "
                        "målrettet med de skoler, som – trods relativt flere ressourcer end "
                        "almindelige skoler – ikke lever op til de forventede resultater. "
                        "Forskning påviser, at det, der skaber forandringer, er initiativer, som "
                        "ligger tæt på dagligdagen i klasselokalerne: Læringskvalitet, "
                        "undervisningstype etc. Vi skal turde være mere målrettet og konsekvente "
                        "end tidligere for at fremme integrationen i uddannelsessystemet."
                    ),
                ],
                "strategy": [],
                "actions": [
                    (
                        "styrke fagligheden ved at den enkelte skole i højere grad end tidligere "
                        "udfordres og understøttes"
                    ),
                    "styrke sprogstimulering i daginstitutioner",
                    "skabe en bedre fordeling af byens børn i daginstitutioner og skole",
                    "styrke forældresamarbejdet",
                    "sikre en indsats, som når hele vejen rundt om svage familier",
                    "sikre bedre overgang fra skole til ungdomsuddannelse",
                    "sikre praktikpladser til unge i erhvervsuddannelser",
                    "styrke børn og unges fritidsinteresser",
                ],
                "lighthouse": {
                    "title": "Integrationsløft på de 10 svageste skoler",
                    # The adopted text ends this paragraph without a full stop (page end); one is
                    # added.
                    "summary": (
                        "Initiativer for sikker læsning og skrivning for fagligt svage tosprogede "
                        "elever på mellemtrinet og i udskolingen, f.eks. turbodanskforløb med "
                        "eksterne læseeksperter, overgangen til ungdomsuddannelser, holddeling med "
                        "fokuserede læse- og skrivekurser og brug af IT-baserede redskaber og "
                        "sociale medier."
                    ),
                },
            },
            {
                "number": "4.2",
                "slug": "mangfoldighed-i-arbejdslivet",
                "title": "Mangfoldighed og ligebehandling i arbejdslivet",
                "goals": [2, 3],
                "paragraphs": [
                    (
                        "I 2020 har 1 ud af 4 i den københavnske arbejdsstyrke etnisk "
                        "minoritetsbaggrund. Derfor skal forskellen i beskæftigelsesfrekvensen på "
                        "op mod 20 % mellem borgere med dansk og anden etnisk baggrund nedbringes. "
                        "Der er store samfundsøkonomiske tab forbundet med overledigheden og et "
                        "stort uudnyttet arbejdskraftspotentiale. Derfor vil København sikre "
                        "mangfoldighed og ligebehandling i arbejdslivet, så alle får mulighed for "
                        "at blive selvforsørgende og tage ansvar for sig selv og sine."
                    ),
                    (
                        "Strategien for at mindske ledigheden for etniske minoriteter tager "
                        "udgangspunkt i de nuværende beskæftigelsespolitiske prioriteter, som er "
                        "at stimulere både udbud og efterspørgsel efter arbejdskraft. Den enkeltes "
                        "motivation og kompetencer skal styrkes målrettet, fx gennem kompenserende "
                        "danskuddannelse til relevante grupper. Parallelt skal der arbejdes med at "
                        "skabe flere jobåbninger gennem partnerskaber med virksomheder. Københavns "
                        "Kommune har som landets største arbejdsplads ligeledes en væsentlig rolle "
                        "heri. Endelig skal der afprøves særlige indsatser for de udsatte grupper "
                        "med minoritetsbaggrund, som påviseligt har markant overledighed."
                    ),
                ],
                "strategy": [],
                "actions": [
                    "styrke danskkundskaberne for etniske minoritetsvoksne",
                    (
                        "skabe adgang til arbejdsmarkedet for alle befolkningsgrupper gennem en "
                        "ambitiøs beskæftigelsespolitik med fokus på blandt andet etniske "
                        "minoriteter"
                    ),
                    "sikre, at kommunen er en mangfoldig og rummelig arbejdsplads",
                    "bekæmpe direkte og indirekte diskrimination på arbejdsmarkedet",
                    (
                        "tiltrække og fastholde veluddannet udenlandsk arbejdskraft og deres "
                        "familier for at bevare København som en konkurrencedygtig metropol."
                    ),
                ],
                "lighthouse": {
                    "title": "Fordobling af fleksjobpulje",
                    "summary": (
                        "Der er forholdsmæssigt flere af anden etnisk herkomst end dansk (18 %), "
                        "som venter på et fleksjob set i forhold til, hvor stor en andel gruppen "
                        "udgør af alle, som er berettiget til et fleksjob (13 %). Københavns "
                        "Kommune opretter derfor et antal ekstra fleksjob i kommunen."
                    ),
                },
            },
            {
                "number": "4.3",
                "slug": "den-inddragende-by",
                "title": "Den inddragende by",
                "goals": [4],
                "paragraphs": [
                    (
                        "København skal være en interkulturel storby med aktive medborgere. Vi vil "
                        "fremme relationer mellem børn, forældre, naboer og borgere generelt på "
                        "tværs af etniske baggrunde for at styrke integrationen og skabe en tryg "
                        "by præget af kendskab, forståelse og tolerance blandt byens borgere."
                    ),
                    (
                        "Københavnerne skal mødes på arbejdet, i skolen, hvor de bor, i kultur- og "
                        "foreningslivet, så vi fremmer interaktion, dialog og udveksling mellem "
                        "byens kulturelt forskellige grupper. Og vi skal sikre, at byens "
                        "forskellighed kan blive hørt og inddraget i den løbende "
                        "integrationsindsats og skabe fællesskab på tværs."
                    ),
                    (
                        "Den inddragende by er et strategisk fokusområde, fordi oplevelsen af at "
                        "høre til og deltage i byen, er en forudsætning for at nå de strukturelle "
                        "mål i de øvrige 3 temaer. Succesfulde integrationsinitiativer er i sidste "
                        "ende betinget af den enkeltes adfærd. Ambitionen er derfor gennem en "
                        "række inkluderende initiativer at øge sammenhængskraften i København. De "
                        "gode eksempler skulle gerne sprede sig som ringe i byens vande."
                    ),
                ],
                "strategy": [],
                "actions": [
                    "bekæmpe diskrimination i byen",
                    # The leading "at" is in the adopted text.
                    (
                        "at sikre ligebehandling i alle kommunens serviceydelser, så vi "
                        "understøtter den enkelte borgers evne og muligheder"
                    ),
                    (
                        "styrke partnerskaber med erhvervslivet, boligforeninger, faglige og "
                        "frivillige foreninger gennem konceptet Bland dig i Byen"
                    ),
                    (
                        "kapacitetsopbygge og aktivt inddrage civilsamfund med henblik på aktiv "
                        "deltagelse i de lokale demokratiprocesser"
                    ),
                    (
                        "styrke det gode naboskab og lokalsamfund gennem partnerskaber med "
                        "civilsamfund"
                    ),
                    "sikre lige mulighed for adgang til kultur-, fritids- og sundhedstilbud",
                ],
                "lighthouse": {
                    "title": "Bland dig i Byen",
                    # The adopted text breaks off here mid-sentence (after "aktivt medborgerskab,"),
                    # and the draft has no lighthouse text to complete it, so it ends with an
                    # ellipsis. Nothing is invented.
                    "summary": (
                        "Byens aktører tager aktiv del i forankringen af integrationspolitikken, "
                        "så udviklingen kan gå i retning af København som en interkulturel "
                        "metropol. ’Bland dig i byen’ konceptet tilbyder københavnerne "
                        "interkulturel dialog gennem redskaber og kommunikationskanaler, så de kan "
                        "opleve et aktivt medborgerskab, …"
                    ),
                },
            },
            {
                "number": "4.4",
                "slug": "saerlig-haand-til-udsatte",
                # Heading as in section 4; the table in section 3 has "En særlig hånd til udsatte
                # grupper og områder" (without "de").
                "title": "En særlig hånd til de udsatte grupper og områder",
                "goals": [5, 6],
                "paragraphs": [
                    (
                        "Vi ønsker et København, hvor det er lettere at være med end udenfor. "
                        "Derfor må vi give en særlig hånd til de udsatte grupper, der ikke for "
                        "tiden er i stand til at forsørge sig selv. Det gælder fx ledige på "
                        "starthjælp, hjemløse, psykisk traumatiserede og kvinder udsat for "
                        "partnervold. Alle grupper, der desværre er overrepræsenteret blandt "
                        "etniske minoriteter."
                    ),
                    (
                        "Samtidig er der unge, hvis oplevelse af modløshed og manglende "
                        "anerkendelse giver grobund for frustrationer og gryende kriminalitet. "
                        "Etnisk minoritetsunge er således fortsat overrepræsenteret i "
                        "kriminalitetsstatistikkerne. Der er i den sammenhæng en tendens til at "
                        "graden af udsathed er koncentreret i en række udvalgte områder i byen. "
                        "Selvom der skal flere til en “bandekrig” er det et vigtigt mål for "
                        "integrationspolitikken i København, at alle områder af byen bliver et "
                        "trygt sted at færdes i for alle, idet frygt er med til at skabe og "
                        "fastholde myter."
                    ),
                ],
                "strategy": [
                    (
                        "øge rummeligheden i normalsystemet, så flest mulige borgere uanset "
                        "herkomst kan indgå i og drage nytte heraf"
                    ),
                    (
                        "oprette særindsatser fx i udvalgte boligområder, der hvor fællesskabet og "
                        "sammenhængskraften er truet"
                    ),
                    (
                        "kombinere den sociale, helbredsmæssige og beskæftigelsesfremmende indsats "
                        "med henblik på at styrke det underste sociale sikkerhedsnet"
                    ),
                ],
                "actions": [
                    (
                        "øge trygheden i byen gennem nye hotspots, Center for Sikker By, udvikle "
                        "screeningsværktøj, udvide dommervagtprojektet og styrke "
                        "kontaktpersonindsatsen"
                    ),
                    (
                        "styrke en mangfoldig beboersammensætning i udsatte områder, herunder "
                        "sikre at børn og unge i højere grad bruger fritidstilbudene"
                    ),
                    # "psykiske syge" as in the adopted text (probably meant "psykisk syge").
                    (
                        "styrke indsatsen for svage familier og udsatte grupper, som fx "
                        "traumatiserede flygtninge, psykiske syge børn og voksne, børn med "
                        "misbrugsforældre, hjemløse, stofmisbrugere mv. Det kan bl.a. være gennem "
                        "bydelsmødre og familiecoach."
                    ),
                ],
                "lighthouse": {
                    "title": "Kvalitetsløft af tilbud til børn og unge i udvalgte boligområder",
                    "summary": (
                        "Formålet er at afhjælpe sociale problemer som følger fattigdom og sikre, "
                        "at fattige børnefamilier kender deres rettigheder og handlemuligheder. "
                        "Det kan bl.a. ske ved gratis adgang til fritidsaktiviteter, udvidelse af "
                        "interventionsteamet og socialrådgivere i fritids- og ungdomsklubber."
                    ),
                },
            },
        ],
        "goals": [
            {
                "number": 1,
                "focus_area": "alle-unge-god-start",
                "statement": (
                    "De faglige resultater skal forbedres med X % for de 25 procent svageste "
                    "tosprogede elever"
                ),
                "short_title": "Bedre faglige resultater for tosprogede elever",
                "target_text": "X %",
                "indicator": {
                    "name": "Faglige resultater for de 25 procent svageste tosprogede elever",
                    "unit": "%",
                    "higher_is_better": True,
                    "target_value": None,
                    "target_year": None,
                },
            },
            {
                "number": 2,
                "focus_area": "mangfoldighed-i-arbejdslivet",
                "statement": (
                    "Overledigheden blandt etniske minoriteter skal være på max 5,8 % i 2014."
                ),
                "short_title": "Lavere overledighed blandt etniske minoriteter",
                "target_text": "max 5,8 % i 2014",
                "indicator": {
                    "name": "Overledighed blandt etniske minoriteter",
                    "unit": "%",
                    "higher_is_better": False,
                    "target_value": 5.8,
                    "target_year": 2014,
                },
            },
            {
                "number": 3,
                "focus_area": "mangfoldighed-i-arbejdslivet",
                # "Kommunes" as in section 4 of the adopted text; the table in section 3 has
                # "Kommunens".
                "statement": (
                    "Kommunes medarbejder- og ledersammensætning skal afspejle arbejdsstyrken i "
                    "forhold til etnicitet og uddannelsesmønster."
                ),
                "short_title": "Kommunens ansatte skal afspejle arbejdsstyrken",
                "target_text": (
                    "afspejle arbejdsstyrken i forhold til etnicitet og uddannelsesmønster"
                ),
                "indicator": {
                    "name": "Andel medarbejdere og ledere i kommunen med etnisk minoritetsbaggrund",
                    "unit": "%",
                    "higher_is_better": True,
                    "target_value": None,
                    "target_year": None,
                },
            },
            {
                "number": 4,
                "focus_area": "den-inddragende-by",
                "statement": (
                    "Etniske minoriteters inklusionsindeks forbedres med X % sammenlignet med "
                    "etniske danskere (sammensat af mål for diskrimination, oplevet indflydelse og "
                    "tillid – surveybaseret)"
                ),
                "short_title": "Bedre inklusion af etniske minoriteter",
                "target_text": "X %",
                "indicator": {
                    "name": (
                        "Inklusionsindeks for etniske minoriteter sammenlignet med etniske danskere"
                    ),
                    "unit": "indeks",
                    "higher_is_better": True,
                    "target_value": None,
                    "target_year": None,
                },
            },
            {
                "number": 5,
                "focus_area": "saerlig-haand-til-udsatte",
                "statement": (
                    "Etniske minoriteters brug af kommunale tilbud i udsatte områder skal stige "
                    "med X % (daginstitutioner, sociale tilbud, fritidsfaciliteter)"
                ),
                "short_title": "Flere bruger kommunale tilbud i udsatte områder",
                "target_text": "X %",
                "indicator": {
                    "name": "Etniske minoriteters brug af kommunale tilbud i udsatte områder",
                    "unit": "%",
                    "higher_is_better": True,
                    "target_value": None,
                    "target_year": None,
                },
            },
            {
                "number": 6,
                "focus_area": "saerlig-haand-til-udsatte",
                "statement": "Tryghedsindekset skal gå i positiv retning (XX)",
                "short_title": "Større tryghed i byen",
                "target_text": "positiv retning",
                "indicator": {
                    "name": "Tryghedsindeks",
                    "unit": "indeks",
                    "higher_is_better": True,
                    "target_value": None,
                    "target_year": None,
                },
            },
        ],
        "section5": {
            "title": "En samlet integrationsindsats",
            "paragraphs": [
                (
                    "København har allerede en række styringsinstrumenter, som kan udnyttes til at "
                    "måle indsatsen:"
                ),
            ],
            "instruments": [
                (
                    "et årshjul for integrationsindsatsen, som kobler integrationspolitik og "
                    "budgetdrøftelser"
                ),
                (
                    "en kort årlig statusrapportering, som giver mulighed for en årlig "
                    "integrationsdrøftelse i Borgerrepræsentationen."
                ),
                (
                    "status for integrationsindsatsen vil blive monitoreret halvårligt i kommunens "
                    "Integrationsbarometer, som afspejler de 6 hovedmålsætninger."
                ),
            ],
            "status_meeting": (
                "Herudover afholdes der et årligt statusmøde om integrationsindsatsen mellem "
                "Beskæftigelses- og Integrationsudvalget og udvalgte borgmestre om behov for at "
                "ændre på udvalgenes handleplan."
            ),
            "dialogue_intro": (
                "For at få bedre dialog om Københavns Integrationspolitik 2011-2014 skal vi "
                "desuden:"
            ),
            "dialogue": [
                "aktivt inddrage Eksperttænketanken for integration",
                "udvikle internetbaserede dialogredskaber om specifikke integrationsemner",
                (
                    "fortsat afholde Beskæftigelses- og Integrationsudvalgets årlige "
                    "integrationskonference."
                ),
                (
                    "deltage i internationale erfaringsnetværk fx gennem Integrating Cities "
                    "Charter samarbejdet."
                ),
            ],
        },
    },
    "en": {
        "title": "One City – the City of Copenhagen's integration policy 2011-14",
        "call": {
            "title": "Get involved in the city",
            "paragraphs": [
                (
                    "“Bland dig i byen” (“Get involved in the city”) is a call to all "
                    "Copenhageners to be active citizens. The active citizen in Copenhagen has the "
                    "will, the ability and the opportunity to take part in and contribute to the "
                    "city on an equal footing – whether you feel that your roots are in Dragør or "
                    "Damascus, in Turkey or Thy. Copenhagen is a city with trust between the "
                    "individual citizen, neighbours and the municipality. Everyone feels "
                    "recognised and is treated as an equal citizen, whatever their cultural "
                    "background, religion, ethnicity, gender, sexuality, connection to the labour "
                    "market, or social and economic background."
                ),
            ],
        },
        "vision": {
            "title": "The vision is one city",
            "paragraphs": [
                (
                    "Copenhagen must be a place where people want to live and to stay. Copenhagen "
                    "is the place where you belong, where you trust your neighbour and the "
                    "institutions, and where you are active on the school board or in the sports "
                    "club. You have influence, you can get a good education and a job, and if you "
                    "are a believer you can pray freely in your temple, your church or your mosque."
                ),
                (
                    "Copenhagen is the city where you meet other Copenhageners who are not like "
                    "you. It is the city where workplaces, neighbourhoods, schools and "
                    "associations are diverse, and where diversity is an asset. Here the labour "
                    "market and business find inspiration for new thinking and new products. "
                    "Different population groups with roots near and far create access to "
                    "international markets and to networks in a world that is more and more shaped "
                    "by global flows of people, knowledge and money."
                ),
                (
                    "In Copenhagen everyone contributes actively to society through partnerships "
                    "across the city: citizen and municipality, civil society and business, "
                    "associations and local communities – everyone gets involved and plays a part "
                    "in the city's development."
                ),
                (
                    "In other words, Copenhagen is an intercultural city, where diversity is a "
                    "resource, discrimination is actively fought, and interaction, dialogue and "
                    "exchange between the city's diverse and culturally different groups are "
                    "encouraged."
                ),
            ],
        },
        "reality": {
            "title": "From vision to reality",
            "paragraphs": [
                "If the vision is to become reality, it asks something of each of us:",
            ],
            "actors": [
                "the municipality's staff, who serve the people of Copenhagen",
                (
                    "the city's businesses and associations, which employ and engage the people of "
                    "Copenhagen"
                ),
                (
                    "the people of Copenhagen themselves – who, alone or in groups, make choices "
                    "that matter for the city's cohesion"
                ),
            ],
            "closing": [
                (
                    "Together we can make sure that Copenhagen becomes the city of opportunity for "
                    "everyone. This policy therefore proposes initiatives in the parts of city "
                    "life where the opportunities are not there for everyone."
                ),
                (
                    "If the feeling of citizenship and inclusion is to grow stronger, a "
                    "coordinated effort across all areas is needed. The condition for success is "
                    "that the relations between the different population groups in Copenhagen are "
                    "strengthened in everyday life."
                ),
                (
                    "We believe that the road to one city must be built on the following three "
                    "principles:"
                ),
            ],
        },
        "principles": [
            {
                "number": 1,
                "title": "Diversity is a resource",
                "paragraphs": [
                    (
                        "As the capital, and with its ethnic diversity, Copenhagen has special "
                        "resources. Diversity is the ability to be different within a community "
                        "and to use the differences as a resource, so that the result is many "
                        "times the sum of the parts. If the city's businesses are to succeed in "
                        "attracting and keeping qualified workers from all over the world, these "
                        "people must feel welcome. Copenhagen must be open to the diversity of "
                        "people who form the foundation of the city's economic sustainability. The "
                        "language and cultural resources of Copenhageners can also be used to find "
                        "trading partners all over the world."
                    ),
                    (
                        "In specific sectors, such as the education system, other language and "
                        "cultural roots bring new perspectives to teaching. Real diversity is only "
                        "possible if citizens feel that they are treated equally, and this points "
                        "to the second principle."
                    ),
                ],
            },
            {
                "number": 2,
                "title": "Everyone must have the chance to take part",
                "paragraphs": [
                    (
                        "It is important that all groups of citizens feel part of a shared "
                        "community in society. This requires that all citizens have equal "
                        "opportunities. We want all young people to get an education and to find a "
                        "secure path into the labour market. We want everyone – including "
                        "vulnerable groups – to have the chance of a good and dignified life. "
                        "Equal treatment goes hand in hand with clear demands on all citizens to "
                        "show shared responsibility for society and a will to take part as equal "
                        "citizens. All of us – employers, civil society, citizens and the police – "
                        "have a responsibility to treat each other equally and with respect when "
                        "we meet in daily life. A strong city community values equal treatment and "
                        "fights discrimination in all its forms. This points to the third "
                        "principle."
                    ),
                ],
            },
            {
                "number": 3,
                "title": "Integration is a shared responsibility",
                "paragraphs": [
                    (
                        "In Copenhagen everyone has a responsibility to help carry the task of "
                        "integration. Integration requires partnerships across the city, in which "
                        "the municipality, business, citizens and civil society are all involved, "
                        "contribute and take responsibility."
                    ),
                ],
            },
        ],
        "responsibilities": [
            {
                "actor": "municipality",
                "title": "It is the municipality's responsibility",
                "items": [
                    "to set the integration agenda",
                    (
                        "to make sure that the most important areas get political priority and, as "
                        "a service provider, to ensure equal opportunities for all"
                    ),
                    "to promote diversity and social responsibility as Denmark's largest workplace",
                    (
                        "to involve civil society and business, so that the whole city takes "
                        "responsibility for inclusion"
                    ),
                    (
                        "that Copenhagen enters into partnerships nationally and internationally "
                        "in order to use other cities' successes progressively in the city's "
                        "development. For example, in 2010 Copenhagen and 16 other European cities "
                        "signed the Charter for Integrating Cities, which is a platform for "
                        "sharing experience and for a common commitment in the field of "
                        "integration in Europe."
                    ),
                ],
                "note": "",
            },
            {
                "actor": "business",
                "title": "It is the business community's responsibility",
                "items": [
                    "to ensure inclusive and diverse workplaces",
                    "to help actively to secure jobs and education for young people",
                    (
                        "to enter into partnerships with educational institutions and the "
                        "municipality to carry out integration tasks locally"
                    ),
                ],
                "note": "",
            },
            {
                "actor": "residents",
                "title": "It is the citizens' responsibility",
                "items": [
                    (
                        "to take care of your family and yourself in terms of education, work and "
                        "general well-being"
                    ),
                    (
                        "to ensure good neighbourliness and tolerance towards different groups of "
                        "citizens"
                    ),
                    "to take an active part in the city's development and in local initiatives",
                ],
                "note": "",
            },
            {
                "actor": "civil_society",
                "title": "It is civil society's responsibility",
                "items": [
                    (
                        "to help solve the city's integration challenges through partnerships and "
                        "active effort"
                    ),
                ],
                "note": (
                    "By civil society we mean here a broad range of non-municipal actors, such as "
                    "housing associations, voluntary associations, interest organisations, trade "
                    "unions, etc."
                ),
            },
        ],
        "targets": {
            "title": "Targets for the integration effort 2011-14",
            "paragraphs": [
                (
                    "The aim of this policy is that all Copenhageners – whatever their background "
                    "and beliefs – feel that they are part of an active community."
                ),
                (
                    "It is therefore not sustainable, socially, culturally or economically, if "
                    "groups of citizens choose to opt out of the community."
                ),
                (
                    "An important condition for one city is therefore that everyone can earn an "
                    "independent living, so that they can support themselves and their family. "
                    "Unfortunately, unemployment is still considerably higher among Danes with a "
                    "non-Western background, and far too few young ethnic minority men complete an "
                    "upper secondary education."
                ),
                (
                    "Something must and shall be done about this if the city's cohesion is to be "
                    "kept. The goal is quite simply that we in Copenhagen shall in future show the "
                    "way to good integration in Europe."
                ),
            ],
            "structure": [
                (
                    "The target is made concrete in six main goals within four focus areas. The "
                    "areas contain a number of concrete activity goals, but it is the main goal "
                    "that decides whether the integration effort is going in the right direction "
                    "in relation to the vision of the inclusive city. Each focus area contains a "
                    "lighthouse project: a concrete, visible effort that supports the main goal "
                    "and the focus area in general."
                ),
                (
                    "The 4 focus areas contain concrete targets, which will be followed up "
                    "continuously over the next 4 years. In connection with this, the 7 political "
                    "committees have drawn up a number of action plans, which set out the "
                    "different efforts and projects needed to reach the goals. Unlike the goals in "
                    "the policy, the action plans are flexible and will be adjusted continuously "
                    "to the city's current needs; see the overview of the action plans' goals and "
                    "activities in appendix 2."
                ),
                (
                    "Progress towards the goals will be followed up every six months in the "
                    "integration barometer, and each year the City Council "
                    "(Borgerrepræsentationen) will receive a status report on the results in the "
                    "field of integration; see also section 5."
                ),
                (
                    "The expert think tank for integration (Eksperttænketanken for integration) "
                    "gets an important role in advising the Employment and Integration Committee "
                    "and the City Council on whether the action plans are enough to reach the "
                    "goals or should be revised."
                ),
            ],
        },
        "overall_goal": {
            "title": "The overall target",
            "statement": "That Copenhagen is the best major city in Europe at integration in 2015",
            "paragraphs": [
                (
                    "The overall target of the integration policy is measured with an integration "
                    "index developed in Europe, called the intercultural city index (Intercultural "
                    "Cities Index, ICC). The ICC measures the city's intercultural dimensions, "
                    "which makes it possible to compare Copenhagen with the integration efforts of "
                    "other European cities."
                ),
            ],
            "icc_dimensions": [
                "The city has committed itself to being an intercultural city",
                "The city's spaces are designed with diversity in mind",
                "The city is able to handle intercultural conflicts",
                "The city has efforts that promote learning of the majority language",
                "Strengthen minority media",
                "Have an international strategy",
                "Ensure intercultural skills among the municipality's staff",
                "Welcome newly arrived immigrants to the city",
                (
                    "Governance – do immigrants have the right to vote, are they represented in "
                    "the city's political bodies, etc."
                ),
            ],
        },
        "focus_areas": [
            {
                "number": "4.1",
                "slug": "alle-unge-god-start",
                "title": "All young people must have a good start in life",
                "goals": [1],
                "paragraphs": [
                    (
                        "With a shrinking workforce and a growing number of older people to "
                        "support, we need all young people in the labour market. Modern society "
                        "makes growing demands for education, and young people need formal skills."
                    ),
                    (
                        "Copenhagen will therefore make sure that all the city's children, "
                        "whatever their ethnic and social background, have the chance to complete "
                        "an upper secondary education and to get access to the labour market."
                    ),
                    (
                        "The key to improving the school results of bilingual pupils is to work in "
                        "a more targeted way with the schools that – despite having relatively "
                        "more resources than ordinary schools – do not reach the expected results. "
                        "Research shows that what creates change is initiatives close to daily "
                        "life in the classroom: the quality of learning, the type of teaching, "
                        "etc. We must dare to be more targeted and consistent than before in order "
                        "to promote integration in the education system."
                    ),
                ],
                "strategy": [],
                "actions": [
                    (
                        "strengthen academic standards by challenging and supporting each school "
                        "more than before"
                    ),
                    "strengthen language stimulation in day-care centres",
                    (
                        "achieve a better spread of the city's children across day-care centres "
                        "and schools"
                    ),
                    "strengthen cooperation with parents",
                    "ensure an effort that reaches all the way around weak families",
                    "ensure a better transition from school to upper secondary education",
                    "ensure work placements for young people in vocational education",
                    "strengthen children's and young people's leisure interests",
                ],
                "lighthouse": {
                    "title": "Integration boost at the 10 weakest schools",
                    "summary": (
                        "Initiatives for confident reading and writing for academically weak "
                        "bilingual pupils in the middle and upper school years, for example "
                        "intensive Danish courses (turbodansk) with outside reading experts, the "
                        "transition to upper secondary education, grouping of pupils with focused "
                        "reading and writing courses, and use of IT-based tools and social media."
                    ),
                },
            },
            {
                "number": "4.2",
                "slug": "mangfoldighed-i-arbejdslivet",
                "title": "Diversity and equal treatment in working life",
                "goals": [2, 3],
                "paragraphs": [
                    (
                        "In 2020, 1 in 4 people in the Copenhagen workforce will have an ethnic "
                        "minority background. Therefore the gap of up to 20 % in the employment "
                        "rate between citizens with a Danish and with another ethnic background "
                        "must be reduced. The extra unemployment brings large economic losses to "
                        "society, and a large potential workforce remains unused. Therefore "
                        "Copenhagen will ensure diversity and equal treatment in working life, so "
                        "that everyone has the chance to support themselves and to take "
                        "responsibility for themselves and their family."
                    ),
                    (
                        "The strategy for reducing unemployment among ethnic minorities is based "
                        "on the current employment policy priorities, which are to stimulate both "
                        "the supply of and the demand for labour. The motivation and skills of "
                        "each person must be strengthened in a targeted way, for example through "
                        "supplementary Danish courses for relevant groups. At the same time, work "
                        "must be done to create more job openings through partnerships with "
                        "businesses. As the country's largest workplace, the City of Copenhagen "
                        "also has an important role in this. Finally, special efforts must be "
                        "tried out for the vulnerable groups with a minority background who "
                        "clearly have much higher unemployment."
                    ),
                ],
                "strategy": [],
                "actions": [
                    "strengthen the Danish language skills of ethnic minority adults",
                    (
                        "create access to the labour market for all population groups through an "
                        "ambitious employment policy that focuses on, among others, ethnic "
                        "minorities"
                    ),
                    "ensure that the municipality is a diverse and inclusive workplace",
                    "fight direct and indirect discrimination in the labour market",
                    (
                        "attract and keep well-educated foreign workers and their families in "
                        "order to keep Copenhagen a competitive metropolis."
                    ),
                ],
                "lighthouse": {
                    "title": "Doubling of the flexible job pool",
                    "summary": (
                        "People of non-Danish ethnic origin make up a larger share of those "
                        "waiting for a flexible job (18 %) than of all people who are entitled to "
                        "a flexible job (13 %). (A flexible job, fleksjob, is a subsidised job for "
                        "people with reduced ability to work.) The City of Copenhagen is therefore "
                        "creating a number of extra flexible jobs in the municipality."
                    ),
                },
            },
            {
                "number": "4.3",
                "slug": "den-inddragende-by",
                "title": "The involving city",
                "goals": [4],
                "paragraphs": [
                    (
                        "Copenhagen must be an intercultural city with active citizens. We want to "
                        "promote relations between children, parents, neighbours and citizens in "
                        "general across ethnic backgrounds, in order to strengthen integration and "
                        "create a safe city marked by knowledge, understanding and tolerance among "
                        "the city's citizens."
                    ),
                    (
                        "Copenhageners must meet at work, at school, where they live, and in "
                        "cultural life and associations, so that we promote interaction, dialogue "
                        "and exchange between the city's culturally different groups. And we must "
                        "make sure that the city's diversity can be heard and involved in the "
                        "ongoing integration effort, and can create community across groups."
                    ),
                    (
                        "The involving city is a strategic focus area, because the feeling of "
                        "belonging to and taking part in the city is a condition for reaching the "
                        "structural goals in the other 3 themes. In the end, successful "
                        "integration initiatives depend on the behaviour of each person. The "
                        "ambition is therefore to increase cohesion in Copenhagen through a number "
                        "of inclusive initiatives. The good examples should spread like rings in "
                        "the city's waters."
                    ),
                ],
                "strategy": [],
                "actions": [
                    "fight discrimination in the city",
                    (
                        "ensure equal treatment in all the municipality's services, so that we "
                        "support each citizen's abilities and opportunities"
                    ),
                    (
                        "strengthen partnerships with business, housing associations, trade unions "
                        "and voluntary associations through the Bland dig i Byen (Get involved in "
                        "the city) concept"
                    ),
                    (
                        "build capacity in civil society and involve it actively, with a view to "
                        "active participation in local democratic processes"
                    ),
                    (
                        "strengthen good neighbourliness and local communities through "
                        "partnerships with civil society"
                    ),
                    "ensure equal access to culture, leisure and health services",
                ],
                "lighthouse": {
                    "title": "Bland dig i Byen (Get involved in the city)",
                    # The adopted text breaks off here mid-sentence (after "aktivt medborgerskab,"),
                    # and the draft has no lighthouse text to complete it, so it ends with an
                    # ellipsis. Nothing is invented.
                    "summary": (
                        "The city's actors take an active part in rooting the integration policy, "
                        "so that development can move towards Copenhagen as an intercultural "
                        "metropolis. The ‘Bland dig i byen’ concept offers Copenhageners "
                        "intercultural dialogue through tools and communication channels, so that "
                        "they can experience active citizenship, …"
                    ),
                },
            },
            {
                "number": "4.4",
                "slug": "saerlig-haand-til-udsatte",
                "title": "A special helping hand for vulnerable groups and areas",
                "goals": [5, 6],
                "paragraphs": [
                    (
                        "We want a Copenhagen where it is easier to be included than to be left "
                        "out. Therefore we must give a special helping hand to the vulnerable "
                        "groups who at present are not able to support themselves. This applies, "
                        "for example, to unemployed people on start help (starthjælp, a lower "
                        "benefit for newcomers), homeless people, people with psychological trauma "
                        "and women exposed to partner violence. These are all groups that are "
                        "unfortunately over-represented among ethnic minorities."
                    ),
                    (
                        "At the same time, there are young people whose feeling of hopelessness "
                        "and lack of recognition gives rise to frustration and early crime. Young "
                        "people from ethnic minorities thus remain over-represented in the crime "
                        "statistics. In this context, vulnerability tends to be concentrated in a "
                        "number of particular areas of the city. Even though it takes more than "
                        "this to make a “gang war”, it is an important goal for the integration "
                        "policy in Copenhagen that all areas of the city become a safe place to "
                        "move around for everyone, because fear helps to create and keep myths "
                        "alive."
                    ),
                ],
                "strategy": [
                    (
                        "make the mainstream system more inclusive, so that as many citizens as "
                        "possible, whatever their origin, can take part in it and benefit from it"
                    ),
                    (
                        "set up special efforts, for example in selected housing areas, where "
                        "community and cohesion are under threat"
                    ),
                    (
                        "combine social, health and employment efforts in order to strengthen the "
                        "lowest social safety net"
                    ),
                ],
                "actions": [
                    (
                        "increase safety in the city through new hotspots, the Center for Safe "
                        "City (Center for Sikker By), developing a screening tool, expanding the "
                        "court duty project (dommervagtprojektet) and strengthening the contact "
                        "person effort"
                    ),
                    (
                        "strengthen a mixed population in vulnerable areas, including making sure "
                        "that children and young people use the leisure services more"
                    ),
                    (
                        "strengthen the effort for weak families and vulnerable groups, such as "
                        "traumatised refugees, mentally ill children and adults, children whose "
                        "parents have an addiction, homeless people, drug users, etc. This can be "
                        "done, among other things, through neighbourhood mothers (bydelsmødre) and "
                        "family coaches."
                    ),
                ],
                "lighthouse": {
                    "title": (
                        "Better services for children and young people in selected housing areas"
                    ),
                    "summary": (
                        "The aim is to relieve social problems that follow from poverty and to "
                        "make sure that poor families with children know their rights and options. "
                        "This can be done, among other things, through free access to leisure "
                        "activities, expanding the intervention team, and social workers in "
                        "leisure and youth clubs."
                    ),
                },
            },
        ],
        "goals": [
            {
                "number": 1,
                "focus_area": "alle-unge-god-start",
                "statement": (
                    "School results must improve by X % for the weakest 25 per cent of bilingual "
                    "pupils"
                ),
                "short_title": "Better school results for bilingual pupils",
                "target_text": "X %",
                "indicator": {
                    "name": "School results of the weakest 25 per cent of bilingual pupils",
                    "unit": "%",
                    "higher_is_better": True,
                    "target_value": None,
                    "target_year": None,
                },
            },
            {
                "number": 2,
                "focus_area": "mangfoldighed-i-arbejdslivet",
                "statement": (
                    "The extra unemployment among ethnic minorities must be at most 5.8 % in 2014."
                ),
                "short_title": "Less extra unemployment among ethnic minorities",
                "target_text": "at most 5.8 % in 2014",
                "indicator": {
                    "name": "Extra unemployment among ethnic minorities",
                    "unit": "%",
                    "higher_is_better": False,
                    "target_value": 5.8,
                    "target_year": 2014,
                },
            },
            {
                "number": 3,
                "focus_area": "mangfoldighed-i-arbejdslivet",
                "statement": (
                    "The municipality's staff and managers must reflect the workforce in terms of "
                    "ethnicity and educational background."
                ),
                "short_title": "City staff must reflect the workforce",
                "target_text": (
                    "reflect the workforce in terms of ethnicity and educational background"
                ),
                "indicator": {
                    "name": (
                        "Share of municipal staff and managers with an ethnic minority background"
                    ),
                    "unit": "%",
                    "higher_is_better": True,
                    "target_value": None,
                    "target_year": None,
                },
            },
            {
                "number": 4,
                "focus_area": "den-inddragende-by",
                "statement": (
                    "The inclusion index for ethnic minorities improves by X % compared with "
                    "ethnic Danes (made up of measures of discrimination, felt influence and trust "
                    "– based on a survey)"
                ),
                "short_title": "Better inclusion of ethnic minorities",
                "target_text": "X %",
                "indicator": {
                    "name": "Inclusion index of ethnic minorities compared with ethnic Danes",
                    "unit": "index",
                    "higher_is_better": True,
                    "target_value": None,
                    "target_year": None,
                },
            },
            {
                "number": 5,
                "focus_area": "saerlig-haand-til-udsatte",
                "statement": (
                    "Ethnic minorities' use of municipal services in vulnerable areas must rise by "
                    "X % (day-care centres, social services, leisure facilities)"
                ),
                "short_title": "More use of municipal services in vulnerable areas",
                "target_text": "X %",
                "indicator": {
                    "name": "Ethnic minorities' use of municipal services in vulnerable areas",
                    "unit": "%",
                    "higher_is_better": True,
                    "target_value": None,
                    "target_year": None,
                },
            },
            {
                "number": 6,
                "focus_area": "saerlig-haand-til-udsatte",
                "statement": "The safety index must move in a positive direction (XX)",
                "short_title": "People feel safer in the city",
                "target_text": "positive direction",
                "indicator": {
                    "name": "Safety index",
                    "unit": "index",
                    "higher_is_better": True,
                    "target_value": None,
                    "target_year": None,
                },
            },
        ],
        "section5": {
            "title": "A joint integration effort",
            "paragraphs": [
                (
                    "Copenhagen already has a number of management tools that can be used to "
                    "measure the effort:"
                ),
            ],
            "instruments": [
                (
                    "a yearly cycle (årshjul) for the integration effort, which links integration "
                    "policy and budget discussions"
                ),
                (
                    "a short yearly status report, which makes a yearly integration debate in the "
                    "City Council (Borgerrepræsentationen) possible."
                ),
                (
                    "the status of the integration effort will be monitored every six months in "
                    "the municipality's Integration Barometer, which reflects the 6 main targets."
                ),
            ],
            "status_meeting": (
                "In addition, a yearly status meeting on the integration effort is held between "
                "the Employment and Integration Committee and selected mayors, on whether the "
                "committees' action plans need to change."
            ),
            "dialogue_intro": (
                "To get a better dialogue about Copenhagen's Integration Policy 2011-2014 we will "
                "also:"
            ),
            "dialogue": [
                (
                    "actively involve the expert think tank for integration (Eksperttænketanken "
                    "for integration)"
                ),
                "develop internet-based dialogue tools on specific integration topics",
                (
                    "continue to hold the Employment and Integration Committee's yearly "
                    "integration conference."
                ),
                (
                    "take part in international networks for sharing experience, for example "
                    "through the Integrating Cities Charter cooperation."
                ),
            ],
        },
    },
}
