select "institutions"."municipality_id" as "unit", count(*) as "institutions", sum(case when exists (select "pages"."id"
  from "pages"
  where "pages"."institution_id" = "institutions"."id") then 1 else 0 end) as "with_page"
  from "institutions"
  where "institutions"."region_code" = ? and "institutions"."region_code" = ?
  group by "institutions"."municipality_id";
-- parameters: ["77","77"]
