#!/usr/bin/env python3
"""Write examples/actors_truth.json: gold actor mentions (people, organisations, places) of every
analysed example document, with the entity each one refers to.  Stdlib only.

    target/release/dossier analyze examples/corpus > /tmp/export.json
    python3 examples/make_actors_truth.py /tmp/export.json

The annotations below were written by reading the articles (see README.md, "Actor annotations");
they list, per article and in reading order, each name mention as `surface | entity`.  This script
only finds each surface in the document's analysed `text` (taken from the export given on the
command line, which also supplies the document's `source`), numbers it among the exact-string
occurrences of that surface, and checks that every annotation was found.  Occurrences count every
position, left to right, at which the surface string starts (plain, case-sensitive substring
match, so "Iran" inside "Iranian" counts too); the annotated mention is always a whole word.

All article text is invented fiction (see README.md).
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)
from articles import A, R1, R2  # noqa: E402

# --------------------------------------------------------------------------- entities
ENTITIES = {
    # people
    "person:abbas-araghchi": "Abbas Araghchi (Iran's deputy foreign minister, chief negotiator; Alborz Times: Seyed Abbas Araqchi)",
    "person:robert-malley": "Robert Malley (U.S. special envoy for Iran)",
    "person:sarah-malley": "Sarah Malley (invented analyst, Brenner Institute, London; no relation to Robert Malley)",
    "person:ali-khamenei": "Ali Khamenei (Iran's Supreme Leader; Alborz Times: Seyyed Ali Khamene\u2019i, 'the Leader')",
    "person:hassan-rouhani": "Hassan Rouhani (President of Iran; Alborz Times: Rohani)",
    "person:mohammad-javad-zarif": "Mohammad Javad Zarif (Iran's foreign minister; also Mohammad-Javad Zarif)",
    "person:mohammad-bagher-ghalibaf": "Mohammad Bagher Ghalibaf (Majlis speaker; Alborz Times: Mohammad-Baqer Qalibaf)",
    "person:mohammad-reza-nazari": "Mohammad Reza Nazari (invented MP, Majlis energy committee)",
    "person:mikhail-ulyanov": "Mikhail Ulyanov (Russia's envoy in Vienna; Alborz Times: Ulianov)",
    "person:enrique-mora": "Enrique Mora (EU deputy secretary general, chairs the Joint Commission)",
    "person:josep-borrell": "Josep Borrell (EU foreign policy chief)",
    "person:ned-price": "Ned Price (State Department spokesman)",
    "person:jen-psaki": "Jen Psaki (White House press secretary)",
    "person:antony-blinken": "Antony Blinken (U.S. Secretary of State)",
    "person:donald-trump": "Donald Trump",
    "person:joe-biden": "Joe Biden",
    "person:lloyd-austin": "Lloyd Austin (U.S. Defense Secretary)",
    "person:jake-sullivan": "Jake Sullivan (U.S. national security adviser)",
    "person:dan-sullivan": "Dan Sullivan (U.S. senator from Alaska)",
    "person:richard-nephew": "Richard Nephew (U.S. deputy special envoy for Iran)",
    "person:wang-qun": "Wang Qun (China's envoy in Vienna)",
    "person:rafael-grossi": "Rafael Grossi (IAEA director general)",
    "person:alexander-schallenberg": "Alexander Schallenberg (Austria's foreign minister)",
    "person:helen-kim": "Helen Kim (invented senior fellow, Atlantic Nonproliferation Forum)",
    "person:jae-won-kim": "Jae-won Kim (invented head of energy research, Straits Capital)",
    "person:kim-jong-un": "Kim Jong Un (North Korea's leader)",
    "person:benjamin-netanyahu": "Benjamin Netanyahu (Israel's prime minister)",
    "person:saeed-khatibzadeh": "Saeed Khatibzadeh (Iran's foreign ministry spokesman)",
    "person:reza-mousavi": "Reza Mousavi (invented Iranian MP, national security committee)",
    "person:mir-hossein-mousavi": "Mir-Hossein Mousavi (2009 presidential candidate)",
    "person:ali-akbar-salehi": "Ali Akbar Salehi (head of the Atomic Energy Organization of Iran; also Ali-Akbar Salehi)",
    "person:ali-rabiei": "Ali Rabiei (Iran's government spokesman)",
    "person:ali-vaez": "Ali Vaez (International Crisis Group)",
    "person:behrouz-kamalvandi": "Behrouz Kamalvandi (AEOI spokesman)",
    "person:mohsen-fakhrizadeh": "Mohsen Fakhrizadeh (nuclear scientist, killed 2020)",
    "person:faisal-bin-farhan": "Prince Faisal bin Farhan (Saudi foreign minister)",
    "person:layla-al-harthy": "Layla Al-Harthy (invented researcher, Gulf Strategic Forum)",
    "person:anke-vogel": "Anke Vogel (invented sanctions lawyer, Frankfurt)",
    "person:jurgen-weiss": "J\u00fcrgen Wei\u00df (invented adviser, Hamburg; also J\u00fcrgen Weiss)",
    # states (a capital or seat of government that acts is its state)
    "country:ir": "Iran (also the Islamic Republic; Tehran acting)",
    "country:us": "United States (U.S., US, America; Washington and the White House acting)",
    "country:gb": "United Kingdom (Britain, UK; London acting)",
    "country:fr": "France (Paris acting)",
    "country:de": "Germany (Berlin acting)",
    "country:ru": "Russia",
    "country:cn": "China (Beijing acting)",
    "country:il": "Israel (Jerusalem acting)",
    "country:at": "Austria",
    "country:sa": "Saudi Arabia (Riyadh acting)",
    "country:ae": "United Arab Emirates (Abu Dhabi acting)",
    "country:lb": "Lebanon",
    "country:ye": "Yemen",
    "country:om": "Oman",
    "country:qa": "Qatar",
    "country:sg": "Singapore",
    "country:kp": "North Korea",
    # cities and other places (as places)
    "city:vienna": "Vienna (the city; the venue)",
    "city:tehran": "Tehran (the city)",
    "city:washington": "Washington (the city)",
    "city:brussels": "Brussels (the city)",
    "city:london": "London (the city)",
    "city:dubai": "Dubai",
    "city:frankfurt": "Frankfurt",
    "city:hamburg": "Hamburg",
    "city:abu-dhabi": "Abu Dhabi (the city)",
    "city:lausanne": "Lausanne",
    "place:alaska": "Alaska",
    "place:natanz": "Natanz (enrichment site)",
    "place:fordow": "Fordow (enrichment plant)",
    "place:shahid-ahmadi-roshan": "Shahid Ahmadi Roshan enrichment complex (at Natanz)",
    "place:grand-hotel": "Grand Hotel, Vienna",
    "place:palais-coburg": "Palais Coburg, Vienna",
    "place:ringstrasse": "Ringstra\u00dfe, Vienna",
    "place:europe": "Europe",
    "place:gulf": "the Gulf (region)",
    # organisations
    "org:eu": "European Union (EU, E.U.; Brussels acting)",
    "org:un": "United Nations (U.N., UN)",
    "org:un-security-council": "U.N. Security Council",
    "org:iaea": "International Atomic Energy Agency (IAEA)",
    "org:iaea-board-of-governors": "IAEA Board of Governors",
    "org:joint-commission": "JCPOA Joint Commission",
    "org:e3": "E3 (France, Germany, Britain)",
    "org:p4-plus-1": "the 4+1 (remaining JCPOA parties)",
    "org:state-department": "U.S. State Department",
    "org:aeoi": "Atomic Energy Organization of Iran",
    "org:majlis": "Majlis (Iran's parliament)",
    "org:irgc": "Revolutionary Guards (IRGC)",
    "org:nato": "NATO",
    "org:opec-plus": "OPEC+",
    "org:senate-armed-services": "U.S. Senate Armed Services Committee",
    "org:houthis": "Houthi movement",
    "org:total": "Total (company)",
    "org:siemens": "Siemens (company)",
    "org:instex": "Instex (barter channel)",
    "org:weiss-partner": "Wei\u00df & Partner (invented Hamburg consultancy)",
    "org:straits-capital": "Straits Capital (invented firm, Singapore)",
    "org:atlantic-nonproliferation-forum": "Atlantic Nonproliferation Forum (invented think tank)",
    "org:gulf-strategic-forum": "Gulf Strategic Forum (invented think tank, Abu Dhabi)",
    "org:brenner-institute": "Brenner Institute (invented think tank, London)",
    "org:crisis-group": "International Crisis Group",
    "org:university-of-tehran": "University of Tehran",
    "org:meridian-wire": "Meridian Wire (invented outlet)",
    "org:alborz-times": "Alborz Times (invented outlet)",
    "org:arabian-compass": "The Arabian Compass (invented outlet)",
    "org:twitter": "Twitter",
}


def etype(e):
    return {"person": "PER", "org": "ORG"}.get(e.split(":")[0], "LOC")


# --------------------------------------------------------------------------- annotations
# Per article, in reading order: `surface | entity`.  Paragraphs are separated by blank lines
# only to make the lists easier to check against the text.
ANN = {}

ANN["a01"] = """
VIENNA | city:vienna
Meridian Wire | org:meridian-wire
Iran | country:ir
Vienna | city:vienna
United States | country:us
Donald Trump | person:donald-trump

