# -*- coding: utf-8 -*-
"""The invented articles of the dossier example corpus.

Every article, headline, byline, quotation wording and outlet in this file is FICTION written
for testing dossier. The story (the April 2021 Vienna talks on reviving the Iran nuclear deal)
and the public figures in it are real; nothing here is a real news report or a real quotation.

Each article is a dict: key, outlet, title, published (YYYY-MM-DD), authors, dateline,
paras (body paragraphs, in order). make_corpus.py renders them into the corpus files.
"""

OUTLETS = {
    "Meridian Wire": dict(domain="meridianwire.example", slant="neutral international wire service"),
    "The Daily Bulwark": dict(domain="dailybulwark.example", slant="hawkish Western opinion/tabloid site"),
    "Alborz Times": dict(domain="alborztimes.example", slant="Tehran-friendly English-language outlet"),
    "Continental Ledger": dict(domain="continentalledger.example", slant="European business daily (markets, trade, Brussels)"),
    "The Arabian Compass": dict(domain="arabiancompass.example", slant="Gulf regional outlet (Saudi/UAE perspective)"),
}

A = {}

# ---------------------------------------------------------------- A01 Meridian, 2 April (RSS)
A["a01"] = dict(
    outlet="Meridian Wire", published="2021-04-02", authors=["Clara Lindqvist"], dateline="VIENNA",
    title="Iran and world powers to meet in Vienna on Tuesday; U.S. to join indirectly",
    paras=[
        "VIENNA (Meridian Wire) - Iran and the remaining parties to the 2015 nuclear deal agreed on Friday to meet in Vienna next Tuesday, in the most serious attempt yet to bring the United States back into the accord that former President Donald Trump abandoned three years ago.",
        "The announcement followed a virtual meeting of the deal's Joint Commission, chaired by the European Union's Enrique Mora and attended by envoys of Iran, France, Germany, Britain, Russia and China. The EU's diplomatic service said in a statement that the participants would \"continue to discuss\" how the United States could return and how to ensure \"full and effective implementation\" of the deal by Iran.",
        "Washington will not sit at the table. State Department spokesman Ned Price told reporters that a U.S. delegation would travel to Vienna but that any exchange with Tehran would be indirect, with European officials carrying messages between the two sides.",
        "\"Nobody should expect American and Iranian diplomats in the same room next week,\" Price said. \"What matters is whether the process moves, not the seating plan.\"",
        "Iran's deputy foreign minister, Abbas Araghchi, who led Tehran's side in Friday's call, said there would be no meeting of any kind with the American delegation. According to Araghchi, the only question on the table is the lifting of all the sanctions Washington imposed after its 2018 withdrawal from the pact.",
        "The deal, formally the Joint Comprehensive Plan of Action, was signed in Vienna on July 14, 2015. It capped Iran's uranium enrichment in exchange for relief from U.N., U.S. and European sanctions. Trump pulled out on May 8, 2018 and reimposed sweeping sanctions under what his administration called a \"maximum pressure\" campaign. Iran began breaching the deal's limits a year later.",
        "Russia's envoy to the international organisations in Vienna, Mikhail Ulyanov, wrote on Twitter that the call had been \"businesslike\" and that the parties had agreed to return to the Austrian capital \"in physical format\".",
        "A senior European diplomat, speaking on condition of anonymity, cautioned that the gaps remained wide. \"Nobody expects a breakthrough in one week,\" the diplomat said. \"If we have working groups set up by Friday, that is a good week.\"",
        "President Joe Biden has said the United States will return to the deal if Iran resumes full compliance; Iran says Washington must first lift its sanctions. Iran holds a presidential election on June 18, and analysts say both sides see a window that could close after that vote.",
    ])

# ---------------------------------------------------------------- A02 Meridian, 6 April (HTML JSON-LD); reprinted by Arabian Compass
A["a02"] = dict(
    outlet="Meridian Wire", published="2021-04-06", authors=["Clara Lindqvist", "Tomasz Wierzbicki"], dateline="VIENNA",
    title="Iran talks open in Vienna with U.S. and Iranian delegations in separate hotels",
    paras=[
        "VIENNA (Meridian Wire) - Diplomats opened talks in Vienna on Tuesday aimed at reviving the 2015 Iran nuclear deal, with European mediators shuttling between Iran's delegation at the Grand Hotel and a U.S. team housed a short walk away.",
        "The deal's Joint Commission, which brings together Iran, France, Germany, Britain, Russia and China under an EU chair, met for about two hours and agreed to set up two expert groups: one on the sanctions Washington would have to lift, the other on the nuclear steps Tehran would have to reverse.",
        "\"The meeting was constructive,\" Iran's chief negotiator, Deputy Foreign Minister Abbas Araghchi, told state television after the session. \"But we have said clearly that there will be no 'step-by-step' approach. The first step is the lifting of all sanctions.\"",
        "The U.S. special envoy for Iran, Robert Malley, did not attend. Enrique Mora, the EU official who chaired the session, said on Twitter that he would \"intensify separate contacts\" with the participants and with the United States in the coming days.",
        "Russia's envoy, Mikhail Ulyanov, told reporters outside the hotel that the session had been \"successful\" and that the commission would meet again on Friday. China's representative, Wang Qun, said that the United States should take the first step by lifting its sanctions, since it was Washington that had left the agreement.",
        "\"These are going to be hard conversations, and they are going to take time,\" a State Department official told reporters in Washington on condition of anonymity. \"We are not expecting anything dramatic this week.\"",
        "Analysts said the talks in Vienna would test whether either side was willing to move first. Iran has been enriching uranium to 20% purity at its Fordow plant since January, and in February it curtailed snap inspections by the International Atomic Energy Agency, though a temporary arrangement with the agency's director general, Rafael Grossi, preserved some monitoring for up to three months.",
        "The United States left the deal on May 8, 2018. Iran began exceeding its limits in 2019.",
    ])

