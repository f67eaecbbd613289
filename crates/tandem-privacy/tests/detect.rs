//! Each detector on its formats and on the hard negatives that share its shape.

use tandem_privacy::{detect, EntityType};

fn found(text: &str) -> Vec<(EntityType, String)> {
    detect(text)
        .into_iter()
        .map(|e| (e.kind, e.value))
        .collect()
}

fn assert_finds(kind: EntityType, cases: &[(&str, &str)]) {
    for (text, value) in cases {
        let f = found(text);
        assert!(
            f.contains(&(kind, value.to_string())),
            "{kind} {value:?} not found in {text:?}: {f:?}"
        );
    }
}

fn assert_clean(cases: &[&str]) {
    for text in cases {
        let f = found(text);
        assert!(f.is_empty(), "{text:?} should have no entity: {f:?}");
    }
}

#[test]
fn emails() {
    assert_finds(
        EntityType::Email,
        &[
            (
                "Write to j.doe+news@mail.example.co.uk.",
                "j.doe+news@mail.example.co.uk",
            ),
            (
                "mail: anna_müller@beispiel.de, thanks",
                "anna_müller@beispiel.de",
            ),
            ("<bob@x.io>", "bob@x.io"),
        ],
    );
    assert_clean(&["user@localhost", "@handle on social", "a@b", "foo@bar.1"]);
}

#[test]
fn phones() {
    assert_finds(
        EntityType::Phone,
        &[
            ("Call +44 20 7946 0958 today", "+44 20 7946 0958"),
            ("+1-415-555-0132", "+1-415-555-0132"),
            ("ring (415) 555-0132.", "(415) 555-0132"),
            ("415.555.0132", "415.555.0132"),
            ("office 020 7946 0958", "020 7946 0958"),
            ("mobile 06 12 34 56 78", "06 12 34 56 78"),
            ("tel. 030 1234567", "030 1234567"),
            ("0151 23456789", "0151 23456789"),
            ("0044 20 7946 0958", "0044 20 7946 0958"),
        ],
    );
    assert_clean(&[
        "order #123456789",
        "Order No. 4481-2290-1177",
        "ISBN 978-3-16-148410-0",
        "ISBN 0-306-40615-2",
        "on 2024-01-15 and 15.01.2024 or 01/15/2024",
        "it costs 1,299.00 euros",
        "pi is 3.14159265",
        "version 2.0.1.15",
        "at 12:30:45",
    ]);
}

#[test]
fn cards() {
    assert_finds(
        EntityType::CreditCard,
        &[
            ("card 4539 1488 0343 6467 exp 04/27", "4539 1488 0343 6467"),
            ("4539-1488-0343-6467", "4539-1488-0343-6467"),
            ("Amex 3714 496353 98431", "3714 496353 98431"),
            ("5555555555554444", "5555555555554444"),
            // A card's own "no." or "#" is no reference number.
            ("Card no. 4539 1488 0343 6467", "4539 1488 0343 6467"),
            ("Kartennr. 4539148803436467", "4539148803436467"),
            ("Visa #4539-1488-0343-6467", "4539-1488-0343-6467"),
        ],
    );
    // Luhn-invalid, an ISBN-13 that is not a card, and an order number after its cue.
    assert_clean(&[
        "4539 1488 0343 6468",
        "9783161484100",
        "Order no. 4539148803436467",
    ]);
}

#[test]
fn ibans() {
    assert_finds(
        EntityType::Iban,
        &[
            (
                "IBAN DE89 3704 0044 0532 0130 00 please",
                "DE89 3704 0044 0532 0130 00",
            ),
            ("GB82WEST12345698765432.", "GB82WEST12345698765432"),
            ("NL91ABNA0417164300 EUR", "NL91ABNA0417164300"),
        ],
    );
    assert_clean(&["DE89 3704 0044 0532 0130 01", "AB12 is a code"]);
}

#[test]
fn ips() {
    assert_finds(
        EntityType::IpAddress,
        &[
            ("server 192.168.1.20 is down", "192.168.1.20"),
            ("ping 10.0.0.1.", "10.0.0.1"),
            (
                "2001:0db8:85a3:0000:0000:8a2e:0370:7334",
                "2001:0db8:85a3:0000:0000:8a2e:0370:7334",
            ),
            ("use 2001:db8::1 here", "2001:db8::1"),
            ("localhost is ::1.", "::1"),
            ("fe80::1ff:fe23:4567:890a", "fe80::1ff:fe23:4567:890a"),
        ],
    );
    assert_clean(&[
        "v1.2.3.4",
        "version 2.0.1.15",
        "1.2.3.4.5",
        "999.1.1.1",
        "std::net::Ipv6Addr",
        "12:30:45",
    ]);
}