Joint Commission | org:joint-commission
European Union | org:eu
Enrique Mora | person:enrique-mora
Iran | country:ir
France | country:fr
Germany | country:de
Britain | country:gb
Russia | country:ru
China | country:cn
EU | org:eu
United States | country:us
Iran | country:ir

Washington | country:us
State Department | org:state-department
Ned Price | person:ned-price
U.S. | country:us
Vienna | city:vienna
Tehran | country:ir

Price | person:ned-price

Iran | country:ir
Abbas Araghchi | person:abbas-araghchi
Tehran | country:ir
Araghchi | person:abbas-araghchi
Washington | country:us

Vienna | city:vienna
Iran | country:ir
U.N. | org:un
U.S. | country:us
Trump | person:donald-trump
Iran | country:ir

Russia | country:ru
Vienna | city:vienna
Mikhail Ulyanov | person:mikhail-ulyanov
Twitter | org:twitter

Joe Biden | person:joe-biden
United States | country:us
Iran | country:ir
Iran | country:ir
Washington | country:us
Iran | country:ir
"""

ANN["a02"] = """
VIENNA | city:vienna
Meridian Wire | org:meridian-wire
Vienna | city:vienna
Iran | country:ir
Iran | country:ir
Grand Hotel | place:grand-hotel
U.S. | country:us

