select "pages"."id", "pages"."url", "pages"."platform", "pages"."status", "pages"."last_collected_at", "institutions"."id" as "institution_id", "institutions"."full_name", "institutions"."short_name", "institutions"."kind", "institutions"."region_code", "institutions"."municipality_id", "r"."total", "r"."level", "r"."verified", "prev"."total" as "previous_total"
  from "pages"
  left join "institutions" on "institutions"."id" = "pages"."institution_id"
  left join "audit_page_results" as "r" on "r"."page_id" = "pages"."id" and "r"."run_id" = $1
  left join "audit_page_results" as "prev" on "prev"."page_id" = "pages"."id" and "prev"."run_id" = $2
  where "institutions"."region_code" = $3 and "institutions"."kind" = $4 and "r"."level" = $5 and "r"."total" >= $6 and ("institutions"."full_name" like $7 or "institutions"."short_name" like $8 or "pages"."url" like $9)
  order by "r"."total" is null, "r"."total" desc, "pages"."id"
  limit $10
  offset $11;
-- parameters: [9,8,"77","school","basic",20,"%лицей%","%лицей%","%лицей%",50,50]

select count(*) as "n"
  from "pages"
  left join "institutions" on "institutions"."id" = "pages"."institution_id"
  left join "audit_page_results" as "r" on "r"."page_id" = "pages"."id" and "r"."run_id" = $1
  where "institutions"."region_code" = $2 and "institutions"."kind" = $3 and "r"."level" = $4 and "r"."total" >= $5 and ("institutions"."full_name" like $6 or "institutions"."short_name" like $7 or "pages"."url" like $8);
-- parameters: [9,"77","school","basic",20,"%лицей%","%лицей%","%лицей%"]
