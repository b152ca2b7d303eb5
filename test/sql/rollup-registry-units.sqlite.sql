select (select version
  from data_version
  where id = 1) as v,
           (select max(id)
  from institutions) as mi,
           (select max(id)
  from pages) as mp,
           (select stamp
  from registry_unit_counts
  where unit_kind = 'country' and region_key = '' and unit_key = '') as s;
-- parameters: []

select "institutions"."region_code", "institutions"."municipality_id", count(*) as "institutions", sum(case when exists (select "pages"."id"
  from "pages"
  where "pages"."institution_id" = "institutions"."id") then 1 else 0 end) as "with_page"
  from "institutions"
  group by "institutions"."region_code", "institutions"."municipality_id";
-- parameters: []

delete
  from "registry_unit_counts";
-- parameters: []

insert into "registry_unit_counts" ("unit_kind", "region_key", "unit_key", "institutions", "with_page", "stamp") values (?, ?, ?, ?, ?, ?)
  on conflict ("unit_kind", "region_key", "unit_key") do update set "institutions" = "excluded"."institutions", "with_page" = "excluded"."with_page", "stamp" = "excluded"."stamp";
-- parameters: ["country","","",0,0,"0:0:0"]

select "unit_key", "institutions", "with_page"
  from "registry_unit_counts"
  where "unit_kind" = ?;
-- parameters: ["region"]
