SELECT team_id, `month`, amount, currency
FROM team_quota
WHERE `month` BETWEEN ? AND ?
