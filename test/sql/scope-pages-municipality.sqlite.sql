select "pages"."id"
  from "pages"
  left join "institutions" on "institutions"."id" = "pages"."institution_id"
  where ("institutions"."region_code" = ? and "institutions"."municipality_id" = ?);
-- parameters: ["77",12]