#[test]
fn urls() {
    assert_finds(
        EntityType::Url,
        &[
            (
                "see https://example.com/path?q=1.",
                "https://example.com/path?q=1",
            ),
            (
                "(http://sub.domain.org/a/b.html)",
                "http://sub.domain.org/a/b.html",
            ),
            ("www.example.net/page, then", "www.example.net/page"),
            (
                "https://en.wikipedia.org/wiki/Foo_(bar)",
                "https://en.wikipedia.org/wiki/Foo_(bar)",
            ),
        ],
    );
    assert_clean(&["report_2024.pdf", "example.com", "www.", "http://"]);
}

#[test]
fn people() {
    assert_finds(
        EntityType::Person,
        &[
            ("My name is Tavren Okafor-Blyth.", "Tavren Okafor-Blyth"),
            ("Dear Ilsabet,", "Ilsabet"),
            ("Dr. Qorvani said so", "Qorvani"),
            ("I met Zoë Müller yesterday", "Zoë Müller"),
            ("Łukasz Wiśniewski wrote to me", "Łukasz Wiśniewski"),
            ("Ask Søren Ødegaard about it", "Søren Ødegaard"),
            ("Siobhán Ní Bhriain and I", "Siobhán Ní Bhriain"),
            ("a letter from Ludwig van Beethoven", "Ludwig van Beethoven"),
            ("Best regards,\nNgozi Okonkwo", "Ngozi Okonkwo"),
            ("send it to Jean-Luc O'Brien", "Jean-Luc O'Brien"),
            ("Is Maria's flight late?", "Maria"),
        ],
    );
    assert_clean(&[
        "Monday in New York",
        "Machine Learning is fun.",
        "The Great Gatsby",
        "May I ask a question?",
        "Will it rain?",
        "Please summarise this report.",
    ]);
}

#[test]
fn street_addresses() {
    assert_finds(
        EntityType::StreetAddress,
        &[
            ("I live at 221B Baker Street, London", "221B Baker Street"),
            ("1600 Pennsylvania Avenue NW", "1600 Pennsylvania Avenue NW"),
            ("42 Elm St. is mine", "42 Elm St."),
            ("12 rue de Rivoli, 75001 Paris", "12 rue de Rivoli"),
            ("5 avenue des Champs-Élysées", "5 avenue des Champs-Élysées"),
            ("Hauptstraße 5, 10115 Berlin", "Hauptstraße 5"),
            ("Bahnhofstr. 12a", "Bahnhofstr. 12a"),
            ("Kerkstraat 112", "Kerkstraat 112"),
            ("Calle Mayor 15", "Calle Mayor 15"),
            ("Via Roma 10", "Via Roma 10"),
        ],
    );
    assert_clean(&["I bought 3 apples", "Chapter 5 of the book", "10115 Berlin"]);
}

#[test]
fn people_from_context_and_the_bundled_lists() {
    assert_finds(
        EntityType::Person,
        &[
            ("#ops\n@Karin the staging box is down", "Karin"),
            ("Merci pour tout. Bisous, Inès", "Inès"),
            ("Serena  10:04 AM\nthe deploy failed", "Serena"),
            (
                "[26/12/2025 9:16] Ilinca Aðalsteinsson: are you there?",
                "Ilinca Aðalsteinsson",
            ),
            ("Hej Oskar! Påminnelse om din tid", "Oskar"),
            ("RSVP by Friday to Quinino on +44 7949 391092.", "Quinino"),
            (
                "overmaken naar NL79 TRIO 4166 2652 10 t.n.v. Lotte Veld, o.v.v. huur",
                "Lotte Veld",
            ),
            (
                "Przypomnienie: wizyta u lek. Caluia Ithaecka w dniu 1 lutego",
                "Caluia Ithaecka",
            ),
            // A name found once is found again where its word stands alone.
            (
                "I have known Marinona Ithinano since 1998, when Marinona joined us.",
                "Marinona",
            ),
            ("Attendees: Hjalmar, Séamus and the team", "Séamus"),
            ("From: Marcus V. Walsh <m@x.io>", "Marcus V. Walsh"),
            // One name as the ticket writes it, the title left out.
            (
                "Passenger: DE LA TOUR/SIGRÍÐUR MS  Seat 85C",
                "DE LA TOUR/SIGRÍÐUR",
            ),
            ("1. FITZGERALD/CAOIMHE MS  seat 11E", "FITZGERALD/CAOIMHE"),
            (
                "2. CASTELLS GOMEZ/BEGONA MS  seat 11B",
                "CASTELLS GOMEZ/BEGONA",
            ),
            (
                "hey assistant, text olivia that i'm late and call ivana horvat at 087 030 8099",
                "ivana horvat",
            ),
            ("group chat\nzoë: party at mine", "zoë"),
            ("Nom : EL-AMIN\nPrénom : Layla", "EL-AMIN"),
        ],
    );
    // Capitalised everyday words are titles, organisations and labels, not people; German
    // capitalises every noun.
    assert_clean(&[
        "Sign up for Corporate Finance and the Open Source Summit.",
        "We stayed at the Riverside Café near the Central Library.",
        "Guten Tag, Ihr Termin ist bestätigt. Bei Fragen rufen Sie uns an.",
        "Again: the build is green.",
        "Hi all, the Customer Success team meets on Tue Jan 14.",
        "Passenger: ROUSSEAU/NEKTHASEL MS  Seat 48F"
            .split("Passenger: ROUSSEAU/NEKTHASEL MS  ")
            .nth(1)
            .unwrap_or(""),
    ]);
}