# ---------------------------------------------------------------- A03 Daily Bulwark, 7 April (HTML OpenGraph + meta author)
A["a03"] = dict(
    outlet="The Daily Bulwark", published="2021-04-07", authors=["Robert Hale"], dateline="WASHINGTON",
    title="Biden's Vienna gamble hands Tehran the win it could not earn",
    paras=[
        "WASHINGTON - Call it diplomacy by hotel corridor. This week in Vienna, American negotiators sat in one building while the Islamic Republic's envoys sat in another, and E.U. officials - the same officials who spent the spring of 2015 assuring us the deal was airtight - carried notes between them like waiters.",
        "The arrangement was Tehran's idea. The regime will not share a room with the country it still calls the \"Great Satan\", and the Biden administration, in its hurry to undo the last four years, said yes.",
        "Robert Malley, the President's envoy for Iran, helped negotiate the original agreement and has never hidden his belief that engagement works. Fine. But engagement on whose terms? Abbas Araghchi, Iran's negotiator, told state television on Tuesday that there would be \"no step-by-step approach\" and that every sanction must go first. That is not a negotiating position. It is an invoice.",
        "For all the sneering at the \"maximum pressure\" campaign, it left the regime's economy gasping and its currency in free fall. Iran came to Vienna because it needs the money, not because it has had a change of heart.",
        "\"Every sanction Washington lifts before Iran reverses its nuclear steps is leverage we never get back,\" said Helen Kim, a senior fellow at the Atlantic Nonproliferation Forum. \"The Iranians know it. That is why they insist on everything at once.\"",
        "Kim points out that Iran is now enriching uranium to 20% - a level it had not touched since before the 2015 deal - and has cut back the inspections the deal was supposed to guarantee. Those are the facts on the ground that Washington is being asked to pay to reverse.",
        "Europe still holds one card: the so-called \"snapback\" in U.N. Security Council Resolution 2231, which would restore the U.N. sanctions lifted in 2016. When the Trump administration tried to use it last August, it was rebuffed by the very allies who are now running the talks in Vienna.",
        "Israel, which was not consulted in 2015 and is not at the table now, has made its position plain. Prime Minister Benjamin Netanyahu has said repeatedly that Israel will not be bound by any return to the old deal. Jerusalem has the means to back that up, and Tehran knows that too.",
        "The administration says it wants a \"longer and stronger\" agreement. It could start by refusing to pay for the old one.",
    ])

# ---------------------------------------------------------------- A04 Alborz Times, 8 April (HTML JSON-LD @graph)
A["a04"] = dict(
    outlet="Alborz Times", published="2021-04-08", authors=["Mehdi Sadeghi"], dateline="VIENNA",
    title="Araqchi: \u201cNo step-by-step, sanctions must go at once\u201d",
    paras=[
        "VIENNA \u2014 Iran\u2019s top negotiator Seyed Abbas Araqchi said on Wednesday that the Islamic Republic will not accept a \u201cstep-by-step\u201d return to the nuclear agreement, and that all the sanctions imposed by the United States since 2018 must be removed in a single, verifiable step.",
        "\u201cWe are not in a hurry,\u201d Araqchi told reporters at the Grand Hotel. \u201cWhat we want is clear. America left the deal, America must come back, and it must come back by lifting the sanctions \u2014 all of them \u2014 not by giving us promises.\u201d",
        "The two expert groups set up on Tuesday met for a second day on Wednesday, one on sanctions and one on nuclear issues. Iran\u2019s foreign ministry said the Iranian delegation was talking only to the remaining parties of the agreement, the so-called 4+1, and not to the Americans.",
        "Araqchi denied reports that his team had exchanged papers with the U.S. delegation. \u201cThere has been no meeting with the Americans, direct or indirect, and there will be none,\u201d he said. \u201cThe Europeans can talk to whoever they like.\u201d",
        "Foreign ministry spokesman Saeed Khatibzadeh, who briefs reporters every Monday, said earlier this week that Tehran would judge Washington \u201cby its actions, not its words\u201d, and that the removal of sanctions would have to be verified before Iran reversed what he called its \u201cremedial measures\u201d.",
        "That policy was set by the Leader of the Islamic Revolution, Ayatollah Seyyed Ali Khamene\u2019i, who said in February that Iran would return to its commitments only after the sanctions were lifted in practice and not on paper.",
        "In Tehran, lawmaker Reza Mousavi, a member of parliament\u2019s national security committee, said the government was bound by the law passed by the Majlis in December. \u201cThe negotiators have a mandate, and the mandate is the law,\u201d Mousavi told the Alborz Times. \u201cIf the Americans do not lift the sanctions, the law says enrichment goes on.\u201d",
        "Russia\u2019s envoy Mikhail Ulianov said the first two days had been \u201cbusinesslike\u201d, while Beijing\u2019s representative Wang Qun said the United States, having left the deal, should \u201ccorrect its mistake\u201d first.",
        "Iran remained in the agreement for a full year after the American withdrawal. On May 8, 2019, exactly one year later, President Hassan Rohani announced that Iran would begin reducing its commitments step by step.",
    ])