Joint Commission | org:joint-commission
Iran | country:ir
France | country:fr
Germany | country:de
Britain | country:gb
Russia | country:ru
China | country:cn
EU | org:eu
Washington | country:us
Tehran | country:ir

Iran | country:ir
Abbas Araghchi | person:abbas-araghchi

U.S. | country:us
Iran | country:ir
Robert Malley | person:robert-malley
Enrique Mora | person:enrique-mora
EU | org:eu
Twitter | org:twitter
United States | country:us

Russia | country:ru
Mikhail Ulyanov | person:mikhail-ulyanov
China | country:cn
Wang Qun | person:wang-qun
United States | country:us
Washington | country:us

State Department | org:state-department
Washington | city:washington

Vienna | city:vienna
Iran | country:ir
Fordow | place:fordow
International Atomic Energy Agency | org:iaea
Rafael Grossi | person:rafael-grossi

United States | country:us
Iran | country:ir
"""

# r1 (The Arabian Compass reprint of a02): the same mentions ("Gulf Arab states", added at the end,
# is a demonym).
ANN["r1"] = ANN["a02"]

ANN["a03"] = """
WASHINGTON | city:washington
Vienna | city:vienna
Islamic Republic | country:ir
E.U. | org:eu

Tehran | country:ir
Biden | person:joe-biden

Robert Malley | person:robert-malley
Iran | country:ir
Abbas Araghchi | person:abbas-araghchi
Iran | country:ir

Iran | country:ir
Vienna | city:vienna

Washington | country:us
Iran | country:ir
Helen Kim | person:helen-kim
Atlantic Nonproliferation Forum | org:atlantic-nonproliferation-forum

Kim | person:helen-kim
Iran | country:ir
Washington | country:us

Europe | place:europe
U.N. Security Council | org:un-security-council
U.N. | org:un
Trump | person:donald-trump
Vienna | city:vienna

Israel | country:il
Benjamin Netanyahu | person:benjamin-netanyahu
Israel | country:il
Jerusalem | country:il
Tehran | country:ir
"""

ANN["a04"] = """
VIENNA | city:vienna
Iran | country:ir
Seyed Abbas Araqchi | person:abbas-araghchi
Islamic Republic | country:ir
United States | country:us

Araqchi | person:abbas-araghchi
Grand Hotel | place:grand-hotel
America | country:us
America | country:us

