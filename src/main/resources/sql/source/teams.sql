SELECT team_id, name, parent_team_id, manager_id
FROM sales_team
