select "pages"."id"
  from "pages"
  left join "institutions" on "institutions"."id" = "pages"."institution_id"
  where ("institutions"."region_code" = $1 and "institutions"."municipality_id" = $2);
-- parameters: ["77",12]
