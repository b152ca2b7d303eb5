select "pages"."id", "pages"."url", "pages"."platform", "pages"."status", "pages"."last_collected_at", "institutions"."id" as "institution_id", "institutions"."full_name", "institutions"."short_name", "institutions"."kind", "institutions"."region_code", "institutions"."municipality_id", "r"."total", "r"."level", "r"."verified", "prev"."total" as "previous_total"
  from "pages"
  left join "institutions" on "institutions"."id" = "pages"."institution_id"
  left join "audit_page_results" as "r" on "r"."page_id" = "pages"."id" and "r"."run_id" = $1
  left join "audit_page_results" as "prev" on "prev"."page_id" = "pages"."id" and "prev"."run_id" = $2
  where ("institutions"."region_code" = $3 and "institutions"."municipality_id" = $4) and ("institutions"."full_name" is null or "institutions"."full_name" > $5 or ("institutions"."full_name" = $6 and "pages"."id" > $7))
  order by "institutions"."full_name" is null, "institutions"."full_name" asc, "pages"."id"
  limit $8;
-- parameters: [9,8,"77",12,"Школа № 5","Школа № 5",120,50]
