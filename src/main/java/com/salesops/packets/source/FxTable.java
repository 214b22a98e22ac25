package com.salesops.packets.source;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Monthly rates into the base currency (docs/numbers.md §2): the rate of a month, or of the latest earlier
 * month that has one; the base currency is 1. Currency codes are matched ignoring case and spaces.
 */
public final class FxTable {

    private final String baseCurrency;
    private final Map<String, NavigableMap<YearMonth, BigDecimal>> rates = new HashMap<>();

    public FxTable(String baseCurrency, Collection<FxRate> rows) {
        this.baseCurrency = normalize(baseCurrency);
        for (FxRate row : rows) {
            rates.computeIfAbsent(normalize(row.currency()), c -> new TreeMap<>())
                    .put(YearMonth.from(row.month()), row.rateToBase());
        }
    }

    public static String normalize(String currency) {
        return currency == null ? "" : currency.strip().toUpperCase(Locale.ROOT);
    }

    public String baseCurrency() {
        return baseCurrency;
    }

    /** The rate for {@code currency} in the month of {@code day}, or empty when none at or before it. */
    public Optional<BigDecimal> rate(String currency, LocalDate day) {
        String c = normalize(currency);
        if (c.equals(baseCurrency)) {
            return Optional.of(BigDecimal.ONE);
        }
        NavigableMap<YearMonth, BigDecimal> byMonth = rates.get(c);
        if (byMonth == null) {
            return Optional.empty();
        }
        Map.Entry<YearMonth, BigDecimal> e = byMonth.floorEntry(YearMonth.from(day));
        return e == null ? Optional.empty() : Optional.of(e.getValue());
    }
}
