/**
 * Demo seed content for Agora: one structured debate built from the reference corpus
 * (../shared/corpus). Pure data, no imports.
 *
 * Argument bodies are written in the project's own words. Excerpts are short, attributed,
 * verbatim paragraphs from the corpus articles (never whole articles); every quote is a
 * verbatim substring of the excerpt it names. The excerpts of one article (same corpusFile) make
 * one source, in the order listed here (by where each begins in the article). The corpus contains stray no-break spaces;
 * they are written as \u00a0 escapes so the strings stay byte-identical to the source.
 */

export interface DemoUser {
  key: string;
  name: string;
  email: string;
  bio?: string;
}

export interface DemoExcerpt {
  key: string;
  corpusFile: string;
  title: string;
  publisher: string | null;
  byline: string | null;
  /** ISO date, or null when the text does not state one. */
  publishedAt: string | null;
  url: string | null;
  /** Verbatim paragraphs copied from the corpus file, byte for byte, joined with "\n\n". */
  text: string;
}

export interface DemoQuote {
  /** DemoExcerpt.key */
  excerpt: string;
  /** Verbatim substring of that excerpt's text. */
  exact: string;
}

export interface DemoArgument {
  key: string;
  /** DemoUser.key */
  author: string;
  /** Toward its parent (the thesis, for a top-level argument). */
  stance: "PRO" | "CON";
  /** Markdown, at most 2000 characters. */
  body: string;
  quotes?: DemoQuote[];
  replies?: DemoArgument[];
}

export interface DemoDebate {
  /** Topic names the thesis is filed under (created by the seed when new). */
  topics: string[];
  title: string;
  body: string;
  /** DemoUser.key */
  author: string;
  arguments: DemoArgument[];
}

/** Password shared by every demo account, for local demo sign-in only. */
export const DEMO_PASSWORD = "agora-demo-password";

export const demoUsers: DemoUser[] = [
  {
    key: "olena",
    name: "Olena Kovalenko",
    email: "olena.kovalenko@example.org",
    bio: "Policy researcher in Kyiv working on security guarantees and post-war reconstruction.",
  },
  {
    key: "mark",
    name: "Mark Whitfield",
    email: "mark.whitfield@example.org",
    bio: "Retired diplomat. Thinks most wars end at a table, however long it takes to get there.",
  },
  {
    key: "ines",
    name: "Ines Duarte",
    email: "ines.duarte@example.org",
    bio: "Lecturer in international law; interested in how ceasefires hold or fail.",
  },
  {
    key: "sam",
    name: "Sam Okafor",
    email: "sam.okafor@example.org",
    bio: "Journalist covering sanctions, energy markets and the economics of war.",
  },
];

const ATLANTIC_COUNCIL = "putin-cannot-accept-statehood-deal.txt";
const TERMS_FOR_PEACE = "putins-terms-for-peace.txt";
const ATTRITION = "negotiations-of-attrition.txt";

const ATLANTIC_COUNCIL_TITLE = "Putin cannot accept any peace deal that secures Ukrainian statehood";
const TERMS_FOR_PEACE_TITLE = "Putin’s Terms for Peace in Ukraine: What Does He Really Want?";
const ATTRITION_TITLE = "Negotiations of attrition: Why the Kremlin is in no hurry to strike a deal on Ukraine";