# ---------------------------------------------------------------- A05 Continental Ledger, 9 April (HTML windows-1252, <time>)
A["a05"] = dict(
    outlet="Continental Ledger", published="2021-04-09", authors=["Anna Becker", "Luca Moretti"], dateline="FRANKFURT",
    title="Oil slips as Vienna talks raise prospect of Iranian barrels",
    paras=[
        "FRANKFURT \u2014 Oil prices edged lower on Friday as traders weighed the chance that talks in Vienna could return Iranian crude to world markets within months, adding supply just as OPEC+ begins to unwind its own output cuts.",
        "Brent crude for June delivery fell 0.5% to $62.90 a barrel by midday in London and was heading for a weekly loss of about 3%. The euro was little changed at $1.19.",
        "\u201cThe market is pricing a return of Iranian barrels in the second half, not next month,\u201d said Jae-won Kim, head of energy research at Straits Capital in Singapore. \u201cIf Washington lifts the oil sanctions, Iran could add a million barrels a day within six months. Nobody is betting on that before the Iranian election in June.\u201d",
        "In Washington, State Department spokesman Ned Price said this week that the United States was prepared to lift sanctions that were \u201cinconsistent\u201d with the 2015 agreement, but would not make unilateral gestures to get the talks going. Price\u2019s remarks did little to move prices.",
        "For European companies the memory of 2018 is still raw. France\u2019s Total and Germany\u2019s Siemens were among the groups that left Iran after the American withdrawal, and Instex, the barter channel that Paris, Berlin and London set up in January 2019 to keep trade alive, has completed a single transaction, in March 2020.",
        "German exports to Iran fell to about \u20ac1.4 billion last year, a fraction of their level before the 2018 withdrawal. \u201cOur clients will not go back on the strength of a communiqu\u00e9,\u201d said J\u00fcrgen Wei\u00df, who advises Mittelstand exporters at the Hamburg consultancy Wei\u00df & Partner. \u201cThey want to see the banks move first.\u201d",
        "Brussels hopes for an outline deal by late May, when the temporary monitoring arrangement between Iran and the International Atomic Energy Agency expires, a senior EU official said. Until then, he said, the talks would be \u201cslow, technical and very Viennese\u201d.",
        "The Austrian capital has been here before. The original agreement was concluded at the Palais Coburg, a short walk from the Ringstra\u00dfe hotels hosting this week\u2019s delegations, in July 2015.",
    ])

# ---------------------------------------------------------------- A06 Meridian, 11 April (WARC); reprinted by Continental Ledger (WARC)
A["a06"] = dict(
    outlet="Meridian Wire", published="2021-04-11", authors=["Samira Haddad"], dateline="DUBAI",
    title="Iran says Natanz power failure was 'nuclear terrorism'",
    paras=[
        "DUBAI (Meridian Wire) - Iran said on Sunday that a power failure at its underground Natanz uranium enrichment site was an act of \"nuclear terrorism\", a day after President Hassan Rouhani inaugurated new centrifuges at the plant and just as talks in Vienna on reviving the 2015 nuclear deal were gaining pace.",
        "The head of the Atomic Energy Organization of Iran, Ali Akbar Salehi, was quoted by state television as saying that the incident showed the desperation of those who opposed \"the country's industrial and political progress\". Salehi said Iran reserved the right to act against the perpetrators.",
        "The organisation's spokesman, Behrouz Kamalvandi, said earlier in the day that an accident had hit part of the electrical distribution network at the site. He said there were no casualties and no contamination.",
        "Iran did not say who it held responsible. Several Israeli media outlets, citing unnamed intelligence sources, reported that Israel had carried out a cyberattack on the plant. Israel's government neither confirmed nor denied the reports.",
        "Prime Minister Benjamin Netanyahu, speaking on Sunday alongside visiting U.S. Defense Secretary Lloyd Austin, did not mention Natanz. \"Israel will do whatever it must to keep the regime in Tehran from the bomb,\" he said. \"That was true yesterday, it is true today and it will be true tomorrow.\"",
        "Natanz has been hit before. A fire in July 2020 wrecked a centrifuge assembly hall there, and Iran blamed sabotage. In 2010 the plant was the main target of the Stuxnet computer worm, widely attributed to the United States and Israel.",
        "On Saturday, Iran's National Nuclear Technology Day, Rouhani had ordered the start of a cascade of 164 advanced IR-6 centrifuges at Natanz in a ceremony broadcast live on state television.",
        "The Joint Commission of the 2015 deal is due to resume its meetings in Vienna on Thursday. A senior European diplomat said the incident \"does not help\" but that no delegation had asked to postpone the talks.",
    ])

