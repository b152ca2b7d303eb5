select "pages"."id", "pages"."url", "pages"."platform", "pages"."status", "pages"."last_collected_at", "institutions"."id" as "institution_id", "institutions"."full_name", "institutions"."short_name", "institutions"."kind", "institutions"."region_code", "institutions"."municipality_id", "r"."total", "r"."level", "r"."verified", "prev"."total" as "previous_total"
  from "pages"
  left join "institutions" on "institutions"."id" = "pages"."institution_id"
  left join "audit_page_results" as "r" on "r"."page_id" = "pages"."id" and "r"."run_id" = ?
  left join "audit_page_results" as "prev" on "prev"."page_id" = "pages"."id" and "prev"."run_id" = ?
  where "institutions"."region_code" = ? and "institutions"."kind" = ? and "r"."level" = ? and "r"."total" >= ? and ("institutions"."full_name" like ? or "institutions"."short_name" like ? or "pages"."url" like ?)
  order by "r"."total" is null, "r"."total" desc, "pages"."id"
  limit ?
  offset ?;
-- parameters: [9,8,"77","school","basic",20,"%лицей%","%лицей%","%лицей%",50,50]

select count(*) as "n"
  from "pages"
  left join "institutions" on "institutions"."id" = "pages"."institution_id"
  left join "audit_page_results" as "r" on "r"."page_id" = "pages"."id" and "r"."run_id" = ?
  where "institutions"."region_code" = ? and "institutions"."kind" = ? and "r"."level" = ? and "r"."total" >= ? and ("institutions"."full_name" like ? or "institutions"."short_name" like ? or "pages"."url" like ?);
-- parameters: [9,"77","school","basic",20,"%лицей%","%лицей%","%лицей%"]
