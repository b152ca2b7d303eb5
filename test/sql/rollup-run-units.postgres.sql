select "unit_kind", "unit_key", "audited", "total_sum", "covered", "levels_json"
  from "audit_unit_rollups"
  where "run_id" = $1 and ("unit_kind" = $2 or ("unit_kind" = $3 and "region_key" = $4));
-- parameters: [9,"country","municipality","77"]

select "region_code", "municipality_id", "level", count(*) as "n", sum("total") as "total_sum"
  from "audit_page_results"
  where "run_id" = $1
  group by "region_code", "municipality_id", "level";
-- parameters: [9]

select "region_code", "municipality_id", count(distinct "institution_id") as "covered"
  from "audit_page_results"
  where "run_id" = $1 and "verified" = $2 and "institution_id" is not null
  group by "region_code", "municipality_id";
-- parameters: [9,1]

delete
  from "audit_unit_rollups"
  where "run_id" = $1;
-- parameters: [9]

insert into "audit_unit_rollups" ("run_id", "unit_kind", "region_key", "unit_key", "audited", "total_sum", "covered", "levels_json") values ($1, $2, $3, $4, $5, $6, $7, $8)
  on conflict ("run_id", "unit_kind", "region_key", "unit_key") do update set "audited" = "excluded"."audited", "total_sum" = "excluded"."total_sum", "covered" = "excluded"."covered", "levels_json" = "excluded"."levels_json";
-- parameters: [9,"country","","",0,0,0,"{}"]

select "unit_kind", "unit_key", "audited", "total_sum", "covered", "levels_json"
  from "audit_unit_rollups"
  where "run_id" = $1 and ("unit_kind" = $2 or ("unit_kind" = $3 and "region_key" = $4));
-- parameters: [9,"country","municipality","77"]