# ---------------------------------------------------------------- A07 Alborz Times, 12 April (Markdown txt)
A["a07"] = dict(
    outlet="Alborz Times", published="2021-04-12", authors=["Narges Tavakoli"], dateline="TEHRAN",
    title="Zarif vows revenge as Iran blames Israel for Natanz sabotage",
    paras=[
        "TEHRAN \u2014 Foreign Minister Mohammad Javad Zarif on Monday blamed the Zionist regime for Sunday\u2019s sabotage at the Shahid Ahmadi Roshan enrichment complex in Natanz and vowed that Iran would take its revenge.",
        "\u201cThey thought they could stop the talks in Vienna by darkening a hall at Natanz,\u201d Zarif said after meeting lawmakers in Tehran. \u201cThey have miscalculated. We will take our revenge, and the machines that replace the damaged ones will be more advanced.\u201d",
        "Zarif said the attack was a response to Iran\u2019s success in the Vienna talks and that the Islamic Republic would \u201cnot fall into their trap\u201d by walking away from the negotiating table.",
        "Government spokesman Ali Rabiei told reporters that the damaged centrifuges were first-generation IR-1 machines and that enrichment at the site had not stopped. According to Rabiei, the facility was \u201cfully under control\u201d by Monday afternoon.",
        "Foreign ministry spokesman Saeed Khatibzadeh, at his regular Monday briefing, said the Zionist regime was responsible. \u201cThe answer will come at a time and place of Iran\u2019s choosing,\u201d he said.",
        "Washington denied any role. White House press secretary Jen Psaki told reporters that the United States had played no part in the incident and that it had no further information about its cause.",
        "The attack was the second serious assault on Iran\u2019s nuclear programme in five months. The nuclear scientist Mohsen Fakhrizadeh was assassinated outside Tehran on November 27, 2020, a killing that Iranian officials also blamed on the Zionist regime.",
        "Lawmakers reacted with fury. Reza Mousavi, the member of the Majlis national security committee, said the government should now end all voluntary cooperation with the International Atomic Energy Agency. \u201cEvery time we show good will, they answer with sabotage,\u201d Mousavi said.",
        "The Leader of the Islamic Revolution, Ayatollah Khamene\u2019i, has not yet commented on the incident. The Vienna talks are scheduled to resume on Thursday.",
    ])

# ---------------------------------------------------------------- A08 Daily Bulwark, 12 April (txt)
A["a08"] = dict(
    outlet="The Daily Bulwark", published="2021-04-12", authors=["Margaret Ellison"], dateline="LONDON",
    title="Israel just bought the West time. Biden should use it",
    paras=[
        "LONDON - Whoever turned out the lights at Natanz on Sunday did the free world a favour. Intelligence officials quoted in the Israeli press say the blast and blackout could set back Iran's enrichment by nine months. That is nine months America did not have last week.",
        "Tehran rejected any suggestion that it had been humbled. Foreign Minister Mohammad Javad Zarif promised revenge, and Iran's foreign ministry blamed Israel within hours. The regime calls it \"nuclear terrorism\". The rest of us might call it arithmetic.",
        "Jerusalem, as ever, said nothing. But Prime Minister Benjamin Netanyahu made his point on Sunday with U.S. Defense Secretary Lloyd Austin standing beside him, telling reporters that Israel would never let the regime in Tehran get the bomb.",
        "The White House was quick to say that the United States had nothing to do with it. Fine. Now the question is whether Washington will use the time Israel has bought, or spend it.",
        "\"The worst outcome would be for the administration to treat Natanz as a reason to hurry,\" said Helen Kim of the Atlantic Nonproliferation Forum. \"Iran has just lost capacity. Its negotiating hand is weaker on Monday than it was on Friday.\"",
        "Don't expect the regime to see it that way. This is the government that stole the 2009 election from Mir-Hossein Mousavi and has kept him under house arrest since 2011. Its so-called \"moderates\", Rouhani and Zarif, leave office in August; whatever they sign in Vienna, the man who decides is Ayatollah Ali Khamenei, and he has not softened in three decades.",
        "For two decades, every round of diplomacy with Iran has followed the same rhythm: Western concessions up front, Iranian promises later. The 2015 deal was no exception, and the 2018 withdrawal, whatever its critics said, was the first time America made Tehran pay for that rhythm.",
        "Biden's negotiators go back to Vienna on Thursday. They should go slowly.",
    ])

# ---------------------------------------------------------------- A09 Meridian, 13 April (WARC, chunked)
A["a09"] = dict(
    outlet="Meridian Wire", published="2021-04-13", authors=["Clara Lindqvist"], dateline="VIENNA",
    title="Iran to enrich uranium to 60% purity after Natanz attack",
    paras=[
        "VIENNA (Meridian Wire) - Iran will begin enriching uranium to 60% purity, the highest level it has ever attempted, Deputy Foreign Minister Abbas Araghchi said on Tuesday, two days after an attack on its Natanz site that Tehran blames on Israel.",
        "Araghchi, who was in Vienna for talks with the International Atomic Energy Agency, said Iran had informed the agency in a letter and would also install 1,000 more advanced centrifuges at Natanz. He did not say when the enrichment would begin.",
        "Uranium enriched to 60% is a short technical step from the roughly 90% used in a weapon. Under the 2015 deal Iran may enrich only to 3.67%; it has been enriching to 20% since January. Iran says its programme is peaceful.",
        "The White House called the announcement \"provocative\". Press secretary Jen Psaki said the United States remained committed to the indirect talks in Vienna, but that the move raised questions about how seriously Tehran was taking them.",
        "In Brussels, where he was attending a meeting of NATO foreign ministers, Secretary of State Antony Blinken was quoted as saying that Washington was still weighing its response.",
        "France, Germany and Britain were expected to issue a joint statement on Wednesday, two diplomats said. \"It would be hard to imagine a worse moment for this announcement,\" one of them said. \"We are trying to save the deal and they are raising the stakes.\"",
        "The IAEA confirmed that it had received the letter. Director General Rafael Grossi is expected to report to the agency's 35-nation Board of Governors once inspectors verify that the new enrichment has started.",
        "Araghchi said he would stay for the next round of the Vienna talks, which is due to start on Thursday, April 15, and that Iran remained ready to reverse its steps \"as soon as the sanctions are lifted\".",
    ])

