select "pages"."id"
  from "pages"
  left join "institutions" on "institutions"."id" = "pages"."institution_id"
  where 1 = 1;
-- parameters: []
