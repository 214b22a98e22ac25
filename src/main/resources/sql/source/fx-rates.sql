SELECT currency, `month`, rate_to_base
FROM fx_rate
WHERE `month` <= ?