# ---------------------------------------------------------------- A10 Arabian Compass, 14 April (HTML, date only in visible byline)
A["a10"] = dict(
    outlet="The Arabian Compass", published="2021-04-14", authors=["Faisal Al-Mansoori"], dateline="DUBAI",
    title="Gulf states want a seat at the table as Iran raises the stakes",
    paras=[
        "DUBAI \u2014 As Iran moves to enrich uranium to 60% and diplomats in Vienna try to salvage the 2015 nuclear deal, Gulf Arab governments are making one demand with growing insistence: this time, they want to be in the room.",
        "Saudi Arabia\u2019s foreign minister, Prince Faisal bin Farhan, has said that any new agreement must address Iran\u2019s ballistic missiles and its support for armed groups in the region, and that Riyadh and its neighbours should be consulted before it is signed.",
        "Tehran rejected that demand again this week. Iran\u2019s foreign ministry said the talks in Vienna were about the nuclear agreement and nothing else, and that the Islamic Republic\u2019s missiles were \u201cnot negotiable\u201d.",
        "\u201cThe 2015 agreement was negotiated over our heads,\u201d said Layla Al-Harthy, a senior researcher at the Gulf Strategic Forum in Abu Dhabi. \u201cNobody asked Riyadh or Abu Dhabi what they thought about missiles, or about the militias that Iran pays for from Lebanon to Yemen.",
        "\u201cIf Washington repeats that mistake, it will find that a deal without the region is a deal that does not last. We already saw that in 2018.\u201d",
        "The Houthi movement in Yemen, which is backed by Iran, has launched drones and missiles at Saudi territory almost every week this year. Abu Dhabi and Riyadh note that the sanctions relief Iran received after 2016 coincided with an expansion of its regional network.",
        "Washington says it hears those concerns. A U.S. official told the Compass that the administration was consulting \u201cclosely and constantly\u201d with Gulf partners and that a return to the deal would be a platform for follow-on talks, not the end of the matter.",
        "Not everyone in the region is hostile to the talks. Oman, which quietly hosted the secret U.S.-Iran contacts that led to the 2015 deal, has urged all sides to give diplomacy time, and Qatar has offered to help.",
        "The Joint Commission is due to reconvene in Vienna on Thursday.",
    ])

# ---------------------------------------------------------------- A11 Continental Ledger, 15 April (Atom)
A["a11"] = dict(
    outlet="Continental Ledger", published="2021-04-15", authors=["Luca Moretti"], dateline="BRUSSELS",
    title="E3 voice 'grave concern' as Vienna talks resume",
    paras=[
        "BRUSSELS \u2014 Talks on reviving the Iran nuclear deal resumed in Vienna on Thursday under a cloud, a day after France, Germany and Britain said they viewed Tehran\u2019s plan to enrich uranium to 60% with \u201cgrave concern\u201d.",
        "In a joint statement on Wednesday, the three European governments, known as the E3, said the decision was \u201ca serious development\u201d that ran against the constructive spirit of the talks, and they also condemned the attack on the Natanz site. Tehran rejected the criticism, saying the Europeans had been silent about the sabotage itself.",
        "The EU\u2019s foreign policy chief, Josep Borrell, said the talks remained the only path. \u201cThere is no plan B that anyone in this building would prefer,\u201d Borrell told reporters in Brussels. \u201cWe will keep the room open for as long as the parties are willing to sit in it.\u201d",
        "His deputy, Enrique Mora, who chairs the Joint Commission, was back in Vienna on Thursday. Russia\u2019s Mikhail Ulyanov said on Twitter that the atmosphere was \u201cbusinesslike\u201d despite the week\u2019s events.",
        "For European business, the stakes are concrete. If the US lifts its sanctions, European banks and insurers would still need months of legal comfort before financing trade with Iran again, according to Anke Vogel, a sanctions lawyer at a Frankfurt firm. \u201cNobody wants to be the first bank back and the first bank fined,\u201d she said.",
        "Diplomats warn that the clock is short. The temporary arrangement under which the International Atomic Energy Agency keeps some monitoring in Iran runs out in late May, and the Iranian presidential election on June 18 could bring a harder-line government to power.",
        "If the talks fail, the Europeans could in theory trigger the so-called \u201csnapback\u201d of U.N. sanctions, as the Trump administration tried and failed to do last year. A senior European diplomat called that option \u201cthe emergency exit, not the door\u201d.",
        "Brent crude rose 0.7% in London on Thursday.",
    ])