Iran | country:ir
4+1 | org:p4-plus-1

Araqchi | person:abbas-araghchi
U.S. | country:us

Saeed Khatibzadeh | person:saeed-khatibzadeh
Tehran | country:ir
Washington | country:us
Iran | country:ir

Ayatollah Seyyed Ali Khamene\u2019i | person:ali-khamenei
Iran | country:ir

Tehran | city:tehran
Reza Mousavi | person:reza-mousavi
Majlis | org:majlis
Mousavi | person:reza-mousavi
Alborz Times | org:alborz-times

Russia | country:ru
Mikhail Ulianov | person:mikhail-ulyanov
Beijing | country:cn
Wang Qun | person:wang-qun
United States | country:us

Iran | country:ir
Hassan Rohani | person:hassan-rouhani
Iran | country:ir
"""

ANN["a05"] = """
FRANKFURT | city:frankfurt
Vienna | city:vienna
OPEC+ | org:opec-plus

London | city:london

Jae-won Kim | person:jae-won-kim
Straits Capital | org:straits-capital
Singapore | country:sg
Washington | country:us
Iran | country:ir

Washington | city:washington
State Department | org:state-department
Ned Price | person:ned-price
United States | country:us
Price | person:ned-price

France | country:fr
Total | org:total
Germany | country:de
Siemens | org:siemens
Iran | country:ir
Instex | org:instex
Paris | country:fr
Berlin | country:de
London | country:gb

Iran | country:ir
J\u00fcrgen Wei\u00df | person:jurgen-weiss
Hamburg | city:hamburg
Wei\u00df & Partner | org:weiss-partner

Brussels | org:eu
Iran | country:ir
International Atomic Energy Agency | org:iaea
EU | org:eu

Palais Coburg | place:palais-coburg
Ringstra\u00dfe | place:ringstrasse
"""

ANN["a06"] = """
DUBAI | city:dubai
Meridian Wire | org:meridian-wire
Iran | country:ir
Natanz | place:natanz
Hassan Rouhani | person:hassan-rouhani
Vienna | city:vienna

Atomic Energy Organization of Iran | org:aeoi
Ali Akbar Salehi | person:ali-akbar-salehi
Salehi | person:ali-akbar-salehi
Iran | country:ir

Behrouz Kamalvandi | person:behrouz-kamalvandi

Iran | country:ir
Israel | country:il
Israel | country:il

Benjamin Netanyahu | person:benjamin-netanyahu
U.S. | country:us
Lloyd Austin | person:lloyd-austin
Natanz | place:natanz
Israel | country:il
Tehran | city:tehran

Natanz | place:natanz
Iran | country:ir
United States | country:us
Israel | country:il

Iran | country:ir
Rouhani | person:hassan-rouhani
Natanz | place:natanz

Joint Commission | org:joint-commission
Vienna | city:vienna
"""

# r2 (Continental Ledger reprint of a06): the removed and the added sentence name nobody.
ANN["r2"] = ANN["a06"]

ANN["a07"] = """
TEHRAN | city:tehran
Mohammad Javad Zarif | person:mohammad-javad-zarif
Shahid Ahmadi Roshan | place:shahid-ahmadi-roshan
Natanz | place:natanz
Iran | country:ir

Vienna | city:vienna
Natanz | place:natanz
Zarif | person:mohammad-javad-zarif
Tehran | city:tehran

Zarif | person:mohammad-javad-zarif
Iran | country:ir
Vienna | city:vienna
Islamic Republic | country:ir

Ali Rabiei | person:ali-rabiei
Rabiei | person:ali-rabiei

Saeed Khatibzadeh | person:saeed-khatibzadeh
Iran | country:ir

Washington | country:us
White House | country:us
Jen Psaki | person:jen-psaki
United States | country:us

Iran | country:ir
Mohsen Fakhrizadeh | person:mohsen-fakhrizadeh
Tehran | city:tehran

Reza Mousavi | person:reza-mousavi
Majlis | org:majlis
International Atomic Energy Agency | org:iaea
Mousavi | person:reza-mousavi

Ayatollah Khamene\u2019i | person:ali-khamenei
Vienna | city:vienna
"""

ANN["a08"] = """
LONDON | city:london
Natanz | place:natanz
Iran | country:ir
America | country:us

