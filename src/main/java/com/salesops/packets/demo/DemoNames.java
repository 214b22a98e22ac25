package com.salesops.packets.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/** Word lists for people, accounts and partners; names are drawn with the generator's random source. */
final class DemoNames {

    /** A display name and its ASCII form for e-mail addresses. */
    record Name(String display, String ascii) {
    }

    /** A person's full name and e-mail address. */
    record Person(String fullName, String email) {
    }

    private static final List<Name> FIRST = names(
            "Olivia", "Liam", "Emma", "Noah", "Ava", "Mateo", "Sofia", "Ethan", "Isabella", "Lucas",
            "Mia", "Aarav", "Priya", "Hiroshi", "Yuki", "Chloé:chloe", "Björn:bjorn", "Ingrid", "Fatima",
            "Omar", "Amara", "Kwame", "Elena", "Dmitri", "Anya", "Siobhán:siobhan", "Connor", "Grace",
            "Rafael", "Camila", "Diego", "Lucía:lucia", "Nikolai", "Hannah", "Jonas", "Leila", "Arjun",
            "Mei", "Jin", "Soo-ah:sooah", "Tomás:tomas", "Maya", "Daniel", "Sarah", "Michael", "Laura",
            "David", "Julia", "Samuel", "Chiara", "Marco", "Aisha", "Ibrahim", "Nadia", "Pieter",
            "Freya", "Oscar", "Zara", "Kenji", "Ana");
    private static final List<Name> LAST = names(
            "Smith", "Johnson", "Garcia", "Martinez", "Brown", "Nguyen", "Patel", "Kim", "Tanaka",
            "Okafor", "Mensah", "Rossi", "Bianchi", "Dubois", "Lefèvre:lefevre", "Schmidt", "Schneider",
            "Fischer", "Novak", "Kowalski", "Andersson", "Johansson", "Nielsen", "O'Brien:obrien",
            "Murphy", "Walsh", "Silva", "Santos", "Costa", "Fernández:fernandez", "López:lopez", "Ivanova",
            "Petrov", "Cohen", "Levi", "Haddad", "Khan", "Sharma", "Gupta", "Chen", "Wong", "Park",
            "Sato", "Suzuki", "Walker", "Hughes", "Clarke", "Taylor", "Wilson", "Moreau", "Van Dijk:vandijk",
            "De Vries:devries", "Horvat", "Yilmaz", "Demir", "Adeyemi", "Osei", "Reyes", "Ortiz", "Kaur");
    /** Written family name first, as it is written; e-mail uses the pinyin. */
    private static final List<Name> CJK_FULL = names(
            "王伟:wang.wei", "李娜:li.na", "张敏:zhang.min", "刘洋:liu.yang", "陈静:chen.jing");
    /** The first people generated, so every dataset has these names whatever its size. */
    private static final List<Name> PINNED = names(
            "Łukasz Nowak:lukasz.nowak", "Zoë Müller:zoe.mueller", "王伟:wang.wei", "José García:jose.garcia",
            "Anneliese Müller:anneliese.mueller", "Søren Østergaard:soren.ostergaard");

    private static final List<String> ACCOUNT_WORDS = List.of(
            "Northwind", "Bluepeak", "Ironbridge", "Silverline", "Redwood", "Clearwater", "Brightstone",
            "Evergreen", "Highland", "Granite", "Summit", "Harbor", "Copperfield", "Lakeside", "Falcon",
            "Meridian", "Orchard", "Pinecrest", "Quarry", "Riverbend", "Stonegate", "Tidewater", "Westbrook",
            "Aurora", "Beacon", "Cobalt", "Driftwood", "Emberly", "Foxglove", "Goldleaf", "Hollowell",
            "Juniper", "Keystone", "Larkspur", "Moonrise", "Nimbus", "Oakridge", "Polaris", "Sablewood",
            "Thornbury", "Umber", "Vantage", "Willowmere", "Yellowfin", "Zephyr", "Alder", "Birchwood",
            "Crescent", "Dunmore", "Eastgate");
    private static final List<String> ACCOUNT_TRADES = List.of(
            "Logistics", "Health", "Bank", "Foods", "Energy", "Systems", "Insurance", "Retail", "Pharma",
            "Manufacturing", "Airlines", "Telecom", "Media", "Analytics", "Biotech", "Capital", "Motors",
            "Hotels", "Shipping", "Software", "Utilities", "Education", "Construction", "Mining",
            "Apparel", "Labs", "Freight", "Credit Union", "Hospitals", "Robotics");
    private static final List<List<String>> LEGAL_FORMS = List.of(
            List.of("Inc.", "LLC", "Corp.", ""),
            List.of("GmbH", "Ltd", "S.A.", "AG", "B.V.", "S.p.A.", "AB", ""),
            List.of("Pty Ltd", "K.K.", "Pte. Ltd.", "Ltd", ""));
    private static final List<String> PARTNERS = List.of(
            "Crestline Partners", "Vantage Resellers", "Meridian Channel Group", "Northstar Integrators",
            "Bluewave Solutions", "Keystone Distribution", "Atlas Systems Integration", "Harborlight Consulting");

    private final SplittableRandom random;
    private final Set<String> usedEmails = new HashSet<>();
    private int pinnedUsed;

    DemoNames(SplittableRandom random) {
        this.random = random;
    }

    /** The next person: the pinned names first, then random first + last names (5 % CJK names). */
    Person nextPerson(String domain) {
        Name name;
        if (pinnedUsed < PINNED.size()) {
            name = PINNED.get(pinnedUsed++);
        } else if (random.nextInt(20) == 0) {
            name = CJK_FULL.get(random.nextInt(CJK_FULL.size()));
        } else {
            Name first = FIRST.get(random.nextInt(FIRST.size()));
            Name last = LAST.get(random.nextInt(LAST.size()));
            name = new Name(first.display() + " " + last.display(), first.ascii() + "." + last.ascii());
        }
        String local = name.ascii();
        for (int n = 2; !usedEmails.add(local); n++) {
            local = name.ascii() + n;
        }
        return new Person(name.display(), local + "@" + domain);
    }

    /** {@code count} distinct account names for a region (legal forms by region). */
    List<String> accounts(int regionIndex, int count) {
        List<String> legal = LEGAL_FORMS.get(regionIndex % LEGAL_FORMS.size());
        int max = ACCOUNT_WORDS.size() * ACCOUNT_TRADES.size();
        Set<String> seen = new HashSet<>();
        List<String> accounts = new ArrayList<>();
        while (accounts.size() < Math.min(count, max)) {
            String base = ACCOUNT_WORDS.get(random.nextInt(ACCOUNT_WORDS.size())) + " "
                    + ACCOUNT_TRADES.get(random.nextInt(ACCOUNT_TRADES.size()));
            if (seen.add(base)) {
                String form = legal.get(random.nextInt(legal.size()));
                accounts.add(form.isEmpty() ? base : base + " " + form);
            }
        }
        return accounts;
    }

    String partner() {
        return PARTNERS.get(random.nextInt(PARTNERS.size()));
    }

    private static List<Name> names(String... entries) {
        List<Name> names = new ArrayList<>();
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            names.add(colon < 0
                    ? new Name(entry, entry.toLowerCase(Locale.ROOT))
                    : new Name(entry.substring(0, colon), entry.substring(colon + 1)));
        }
        return List.copyOf(names);
    }
}
