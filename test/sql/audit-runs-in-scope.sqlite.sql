select *
  from "audit_runs"
  where ("scope" = ? or "scope" = ?)
  order by "id" desc
  limit ?
  offset ?;
-- parameters: ["all","region:77",20,0]

select count(*) as "n"
  from "audit_runs"
  where ("scope" = ? or "scope" = ?);
-- parameters: ["all","region:77"]