Tehran | country:ir
Mohammad Javad Zarif | person:mohammad-javad-zarif
Iran | country:ir
Israel | country:il

Jerusalem | country:il
Benjamin Netanyahu | person:benjamin-netanyahu
U.S. | country:us
Lloyd Austin | person:lloyd-austin
Israel | country:il
Tehran | city:tehran

White House | country:us
United States | country:us
Washington | country:us
Israel | country:il

Natanz | place:natanz
Helen Kim | person:helen-kim
Atlantic Nonproliferation Forum | org:atlantic-nonproliferation-forum
Iran | country:ir

Mir-Hossein Mousavi | person:mir-hossein-mousavi
Rouhani | person:hassan-rouhani
Zarif | person:mohammad-javad-zarif
Vienna | city:vienna
Ayatollah Ali Khamenei | person:ali-khamenei

Iran | country:ir
America | country:us
Tehran | country:ir

Biden | person:joe-biden
Vienna | city:vienna
"""

ANN["a09"] = """
VIENNA | city:vienna
Meridian Wire | org:meridian-wire
Iran | country:ir
Abbas Araghchi | person:abbas-araghchi
Natanz | place:natanz
Tehran | country:ir
Israel | country:il

Araghchi | person:abbas-araghchi
Vienna | city:vienna
International Atomic Energy Agency | org:iaea
Iran | country:ir
Natanz | place:natanz

Iran | country:ir
Iran | country:ir

White House | country:us
Jen Psaki | person:jen-psaki
United States | country:us
Vienna | city:vienna
Tehran | country:ir

Brussels | city:brussels
NATO | org:nato
Antony Blinken | person:antony-blinken
Washington | country:us

France | country:fr
Germany | country:de
Britain | country:gb

IAEA | org:iaea
Rafael Grossi | person:rafael-grossi
Board of Governors | org:iaea-board-of-governors

Araghchi | person:abbas-araghchi
Vienna | city:vienna
Iran | country:ir
"""

ANN["a10"] = """
DUBAI | city:dubai
Iran | country:ir
Vienna | city:vienna

Saudi Arabia | country:sa
Prince Faisal bin Farhan | person:faisal-bin-farhan
Iran | country:ir
Riyadh | country:sa

Tehran | country:ir
Iran | country:ir
Vienna | city:vienna
Islamic Republic | country:ir

Layla Al-Harthy | person:layla-al-harthy
Gulf Strategic Forum | org:gulf-strategic-forum
Abu Dhabi | city:abu-dhabi
Riyadh | country:sa
Abu Dhabi | country:ae
Iran | country:ir
Lebanon | country:lb
Yemen | country:ye

Washington | country:us

Houthi movement | org:houthis
Yemen | country:ye
Iran | country:ir
Abu Dhabi | country:ae
Riyadh | country:sa
Iran | country:ir

Washington | country:us
U.S. | country:us
Compass | org:arabian-compass
Gulf | place:gulf

Oman | country:om
U.S. | country:us
Iran | country:ir
Qatar | country:qa

Joint Commission | org:joint-commission
Vienna | city:vienna
"""

ANN["a11"] = """
BRUSSELS | city:brussels
Iran | country:ir
Vienna | city:vienna
France | country:fr
Germany | country:de
Britain | country:gb
Tehran | country:ir

E3 | org:e3
Natanz | place:natanz
Tehran | country:ir

EU | org:eu
Josep Borrell | person:josep-borrell
Borrell | person:josep-borrell
Brussels | city:brussels

Enrique Mora | person:enrique-mora
Joint Commission | org:joint-commission
Vienna | city:vienna
Russia | country:ru
Mikhail Ulyanov | person:mikhail-ulyanov
Twitter | org:twitter

US | country:us
Iran | country:ir
Anke Vogel | person:anke-vogel
Frankfurt | city:frankfurt

International Atomic Energy Agency | org:iaea
Iran | country:ir

U.N. | org:un
Trump | person:donald-trump

London | city:london
"""

ANN["a12"] = """
VIENNA | city:vienna
Meridian Wire | org:meridian-wire
International Atomic Energy Agency | org:iaea
Iran | country:ir
Natanz | place:natanz
Iran | country:ir

IAEA | org:iaea
Rafael Grossi | person:rafael-grossi
Meridian Wire | org:meridian-wire
Iran | country:ir

