SELECT employee_id, `month`, amount, currency
FROM rep_quota
WHERE `month` BETWEEN ? AND ?