export const demoExcerpts: DemoExcerpt[] = [
  {
    key: "ac-regime-stakes",
    corpusFile: ATLANTIC_COUNCIL,
    title: ATLANTIC_COUNCIL_TITLE,
    publisher: "Atlantic Council, UkraineAlert",
    byline: "William Dixon and Maksym Beznosiuk",
    publishedAt: null,
    url: null,
    text: "Russia’s refusal to embrace the idea of a compromise peace should come as no surprise. After all, Putin has built his entire reign around the promise of restoring Russian greatness and reversing the perceived humiliations of the Soviet collapse. After nearly four years of full-scale war, a negotiated settlement that secured Ukraine’s status as an independent country would represent a major political failure.\n\nSince 2022, Kremlin officials and Russian state media have consistently portrayed the invasion of Ukraine as an existential struggle against Western aggression with the aim of establishing a new world order and returning Russia to its rightful place as a great power. However, a peace deal based on the current line of contact would leave approximately 80 percent of Ukraine beyond Kremlin control and firmly anchored in the West. Such an outcome would be viewed in Moscow as an historic Russian defeat.\n\nThis framing creates a political trap of Moscow’s own making. Putin knows he would face a potentially disastrous domestic backlash if he accepted anything less than a clear Russian victory in Ukraine. Peace terms that failed to force Ukraine back into the Kremlin orbit would raise difficult questions about the enormous costs of the invasion. Russians would want to know why the country had spent vast sums of money and sacrificed so many men in order to achieve so little. Putin would risk entering Russian history as the man who lost Ukraine.",
  },
  {
    key: "ac-no-exit",
    corpusFile: ATLANTIC_COUNCIL,
    title: ATLANTIC_COUNCIL_TITLE,
    publisher: "Atlantic Council, UkraineAlert",
    byline: "William Dixon and Maksym Beznosiuk",
    publishedAt: null,
    url: null,
    text: "Putin has begun 2026 in a challenging position. He remains reluctant to upset Trump, but he dare not accept the compromise peace the US leader is proposing. Instead, Putin needs either total victory in Ukraine or indefinite conflict. Any attempt to end the war without establishing complete political control over Ukraine would threaten the stability of Putin’s own regime. His interests are therefore best served by seeking to prolong negotiations while working toward a military solution.",
  },
  {
    key: "pt-neutrality",
    corpusFile: TERMS_FOR_PEACE,
    title: TERMS_FOR_PEACE_TITLE,
    publisher: null,
    byline: null,
    publishedAt: null,
    url: null,
    text: "For Ukraine to abandon this goal, especially under pressure from a country actively waging war against it, would be seen by many as capitulation—not compromise. Yet, from a realist perspective, some analysts argue that neutrality could emerge as part of a negotiated settlement, if accompanied by strong, enforceable security guarantees—though history offers Ukraine little reason to trust such assurances.\n\nFinally, Putin insists that Ukraine must adopt a neutral, non-nuclear status, and drastically reduce its military capacity. On the surface, this may sound like a step toward de-escalation. But in practice, it risks turning Ukraine into a buffer state—one stripped of its defensive tools and left permanently vulnerable to future coercion.\n\nWhile neutrality may appear benign in theory, history tells a different story. Ukraine once possessed the world’s third-largest nuclear arsenal, inherited after the collapse of the Soviet Union. In 1994, Kyiv relinquished these weapons under the Budapest Memorandum, in exchange for security guarantees from Russia, the United States, and the United Kingdom. Those guarantees were shattered when Russia invaded Crimea in 2014, and again during the full-scale invasion of 2022.\n\nTo demilitarize now, after everything, would be to replay history’s mistake—only worse. Ukraine would be signaling to the world that disarmament leads not to peace, but to occupation. It would permanently rely on the goodwill of the very country that tried to destroy it.\n\nWhen taken together, Putin’s terms read not like the basis for a peaceful resolution, but a blueprint for Ukraine’s submission. Each demand chips away at sovereignty, rewards aggression, and reshapes the rules of international conduct.",
  },
  {
    key: "pt-sanctions",
    corpusFile: TERMS_FOR_PEACE,
    title: TERMS_FOR_PEACE_TITLE,
    publisher: null,
    byline: null,
    publishedAt: null,
    url: null,
    text: "Of course, there is some room for debate. Some analysts argue that partial sanctions relief could serve as leverage in Kremlin peace negotiations, especially if tied to verifiable steps such as troop withdrawals or reparations.\n\nHowever, such outcomes currently appear speculative at best. Russia has not offered credible signs of political reform, nor has it acknowledged responsibility for war crimes or civilian atrocities committed in places like Bucha or Mariupol—events that still define Western public perception of this war.",
  },
  {
    key: "pt-prospects",
    corpusFile: TERMS_FOR_PEACE,
    title: TERMS_FOR_PEACE_TITLE,
    publisher: null,
    byline: null,
    publishedAt: null,
    url: null,
    text: "On the Russian side, there appears to be little willingness to enter Kremlin peace negotiations in good faith—at least for now. The lack of reciprocal offers, such as troop withdrawals, reparations, or internal reform, suggests that Putin’s peace demands are aimed less at negotiation and more at forcing Ukraine to submit through political exhaustion and military pressure.\n\nSome analysts argue that the current “peace proposal” may be more about messaging—to domestic audiences, wavering allies, or the Global South—than about genuine conflict resolution.\n\nA further complication lies in the geopolitical dimension of the Ukraine conflict resolution. Any agreement that satisfies Russia’s demands could weaken the credibility of international law and NATO’s deterrence posture.\n\nThis creates a dilemma for the U.S. and EU: how to support peace without setting a precedent that military aggression can be reversed through diplomatic legitimacy. As long as these concerns remain unresolved, Western support for Ukraine’s resistance is unlikely to waver.\n\nThat said, some observers argue there could eventually be room for phased negotiations—perhaps beginning with limited humanitarian or security guarantees—if certain battlefield dynamics shift or if political leadership changes occur in either country. However, such prospects remain speculative at best, and hinge on many unpredictable variables.",
  },
  {
    key: "na-overview",
    corpusFile: ATTRITION,
    title: ATTRITION_TITLE,
    publisher: null,
    byline: null,
    publishedAt: null,
    url: null,
    text: "Convinced that Russia retains an advantage on the battlefield, President Vladimir Putin sees no need to offer concessions. He prefers a\u00a0combination of military action and diplomatic pressure – a\u00a0tactic that, in the Kremlin’s view, the West is no longer able to resist. At the same time, any peace agreement that meets Russia’s conditions would set the stage for a\u00a0renewed conflict. Ukraine’s ability to defend itself would be weakened as a\u00a0result of the inevitable political crisis triggered by territorial concessions, and the transatlantic security system would be undermined. This would create an environment that is less predictable and more conducive to further Russian pressure.",
  },
  {
    key: "na-home-front",
    corpusFile: ATTRITION,
    title: ATTRITION_TITLE,
    publisher: null,
    byline: null,
    publishedAt: null,
    url: null,
    text: "Another factor which shapes the Kremlin’s calculations is the militarist segment of Russian society. Survey data suggests that roughly one-third of Russian citizens believe that military action against Ukraine should continue. Support for prolonging the war is notably higher among men (around 39 per cent) and older respondents.\n\nIn propaganda-focused Telegram channels catering to this audience, the ‘Trump plan’ is interpreted as a\u00a0potential threat, and negotiations are framed as an attempt by the West to gain time to prepare for renewed escalation. This perception reinforces a\u00a0hard-line public stance and narrows the space for compromise: for proponents of the war, any concessions appear as a\u00a0defeat. Over time, this may lead to open discontent, which could coincide with frustration among veterans returning from the front. This increases the risk for the Kremlin of a\u00a0broader wave of criticism in the future.",
  },
  {
    key: "na-terms",
    corpusFile: ATTRITION,
    title: ATTRITION_TITLE,
    publisher: null,
    byline: null,
    publishedAt: null,
    url: null,
    text: "In these circumstances, Putin is in no hurry to conclude an agreement but does not rule out discussing the parameters of a\u00a0potential deal. At the centre of his ‘minimum plan’ lies the formalisation of Russia’s territorial gains, above all in Donetsk and Luhansk Regions. On the margins of the CSTO summit in Bishkek on 27 November, responding to questions about the 28 points proposed by the United States, Putin again stated that the withdrawal of the Ukrainian armed forces from these territories and their ‘return’ to Russia is a\u00a0mandatory condition for any agreement.\n\nAt the same time, the Kremlin may accept what it previously ruled out. Moscow may agree to preserve the size of the Ukrainian army at a\u00a0level close to that suggested by the United States (600,000 personnel). A\u00a0large army requires significant budgetary expenditure, which weakens Ukraine in the long term and limits its ability to maintain a\u00a0resilient defence. Ukraine’s membership in the European Union is also not a\u00a0critical threat for Moscow, as the prospects for accession in the short to medium term remain low. Security guarantees, even those similar to NATO’s Article 5, may be acceptable if they cannot be implemented effectively. The Kremlin may assume that neither the United States nor European countries would enter a\u00a0direct military confrontation with Russia in the event of renewed escalation. This lowers the political costs of such guarantees and makes them potentially compatible with Russian interests.\n\nAccepting the preservation of Ukrainian sovereignty in exchange for recognising Russia’s ‘rights of the victor’ – territories held by force – is the Kremlin’s political trap for Ukraine and its allies. Over time, this would open up a\u00a0wide range of possibilities: destabilisation of Ukraine from within would weaken it militarily and politically, allowing Russia to launch a\u00a0new offensive, forcing Kyiv to conclude that further resistance is futile.",
  },
];