Iran | country:ir
Mohammad Bagher Ghalibaf | person:mohammad-bagher-ghalibaf
Hassan Rouhani | person:hassan-rouhani
Iran | country:ir
Natanz | place:natanz

Washington | city:washington
Joe Biden | person:joe-biden
Iran | country:ir

Abbas Araghchi | person:abbas-araghchi
Joint Commission | org:joint-commission

Iran | country:ir
Ayatollah Ali Khamenei | person:ali-khamenei
Iran | country:ir

Araghchi | person:abbas-araghchi
U.S. | country:us
Robert Malley | person:robert-malley
"""

ANN["a13"] = """
TEHRAN | city:tehran
Ayatollah Seyyed Ali Khamene\u2019i | person:ali-khamenei
Vienna | city:vienna
Iran | country:ir

Ayatollah Khamene\u2019i | person:ali-khamenei

Leader | person:ali-khamenei
Abbas Araqchi | person:abbas-araghchi

Tehran | city:tehran
University of Tehran | org:university-of-tehran

Hassan Rohani | person:hassan-rouhani
Natanz | place:natanz
Rohani | person:hassan-rouhani
Iran | country:ir

Reza Mousavi | person:reza-mousavi
Leader | person:ali-khamenei
Leader | person:ali-khamenei
Mousavi | person:reza-mousavi
Washington | city:washington

Vienna | city:vienna
"""

ANN["a14"] = """
VIENNA | city:vienna
Meridian Wire | org:meridian-wire
Iran | country:ir
Vienna | city:vienna

Iran | country:ir
Abbas Araghchi | person:abbas-araghchi
Joint Commission | org:joint-commission

Russia | country:ru
Mikhail Ulyanov | person:mikhail-ulyanov
Twitter | org:twitter
EU | org:eu
Enrique Mora | person:enrique-mora

Washington | country:us
U.S. | country:us
United States | country:us

China | country:cn
Wang Qun | person:wang-qun

Iran | country:ir
Natanz | place:natanz
Lausanne | city:lausanne

IAEA | org:iaea
Iran | country:ir
United States | country:us
"""

ANN["a15"] = """
VIENNA | city:vienna
Meridian Wire | org:meridian-wire
Iran | country:ir
Vienna | city:vienna
Washington | country:us
Tehran | country:ir

Austria | country:at
Alexander Schallenberg | person:alexander-schallenberg
Vienna | city:vienna

U.S. | country:us
Iran | country:ir
Robert Malley | person:robert-malley
Washington | city:washington
Vienna | city:vienna
Richard Nephew | person:richard-nephew
U.S. | country:us
Malley | person:robert-malley
Washington | country:us
Iran | country:ir

Sarah Malley | person:sarah-malley
London | city:london
Brenner Institute | org:brenner-institute
Malley | person:sarah-malley

Ali Vaez | person:ali-vaez
International Crisis Group | org:crisis-group
Vaez | person:ali-vaez
Ali Khamenei | person:ali-khamenei

Tehran | country:ir
Iran | country:ir
Abbas Araghchi | person:abbas-araghchi
Tehran | city:tehran

Russia | country:ru
Mikhail Ulyanov | person:mikhail-ulyanov
Twitter | org:twitter
Joint Commission | org:joint-commission
European Union | org:eu
Enrique Mora | person:enrique-mora

IAEA | org:iaea
Iran | country:ir
Rafael Grossi | person:rafael-grossi
Tehran | country:ir
"""

ANN["a16"] = """
TEHRAN | city:tehran
Tehran | city:tehran
Vienna | city:vienna

Mohammad Reza Nazari | person:mohammad-reza-nazari
Majlis | org:majlis
Majlis | org:majlis
Nazari | person:mohammad-reza-nazari
Alborz Times | org:alborz-times
Vienna | city:vienna

Mohammad-Baqer Qalibaf | person:mohammad-bagher-ghalibaf
Majlis | org:majlis
Vienna | city:vienna

Mohammad-Javad Zarif | person:mohammad-javad-zarif
Seyed Abbas Araqchi | person:abbas-araghchi
Leader | person:ali-khamenei
Vienna | city:vienna
Zarif | person:mohammad-javad-zarif
Ayatollah Khamene\u2019i | person:ali-khamenei
Majlis | org:majlis

Reza Mousavi | person:reza-mousavi
Zarif | person:mohammad-javad-zarif
Mousavi | person:reza-mousavi
Mir-Hossein Mousavi | person:mir-hossein-mousavi