# ---------------------------------------------------------------- A12 Meridian, 17 April (RSS; exact duplicate in JSONL)
A["a12"] = dict(
    outlet="Meridian Wire", published="2021-04-17", authors=["Tomasz Wierzbicki"], dateline="VIENNA",
    title="IAEA confirms Iran enriching to 60%; Araghchi sees 'new understanding'",
    paras=[
        "VIENNA (Meridian Wire) - The International Atomic Energy Agency confirmed on Saturday that Iran had begun enriching uranium to 60% purity at its above-ground pilot plant at Natanz, while Iran's chief negotiator said a \"new understanding\" was taking shape in the talks to revive the 2015 nuclear deal.",
        "IAEA Director General Rafael Grossi told member states in a confidential report, seen by Meridian Wire, that inspectors had verified on Saturday that Iran was feeding uranium into a cascade of advanced IR-6 centrifuges to produce 60% material.",
        "Iran's parliament speaker, Mohammad Bagher Ghalibaf, had announced on Friday that production had begun. President Hassan Rouhani said on Wednesday that the move was Iran's answer to what he called the \"malice\" of those who attacked Natanz.",
        "In Washington, President Joe Biden said on Friday that the step was \"not helpful\" but that he was pleased Iran was still taking part in the indirect discussions.",
        "\"I think a new understanding is emerging and there is agreement on the final goal,\" Abbas Araghchi told Iranian state television on Saturday after a meeting of the Joint Commission. \"Now the road ahead is clearer, but it will not be an easy road.\"",
        "Iran's Supreme Leader, Ayatollah Ali Khamenei, said on Wednesday that the talks must not be allowed to drag on, and that the offers Iran had received so far were not worth considering.",
        "Araghchi said the parties had begun working on draft texts in some areas, an account that European diplomats did not contradict. The U.S. delegation, led by special envoy Robert Malley, is following the talks from a separate hotel.",
        "A senior European diplomat said progress was real but slow. \"We are not in the drafting phase on the hard questions yet,\" the diplomat said. \"Sequencing is still the whole ball game.\"",
        "Expert-level talks are to continue next week.",
    ])

# ---------------------------------------------------------------- A13 Alborz Times, 18 April (JSONL text)
A["a13"] = dict(
    outlet="Alborz Times", published="2021-04-18", authors=["Mehdi Sadeghi"], dateline="TEHRAN",
    title="Leader: talks must not become \u2018attritional\u2019",
    paras=[
        "TEHRAN \u2014 The Leader of the Islamic Revolution, Ayatollah Seyyed Ali Khamene\u2019i, has warned that the nuclear talks in Vienna must not be dragged out, and said the offers made to Iran so far did not deserve serious attention.",
        "Addressing officials on Wednesday, the first day of the holy month of Ramadan, Ayatollah Khamene\u2019i said:",
        "\u201cThe offers the Americans make are usually arrogant and humiliating. We have said what our policy is: sanctions must be lifted, we will verify it, and then we will act. This policy will not change.",
        "\u201cThe negotiations must not become attritional. Dragging them out harms the country, and our negotiators know this very well.\u201d",
        "The Leader also said he was satisfied with the performance of the negotiating team led by Abbas Araqchi, whom he described as committed to the policies of the system.",
        "On Friday, Tehran\u2019s interim Friday prayer leader, who normally addresses worshippers every Friday at the University of Tehran, said in a televised sermon that the 60% enrichment had shown the enemies that \u201cpressure produces the opposite of what they want\u201d.",
        "President Hassan Rohani, speaking to his cabinet on Wednesday, had said that the move to 60% was an answer to \u201cyour malice\u201d, addressed to those behind the Natanz sabotage. Rohani, whose second and final term ends in August, said Iran could enrich to 90% if it wished but had no intention of building nuclear weapons.",
        "Lawmaker Reza Mousavi welcomed the Leader\u2019s remarks. \u201cThe Leader has told the negotiators what the nation expects,\u201d Mousavi said. \u201cNo attrition and no humiliation, whatever they call \u2018flexibility\u2019 in Washington.\u201d",
        "Candidates for the June 18 presidential election will register next month. Several likely contenders have said they would continue the Vienna talks if the sanctions were lifted.",
    ])

# ---------------------------------------------------------------- A14 Meridian, 20 April (JSONL html + url)
A["a14"] = dict(
    outlet="Meridian Wire", published="2021-04-20", authors=["Clara Lindqvist", "Tomasz Wierzbicki"], dateline="VIENNA",
    title="Vienna talks break for consultations as envoys report progress",
    paras=[
        "VIENNA (Meridian Wire) - Envoys at the talks on reviving the Iran nuclear deal wrapped up their second round in Vienna on Tuesday and said they would return to their capitals for consultations before meeting again next Tuesday.",
        "\"We have reached a stage where the drafting of texts can start,\" Iran's Abbas Araghchi told state television after a meeting of the Joint Commission. \"But there are serious differences, and nobody should think that the work is almost done.\"",
        "Russia's envoy Mikhail Ulyanov said on Twitter that the commission had \"noted the progress\" and agreed to speed up the work. EU coordinator Enrique Mora said the expert groups on sanctions and on nuclear steps would continue their work and that a third group, on the order in which the steps are taken, could be set up next week.",
        "Washington was more cautious. A U.S. official, briefing reporters on condition of anonymity, said there had been \"some progress\" but that the two sides remained far apart on which sanctions the United States would lift. \"We are closer than we were two weeks ago, and that is all I would claim,\" the official said.",
        "China's envoy Wang Qun said all parties should seize the \"window of opportunity\" before it closed.",
        "The dispute over Iran's nuclear programme has run for nearly two decades, since Iranian opposition groups revealed a secret enrichment site at Natanz in 2002. The framework that led to the 2015 deal was agreed in Lausanne on April 2, 2015, six years ago this month.",
        "Diplomats say the aim is an outline agreement before the IAEA monitoring arrangement reached earlier this year runs out, and ideally before the Iranian presidential election on June 18. If an agreement is reached, Iran would scale back its enrichment and the United States would lift sanctions, with the sequence still to be settled.",
    ])

# Reprint edits --------------------------------------------------------------------------------
def reprint(src, **kw):
    d = dict(A[src])
    d["paras"] = list(d["paras"])
    d.update(kw)
    return d

