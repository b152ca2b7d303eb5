select "pages"."id"
  from "pages"
  left join "institutions" on "institutions"."id" = "pages"."institution_id"
  where "institutions"."id" = ?;
-- parameters: [345]
