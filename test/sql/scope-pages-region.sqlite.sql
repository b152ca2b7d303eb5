select "pages"."id"
  from "pages"
  left join "institutions" on "institutions"."id" = "pages"."institution_id"
  where "institutions"."region_code" = ?;
-- parameters: ["77"]