#[test]
fn street_lines_in_more_forms() {
    assert_finds(
        EntityType::StreetAddress,
        &[
            ("Adres: ul. Lipowa 124, 00-001 Warszawa", "ul. Lipowa 124"),
            ("al. Ogrodowa 59/12, Łódź", "al. Ogrodowa 59/12"),
            ("Wilhelminaweg 191-2, Utrecht", "Wilhelminaweg 191-2"),
            ("Herengracht 240-II", "Herengracht 240-II"),
            ("Sjögatan 53 A, Malmö", "Sjögatan 53 A"),
            ("Prinsengracht 459 bis", "Prinsengracht 459 bis"),
            ("168, quai des Écoles, Lyon", "168, quai des Écoles"),
            ("8176 Orchard Hill Road, Austin", "8176 Orchard Hill Road"),
            ("C/ de Goya 9, Madrid", "C/ de Goya 9"),
            ("Calle de las Flores, 103", "Calle de las Flores, 103"),
            ("Calle Mayor 3, 2º B, Madrid", "Calle Mayor 3, 2º B"),
            (
                "221B Baker Street, Apt 4, London",
                "221B Baker Street, Apt 4",
            ),
            ("500 Main Street Suite 200", "500 Main Street Suite 200"),
            (
                "Adres: Çamlıbel Cad. No: 45, Ankara",
                "Çamlıbel Cad. No: 45",
            ),
            (
                "Bahçelievler Mah. Ihlamur Sk. No:43/2 D: 3",
                "Bahçelievler Mah. Ihlamur Sk. No:43/2",
            ),
            (
                "Değirmen Cad. No: 133 D: 14, 09308",
                "Değirmen Cad. No: 133 D: 14",
            ),
            ("giao đến 363 Đường Cầu Gỗ, Quận 3", "363 Đường Cầu Gỗ"),
            (
                "\"Flat 5, 217 Harrowgate Close\",\"Manchester\"",
                "Flat 5, 217 Harrowgate Close",
            ),
            (
                "Indirizzo: Via delle Rondini, 197/A",
                "Via delle Rondini, 197/A",
            ),
            ("Klaprooslaan 260 II, 1093 Amsterdam", "Klaprooslaan 260 II"),
            (
                "Landstraßer Hauptstraße 126/2/9, Wien",
                "Landstraßer Hauptstraße 126/2/9",
            ),
            ("Vodičkova ulice 1281/12, Praha", "Vodičkova ulice 1281/12"),
            ("Kongens gate 84, Oslo", "Kongens gate 84"),
            ("Unit 6/194 Pitt Road, Sydney", "Unit 6/194 Pitt Road"),
            ("12/282 Pitt Street, Sydney", "12/282 Pitt Street"),
            (
                "Jægersborggade 187, 3. mf., København",
                "Jægersborggade 187, 3. mf.",
            ),
            ("Pitkäkatu 76 B 4, Turku", "Pitkäkatu 76 B 4"),
            (
                "845 Queen Street East Unit 35, Toronto",
                "845 Queen Street East Unit 35",
            ),
        ],
    );
    assert_clean(&["Invoice 2024, page 12 of 30", "Room 12 at 9:30"]);
}

#[test]
fn offsets_are_bytes_on_char_boundaries() {
    let text = "Zoë: zoë@exämple.de, +49 30 1234567";
    for e in detect(text) {
        assert_eq!(&text[e.start..e.end], e.value);
    }
}

#[test]
fn never_panics_on_odd_input() {
    for text in [
        "",
        "[",
        "@",
        "@@.",
        "+",
        "(",
        "::",
        "....",
        "ÄÖÜ",
        "\u{0}",
        "1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9",
        "http://[",
        "www.ä",
        "DE89",
        "Dr.",
        "My name is",
        "0",
        "+(",
        "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 Ünïcödé",
    ] {
        let _ = detect(text);
    }
}

#[test]
fn never_panics_on_random_text() {
    // Deterministic noise over the characters detectors branch on, in every mix.
    let alphabet: Vec<char> = "aZ09 .,:;@+-/()[]#'’\n\tÄéŁ€w:h/t?p=_%www.DE89IBAN0044"
        .chars()
        .collect();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..20_000 {
        let len = (state >> 58) as usize;
        let text: String = (0..len)
            .map(|_| {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                alphabet[(state >> 33) as usize % alphabet.len()]
            })
            .collect();
        for e in detect(&text) {
            assert_eq!(&text[e.start..e.end], e.value);
        }
    }
}