Atomic Energy Organization of Iran | org:aeoi
Ali-Akbar Salehi | person:ali-akbar-salehi
Natanz | place:natanz
Iran | country:ir
United Nations | org:un
Salehi | person:ali-akbar-salehi
IAEA | org:iaea

Vienna | city:vienna
Russia | country:ru
Mikhail Ulianov | person:mikhail-ulyanov
Tehran | country:ir
UN | org:un

Hassan Rohani | person:hassan-rouhani
Tehran | city:tehran
Washington | country:us
Rohani | person:hassan-rouhani

Iran | country:ir
"""

ANN["a17"] = """
WASHINGTON | city:washington
Washington | city:washington
Vienna | city:vienna
Washington | country:us
Tehran | country:ir

Robert Malley | person:robert-malley
Malley | person:robert-malley
State Department | org:state-department
Ned Price | person:ned-price
Price | person:ned-price

Jake Sullivan | person:jake-sullivan
Dan Sullivan | person:dan-sullivan
Alaska | place:alaska
Armed Services Committee | org:senate-armed-services
Sullivan | person:dan-sullivan

Kim Jong Un | person:kim-jong-un
North Korea | country:kp
Helen Kim | person:helen-kim
Atlantic Nonproliferation Forum | org:atlantic-nonproliferation-forum
Vienna | city:vienna
Tehran | country:ir
America | country:us
Kim | person:helen-kim

E.U. | org:eu
Josep Borrell | person:josep-borrell
European Union | org:eu
Enrique Mora | person:enrique-mora
Abbas Araghchi | person:abbas-araghchi
France | country:fr
Germany | country:de
UK | country:gb
Iran | country:ir
Britain | country:gb
Revolutionary Guards | org:irgc

Ayatollah Ali Khamenei | person:ali-khamenei
Israel | country:il
Natanz | place:natanz

United States | country:us
"""

ANN["a18"] = """
VIENNA | city:vienna
Vienna | city:vienna
Austria | country:at

Austria | country:at
Vienna | city:vienna
Ringstra\u00dfe | place:ringstrasse
Grand Hotel | place:grand-hotel

EU | org:eu
UK | country:gb
US | country:us
Britain | country:gb
United Kingdom | country:gb
France | country:fr
Germany | country:de

Washington | country:us
Sarah Malley | person:sarah-malley
Brenner Institute | org:brenner-institute
London | city:london
United States | country:us
Malley | person:sarah-malley

J\u00fcrgen Weiss | person:jurgen-weiss
Hamburg | city:hamburg
European Union | org:eu
Weiss | person:jurgen-weiss

International Atomic Energy Agency | org:iaea
IAEA | org:iaea
Iran | country:ir
Rafael Grossi | person:rafael-grossi
Russia | country:ru
Mikhail Ulyanov | person:mikhail-ulyanov
Twitter | org:twitter
UN | org:un

