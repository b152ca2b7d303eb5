select "rule_id", sum("n_pass") as "passed", sum("n_pass" + "n_warn" + "n_fail") as "n"
  from "audit_rule_stats"
  where "run_id" = ?
  group by "rule_id";
-- parameters: [9]