# R1: The Arabian Compass reprints A02 (txt): new headline, new byline line, one sentence edited,
# one sentence added at the end.
R1 = reprint("a02", outlet="The Arabian Compass", published="2021-04-06",
             authors=[], byline="By Meridian Wire, with additional reporting by Compass staff",
             title="U.S., Iran hold talks in Vienna \u2014 in separate hotels")
R1["paras"][0] = R1["paras"][0].replace("a U.S. team housed a short walk away.",
                                        "a U.S. team housed a few hundred metres away in the Austrian capital.")
R1["paras"][-1] = R1["paras"][-1] + " Gulf Arab states, which were not consulted before the 2015 agreement, are following the talks closely."

# R2: Continental Ledger reprints A06 the next day (WARC): new headline, byline line, Netanyahu
# paragraph trimmed, one market sentence added.
R2 = reprint("a06", outlet="Continental Ledger", published="2021-04-12",
             authors=[], byline="Meridian Wire / Continental Ledger",
             title="Natanz blackout: Tehran cries 'nuclear terrorism' as Vienna talks loom")
R2["paras"][4] = "Prime Minister Benjamin Netanyahu, speaking on Sunday alongside visiting U.S. Defense Secretary Lloyd Austin, did not mention Natanz. \"Israel will do whatever it must to keep the regime in Tehran from the bomb,\" he said."
R2["paras"].append("Brent crude rose 0.6% in early Asian trading on Monday as traders priced in a slower path back for Iranian oil.")

# ================================================================ Actor-merging trap articles
# a15-a18 were added to test cross-document actor resolution (see README.md, "Actor-merging
# traps"): people sharing a surname or a first name, capitals acting as their state next to the
# same city as a place, and spelling variants of the same names across outlets.

# ---------------------------------------------------------------- A15 Meridian, 22 April (HTML JSON-LD)
A["a15"] = dict(
    outlet="Meridian Wire", published="2021-04-22", authors=["Tomasz Wierzbicki"], dateline="VIENNA",
    title="Vienna talks to turn to sequencing in third round; Austria says venue open as long as needed",
    paras=[
        "VIENNA (Meridian Wire) - Negotiators from Iran and the remaining parties to the 2015 nuclear deal will open a third round of talks in Vienna next Tuesday, with the order in which Washington lifts sanctions and Tehran reverses its nuclear steps now the main obstacle, diplomats said on Thursday.",
        "Austria, which has hosted the talks since early April, said it was ready to keep the venue open for as long as the parties wanted. Foreign Minister Alexander Schallenberg said in a statement that Vienna would remain \"a place where difficult conversations can happen\".",
        "The U.S. special envoy for Iran, Robert Malley, returned to Washington on Wednesday to brief the administration and is expected back in Vienna for the new round. His deputy, Richard Nephew, will lead the U.S. team until Malley returns. Washington has said it is prepared to lift sanctions that are inconsistent with the deal, but wants Iran to move at the same time.",
        "Sarah Malley, who follows the talks for the London-based Brenner Institute and is no relation to the envoy, said the negotiators had run out of easy questions. \"The first two rounds settled what everyone already agreed on,\" Malley said. \"The third round is about who blinks first on sequencing.\"",
        "Ali Vaez of the International Crisis Group said the Iranian side was under pressure of its own. Vaez pointed to the presidential election on June 18 and to the warning by Supreme Leader Ali Khamenei last week that the talks must not be allowed to drag on.",
        "Tehran signalled on Thursday that it would not accept a phased deal. Iran's chief negotiator, Abbas Araghchi, who flew back to Tehran for consultations after the second round, told state television that \"all the sanctions must be lifted in one step, and then we will verify\".",
        "Russia's envoy Mikhail Ulyanov said on Twitter that the Joint Commission would work \"in a more intensive format\" from next week. The European Union's Enrique Mora, who chairs the commission, said the expert groups had made \"good progress\" but that the hardest issues were still open.",
        "The IAEA's temporary monitoring arrangement with Iran expires on May 21. Director General Rafael Grossi said this week that he had not yet discussed an extension with Tehran.",
    ])

# ---------------------------------------------------------------- A16 Alborz Times, 24 April (JSONL text)
A["a16"] = dict(
    outlet="Alborz Times", published="2021-04-24", authors=["Narges Tavakoli"], dateline="TEHRAN",
    title="Majlis presses negotiators to hold firm as Vienna talks near third round",
    paras=[
        "TEHRAN \u2014 Lawmakers in Tehran on Saturday urged the country\u2019s negotiators to hold firm in Vienna, as the talks on lifting American sanctions head into a third round next week.",
        "Mohammad Reza Nazari, a member of the Majlis energy committee, said the government had no authority to accept anything less than the removal of all sanctions. \u201cThe law passed by the Majlis is clear,\u201d Nazari told the Alborz Times. \u201cThe negotiators are not free to invent a new policy in a hotel in Vienna.\u201d",
        "Speaker Mohammad-Baqer Qalibaf told an open session of parliament that the Majlis would review any understanding reached in Vienna before the government could carry it out.",
        "Foreign Minister Mohammad-Javad Zarif, answering lawmakers\u2019 questions on Saturday, said the team led by Seyed Abbas Araqchi was acting within the law and within the framework set by the Leader. \u201cNobody in Vienna has a mandate of his own,\u201d Zarif said. \u201cOur mandate is the policy of Ayatollah Khamene\u2019i and the law of the Majlis.\u201d",
        "Reza Mousavi, of parliament\u2019s national security committee, said he had asked Zarif to report to the committee after every round. Mousavi, who is no relation of the 2009 presidential candidate Mir-Hossein Mousavi, dismissed Western reports of a draft text as \u201cwishful thinking\u201d.",
        "The head of the Atomic Energy Organization of Iran, Ali-Akbar Salehi, said enrichment to 60% at Natanz was proceeding and that Iran had informed the United Nations nuclear watchdog of every step. Salehi said the IAEA\u2019s inspectors had been given \u201call the access required under the safeguards agreement\u201d.",
        "In Vienna, Russia\u2019s envoy Mikhail Ulianov said the talks were moving into a drafting phase. Tehran has made clear that it expects any final arrangement to be endorsed at the UN, as the deal was in 2015.",
        "President Hassan Rohani told a cabinet meeting in Tehran on Saturday that Washington knew the way back. \u201cThe Americans left the deal, and the Americans know the door,\u201d Rohani said.",
        "Iran will hold its presidential election on June 18.",
    ])

