SELECT employee_id, team_id, role, valid_from, valid_to
FROM team_membership