London | city:london
"""

ARTICLES = dict(A)
ARTICLES["r1"], ARTICLES["r2"] = R1, R2
# The analysed, non-duplicate documents: the 18 distinct articles.  The reprints r1 and r2 are
# near-duplicates (ingest links them to a02 and a06 and does not index them) and the JSONL copy of
# a12 is an exact duplicate, so none of them is in actors_truth.json; the r1/r2 lists above are kept
# for anyone who wants to score them too.
ORDER = ["a01", "a02", "a03", "a04", "a05", "a06", "a07", "a08", "a09", "a10", "a11", "a12", "a13",
         "a14", "a15", "a16", "a17", "a18"]


def parse(block):
    rows = []
    for line in block.strip().splitlines():
        if not line.strip():
            continue
        surface, entity = [x.strip() for x in line.split("|")]
        assert entity in ENTITIES, f"unknown entity {entity}"
        rows.append((surface, entity))
    return rows


def is_word_char(c):
    return c.isalnum() or c == "_"


def locate(text, rows, key):
    """Find each surface in reading order as a whole word; return (surface, occurrence, entity, start)."""
    out, cursor = [], 0
    for surface, entity in rows:
        p = cursor
        while True:
            p = text.find(surface, p)
            if p < 0:
                sys.exit(f"{key}: {surface!r} ({entity}) not found after offset {cursor}")
            before = text[p - 1] if p > 0 else " "
            after = text[p + len(surface)] if p + len(surface) < len(text) else " "
            if not is_word_char(before) and not is_word_char(after):
                break
            p += 1
        occ = 0
        q = text.find(surface)
        while q != -1 and q <= p:
            occ += 1
            q = text.find(surface, q + 1)
        out.append((surface, occ, entity, p))
        cursor = p + len(surface)
    return out


def warn_unannotated(text, located, key):
    """Whole-word occurrences of an annotated surface that no annotation covers: to review."""
    spans = [(p, p + len(s)) for s, _, _, p in located]
    for surface in sorted({s for s, _, _, _ in located}):
        for m in re.finditer(re.escape(surface), text):
            a, b = m.span()
            before = text[a - 1] if a > 0 else " "
            after = text[b] if b < len(text) else " "
            if is_word_char(before) or is_word_char(after):
                continue
            if any(s <= a and b <= e for s, e in spans):
                continue
            ctx = text[max(0, a - 30):b + 30].replace("\n", " ")
            print(f"  note {key}: unannotated {surface!r}: ...{ctx}...", file=sys.stderr)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    export = json.load(open(sys.argv[1], encoding="utf-8"))
    by_title = {}
    for d in export["documents"]:
        by_title.setdefault(d.get("title"), []).append(d)
    docs, used = [], set()
    for key in ORDER:
        art = ARTICLES[key]
        cands = by_title.get(art["title"], [])
        if not cands:
            print(f"{key}: not among the analysed documents (a duplicate?), skipped", file=sys.stderr)
            continue
        d = cands[0]
        text = d["text"]
        located = locate(text, parse(ANN[key]), key)
        warn_unannotated(text, located, key)
        used.update(e for _, _, e, _ in located)
        docs.append({
            "key": key,
            "source": d["source"],
            "title": art["title"],
            "mentions": [{"text": s, "occurrence": o, "entity": e, "type": etype(e)}
                         for s, o, e, _ in located],
        })
    n_mentions = sum(len(d["mentions"]) for d in docs)
    sizes = {}
    for d in docs:
        for m in d["mentions"]:
            sizes[m["entity"]] = sizes.get(m["entity"], 0) + 1
    pairs = sum(n * (n - 1) // 2 for n in sizes.values())
    doc = {
        "about": "Gold actor mentions for the dossier example corpus (invented articles, see README.md): every "
                 "mention of a person, organisation or place name in the analysed text of each non-duplicate "
                 "document, with the entity it refers to. A capital or seat of government that acts stands for "
                 "its state or organisation (\"Tehran rejected\" -> country:ir, \"the White House said\" -> "
                 "country:us, \"Brussels hopes\" -> org:eu); the same name used as a place is the city "
                 "(\"talks in Vienna\", \"returned to Washington\", \"the regime in Tehran\", \"what they call it in Washington\"). Demonyms (Iranian, American, the Europeans), "
                 "dates and numbers are not annotated (\"Gulf Arab governments\" is a demonym); office titles (President, "
                 "Supreme Leader, Foreign Minister) are outside the name, honorifics of style (Ayatollah, Prince, Seyed) "
                 "inside it; possessives are annotated by their name part (\"Iran's\" -> \"Iran\"); nested "
                 "names are not annotated separately (\"Atomic Energy Organization of Iran\" is one ORG mention, "
                 "its \"Iran\" is not another). A mention is located by `text` and `occurrence`: the n-th "
                 "position, counting from 1 left to right, at which the exact string `text` starts in the "
                 "document's analysed `text` (case-sensitive substring match; offsets are Unicode code points). "
                 "Documents are identified by `source` as `dossier analyze examples/corpus` prints it. Written by "
                 "reading; generated by make_actors_truth.py.",
        "types": {"PER": "person", "ORG": "organisation", "LOC": "country, city or other place"},
        "entities": {e: {"type": etype(e), "description": ENTITIES[e]} for e in ENTITIES if e in used},
        "documents": docs,
        "summary": {"documents": len(docs), "mentions": n_mentions, "entities": len(sizes),
                    "gold_pairs": pairs},
    }
    with open(os.path.join(HERE, "actors_truth.json"), "w", encoding="utf-8") as f:
        f.write(json.dumps(doc, indent=1, ensure_ascii=False) + "\n")
    print(f"wrote actors_truth.json: {doc['summary']}")


if __name__ == "__main__":
    main()
