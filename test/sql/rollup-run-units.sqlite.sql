select "unit_kind", "unit_key", "audited", "total_sum", "covered", "levels_json"
  from "audit_unit_rollups"
  where "run_id" = ? and ("unit_kind" = ? or ("unit_kind" = ? and "region_key" = ?));
-- parameters: [9,"country","municipality","77"]

select "region_code", "municipality_id", "level", count(*) as "n", sum("total") as "total_sum"
  from "audit_page_results"
  where "run_id" = ?
  group by "region_code", "municipality_id", "level";
-- parameters: [9]

select "region_code", "municipality_id", count(distinct "institution_id") as "covered"
  from "audit_page_results"
  where "run_id" = ? and "verified" = ? and "institution_id" is not null
  group by "region_code", "municipality_id";
-- parameters: [9,1]

delete
  from "audit_unit_rollups"
  where "run_id" = ?;
-- parameters: [9]

insert into "audit_unit_rollups" ("run_id", "unit_kind", "region_key", "unit_key", "audited", "total_sum", "covered", "levels_json") values (?, ?, ?, ?, ?, ?, ?, ?)
  on conflict ("run_id", "unit_kind", "region_key", "unit_key") do update set "audited" = "excluded"."audited", "total_sum" = "excluded"."total_sum", "covered" = "excluded"."covered", "levels_json" = "excluded"."levels_json";
-- parameters: [9,"country","","",0,0,0,"{}"]

select "unit_kind", "unit_key", "audited", "total_sum", "covered", "levels_json"
  from "audit_unit_rollups"
  where "run_id" = ? and ("unit_kind" = ? or ("unit_kind" = ? and "region_key" = ?));
-- parameters: [9,"country","municipality","77"]
