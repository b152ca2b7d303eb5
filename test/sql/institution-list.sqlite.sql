select "institutions"."id", "institutions"."inn", "institutions"."ogrn", "institutions"."full_name", "institutions"."short_name", "institutions"."kind", "institutions"."region_code", "institutions"."municipality_id", "municipalities"."name" as "municipality", "institutions"."website", (select count(*) as "n"
  from "pages"
  where "pages"."institution_id" = "institutions"."id") as "pages"
  from "institutions"
  left join "municipalities" on "municipalities"."id" = "institutions"."municipality_id"
  where "institutions"."region_code" = ? and "institutions"."kind" = ? and ("institutions"."full_name" like ? or "institutions"."short_name" like ?) and not exists (select "pages"."id"
  from "pages"
  where "pages"."institution_id" = "institutions"."id")
  order by "institutions"."full_name" asc, "institutions"."id"
  limit ?
  offset ?;
-- parameters: ["77","school","%7701%","%7701%",25,0]

select count(*) as "n"
  from "institutions"
  where "institutions"."region_code" = ? and "institutions"."kind" = ? and ("institutions"."full_name" like ? or "institutions"."short_name" like ?) and not exists (select "pages"."id"
  from "pages"
  where "pages"."institution_id" = "institutions"."id");
-- parameters: ["77","school","%7701%","%7701%"]