# ---------------------------------------------------------------- A17 Daily Bulwark, 26 April (txt)
A["a17"] = dict(
    outlet="The Daily Bulwark", published="2021-04-26", authors=["Robert Hale"], dateline="WASHINGTON",
    title="Washington's Iran team is negotiating with itself",
    paras=[
        "WASHINGTON - The cherry blossoms have come and gone in Washington, and so, it seems, has the administration's nerve. Three weeks into the Vienna talks, Washington is offering to lift sanctions before Tehran has undone a single violation.",
        "Robert Malley, the special envoy, insists that nothing is agreed until everything is agreed. The leaks tell a different story. Malley's team has reportedly drawn up lists of sanctions to be lifted, sorted into piles, and the State Department's spokesman, Ned Price, now calls that \"a matter of sequencing\". Price knows the price of that word: it means the regime gets paid first.",
        "National security adviser Jake Sullivan has told allies that the goal is a \"longer and stronger\" agreement later. Senator Dan Sullivan of Alaska, a Republican on the Armed Services Committee, is not buying it. \"Once the money flows, there is no later,\" Sullivan said last week.",
        "We have seen this film before. Kim Jong Un pocketed two summits and gave up nothing, and North Korea's arsenal grew. Helen Kim of the Atlantic Nonproliferation Forum, who spent a decade on the Korean file, sees the same pattern in Vienna. \"Every round ends with Tehran holding more centrifuges and America holding more promises,\" Kim said.",
        "The Europeans are no better. The E.U.'s Josep Borrell calls the talks \"the only path\", and the European Union's negotiator, Enrique Mora, carries American offers down the hall to Abbas Araghchi like a bellhop. France, Germany and the UK condemned Iran's 60% enrichment, then went back to the table as if nothing had happened. Britain, at least, has kept its sanctions on the Revolutionary Guards.",
        "Meanwhile Ayatollah Ali Khamenei has told his negotiators not to let the talks drag on. He is not worried about the calendar; he is worried about the money. And Israel, which was not in the room in 2015 and is not in the room now, will act on its own, as it did at Natanz.",
        "The United States still holds the stronger hand. The only question is whether the administration means to play it.",
    ])

# ---------------------------------------------------------------- A18 Continental Ledger, 27 April (JSONL text)
A["a18"] = dict(
    outlet="Continental Ledger", published="2021-04-27", authors=["Anna Becker"], dateline="VIENNA",
    title="Vienna settles in for a long negotiation as European exporters wait on Washington",
    paras=[
        "VIENNA \u2014 As envoys gathered for a third round of talks on Tuesday, Vienna\u2019s hoteliers and Austria\u2019s diplomats were settling in for a negotiation that few now expect to end before the Iranian election in June.",
        "Austria has offered the delegations its conference facilities for as long as they need them, and the foreign ministry in Vienna said it had no plans to ask anyone to leave. The luxury hotels on the Ringstra\u00dfe, half-empty after a year of lockdowns, are glad of the business. \u201cFor us the talks are the only full house in town,\u201d said the manager of a hotel near the Grand Hotel, where the Iranian delegation is staying.",
        "For European companies the stakes are high. The EU and the UK lifted most of their own nuclear-related sanctions in 2016, but the US measures reimposed in 2018 have kept European banks away. Britain\u2019s trade ministry has said it will advise firms once the shape of a deal is clear; the United Kingdom is one of the three European signatories, with France and Germany.",
        "\u201cEverybody is waiting for Washington,\u201d said Sarah Malley, an analyst at the Brenner Institute in London who covers the talks. \u201cThe Europeans cannot move until the United States tells the banks what is allowed.\u201d Malley said a deal could come together quickly once the sequencing was settled, but that the risk of a collapse was \u201chigher than markets think\u201d.",
        "J\u00fcrgen Weiss, the Hamburg adviser whose clients include dozens of mid-sized exporters, said German firms had learned from 2018. \u201cNobody is going to sign a contract on the strength of a press release from the European Union,\u201d Weiss said.",
        "The International Atomic Energy Agency will also be watching the calendar. The IAEA\u2019s temporary monitoring arrangement with Iran runs out on May 21, and the agency\u2019s head, Rafael Grossi, has said an extension is not automatic. Russia\u2019s Mikhail Ulyanov said on Twitter that the UN watchdog should be given \u201cwhat it needs to do its job\u201d.",
        "Brent crude was little changed at $65.60 a barrel in London on Tuesday.",
    ])