export const demoDebate: DemoDebate = {
  title: "Putin cannot accept a peace deal that secures Ukrainian statehood",
  body:
    "Could the Kremlin sign, and survive politically, a settlement that leaves Ukraine a sovereign and independent state, " +
    "or does Putin's regime need an outcome that ends Ukrainian statehood in substance if not in name? " +
    "Weigh the domestic politics in Moscow, the terms Russia has actually put on the table, and the pressures that might change its calculus.",
  author: "sam",
  topics: ["Russia–Ukraine war", "Peace negotiations", "Russian politics"],
  arguments: [
    // ── PRO 1: regime legitimacy ────────────────────────────────────────────────
    {
      key: "regime-legitimacy",
      author: "olena",
      stance: "PRO",
      body:
        "Putin's rule rests on a promise to restore Russian greatness, and the war has been sold at home as an existential struggle with the West. " +
        "A settlement that leaves most of Ukraine independent and tied to Western institutions would be hard to present as anything but a loss, " +
        "which makes it **politically unaffordable** for him, whatever its military logic.",
      quotes: [
        {
          excerpt: "ac-regime-stakes",
          exact:
            "After nearly four years of full-scale war, a negotiated settlement that secured Ukraine’s status as an independent country would represent a major political failure.",
        },
        {
          excerpt: "ac-regime-stakes",
          exact: "Putin would risk entering Russian history as the man who lost Ukraine.",
        },
      ],
      replies: [
        {
          key: "narrative-control",
          author: "mark",
          stance: "CON",
          body:
            "This assumes Russian public opinion can punish Putin for a compromise. A state that controls television can relabel almost any outcome as victory, " +
            "with annexed regions and a land corridor to Crimea held up as proof. " +
            "Polling suggests only a minority actively wants the fighting to go on, so most Russians would likely welcome an ending dressed up as success.",
          quotes: [
            {
              excerpt: "na-home-front",
              exact:
                "Survey data suggests that roughly one-third of Russian citizens believe that military action against Ukraine should continue.",
            },
          ],
          replies: [
            {
              key: "hardline-minority",
              author: "olena",
              stance: "CON",
              body:
                "The minority that matters is not the passive majority but the *militarist core*: war bloggers, their audiences and the men who have fought. " +
                "For that constituency any concession reads as betrayal, and it is the one a wartime regime can least afford to alienate.",
              quotes: [
                {
                  excerpt: "na-home-front",
                  exact:
                    "This perception reinforces a\u00a0hard-line public stance and narrows the space for compromise: for proponents of the war, any concessions appear as a\u00a0defeat.",
                },
              ],
              replies: [
                {
                  key: "hardliners-no-veto",
                  author: "sam",
                  stance: "CON",
                  body:
                    "Hardliners constrain the Kremlin, but they do not hold a veto. " +
                    "The 2023 Wagner mutiny showed that Putin can absorb a challenge from the militarist camp and then dismantle it, " +
                    "and a leader who can do that can also impose a settlement on that camp once he decides the war has stopped paying.",
                  replies: [
                    {
                      key: "veto-not-needed",
                      author: "olena",
                      stance: "CON",
                      body:
                        "Surviving one challenge from the hawks is no reason to invite a second by signing a compromise they would call surrender. " +
                        "His safest course is neither peace nor a risky escalation but a war kept going at a cost he can bear, which is the pattern we actually observe.",
                      quotes: [
                        {
                          excerpt: "ac-no-exit",
                          exact: "Instead, Putin needs either total victory in Ukraine or indefinite conflict.",
                        },
                      ],
                    },
                  ],
                },
                {
                  key: "returning-veterans",
                  author: "ines",
                  stance: "PRO",
                  body:
                    "The pressure also grows with time. Once large numbers of soldiers come home, a peace that looks like a loss would hand them both a grievance and a platform, " +
                    "so the risk to the Kremlin rises rather than falls *after* a deal is signed.",
                  quotes: [
                    {
                      excerpt: "na-home-front",
                      exact:
                        "Over time, this may lead to open discontent, which could coincide with frustration among veterans returning from the front.",
                    },
                  ],
                },
              ],
            },
            {
              key: "sellable-gains",
              author: "sam",
              stance: "PRO",
              body:
                "The Kremlin has already outlined a minimum programme it could present as victory: keeping the Donetsk and Luhansk regions. " +
                "If those are secured on paper, state media has a ready-made story about \"liberated\" lands, even if the rest of Ukraine stays independent.",
              quotes: [
                {
                  excerpt: "na-terms",
                  exact:
                    "At the centre of his ‘minimum plan’ lies the formalisation of Russia’s territorial gains, above all in Donetsk and Luhansk Regions.",
                },
              ],
            },
          ],
        },
        {
          key: "sunk-costs",
          author: "ines",
          stance: "PRO",
          body:
            "The scale of the losses raises the bar further. After so many casualties and so much money spent, a settlement that leaves Ukraine free to choose its own alliances " +
            "invites the question of what it was all for, and that question is dangerous for the man who started the war.",
          quotes: [
            {
              excerpt: "ac-regime-stakes",
              exact:
                "Russians would want to know why the country had spent vast sums of money and sacrificed so many men in order to achieve so little.",
            },
          ],
        },
      ],
    },

    // ── PRO 2: sovereignty itself is the target ─────────────────────────────────
    {
      key: "sovereignty-is-the-target",
      author: "ines",
      stance: "PRO",
      body:
        "Moscow's demands go well beyond territory: neutrality, a capped military and a veto on alliances would leave Ukraine a state on paper whose security depends on Russian restraint. " +
        "When the stated terms themselves aim at *limiting* sovereignty, a deal that genuinely secures it is, by definition, not one the Kremlin has been willing to sign.",
      quotes: [
        {
          excerpt: "pt-neutrality",
          exact:
            "When taken together, Putin’s terms read not like the basis for a peaceful resolution, but a blueprint for Ukraine’s submission.",
        },
        {
          excerpt: "pt-neutrality",
          exact:
            "But in practice, it risks turning Ukraine into a buffer state—one stripped of its defensive tools and left permanently vulnerable to future coercion.",
        },
      ],
      replies: [
        {
          key: "opening-bids",
          author: "mark",
          stance: "CON",
          body:
            "Maximalist demands are opening positions, not final ones. " +
            "There are signs Moscow could live with a large Ukrainian army, eventual EU membership and even Western security guarantees: " +
            "concessions that would leave Ukraine a functioning sovereign state.",
          quotes: [
            {
              excerpt: "na-terms",
              exact:
                "At the same time, the Kremlin may accept what it previously ruled out. Moscow may agree to preserve the size of the Ukrainian army at a\u00a0level close to that suggested by the United States (600,000 personnel).",
            },
          ],
          replies: [
            {
              key: "hollow-concessions",
              author: "olena",
              stance: "CON",
              body:
                "Look at *why* those concessions might be tolerable: a very large army is a fiscal drain on Kyiv, EU accession is distant, and guarantees are acceptable only if nobody is expected to honour them. " +
                "Moscow would be conceding what it believes will not protect Ukraine, which is the opposite of securing its statehood.",
              quotes: [
                {
                  excerpt: "na-terms",
                  exact:
                    "Security guarantees, even those similar to NATO’s Article 5, may be acceptable if they cannot be implemented effectively.",
                },
                {
                  excerpt: "na-terms",
                  exact:
                    "A\u00a0large army requires significant budgetary expenditure, which weakens Ukraine in the long term and limits its ability to maintain a\u00a0resilient defence.",
                },
              ],
              replies: [
                {
                  key: "intent-vs-outcome",
                  author: "mark",
                  stance: "CON",
                  body:
                    "The Kremlin's private expectations do not decide whether a guarantee works; Ukraine's partners do. " +
                    "If Putin signs terms he believes are hollow and the West then makes them credible, he has *accepted* a deal that secures Ukrainian statehood, " +
                    "which is exactly what the thesis says he cannot do.",
                  quotes: [
                    {
                      excerpt: "pt-neutrality",
                      exact:
                        "some analysts argue that neutrality could emerge as part of a negotiated settlement, if accompanied by strong, enforceable security guarantees",
                    },
                  ],
                  replies: [
                    {
                      key: "guarantees-track-record",
                      author: "ines",
                      stance: "CON",
                      body:
                        "That is a very large *if*. Ukraine already traded real military capability for paper assurances in 1994 and saw them ignored, " +
                        "and Moscow has rejected the kind of foreign troop presence that would make new guarantees bite. " +
                        "A deal whose protection depends on partners later finding a resolve they have not yet shown does not secure statehood.",
                      quotes: [
                        {
                          excerpt: "pt-neutrality",
                          exact:
                            "Those guarantees were shattered when Russia invaded Crimea in 2014, and again during the full-scale invasion of 2022.",
                        },
                        {
                          excerpt: "pt-neutrality",
                          exact: "though history offers Ukraine little reason to trust such assurances",
                        },
                      ],
                    },
                  ],
                },
              ],
            },
          ],
        },
        {
          key: "no-reciprocity",
          author: "sam",
          stance: "PRO",
          body:
            "Nothing in the Kremlin's package offers anything in return (no withdrawal, no reparations, no change of behaviour) while it asks for sanctions relief on top of land. " +
            "That is the shape of a demand for surrender, not of a bargain between two states that both expect to go on existing.",
          quotes: [
            {
              excerpt: "pt-prospects",
              exact:
                "The lack of reciprocal offers, such as troop withdrawals, reparations, or internal reform, suggests that Putin’s peace demands are aimed less at negotiation and more at forcing Ukraine to submit through political exhaustion and military pressure.",
            },
          ],
        },
      ],
    },

    // ── PRO 3: negotiations used as a weapon ────────────────────────────────────
    {
      key: "talks-as-weapon",
      author: "sam",
      stance: "PRO",
      body:
        "Russia's conduct in talks fits the thesis: it keeps negotiating without moving, using diplomacy to split Ukraine's backers and buy time while its army presses forward. " +
        "A government that saw an acceptable compromise within reach would not treat negotiations as one more front of the war.",
      quotes: [
        {
          excerpt: "na-overview",
          exact:
            "He prefers a\u00a0combination of military action and diplomatic pressure – a\u00a0tactic that, in the Kremlin’s view, the West is no longer able to resist.",
        },
        {
          excerpt: "ac-no-exit",
          exact:
            "His interests are therefore best served by seeking to prolong negotiations while working toward a military solution.",
        },
      ],
      replies: [
        {
          key: "no-hurry-is-not-cannot",
          author: "mark",
          stance: "CON",
          body:
            "Stalling shows that Putin *does not want* a compromise today because he thinks time is on his side, not that he *cannot* accept one. " +
            "That belief rests on the battlefield, the economy and Western resolve, all of which can change.",
          quotes: [
            {
              excerpt: "na-overview",
              exact:
                "Convinced that Russia retains an advantage on the battlefield, President Vladimir Putin sees no need to offer concessions.",
            },
          ],
          replies: [
            {
              key: "conditions-can-shift",
              author: "ines",
              stance: "PRO",
              body:
                "Even analysts who are sceptical of the Kremlin leave room for this. " +
                "A phased process, starting with narrow humanitarian or security steps, becomes plausible if the front stalls or the political picture changes.",
              quotes: [
                {
                  excerpt: "pt-prospects",
                  exact:
                    "That said, some observers argue there could eventually be room for phased negotiations—perhaps beginning with limited humanitarian or security guarantees—if certain battlefield dynamics shift or if political leadership changes occur in either country.",
                },
              ],
              replies: [
                {
                  key: "pause-not-peace",
                  author: "olena",
                  stance: "CON",
                  body:
                    "A Kremlin pushed to the table by setbacks is more likely to seek a ceasefire it can later break than a settlement that truly locks in Ukrainian independence. " +
                    "A pause on Russian terms simply resets the clock for the next round.",
                  quotes: [
                    {
                      excerpt: "na-overview",
                      exact:
                        "At the same time, any peace agreement that meets Russia’s conditions would set the stage for a\u00a0renewed conflict.",
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },

    // ── CON 1: land for sovereignty ─────────────────────────────────────────────
    {
      key: "sovereignty-for-land",
      author: "mark",
      stance: "CON",
      body:
        "The Kremlin's own bottom line shows it could sign a deal that leaves Ukraine a state: the core demand is formal recognition of the land it holds, " +
        "and in exchange it would let Ukraine keep its sovereignty. " +
        "A deal Putin could accept that leaves a Ukrainian state standing is, on its face, a counterexample to the thesis.",
      quotes: [
        {
          excerpt: "na-terms",
          exact:
            "Accepting the preservation of Ukrainian sovereignty in exchange for recognising Russia’s ‘rights of the victor’ – territories held by force – is the Kremlin’s political trap for Ukraine and its allies.",
        },
      ],
      replies: [
        {
          key: "trap-not-peace",
          author: "olena",
          stance: "CON",
          body:
            "The same analysis calls it a *trap* for a reason: the land-for-sovereignty swap is meant to trigger a political crisis in Kyiv, weaken the state from within and prepare a later offensive. " +
            "Statehood that is preserved on paper but designed to fail is not \"secured\".",
          quotes: [
            {
              excerpt: "na-terms",
              exact:
                "Over time, this would open up a\u00a0wide range of possibilities: destabilisation of Ukraine from within would weaken it militarily and politically, allowing Russia to launch a\u00a0new offensive, forcing Kyiv to conclude that further resistance is futile.",
            },
          ],
          replies: [
            {
              key: "hopes-vs-results",
              author: "mark",
              stance: "CON",
              body:
                "Putin's hopes for what happens after a deal are not the deal itself. " +
                "A settlement along the current front would still leave roughly four-fifths of Ukraine outside Russian control and oriented toward the West; " +
                "whether that state endures depends on Kyiv and its allies, not on what Moscow intended when it signed.",
              quotes: [
                {
                  excerpt: "ac-regime-stakes",
                  exact:
                    "However, a peace deal based on the current line of contact would leave approximately 80 percent of Ukraine beyond Kremlin control and firmly anchored in the West.",
                },
              ],
              replies: [
                {
                  key: "that-is-the-defeat",
                  author: "ines",
                  stance: "CON",
                  body:
                    "That outcome is precisely the one Moscow treats as unacceptable. " +
                    "A Western-anchored Ukraine on four-fifths of its land is what the Kremlin's own narrative defines as losing, " +
                    "which is why it keeps stacking neutrality and demilitarisation demands on top of the territorial ones.",
                  quotes: [
                    {
                      excerpt: "ac-regime-stakes",
                      exact: "Such an outcome would be viewed in Moscow as an historic Russian defeat.",
                    },
                  ],
                },
              ],
            },
          ],
        },
        {
          key: "mandatory-condition",
          author: "sam",
          stance: "PRO",
          body:
            "The one condition Putin keeps naming as mandatory is Ukraine's withdrawal from Donetsk and Luhansk, not Ukraine's disappearance as a state. " +
            "A position anchored on specific territory is, at least in principle, one that can be met and closed.",
          quotes: [
            {
              excerpt: "na-terms",
              exact:
                "Putin again stated that the withdrawal of the Ukrainian armed forces from these territories and their ‘return’ to Russia is a\u00a0mandatory condition for any agreement.",
            },
          ],
        },
      ],
    },

    // ── CON 2: economic pressure ────────────────────────────────────────────────
    {
      key: "economic-pressure",
      author: "sam",
      stance: "CON",
      body:
        "Sanctions and shrinking energy income are real constraints, and Moscow's insistence on sanctions relief shows it wants something only a negotiated deal can deliver. " +
        "Releasing relief in stages, tied to verifiable steps, gives the West a way to make a statehood-preserving settlement worth Putin's while.",
      quotes: [
        {
          excerpt: "pt-sanctions",
          exact:
            "Some analysts argue that partial sanctions relief could serve as leverage in Kremlin peace negotiations, especially if tied to verifiable steps such as troop withdrawals or reparations.",
        },
      ],
      replies: [
        {
          key: "relief-as-reward",
          author: "olena",
          stance: "CON",
          body:
            "So far Moscow treats sanctions relief as a prize to be handed over, not something to be bought with concessions, and there is no sign it would trade withdrawal or accountability for it. " +
            "Its war economy, strained as it is, still funds the army at close to record levels.",
          quotes: [
            {
              excerpt: "pt-sanctions",
              exact:
                "Russia has not offered credible signs of political reform, nor has it acknowledged responsibility for war crimes or civilian atrocities committed in places like Bucha or Mariupol",
            },
          ],
          replies: [
            {
              key: "leverage-compounds",
              author: "sam",
              stance: "CON",
              body:
                "Leverage works on the future, not on today's posture. " +
                "Relief offered step by step and matched to withdrawals changes the Kremlin's payoffs over time, " +
                "and an economy under growing strain makes that offer more attractive with every year the war drags on.",
            },
          ],
        },
      ],
    },

    // ── CON 3: historical precedent ─────────────────────────────────────────────
    {
      key: "historical-precedent",
      author: "ines",
      stance: "CON",
      body:
        "*Cannot* is a strong word. In 1940 Moscow ended the Winter War by taking territory from Finland rather than extinguishing it, and Finland survived as an independent state: " +
        "a reminder that the Kremlin has settled for land before when the full prize proved too costly.",
      replies: [
        {
          key: "finlandization",
          author: "olena",
          stance: "CON",
          body:
            "The Finnish precedent is exactly what worries Kyiv. Finland kept its independence but spent decades with its foreign policy constrained in Moscow's shadow, " +
            "and a neutral, lightly armed Ukraine would be far more exposed than Finland ever was, because it would depend on the restraint of the state that invaded it.",
          quotes: [
            {
              excerpt: "pt-neutrality",
              exact: "It would permanently rely on the goodwill of the very country that tried to destroy it.",
            },
          ],
          replies: [
            {
              key: "finland-endured",
              author: "mark",
              stance: "CON",
              body:
                "Yet Finnish statehood *was* secured: the country kept its democracy, rebuilt a capable military, joined the EU in 1995 and NATO in 2023. " +
                "If Putin accepts terms that leave Ukraine in a comparable position, with a path toward the EU he already seems able to tolerate, the thesis fails, " +
                "however uncomfortable the arrangement is for Kyiv.",
              quotes: [
                {
                  excerpt: "na-terms",
                  exact:
                    "Ukraine’s membership in the European Union is also not a\u00a0critical threat for Moscow, as the prospects for accession in the short to medium term remain low.",
                },
              ],
            },
          ],
        },
      ],
    },

    // ── CON 4: the Washington factor ────────────────────────────────────────────
    {
      key: "washington-factor",
      author: "mark",
      stance: "CON",
      body:
        "Putin has taken care not to rebuff Washington openly, which suggests he values the US relationship and fears fresh sanctions. " +
        "If the United States makes a statehood-preserving deal the price of normal relations, that incentive could outweigh the domestic costs the thesis stresses.",
      quotes: [
        {
          excerpt: "ac-no-exit",
          exact: "Putin has begun 2026 in a challenging position. He remains reluctant to upset Trump",
        },
      ],
      replies: [
        {
          key: "performative-flexibility",
          author: "olena",
          stance: "CON",
          body:
            "Courting Washington is cheap when it costs nothing on the ground. " +
            "Moscow's apparent openness mainly serves to cast Kyiv as the obstacle and to channel US pressure onto Ukraine, not to move toward terms Ukraine could live with.",
          quotes: [
            {
              excerpt: "ac-no-exit",
              exact: "He remains reluctant to upset Trump, but he dare not accept the compromise peace the US leader is proposing.",
            },
            {
              excerpt: "pt-prospects",
              exact:
                "Some analysts argue that the current “peace proposal” may be more about messaging—to domestic audiences, wavering allies, or the Global South—than about genuine conflict resolution.",
            },
          ],
        },
      ],
    },
  ],
};
