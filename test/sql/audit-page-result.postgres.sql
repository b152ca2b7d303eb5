select "audit_page_results"."run_id", "audit_page_results"."region_code", "audit_page_results"."kind", "audit_page_results"."total", "audit_page_results"."level", "audit_page_results"."categories_json", "audit_page_results"."results_json", "audit_runs"."methodology_version", "audit_runs"."methodology_hash", "audit_runs"."period_start", "audit_runs"."period_end"
  from "audit_page_results"
  inner join "audit_runs" on "audit_runs"."id" = "audit_page_results"."run_id"
  where "audit_page_results"."page_id" = $1 and "audit_page_results"."institution_id" = $2 and "audit_runs"."status" = $3 and "audit_page_results"."run_id" = $4
  order by "audit_page_results"."run_id" desc
  limit $5;
-- parameters: [77,345,"done",9,1]
