SELECT employee_id, full_name, email, hire_date, termination_date
FROM employee
